// scripts/serve.mjs, the static server behind `npm start` and the H5 tests, on a small fixture
// build: content types, directory index files, the 404 page for unknown paths, 404s for missing files, no way out of the build
// directory, and clear messages when the build is missing or the port is taken.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { repoRoot, startH5Server } from './support/h5'

const serveScript = path.join(repoRoot, 'scripts', 'serve.mjs')
let buildDir: string
let server: Awaited<ReturnType<typeof startH5Server>>

function get(url: string, rawPath?: string): Promise<{ status: number; type: string; body: string }> {
  const target = new URL(url)
  return new Promise((resolve, reject) => {
    const req = http.request({ host: target.hostname, port: target.port, path: rawPath ?? target.pathname, method: 'GET' }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), body }))
    })
    req.on('error', reject)
    req.end()
  })
}

beforeAll(async () => {
  buildDir = fs.mkdtempSync(path.join(os.tmpdir(), 'serve-test-'))
  fs.mkdirSync(path.join(buildDir, 'js'))
  fs.writeFileSync(path.join(buildDir, 'index.html'), '<!doctype html><title>健康资讯</title>')
  fs.writeFileSync(path.join(buildDir, 'js', 'app.js'), 'console.log(1)')
  fs.writeFileSync(path.join(buildDir, 'app.css'), 'body{}')
  fs.writeFileSync(path.join(buildDir, '404.html'), '没有找到')
  fs.mkdirSync(path.join(buildDir, 'article', 'abc'), { recursive: true })
  fs.writeFileSync(path.join(buildDir, 'article', 'abc', 'index.html'), 'article abc')
  server = await startH5Server(buildDir)
})

afterAll(async () => {
  await server?.stop()
  fs.rmSync(buildDir, { recursive: true, force: true })
})

test('prints a 127.0.0.1 URL and serves the build with the right content types', async () => {
  expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
  const page = await get(server.url)
  expect(page).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' })
  expect(page.body).toContain('健康资讯')
  expect(await get(`${server.url}js/app.js`)).toMatchObject({ status: 200, type: 'text/javascript; charset=utf-8' })
  expect(await get(`${server.url}app.css`)).toMatchObject({ status: 200, type: 'text/css; charset=utf-8' })
})

test('a directory serves its index.html, unknown page paths the 404 page with status 404, missing files a 404', async () => {
  expect(await get(`${server.url}article/abc/`)).toMatchObject({ status: 200, type: 'text/html; charset=utf-8', body: 'article abc' })
  expect((await get(`${server.url}article/abc`)).status).toBe(301)
  expect(await get(`${server.url}pages/detail/index`)).toMatchObject({ status: 404, type: 'text/html; charset=utf-8', body: '没有找到' })
  expect((await get(`${server.url}js/missing.js`)).status).toBe(404)
})

test('nothing outside the build directory is served', async () => {
  const secret = path.join(path.dirname(buildDir), `${path.basename(buildDir)}-secret.txt`)
  fs.writeFileSync(secret, 'secret')
  try {
    for (const attempt of [`/../${path.basename(secret)}`, `/..%2f${path.basename(secret)}`, `/%2e%2e/${path.basename(secret)}`]) {
      const res = await get(server.url, attempt)
      expect(res.body).not.toContain('secret')
    }
  } finally {
    fs.rmSync(secret)
  }
})

test('a missing build and a taken port give clear messages', () => {
  const missing = spawnSync(process.execPath, [serveScript, path.join(buildDir, 'nope')], { env: { ...process.env, PORT: '0' }, encoding: 'utf8' })
  expect(missing.status).toBe(1)
  expect(missing.stderr).toMatch(/No H5 build found: .*index\.html is missing\. Run "npm run build:h5" first\./)

  const port = new URL(server.url).port
  const taken = spawnSync(process.execPath, [serveScript, buildDir], { env: { ...process.env, PORT: port }, encoding: 'utf8' })
  expect(taken.status).toBe(1)
  expect(taken.stderr).toContain(`Port ${port} on 127.0.0.1 is already in use`)
})

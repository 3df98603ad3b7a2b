// scripts/site/serve.mjs, the static server behind `npm start` and the H5 tests, on a small fixture
// build: content types and nosniff, directory index files, the 404 page for unknown paths, 404s
// for missing files, precompressed copies chosen by Accept-Encoding, the Content-Security-Policy
// from site.json, redirects that stay on the site, no way out of the build directory (symlinks
// included), and clear messages when the build is missing or the port is taken.
// test/e2e/serve-fuzz.test.ts throws a thousand hostile requests at it.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import { repoRoot, startH5Server } from './support/h5'

const serveScript = path.join(repoRoot, 'scripts', 'site', 'serve.mjs')
const CSP = "default-src 'self'; script-src 'self' 'sha256-abc='"
let buildDir: string
let server: Awaited<ReturnType<typeof startH5Server>>

interface Reply {
  status: number
  type: string
  body: string
  headers: http.IncomingHttpHeaders
}

function get(url: string, rawPath?: string, options: { method?: string; headers?: Record<string, string> } = {}): Promise<Reply> {
  const target = new URL(url)
  return new Promise((resolve, reject) => {
    const req = http.request({ host: target.hostname, port: target.port, path: rawPath ?? target.pathname, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), body, headers: res.headers }))
    })
    req.on('error', reject)
    req.end()
  })
}

/** Which copy of app.css came back for this Accept-Encoding (each copy's body names itself). */
async function copyFor(acceptEncoding: string): Promise<string> {
  const res = await get(`${server.url}app.css`, undefined, { headers: { 'Accept-Encoding': acceptEncoding } })
  expect(res.headers.vary).toBe('Accept-Encoding')
  const encoding = res.headers['content-encoding'] ?? 'identity'
  expect(res.body).toBe(encoding === 'br' ? 'brotli copy' : encoding === 'gzip' ? 'gzip copy' : 'body{}')
  return encoding
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
  fs.writeFileSync(path.join(buildDir, 'app.html'), 'app shell')
  fs.writeFileSync(path.join(buildDir, 'site.json'), JSON.stringify({ basePath: '', appPages: ['/pages/detail/index'], contentSecurityPolicy: CSP }))
  // Stand-ins for the build's precompressed copies: the server only picks one, it never decodes.
  fs.writeFileSync(path.join(buildDir, 'app.css.br'), 'brotli copy')
  fs.writeFileSync(path.join(buildDir, 'app.css.gz'), 'gzip copy')
  for (const name of ['sitemap.xml', 'robots.txt', 'manifest.webmanifest', 'card.png', 'font.woff2', 'icon.svg', 'icon.ico', 'data.json', 'blob.bin']) {
    fs.writeFileSync(path.join(buildDir, name), 'x')
  }
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

test('every kind of file the build writes goes out with its own type, anything else as a download, all with nosniff', async () => {
  const expected: Record<string, string> = {
    'sitemap.xml': 'application/xml; charset=utf-8',
    'robots.txt': 'text/plain; charset=utf-8',
    'manifest.webmanifest': 'application/manifest+json; charset=utf-8',
    'card.png': 'image/png',
    'font.woff2': 'font/woff2',
    'icon.svg': 'image/svg+xml; charset=utf-8',
    'icon.ico': 'image/x-icon',
    'data.json': 'application/json; charset=utf-8',
    'site.json': 'application/json; charset=utf-8',
    'blob.bin': 'application/octet-stream',
  }
  for (const [name, type] of Object.entries(expected)) {
    const res = await get(`${server.url}${name}`)
    expect({ name, status: res.status, type: res.type, nosniff: res.headers['x-content-type-options'] }).toEqual({ name, status: 200, type, nosniff: 'nosniff' })
  }
  // Not only files: redirects, refusals and misses carry it too.
  for (const [rawPath, method] of [['/article/abc', 'GET'], ['/nope', 'GET'], ['/js/missing.js', 'GET'], ['/%zz', 'GET'], ['/', 'POST']]) {
    expect((await get(server.url, rawPath, { method })).headers['x-content-type-options']).toBe('nosniff')
  }
})

test('pages carry the Content-Security-Policy from site.json; scripts and styles do not', async () => {
  for (const rawPath of ['/', '/article/abc/', '/pages/detail/index?id=1', '/no/such/page']) {
    const res = await get(server.url, rawPath)
    expect({ rawPath, type: res.type, csp: res.headers['content-security-policy'] }).toEqual({ rawPath, type: 'text/html; charset=utf-8', csp: `${CSP}; frame-ancestors 'none'` })
  }
  expect((await get(`${server.url}js/app.js`)).headers['content-security-policy']).toBeUndefined()
  expect((await get(`${server.url}app.css`)).headers['content-security-policy']).toBeUndefined()
})

test('a page the build compressed for brotli only is gzipped here for a client without brotli, the same bytes each time', async () => {
  const page = path.join(buildDir, 'article', 'abc', 'index.html')
  fs.writeFileSync(`${page}.br`, zlib.brotliCompressSync(fs.readFileSync(page)))
  const raw = (acceptEncoding: string) =>
    new Promise<{ encoding: string; vary: string; body: Buffer }>((resolve, reject) => {
      const target = new URL(server.url)
      http
        .get({ host: target.hostname, port: target.port, path: '/article/abc/', headers: { 'Accept-Encoding': acceptEncoding } }, (res) => {
          const chunks: Buffer[] = []
          res.on('data', (chunk: Buffer) => chunks.push(chunk))
          res.on('end', () => resolve({ encoding: String(res.headers['content-encoding'] ?? 'identity'), vary: String(res.headers.vary), body: Buffer.concat(chunks) }))
        })
        .on('error', reject)
    })
  try {
    const br = await raw('gzip, deflate, br')
    expect([br.encoding, zlib.brotliDecompressSync(br.body).toString()]).toEqual(['br', 'article abc'])
    const gz = await raw('gzip, deflate')
    expect([gz.encoding, gz.vary, zlib.gunzipSync(gz.body).toString()]).toEqual(['gzip', 'Accept-Encoding', 'article abc'])
    expect((await raw('gzip')).body.equals(gz.body)).toBe(true)
    const plain = await raw('identity')
    expect([plain.encoding, plain.body.toString()]).toEqual(['identity', 'article abc'])
    // A file the build left without any compressed copy is sent as it is, whatever the client accepts.
    expect((await get(`${server.url}js/app.js`, undefined, { headers: { 'Accept-Encoding': 'gzip' } })).headers['content-encoding']).toBeUndefined()
  } finally {
    fs.rmSync(`${page}.br`, { force: true })
  }
})

test('Accept-Encoding: names trimmed and case-insensitive, q=0 refuses, * counts, higher q first, brotli on a tie', async () => {
  expect(await copyFor('gzip, deflate, br, zstd')).toBe('br')
  expect(await copyFor(' GZIP ; q=1 , BR ')).toBe('br')
  expect(await copyFor('br;q=0, gzip')).toBe('gzip')
  expect(await copyFor('br;q=0.5, gzip;q=0.8')).toBe('gzip')
  expect(await copyFor('gzip;q=0.5, br;q=0.5')).toBe('br')
  expect(await copyFor('*')).toBe('br')
  expect(await copyFor('*;q=0, gzip')).toBe('gzip')
  expect(await copyFor('br;q=0, gzip;q=0')).toBe('identity')
  expect(await copyFor('br;q=0, *;q=0.1')).toBe('gzip')
  expect(await copyFor('br;q=2, gzip;q=x')).toBe('identity')
  expect(await copyFor('x-gzip')).toBe('gzip')
  expect(await copyFor('identity')).toBe('identity')
  expect(await copyFor('')).toBe('identity')
})

test('redirects are rebuilt from the normalised path and never leave the site; unparsable targets get 404 or 400, never a crash', async () => {
  const location = async (rawPath: string) => {
    const res = await get(server.url, rawPath)
    return `${res.status} ${res.headers.location ?? ''}`
  }
  expect(await location('/article/abc?from=home')).toBe('301 /article/abc/?from=home')
  expect(await location('//article//abc')).toBe('301 /article/abc/')
  expect(await location('//evil.example/..//article/abc')).toBe('301 /article/abc/')
  expect(await location('//article//evil.example/x%2f..%2f..%2fabc')).toBe('301 /article/abc/')
  // These once threw outside any try and stopped the server.
  for (const rawPath of ['//a:99999/', '//a:b:c/']) expect(await location(rawPath)).toBe('404 ')
  // Targets that cannot name a file here: a page address gets the 没有找到 page with 404 (a
  // broken link a person followed), anything else a short 400.
  for (const rawPath of ['//%zz/', '/%', '/%c0%af', '/a%00b', '/%5c%5cevil/', '/../../etc/passwd', '/article/%2e%2e/%2e%2e/x', '/%E0%A4%A/']) {
    const res = await get(server.url, rawPath)
    expect({ rawPath, status: res.status, body: res.body, location: res.headers.location }).toEqual({ rawPath, status: 404, body: '没有找到', location: undefined })
  }
  for (const rawPath of ['/js/%zz.js', '/%5c%5cevil.example/', '/%c0%af.png', '/..%2f..%2fsecret.txt', '*']) {
    const res = await get(server.url, rawPath)
    expect({ rawPath, status: res.status, body: res.body, location: res.headers.location }).toEqual({ rawPath, status: 400, body: 'Bad request target\n', location: undefined })
  }
  expect((await get(server.url)).status).toBe(200)
})

test('methods other than GET and HEAD get 405 with Allow', async () => {
  for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS']) {
    const res = await get(server.url, '/', { method })
    expect({ method, status: res.status, allow: res.headers.allow }).toEqual({ method, status: 405, allow: 'GET, HEAD' })
  }
  const head = await get(server.url, '/', { method: 'HEAD' })
  expect({ status: head.status, body: head.body }).toEqual({ status: 200, body: '' })
})

test('a new build copied over the running server goes out with its own policy', async () => {
  const site = fs.mkdtempSync(path.join(os.tmpdir(), 'serve-test-swap-'))
  fs.writeFileSync(path.join(site, 'index.html'), '<!doctype html>first')
  fs.writeFileSync(path.join(site, 'site.json'), JSON.stringify({ basePath: '', appPages: [], contentSecurityPolicy: "script-src 'sha256-first='" }))
  const running = await startH5Server(site)
  try {
    expect((await get(running.url, '/')).headers['content-security-policy']).toBe("script-src 'sha256-first='; frame-ancestors 'none'")
    fs.writeFileSync(path.join(site, 'index.html'), '<!doctype html>second')
    fs.writeFileSync(path.join(site, 'site.json'), JSON.stringify({ basePath: '', appPages: [], contentSecurityPolicy: "script-src 'sha256-second-build='" }))
    const page = await get(running.url, '/')
    expect({ body: page.body, csp: page.headers['content-security-policy'] }).toEqual({ body: '<!doctype html>second', csp: "script-src 'sha256-second-build='; frame-ancestors 'none'" })
  } finally {
    await running.stop()
    fs.rmSync(site, { recursive: true, force: true })
  }
})

test('an old build without a policy in site.json sends none, and a base path redirects to itself with a slash', async () => {
  const oldBuild = fs.mkdtempSync(path.join(os.tmpdir(), 'serve-test-old-'))
  fs.writeFileSync(path.join(oldBuild, 'index.html'), '<!doctype html>old')
  fs.mkdirSync(path.join(oldBuild, 'search'))
  fs.writeFileSync(path.join(oldBuild, 'search', 'index.html'), 'search')
  fs.writeFileSync(path.join(oldBuild, 'site.json'), JSON.stringify({ basePath: '/hn/', appPages: [] }))
  const old = await startH5Server(oldBuild)
  try {
    const page = await get(old.url, '/hn/')
    expect({ status: page.status, body: page.body, csp: page.headers['content-security-policy'] }).toEqual({ status: 200, body: '<!doctype html>old', csp: undefined })
    expect((await get(old.url, '/hn')).headers.location).toBe('/hn/')
    expect((await get(old.url, '/hn//search?q=1')).headers.location).toBe('/hn/search/?q=1')
  } finally {
    await old.stop()
    fs.rmSync(oldBuild, { recursive: true, force: true })
  }
})

test('a directory serves its index.html, the app page paths the app shell, unknown page paths the 404 page with status 404, missing files a 404', async () => {
  expect(await get(`${server.url}article/abc/`)).toMatchObject({ status: 200, type: 'text/html; charset=utf-8', body: 'article abc' })
  expect((await get(`${server.url}article/abc`)).status).toBe(301)
  expect(await get(`${server.url}pages/other/index`)).toMatchObject({ status: 404, type: 'text/html; charset=utf-8', body: '没有找到' })
  // The app's own page paths, listed in site.json, open the bare app shell.
  expect(await get(`${server.url}pages/detail/index`)).toMatchObject({ status: 200, type: 'text/html; charset=utf-8', body: 'app shell' })
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

test('symlinks that lead out of the build directory are not followed; one that stays inside is', async () => {
  const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'serve-test-outside-'))
  fs.writeFileSync(path.join(outside, 'index.html'), 'outside secret')
  fs.writeFileSync(path.join(outside, 'key.txt'), 'outside secret')
  fs.symlinkSync(path.join(outside, 'key.txt'), path.join(buildDir, 'key.txt'))
  fs.symlinkSync(outside, path.join(buildDir, 'elsewhere'))
  fs.symlinkSync(path.join(outside, 'key.txt'), path.join(buildDir, 'app.js.br'))
  fs.writeFileSync(path.join(buildDir, 'app.js'), 'app')
  fs.symlinkSync(path.join(buildDir, 'article'), path.join(buildDir, 'stories'))
  try {
    for (const rawPath of ['/key.txt', '/elsewhere/', '/elsewhere/index.html', '/elsewhere/key.txt', '/elsewhere']) {
      const res = await get(server.url, rawPath)
      expect({ rawPath, status: res.status, leaked: res.body.includes('secret') }).toEqual({ rawPath, status: 404, leaked: false })
    }
    const compressed = await get(server.url, '/app.js', { headers: { 'Accept-Encoding': 'br' } })
    expect({ body: compressed.body, encoding: compressed.headers['content-encoding'] }).toEqual({ body: 'app', encoding: undefined })
    expect(await get(server.url, '/stories/abc/')).toMatchObject({ status: 200, body: 'article abc' })
  } finally {
    for (const name of ['key.txt', 'elsewhere', 'app.js.br', 'app.js', 'stories']) fs.rmSync(path.join(buildDir, name))
    fs.rmSync(outside, { recursive: true, force: true })
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

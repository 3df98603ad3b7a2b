// scripts/site/serve.mjs under attack: well over a thousand hostile requests, written byte for byte over raw
// sockets to the server running as its own process on 127.0.0.1 (the way `npm run serve` runs).
// The requests are generated deterministically (fixed lists and a seeded mix of them), so a
// failure names a request that fails again on the next run. The served directory is a small
// temporary build with a secret file beside it and symlinks inside it that lead out of it (to
// the file, to a folder, to the parent, and as a precompressed .br copy). After each batch a
// plain `GET /` must still get 200; at the end: the process never exited, every request got a
// status line, no Location header points off the site, and the secret never appeared.
// With TEST_DIST_DIR set, the served directory is a copy of that build's h5/ instead (the real
// pages, shards and precompressed copies), with the same secret and symlinks added.
import { spawn, type ChildProcess } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { h5Dir, repoRoot } from './support/h5'

const SEED = 0x5eed16
const RANDOM_REQUESTS = 1100
const BATCH = 50
const CONCURRENCY = 8
const REPLY_TIMEOUT_MS = 8000

/** mulberry32: a tiny seeded generator, so every run sends the same requests. */
function seeded(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'TRACE', 'PATCH', 'CONNECT', 'PROPFIND', 'get', 'G\tET', 'GET\u0000', 'X'.repeat(40)]
const VERSIONS = ['HTTP/1.1', 'HTTP/1.0', 'HTTP/2.0', 'HTTP/9.9', 'HTTP/1.1x', 'http/1.1', 'HTTP/1.1 extra', '']

const TARGETS = [
  '/',
  '//a:99999/',
  '//a:b:c/',
  '//%zz/',
  '//a//evil.example/x%2f..%2f..%2fsearch',
  '//evil.example/',
  '//evil.example/search',
  '///evil.example/search',
  '/\\evil.example/search',
  '/%5cevil.example/search',
  '/%2f%2fevil.example/search',
  '/search',
  '/search?next=//evil.example/',
  '/search/..//evil.example',
  '/.//evil.example/../search',
  'http://evil/',
  'http://evil.example/search',
  'https://evil.example:443/search?x=1',
  'HTTP://EVIL/search',
  'ftp://evil/',
  'evil.example:443',
  '*',
  'search',
  '?',
  '#',
  '/%',
  '/%z',
  '/%zz',
  '/%2',
  '/%00',
  '/index.html%00.txt',
  '/%c0%af',
  '/%c0%ae%c0%ae/secret.txt',
  '/%e0%80%af',
  '/%ff%fe',
  '/%ed%a0%80',
  '/../../etc/passwd',
  '/../secret.txt',
  '/..%2fsecret.txt',
  '/%2e%2e/secret.txt',
  '/%2e%2e%2fsecret.txt',
  '/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd',
  '/..\\secret.txt',
  '/..%5csecret.txt',
  '/./././../secret.txt',
  '/a/b/../../../secret.txt',
  '/search/../../secret.txt',
  '/leak.txt',
  '/leak.txt/',
  '/leakdir',
  '/leakdir/',
  '/leakdir/index.html',
  '/leakdir/secret.txt',
  '/linkroot/secret.txt',
  '/linkroot/outside/index.html',
  '/linkroot/root/index.html',
  '/real.js',
  '/real.js.br',
  '/index.html/',
  '/index.html/..',
  '/search/.',
  '/search/..',
  '/favicon.ico',
  '/sitemap.xml',
  '/pages/index/index',
  '/pages/index/index/..',
  '/%E4%B8%AD%E6%96%87',
  '/%20',
  '/ /',
  '/a b',
  '/\u00e9',
  '/\u4e2d',
  '/\u0000',
  '/\r',
  '/\u007f',
  '/~root',
  '/.git/config',
  '/site.json',
]

/** Characters that tend to break parsers, spliced into targets to make new ones. */
const SPLICE = ['%', '%2', '%zz', '%00', '%2e', '%2f', '%5c', '\\', '/', '//', '..', '../', '?', '#', ';', ':', '@', '%c0%af', '%25', '\u0000', ' ', '\t', '\u00ff', '"', "'", '<', '>']

interface Probe {
  label: string
  bytes: Buffer
  head: boolean
}

function request(method: string, target: string, version: string, headers: string[]): Buffer {
  const line = version ? `${method} ${target} ${version}` : `${method} ${target}`
  return Buffer.from(`${line}\r\n${headers.map((h) => `${h}\r\n`).join('')}\r\n`, 'latin1')
}

function headerVariants(pick: <T>(list: T[]) => T): string[] {
  const host = pick(['Host: 127.0.0.1', 'Host: evil.example', 'Host: a:99999', 'Host: ', '', 'Host: 127.0.0.1\r\nHost: evil.example'])
  const extra = pick([
    '',
    'Accept-Encoding: br, gzip',
    'Accept-Encoding:  BR ; q=1 , GZIP;q=0.5',
    'Accept-Encoding: br;q=0, gzip;q=0, *;q=0',
    'Accept-Encoding: *',
    'Accept-Encoding: br;q=nonsense, gzip;q=2',
    'Accept-Encoding: ;;;,,,=;q=',
    `X-Huge: ${'a'.repeat(20_000)}`,
    `X-Big: ${'b'.repeat(9_000)}`,
    Array.from({ length: 300 }, (_, i) => `X-Many-${i}: ${i}`).join('\r\n'),
    'Expect: nonsense',
    'Upgrade: websocket\r\nConnection: Upgrade',
    'Transfer-Encoding: chunked',
    'Transfer-Encoding: chunked\r\nContent-Length: 5',
    'Content-Length: -1',
    'Content-Length: 99999999999999999999',
    'X-Bad\u0000Name: 1',
    'X-Folded: a\r\n b',
    'Range: bytes=0-0,-1',
    'If-None-Match: *',
  ])
  return [host, extra, 'Connection: close'].filter(Boolean)
}

function buildProbes(): Probe[] {
  const random = seeded(SEED)
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]
  const probes: Probe[] = []
  const add = (label: string, bytes: Buffer, head = false) => probes.push({ label, bytes, head })

  // Every fixed target once, plainly, then with a brotli-accepting client.
  for (const target of TARGETS) {
    add(`GET ${target}`, request('GET', target, 'HTTP/1.1', ['Host: 127.0.0.1', 'Connection: close']))
    add(`GET ${target} (br)`, request('GET', target, 'HTTP/1.1', ['Host: 127.0.0.1', 'Accept-Encoding: br, gzip', 'Connection: close']))
  }
  // Huge targets: under and over Node's 16 KB limit for the request head.
  for (const size of [8_000, 8_200, 12_000, 17_000, 64_000]) {
    add(`GET /${size} chars`, request('GET', `/${'a'.repeat(size)}`, 'HTTP/1.1', ['Host: 127.0.0.1', 'Connection: close']))
    add(`GET /../ x ${size}`, request('GET', '/..'.repeat(size / 3), 'HTTP/1.1', ['Host: 127.0.0.1', 'Connection: close']))
  }
  // HTTP/0.9 style: a bare request line, then the end of the head.
  for (const target of ['/', '/search', '//evil.example/', '/../secret.txt']) add(`0.9 ${target}`, Buffer.from(`GET ${target}\r\n\r\n`))
  // Garbage bytes.
  for (let i = 0; i < 40; i++) {
    const length = 1 + Math.floor(random() * 300)
    const bytes = Buffer.from(Array.from({ length }, () => Math.floor(random() * 256)))
    add(`garbage #${i}`, Buffer.concat([bytes, Buffer.from('\r\n\r\n')]))
  }
  // A seeded mix: method × (fixed or spliced) target × version × headers.
  while (probes.length < RANDOM_REQUESTS) {
    let target = pick(TARGETS)
    const splices = Math.floor(random() * 3)
    for (let i = 0; i < splices; i++) {
      const at = Math.floor(random() * (target.length + 1))
      target = target.slice(0, at) + pick(SPLICE) + target.slice(at)
    }
    const method = random() < 0.6 ? 'GET' : pick(METHODS)
    const version = random() < 0.75 ? 'HTTP/1.1' : pick(VERSIONS)
    add(`${method} ${target} ${version}`, request(method, target, version, headerVariants(pick)), method === 'HEAD')
  }
  return probes
}

interface Reply {
  status: number | null
  raw: string
}

/** Sends the bytes on a fresh connection; resolves with the reply once it is complete or closed. */
function send(port: number, bytes: Buffer, head: boolean): Promise<Reply> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1')
    const chunks: Buffer[] = []
    let settled = false
    const finish = () => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      socket.destroy()
      const raw = Buffer.concat(chunks).toString('latin1')
      const match = /^HTTP\/1\.[01] (\d{3}) /.exec(raw)
      resolve({ status: match ? Number(match[1]) : null, raw })
    }
    const timer = setTimeout(finish, REPLY_TIMEOUT_MS)
    socket.on('data', (chunk) => {
      chunks.push(chunk)
      // A reply that keeps the connection open is complete once its body is in.
      const raw = Buffer.concat(chunks).toString('latin1')
      const end = raw.indexOf('\r\n\r\n')
      if (end === -1) return
      const length = /\r\ncontent-length: *(\d+)/i.exec(raw.slice(0, end))
      if (head || (length && raw.length - end - 4 >= Number(length[1]))) finish()
    })
    socket.on('error', finish)
    socket.on('close', finish)
    // The server may answer and close before the whole request is written.
    socket.write(bytes, () => undefined)
  })
}

function locationOf(raw: string): string | null {
  const head = raw.slice(0, raw.indexOf('\r\n\r\n') === -1 ? raw.length : raw.indexOf('\r\n\r\n'))
  const match = /\r\nlocation:[ \t]*([^\r\n]*)/i.exec(head)
  return match ? match[1].trim() : null
}

let workDir: string
let root: string
let secret: string
let child: ChildProcess
let exited: string | null = null
let port: number
let indexBody: string
let homePath = '/'

beforeAll(async () => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'serve-fuzz-'))
  root = path.join(workDir, 'root')
  secret = `SECRET-${crypto.randomBytes(8).toString('hex')}`
  if (process.env.TEST_DIST_DIR) {
    fs.cpSync(h5Dir(), root, { recursive: true })
  } else {
    fs.mkdirSync(path.join(root, 'search'), { recursive: true })
    fs.mkdirSync(path.join(root, 'pages', 'index'), { recursive: true })
    fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>健康资讯</title>home')
    fs.writeFileSync(path.join(root, 'app.html'), '<!doctype html><title>健康资讯</title>app')
    fs.writeFileSync(path.join(root, '404.html'), '<!doctype html>没有找到')
    fs.writeFileSync(path.join(root, 'search', 'index.html'), '<!doctype html>search')
    fs.writeFileSync(path.join(root, 'sitemap.xml'), '<urlset/>')
    fs.writeFileSync(path.join(root, 'site.json'), JSON.stringify({ basePath: '', appPages: ['/pages/index/index'], contentSecurityPolicy: "default-src 'self'" }))
  }
  indexBody = fs.readFileSync(path.join(root, 'index.html')).toString('latin1')
  // A build made for a path under the host (H5_BASE_URL) has its home page there.
  const siteFile = path.join(root, 'site.json')
  const basePath = fs.existsSync(siteFile) ? JSON.parse(fs.readFileSync(siteFile, 'utf8')).basePath : ''
  if (typeof basePath === 'string' && basePath.replace(/\/+$/, '')) homePath = `${basePath.replace(/\/+$/, '')}/`
  fs.mkdirSync(path.join(workDir, 'outside'))
  fs.writeFileSync(path.join(root, 'real.js'), 'console.log("real")')
  fs.writeFileSync(path.join(workDir, 'secret.txt'), secret)
  fs.writeFileSync(path.join(workDir, 'outside', 'index.html'), secret)
  fs.writeFileSync(path.join(workDir, 'outside', 'secret.txt'), secret)
  fs.symlinkSync(path.join(workDir, 'secret.txt'), path.join(root, 'leak.txt'))
  fs.symlinkSync(path.join(workDir, 'outside'), path.join(root, 'leakdir'))
  fs.symlinkSync(workDir, path.join(root, 'linkroot'))
  fs.symlinkSync(path.join(workDir, 'secret.txt'), path.join(root, 'real.js.br'))

  child = spawn(process.execPath, [path.join(repoRoot, 'scripts', 'site', 'serve.mjs'), root], {
    env: { ...process.env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.once('exit', (code, signal) => (exited = `exited with ${code ?? signal}:\n${output}`))
  port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve.mjs printed no URL within 10 s:\n${output}`)), 10_000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = output.match(/健康资讯 H5: http:\/\/127\.0\.0\.1:(\d+)\//)
      if (match) {
        clearTimeout(timer)
        resolve(Number(match[1]))
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.once('exit', () => reject(new Error(`serve.mjs ${exited}`)))
  })
})

afterAll(async () => {
  if (child && child.exitCode === null) {
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve())
      child.kill('SIGTERM')
    })
  }
  fs.rmSync(workDir, { recursive: true, force: true })
})

test('a thousand hostile requests never crash the server, never redirect off-site and never serve a file outside the root', async () => {
  const probes = buildProbes()
  expect(probes.length).toBeGreaterThanOrEqual(1000)
  const statuses: Record<string, number> = {}
  const unanswered: string[] = []
  const offSite: string[] = []
  const leaked: string[] = []
  const healthFailures: string[] = []
  let sent = 0

  for (let start = 0; start < probes.length; start += BATCH) {
    const batch = probes.slice(start, start + BATCH)
    let next = 0
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < batch.length) {
          const probe = batch[next++]
          sent++
          const reply = await send(port, probe.bytes, probe.head)
          statuses[reply.status ?? 'none'] = (statuses[reply.status ?? 'none'] ?? 0) + 1
          if (reply.status === null) unanswered.push(probe.label)
          const location = locationOf(reply.raw)
          if (location !== null && !/^\/(?![/\\])/.test(location)) offSite.push(`${probe.label} → ${location}`)
          if (reply.raw.includes(secret)) leaked.push(probe.label)
        }
      }),
    )
    const health = await send(port, Buffer.from(`GET ${homePath} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`), false)
    if (health.status !== 200 || !health.raw.endsWith(indexBody)) healthFailures.push(`after request ${start + batch.length}: ${health.status}`)
    if (exited) break
  }

  const answered = sent - unanswered.length
  console.log(`${sent} hostile request lines, ${answered} answered, statuses: ${JSON.stringify(statuses)}`)
  // One comparison, so a failing run shows every kind of failure at once.
  expect({ exited, sent, healthFailures, unanswered: unanswered.map((label) => label.slice(0, 120)), offSite, leaked }).toEqual({
    exited: null,
    sent: probes.length,
    healthFailures: [],
    unanswered: [],
    offSite: [],
    leaked: [],
  })
  // The attack surface was reached: pages, redirects, refusals and the parser's own answers.
  for (const status of [200, 301, 400, 404, 405, 431]) expect(statuses[status]).toBeGreaterThan(0)
}, 180_000)

// Tiny zero-dependency static server for the H5 build (dist/h5), bound to 127.0.0.1 only.
// It does what a static host or CDN in front of the site must do (README, 发布 H5): serve
// dir/index.html for /dir/, send the build's .br/.gz copies when the browser accepts them (gzip
// made here, once, for a file the build gave a brotli copy only: the article pages), cache
// hashed files for good and revalidate the rest, answer unknown paths with 404 + 404.html, send
// the build's Content-Security-Policy with every page and `nosniff` with every response.
// It is also hardened against hostile requests: every request target gets a status (never a
// crash), a redirect only ever names a path on this host, and nothing outside the served
// directory is read, symlinks included (test/e2e/serve-fuzz.test.ts throws a thousand at it).
// `npm run serve` / `npm start` use it from the command line:
//   node scripts/site/serve.mjs [directory]        (PORT env, default 8080; PORT=0 picks a free port)
// The first-screen benchmark and the screenshot script import `startServer`; the jest e2e tests
// start it as a child process with PORT=0 and read the URL it prints, so runs never collide.
import { createServer, STATUS_CODES } from 'node:http'
import { promises as fs } from 'node:fs'
import { promisify } from 'node:util'
import zlib from 'node:zlib'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
export const defaultRoot = path.join(repoRoot, 'dist', 'h5')
const HOST = '127.0.0.1'

/** Longer targets get 414; Node itself answers 431 once the request line and headers pass 16 KB. */
const MAX_TARGET_LENGTH = 8192

// Every kind of file a build writes (dist/h5), plus a few a page could link to. Anything else
// goes out as application/octet-stream, which a browser with `nosniff` will neither run nor render.
const contentTypes = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
}

export function contentTypeOf(file) {
  return contentTypes[path.extname(file).toLowerCase()] || 'application/octet-stream'
}

/**
 * The path a request target names, normalised: percent-decoded once, `.`/`..` segments resolved,
 * repeated slashes collapsed, a single leading '/'. Returns { path, segments, query } or null for
 * a target that cannot name a file here (not origin- or http(s) absolute-form, broken
 * percent-encoding or UTF-8, NUL or other control characters, backslashes, or `..` above the root).
 * The absolute form's authority is dropped: this server only ever answers for itself.
 */
export function normaliseTarget(target) {
  let rest = String(target)
  if (!rest.startsWith('/')) {
    const absolute = /^https?:\/\/[^/?#]*/i.exec(rest)
    if (!absolute) return null
    rest = rest.slice(absolute[0].length)
    if (!rest.startsWith('/')) rest = `/${rest}`
  }
  const hash = rest.indexOf('#')
  if (hash !== -1) rest = rest.slice(0, hash)
  const mark = rest.indexOf('?')
  const rawPath = mark === -1 ? rest : rest.slice(0, mark)
  const query = mark === -1 ? '' : rest.slice(mark)
  let decoded
  try {
    decoded = decodeURIComponent(rawPath)
  } catch {
    return null
  }
  // Backslashes are separators to a browser (`/\evil` is `//evil`) and to no file of a build.
  if (/[\u0000-\u001f\u007f\\]/.test(decoded)) return null
  const segments = []
  const parts = decoded.split('/')
  for (const part of parts) {
    if (part === '' || part === '.') continue
    if (part === '..') {
      if (segments.length === 0) return null
      segments.pop()
      continue
    }
    segments.push(part)
  }
  const last = parts[parts.length - 1]
  const trailingSlash = segments.length > 0 && (last === '' || last === '.' || last === '..')
  return { path: `/${segments.join('/')}${trailingSlash ? '/' : ''}`, segments, query }
}

/** A normalised path written back as a URL path: each segment percent-encoded, one leading '/'. */
function encodePath(segments, trailingSlash) {
  const joined = segments.map((segment) => encodeURIComponent(segment)).join('/')
  return `/${joined}${trailingSlash && joined ? '/' : ''}`
}

/** A query string that is safe in a header: printable ASCII only, the rest percent-encoded. */
function safeQuery(query) {
  return query.replace(/[^\x21-\x7e]/g, (c) => encodeURIComponent(c))
}

/** Only ever a path on this host: one '/', then not another '/' or a '\' (which would leave it). */
function assertLocalLocation(location) {
  if (!/^\/(?![/\\])[\x21-\x7e]*$/.test(location)) throw new Error(`refusing to redirect to ${JSON.stringify(location)}`)
  return location
}

/**
 * Files whose name carries a content hash (app.1a2b3c4d.js), or that sit in an edition's folder
 * named by one (data/3f2a9c1b7d4e/list-000.json, catalog.js; scripts/pipeline/edition.ts): they never
 * change, cache for good. data/edition.json and data/catalog.js (the current edition's catalog,
 * at the one address every page names) change with each edition: no-cache, like HTML.
 */
const HASHED = /\.[0-9a-f]{8}\.[a-z0-9]+$|[\\/]data[\\/][0-9a-f]{12}[\\/][^\\/]+\.(?:json|js)$/i

/**
 * The encodings to try, best first, from Accept-Encoding (RFC 9110 12.5.3) and the precompressed
 * copies the build wrote (scripts/site/precompress.ts): names are trimmed and case-insensitive, a
 * q-value of 0 (or one that is not a valid q-value) refuses a coding, `*` stands for every coding
 * not named, a higher q goes first and brotli before gzip when they tie. Empty: the file as it is.
 */
export function chooseEncodings(acceptEncoding) {
  const weights = new Map()
  for (const part of String(acceptEncoding ?? '').split(',')) {
    const [rawName, ...params] = part.split(';')
    let name = rawName.trim().toLowerCase()
    if (!name) continue
    if (name === 'x-gzip') name = 'gzip'
    let weight = 1
    for (const param of params) {
      const eq = param.indexOf('=')
      if (eq === -1 || param.slice(0, eq).trim().toLowerCase() !== 'q') continue
      const value = param.slice(eq + 1).trim()
      weight = /^(0(\.\d{0,3})?|1(\.0{0,3})?)$/.test(value) ? Number(value) : 0
    }
    // A coding named twice keeps its first weight.
    if (!weights.has(name)) weights.set(name, weight)
  }
  const weightOf = (name) => (weights.has(name) ? weights.get(name) : (weights.get('*') ?? 0))
  return ['br', 'gzip']
    .map((name) => ({ name, weight: weightOf(name) }))
    .filter((coding) => coding.weight > 0)
    .sort((a, b) => b.weight - a.weight)
    .map((coding) => coding.name)
}

const gzip = promisify(zlib.gzip)

/**
 * Gzip copies made on the fly, for clients without brotli asking for a file the build compressed
 * with brotli only (scripts/site/precompress.ts: the article pages). Each is made once per version
 * of its file (real path, size and mtime) and kept in memory, the least recently used going first
 * past `maxBytes`.
 */
export function gzipCache(maxBytes = 64 * 1024 * 1024) {
  const copies = new Map()
  let bytes = 0
  return async function gzipped(real, stats) {
    const key = `${real}\0${stats.size}\0${stats.mtimeMs}`
    const known = copies.get(key)
    if (known) {
      copies.delete(key)
      copies.set(key, known)
      return known
    }
    const body = await gzip(await fs.readFile(real), { level: 9 })
    copies.set(key, body)
    bytes += body.length
    for (const [oldKey, old] of copies) {
      if (bytes <= maxBytes || oldKey === key) break
      copies.delete(oldKey)
      bytes -= old.length
    }
    return body
  }
}

/** The policy with `frame-ancestors 'none'` added, unless it already says who may frame the site. */
export function withFrameAncestors(policy) {
  return /(^|;)\s*frame-ancestors\s/i.test(policy) ? policy : `${policy}; frame-ancestors 'none'`
}

/** A Content-Security-Policy value fit for a header (printable ASCII, one line), else null. */
function headerValue(value) {
  if (typeof value !== 'string') return null
  const trimmed = value.trim()
  return trimmed && /^[\x20-\x7e]+$/.test(trimmed) ? trimmed : null
}

/**
 * What scripts/site/prerender.ts wrote in site.json: the base path the build was made for ('' at the
 * root), the app's own page paths (/pages/detail/index…), which the app routes itself, and the
 * pages' Content-Security-Policy (absent in builds made before it was added).
 */
async function readSite(root) {
  try {
    const site = JSON.parse(await fs.readFile(path.join(root, 'site.json'), 'utf8'))
    if (site.contentSecurityPolicy !== undefined && headerValue(site.contentSecurityPolicy) === null) {
      console.warn('site.json: contentSecurityPolicy is not a one-line ASCII string; pages go out without it.')
    }
    return {
      basePath: typeof site.basePath === 'string' ? site.basePath : '',
      appPages: Array.isArray(site.appPages) ? site.appPages.filter((p) => typeof p === 'string') : [],
      contentSecurityPolicy: headerValue(site.contentSecurityPolicy),
    }
  } catch {
    return { basePath: '', appPages: [], contentSecurityPolicy: null }
  }
}

/** Size and modification time of a file, as one string ('' when it is missing). */
async function fileStamp(file) {
  try {
    const stats = await fs.stat(file)
    return `${stats.size}:${stats.mtimeMs}`
  } catch {
    return ''
  }
}

/** A whole response written straight to a socket, for requests Node's parser never hands over. */
function rawResponse(status, extraHeaders = '') {
  const body = `${STATUS_CODES[status]}\n`
  return (
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
    'Content-Type: text/plain; charset=utf-8\r\n' +
    `Content-Length: ${Buffer.byteLength(body)}\r\n` +
    'X-Content-Type-Options: nosniff\r\n' +
    extraHeaders +
    'Connection: close\r\n\r\n' +
    body
  )
}

/**
 * Starts the server. Resolves once it listens, with its URL and a close() that also drops
 * keep-alive connections (so tests end promptly).
 * Rejects with a readable Error when the build is missing or the port is taken.
 *   basePath: serve the site under this path (default: site.json's, i.e. H5_BASE_URL's path)
 *   htmlFile: answer every page address with this file (the prerender step loads the bare app)
 *   contentSecurityPolicy: the header sent with HTML (default: site.json's; null sends none)
 */
export async function startServer({ root = defaultRoot, port = 0, host = HOST, log = false, basePath, htmlFile, contentSecurityPolicy } = {}) {
  root = path.resolve(root)
  const indexFile = path.join(root, 'index.html')
  try {
    if (!(await fs.stat(indexFile)).isFile()) throw new Error('not a file')
  } catch {
    throw new Error(`No H5 build found: ${indexFile} is missing. Run "npm run build:h5" first.`)
  }
  // Containment is checked on real paths, so a symlink inside the build cannot lead out of it.
  const realRoot = await fs.realpath(root)
  const gzipped = gzipCache()
  const site = await readSite(root)
  const givenPolicy = contentSecurityPolicy === undefined ? undefined : headerValue(contentSecurityPolicy)
  // A new build copied over a running server brings its own policy (its inline scripts' hashes):
  // site.json is read again whenever it changes, or every page of the new build would be refused.
  let siteStamp = await fileStamp(path.join(root, 'site.json'))
  let sitePolicy = site.contentSecurityPolicy
  async function pagePolicy() {
    if (givenPolicy !== undefined) return givenPolicy
    const stamp = await fileStamp(path.join(root, 'site.json'))
    if (stamp !== siteStamp) {
      siteStamp = stamp
      sitePolicy = (await readSite(root)).contentSecurityPolicy
    }
    return sitePolicy
  }
  // The base path normalised like a request (one leading '/', no trailing one), so it is safe
  // to put in front of a redirect and compares with a normalised request path.
  const baseTarget = normaliseTarget(basePath ?? site.basePath ?? '')
  const base = baseTarget && baseTarget.segments.length ? encodePath(baseTarget.segments, false) : ''
  const baseDecoded = baseTarget && baseTarget.segments.length ? `/${baseTarget.segments.join('/')}` : ''

  /** The file's real path and stats when it exists inside the served root, else null. */
  async function inspect(file) {
    try {
      const real = await fs.realpath(file)
      if (real !== realRoot && !real.startsWith(realRoot + path.sep)) return null
      return { real, stats: await fs.stat(real) }
    } catch {
      return null
    }
  }

  async function fileInside(file) {
    const found = await inspect(file)
    return found && found.stats.isFile() ? found.real : null
  }

  function sendText(req, res, status, text, headers = {}) {
    const body = Buffer.from(`${text}\n`)
    res.writeHead(status, {
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Length': body.length,
      'Cache-Control': 'no-cache',
      ...headers,
    })
    res.end(req.method === 'HEAD' ? undefined : body)
  }

  function redirect(req, res, location) {
    sendText(req, res, 301, `Moved to ${assertLocalLocation(location)}`, { Location: location })
  }

  /** Sends a file (already checked to be inside root), or its .br/.gz copy when accepted. */
  async function send(req, res, file, real, status, cacheControl) {
    const type = contentTypeOf(file)
    const headers = {
      'Content-Type': type,
      'Cache-Control': cacheControl,
      Vary: 'Accept-Encoding',
    }
    // frame-ancestors works only in a header (a <meta> policy ignores it): no site may frame ours.
    const csp = type.startsWith('text/html') ? await pagePolicy() : null
    if (csp) headers['Content-Security-Policy'] = withFrameAncestors(csp)
    let body = null
    for (const encoding of chooseEncodings(req.headers['accept-encoding'])) {
      const copy = await fileInside(`${file}.${encoding === 'br' ? 'br' : 'gz'}`)
      if (copy) {
        body = await fs.readFile(copy)
      } else if (encoding === 'gzip' && (await fileInside(`${file}.br`))) {
        // The build compressed this file for brotli only: gzip it here, once.
        const found = await inspect(real)
        if (found && found.stats.isFile()) body = await gzipped(found.real, found.stats)
      }
      if (body !== null) {
        headers['Content-Encoding'] = encoding
        break
      }
    }
    if (body === null) body = await fs.readFile(real)
    headers['Content-Length'] = body.length
    res.writeHead(status, headers)
    res.end(req.method === 'HEAD' ? undefined : body)
  }

  const notFoundFile = path.join(root, '404.html')
  /** A missing script or image gets a plain 404, not a page (nobody reads it, it only weighs). */
  const looksLikeAsset = (urlPath) => path.extname(urlPath) !== '' && !urlPath.endsWith('.html')

  async function handle(req, res) {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendText(req, res, 405, 'Method not allowed', { Allow: 'GET, HEAD' })
      return
    }
    // Node's own check for this answers without nosniff, so it is done here (requireHostHeader).
    if (req.httpVersionMajor === 1 && req.httpVersionMinor === 1 && req.headers.host === undefined) {
      sendText(req, res, 400, 'Missing Host header', { Connection: 'close' })
      return
    }
    const target = req.url || '/'
    if (target.length > MAX_TARGET_LENGTH) {
      sendText(req, res, 414, 'URI too long')
      return
    }
    const normalised = normaliseTarget(target)
    if (normalised === null) {
      // A broken link a person followed (/%E0%A4%A/) names no page here: 404 with the 没有找到
      // page to go home from, like any other unknown address. Everything else gets 400.
      const rawPath = target.split('?')[0]
      const notFound = target.startsWith('/') && !looksLikeAsset(rawPath) ? await fileInside(notFoundFile) : null
      if (notFound) {
        if (log) console.log(`404 ${JSON.stringify(target)}`)
        await send(req, res, notFoundFile, notFound, 404, 'no-cache')
        return
      }
      sendText(req, res, 400, 'Bad request target', { Connection: 'close' })
      return
    }
    const { query } = normalised
    let urlPath = normalised.path
    // Browsers ask every site for /favicon.ico; the build has no such file, and a 404 would
    // show up as a console error in every end-to-end test.
    if (urlPath === '/favicon.ico' && !(await fileInside(path.join(root, 'favicon.ico')))) {
      res.writeHead(204, { 'Cache-Control': 'no-cache' }).end()
      return
    }
    const underBase = baseDecoded === '' || urlPath === baseDecoded || urlPath.startsWith(`${baseDecoded}/`)
    if (baseDecoded !== '' && urlPath === baseDecoded) {
      redirect(req, res, `${base}/${safeQuery(query)}`)
      return
    }
    if (underBase) urlPath = urlPath.slice(baseDecoded.length) || '/'
    const segments = urlPath.split('/').filter(Boolean)
    const trailingSlash = urlPath.endsWith('/')
    const file = underBase ? path.join(root, ...segments) : null

    if (file !== null && htmlFile && path.extname(urlPath) === '') {
      const shell = path.join(root, htmlFile)
      const real = await fileInside(shell)
      if (real) {
        await send(req, res, shell, real, 200, 'no-cache')
        return
      }
    }
    const found = file === null ? null : await inspect(file)
    if (found && found.stats.isDirectory()) {
      // /search → /search/ (its relative links and its canonical address end with a slash).
      // The address is rebuilt from the normalised path, never echoed from the request.
      if (!trailingSlash) {
        redirect(req, res, `${base}${encodePath(segments, true)}${safeQuery(query)}`)
        return
      }
      const index = path.join(file, 'index.html')
      const real = await fileInside(index)
      if (real) {
        await send(req, res, index, real, 200, 'no-cache')
        return
      }
    } else if (found && found.stats.isFile() && !trailingSlash) {
      // HTML, the service worker and unhashed files revalidate (they keep their names across
      // builds); hashed bundles and images are immutable.
      const immutable = HASHED.test(file) && !file.endsWith('.html')
      await send(req, res, file, found.real, 200, immutable ? 'public, max-age=31536000, immutable' : 'no-cache')
      return
    }
    // The app's page paths (/pages/detail/index?id=…) are real pages with no HTML of their
    // own: the bare app shell opens them.
    const shellFile = path.join(root, 'app.html')
    const shell = underBase && site.appPages.includes(urlPath) ? await fileInside(shellFile) : null
    if (shell) {
      await send(req, res, shellFile, shell, 200, 'no-cache')
      return
    }
    if (log) console.log(`404 ${JSON.stringify(target)}`)
    const notFound = looksLikeAsset(urlPath) ? null : await fileInside(notFoundFile)
    if (notFound) {
      // Every address a person may hold gives a page: 404 for crawlers, 没有找到 for people.
      await send(req, res, notFoundFile, notFound, 404, 'no-cache')
      return
    }
    sendText(req, res, 404, 'Not found')
  }

  const server = createServer({ requireHostHeader: false }, async (req, res) => {
    res.setHeader('X-Content-Type-Options', 'nosniff')
    try {
      await handle(req, res)
    } catch (error) {
      console.error(`Could not serve ${JSON.stringify(req.url)}: ${error.message}`)
      if (res.headersSent) {
        res.destroy()
      } else {
        try {
          sendText(req, res, 500, 'Server error')
        } catch {
          res.destroy()
        }
      }
    }
  })
  // Requests the parser rejects (garbage, bad methods, header or target over 16 KB, timeouts):
  // the same statuses Node sends by default, with nosniff and a short body.
  server.on('clientError', (error, socket) => {
    const busy = socket._httpMessage && socket._httpMessage.headersSent
    if (error.code === 'ECONNRESET' || !socket.writable || busy) {
      socket.destroy()
      return
    }
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400
    socket.end(rawResponse(status))
  })
  // CONNECT would otherwise just close the connection without a word.
  server.on('connect', (_req, socket) => {
    socket.on('error', () => socket.destroy())
    socket.end(rawResponse(405, 'Allow: GET, HEAD\r\n'))
  })
  server.on('checkExpectation', (req, res) => {
    res.setHeader('X-Content-Type-Options', 'nosniff')
    sendText(req, res, 417, 'Expectation failed')
  })

  await new Promise((resolve, reject) => {
    server.once('error', (error) => {
      if (error.code === 'EADDRINUSE') {
        reject(new Error(`Port ${port} on ${host} is already in use. Stop the other server or choose another port: PORT=8081 npm run serve`))
      } else if (error.code === 'EACCES') {
        reject(new Error(`Not allowed to listen on port ${port}. Choose a port above 1024: PORT=8080 npm run serve`))
      } else {
        reject(error)
      }
    })
    server.listen(port, host, resolve)
  })
  server.on('error', (error) => console.error(`Server error: ${error.message}`))

  const actualPort = server.address().port
  return {
    server,
    port: actualPort,
    url: `http://${host}:${actualPort}${base}/`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections?.()
      }),
  }
}

async function main() {
  const raw = process.env.PORT ?? '8080'
  const port = Number(raw)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`PORT must be a whole number between 0 and 65535, got "${raw}".`)
    process.exit(1)
  }
  try {
    const root = process.argv[2] ? path.resolve(process.argv[2]) : defaultRoot
    const { url } = await startServer({ root, port, log: true })
    console.log(`健康资讯 H5: ${url}`)
    console.log('Press Ctrl+C to stop.')
  } catch (error) {
    console.error(error.message)
    process.exit(1)
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main()
}

// Tiny zero-dependency static server for the H5 build (dist/h5), bound to 127.0.0.1 only.
// It does what a static host or CDN in front of the site must do (README, 发布 H5): serve
// dir/index.html for /dir/, send the build's .br/.gz copies when the browser accepts them, cache
// hashed files for good and revalidate the rest, and answer unknown paths with 404 + 404.html.
// `npm run serve` / `npm start` use it from the command line:
//   node scripts/serve.mjs [directory]        (PORT env, default 8080; PORT=0 picks a free port)
// The first-screen benchmark and the screenshot script import `startServer`; the jest e2e tests
// start it as a child process with PORT=0 and read the URL it prints, so runs never collide.
import { createServer } from 'node:http'
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const defaultRoot = path.join(repoRoot, 'dist', 'h5')
const HOST = '127.0.0.1'

const contentTypes = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.webmanifest': 'application/manifest+json',
}

function contentTypeOf(file) {
  return contentTypes[path.extname(file).toLowerCase()] || 'application/octet-stream'
}

async function isFile(file) {
  try {
    return (await fs.stat(file)).isFile()
  } catch {
    return false
  }
}

async function isDirectory(file) {
  try {
    return (await fs.stat(file)).isDirectory()
  } catch {
    return false
  }
}

/** Maps a request path to a file under root, or null when it escapes root or is garbled. */
function resolveUnderRoot(root, urlPath) {
  let decoded
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  const file = path.normalize(path.join(root, decoded))
  return file === root || file.startsWith(root + path.sep) ? file : null
}

/**
 * Files whose name carries a content hash (app.1a2b3c4d.js), or that sit in a folder named by
 * one (data/3f2a9c1b7d4e/list-000.json, config/h5DataFiles.ts): they never change, cache for good.
 */
const HASHED = /\.[0-9a-f]{8}\.[a-z0-9]+$|[\\/]data[\\/][0-9a-f]{12}[\\/][^\\/]+\.json$/i

/**
 * The encoding to send, from Accept-Encoding and the precompressed copies the build wrote
 * (scripts/lib/precompress.ts): brotli first, then gzip, else the file as it is.
 */
function chooseEncoding(acceptEncoding) {
  const accepted = new Map()
  for (const part of String(acceptEncoding || '').toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';')
    if (!name) continue
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    accepted.set(name, q ? Number(q.slice(2)) : 1)
  }
  const ok = (name) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0
  return ['br', 'gzip'].filter(ok)
}

/**
 * What scripts/prerender.ts wrote in site.json: the base path the build was made for ('' at the
 * root) and the app's own page paths (/pages/detail/index…), which the app routes itself.
 */
async function readSite(root) {
  try {
    const site = JSON.parse(await fs.readFile(path.join(root, 'site.json'), 'utf8'))
    return {
      basePath: typeof site.basePath === 'string' ? site.basePath.replace(/\/+$/, '') : '',
      appPages: Array.isArray(site.appPages) ? site.appPages.filter((p) => typeof p === 'string') : [],
    }
  } catch {
    return { basePath: '', appPages: [] }
  }
}

/**
 * Starts the server. Resolves once it listens, with its URL and a close() that also drops
 * keep-alive connections (so tests end promptly).
 * Rejects with a readable Error when the build is missing or the port is taken.
 *   basePath: serve the site under this path (default: site.json's, i.e. H5_BASE_URL's path)
 *   htmlFile: answer every page address with this file (the prerender step loads the bare app)
 */
export async function startServer({ root = defaultRoot, port = 0, host = HOST, log = false, basePath, htmlFile } = {}) {
  root = path.resolve(root)
  const indexFile = path.join(root, 'index.html')
  if (!(await isFile(indexFile))) {
    throw new Error(`No H5 build found: ${indexFile} is missing. Run "npm run build:h5" first.`)
  }
  const site = await readSite(root)
  const base = basePath ?? site.basePath
  const notFoundFile = path.join(root, '404.html')
  const shellFile = path.join(root, 'app.html')

  async function send(req, res, file, status, cacheControl) {
    const headers = {
      'Content-Type': contentTypeOf(file),
      'Cache-Control': cacheControl,
      Vary: 'Accept-Encoding',
    }
    let body = null
    for (const encoding of chooseEncoding(req.headers['accept-encoding'])) {
      const copy = `${file}.${encoding === 'br' ? 'br' : 'gz'}`
      if (await isFile(copy)) {
        body = await fs.readFile(copy)
        headers['Content-Encoding'] = encoding
        break
      }
    }
    if (body === null) body = await fs.readFile(file)
    headers['Content-Length'] = body.length
    res.writeHead(status, headers)
    res.end(req.method === 'HEAD' ? undefined : body)
  }

  const server = createServer(async (req, res) => {
    const url = new URL(req.url || '/', 'http://localhost')
    let urlPath = url.pathname
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end()
      return
    }
    // Browsers ask every site for /favicon.ico; the build has no such file, and a 404 would
    // show up as a console error in every end-to-end test.
    if (urlPath === '/favicon.ico') {
      res.writeHead(204).end()
      return
    }
    const underBase = base === '' || urlPath === base || urlPath.startsWith(`${base}/`)
    if (underBase) urlPath = urlPath.slice(base.length) || '/'
    const requested = underBase ? resolveUnderRoot(root, urlPath) : root + path.sep + '\0'
    try {
      let file = requested
      if (file !== null && htmlFile && path.extname(urlPath) === '') {
        await send(req, res, path.join(root, htmlFile), 200, 'no-cache')
        return
      }
      if (file !== null && (await isDirectory(file))) {
        // /search → /search/ (its relative links and its canonical address end with a slash).
        if (!urlPath.endsWith('/')) {
          res.writeHead(301, { Location: `${base}${urlPath}/${url.search}`, 'Cache-Control': 'no-cache' }).end()
          return
        }
        file = path.join(file, 'index.html')
      }
      if (file !== null && (await isFile(file))) {
        // HTML, the service worker and unhashed files revalidate (they keep their names across
        // builds); hashed bundles and images are immutable.
        const immutable = HASHED.test(file) && !file.endsWith('.html')
        await send(req, res, file, 200, immutable ? 'public, max-age=31536000, immutable' : 'no-cache')
        return
      }
      // The app's page paths (/pages/detail/index?id=…) are real pages with no HTML of their
      // own: the bare app shell opens them.
      if (site.appPages.includes(urlPath) && (await isFile(shellFile))) {
        await send(req, res, shellFile, 200, 'no-cache')
        return
      }
      if (log) console.log(`404 ${req.url}`)
      const looksLikeAsset = path.extname(urlPath) !== '' && !urlPath.endsWith('.html')
      if (!looksLikeAsset && (await isFile(notFoundFile))) {
        // Every address a person may hold gives a page: 404 for crawlers, 没有找到 for people.
        await send(req, res, notFoundFile, 404, 'no-cache')
        return
      }
      res.writeHead(requested === null ? 400 : 404, { 'Content-Type': 'text/plain; charset=utf-8' }).end(requested === null ? 'Bad request path' : 'Not found')
    } catch (error) {
      res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Server error')
      console.error(`Could not serve ${urlPath}: ${error.message}`)
    }
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

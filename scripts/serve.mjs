// Tiny zero-dependency static server for the H5 build (dist/h5), bound to 127.0.0.1 only.
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
 * Starts the server. Resolves once it listens, with its URL and a close() that also drops
 * keep-alive connections (so tests end promptly).
 * Rejects with a readable Error when the build is missing or the port is taken.
 */
export async function startServer({ root = defaultRoot, port = 0, host = HOST, log = false } = {}) {
  root = path.resolve(root)
  const indexFile = path.join(root, 'index.html')
  if (!(await isFile(indexFile))) {
    throw new Error(`No H5 build found: ${indexFile} is missing. Run "npm run build:h5" first.`)
  }

  const server = createServer(async (req, res) => {
    const urlPath = new URL(req.url || '/', 'http://localhost').pathname
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end()
      return
    }
    const requested = resolveUnderRoot(root, urlPath)
    if (requested === null) {
      res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Bad request path')
      return
    }
    // Hash routing keeps real routes after '#', but a deep link without the hash (or a
    // reload on an unknown path) should still get the app rather than a bare 404.
    let file = requested
    if (!(await isFile(file))) {
      // Browsers ask every site for /favicon.ico; the build has no such file, and a 404 would
      // show up as a console error in every end-to-end test.
      if (urlPath === '/favicon.ico') {
        res.writeHead(204).end()
        return
      }
      const looksLikeAsset = path.extname(urlPath) !== '' && !urlPath.endsWith('.html')
      if (looksLikeAsset) {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found')
        if (log) console.log(`404 ${urlPath}`)
        return
      }
      file = indexFile
    }
    try {
      const body = await fs.readFile(file)
      res.writeHead(200, {
        'Content-Type': contentTypeOf(file),
        'Content-Length': body.length,
        // index.html must never be cached (it names the hashed bundles); bundles may be.
        'Cache-Control': file === indexFile ? 'no-cache' : 'public, max-age=31536000, immutable',
      })
      res.end(req.method === 'HEAD' ? undefined : body)
    } catch (error) {
      res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Server error')
      console.error(`Could not read ${file}: ${error.message}`)
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
    url: `http://${host}:${actualPort}/`,
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

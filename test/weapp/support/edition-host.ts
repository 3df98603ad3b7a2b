// The content host and the phone's network and file system for the mini-program following an
// edition (src/platform/edition.weapp.ts), all local:
// - `startEditionHost()`: a static HTTP server on 127.0.0.1 serving whatever the test publishes
//   under /content/ (an edition, a tampered copy, a hostile manifest), recording each request;
//   `stop()` makes it gone (connections refused).
// - `editionWx(host, userDir)`: `wx.request`, `wx.downloadFile`, `wx.getNetworkType` and
//   `wx.getFileSystemManager` as WeChat gives them, over Node's http (127.0.0.1 only: anything
//   else fails, as a domain missing from the admin console would) and a folder standing for
//   wx.env.USER_DATA_PATH. Every call is logged in `calls`.
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import type { WxOverrides } from './fake-wx'

export const CONTENT_PATH = '/content/'
const USER_DATA_PATH = 'wxfile://usr'

export interface EditionHost {
  /** http://127.0.0.1:<port>/content/ */
  baseUrl: string
  port: number
  /** Paths requested under /content/, in order (query strings dropped). */
  requests: string[]
  /** Replaces everything served: path under /content/ → bytes. */
  serve(files: Map<string, Buffer>): void
  /** Paths whose answer announces the whole file and then stops halfway (the connection dropped). */
  cutOff(paths: string[]): void
  stop(): Promise<void>
}

export async function startEditionHost(port = 0): Promise<EditionHost> {
  let files = new Map<string, Buffer>()
  let cut = new Set<string>()
  const requests: string[] = []
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    requests.push(url.pathname.startsWith(CONTENT_PATH) ? url.pathname.slice(CONTENT_PATH.length) : url.pathname)
    // Resolved as a static host would: `a/../b` is `b`.
    const served = path.posix.normalize(url.pathname)
    const body = served.startsWith(CONTENT_PATH) ? files.get(served.slice(CONTENT_PATH.length)) : undefined
    if (req.method !== 'GET' || !body) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found')
      return
    }
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': body.length, 'Cache-Control': 'no-cache' })
    if (cut.has(served.slice(CONTENT_PATH.length))) {
      res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.destroy())
      return
    }
    res.end(body)
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve())
  })
  const actualPort = (server.address() as AddressInfo).port
  let stopped = false
  return {
    baseUrl: `http://127.0.0.1:${actualPort}${CONTENT_PATH}`,
    port: actualPort,
    requests,
    serve(next) {
      files = new Map(next)
      cut = new Set()
    },
    cutOff(paths) {
      cut = new Set(paths)
    },
    stop() {
      if (stopped) return Promise.resolve()
      stopped = true
      server.closeAllConnections()
      return new Promise((resolve) => server.close(() => resolve()))
    },
  }
}

type Callbacks = { success?: (res: any) => void; fail?: (res: any) => void; complete?: (res: any) => void }

function get(url: string): Promise<{ statusCode: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const parsed = new URL(url)
    if (parsed.hostname !== '127.0.0.1' || parsed.protocol !== 'http:') {
      reject(new Error(`url not in domain list: ${url}`))
      return
    }
    // A new connection each time, as after a phone's idle pause: a gone host refuses it.
    const request = http.get(parsed, { agent: false }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () => {
        // A connection dropped mid-body ends the response too: WeChat reports it as a failure.
        if (!response.complete) reject(new Error('the connection closed before the whole file arrived'))
        else resolve({ statusCode: response.statusCode ?? 0, body: Buffer.concat(chunks) })
      })
      response.on('error', () => reject(new Error('the connection closed before the whole file arrived')))
    })
    request.on('error', reject)
  })
}

export interface EditionPhone {
  wx: WxOverrides
  /** The wx APIs of this file the app called, with their first argument's url or path. */
  calls: string[]
  /** The folder standing for wx.env.USER_DATA_PATH. */
  userDir: string
  /** The files under the user data path's edition folder. */
  heldFiles(): string[]
}

/**
 * The phone's network and files. `quotaBytes` is the space left for the mini-program's files:
 * a download that would pass it fails as WeChat's does.
 */
export function editionWx(userDir: string, options: { networkType?: string; quotaBytes?: number } = {}): EditionPhone {
  const calls: string[] = []
  const local = (filePath: string) => {
    if (typeof filePath !== 'string' || !filePath.startsWith(`${USER_DATA_PATH}/`)) throw new Error(`fail permission denied, open ${filePath}`)
    const resolved = path.resolve(userDir, filePath.slice(USER_DATA_PATH.length + 1))
    if (!resolved.startsWith(userDir + path.sep)) throw new Error(`fail permission denied, open ${filePath}`)
    return resolved
  }
  const used = (dir = userDir): number =>
    fs.readdirSync(dir, { withFileTypes: true }).reduce((sum, entry) => sum + (entry.isDirectory() ? used(path.join(dir, entry.name)) : fs.statSync(path.join(dir, entry.name)).size), 0)
  // WeChat's synchronous file APIs throw an Error whose message is the errMsg.
  const sync = <T>(api: string, work: () => T): T => {
    try {
      return work()
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      throw new Error(`${api}:fail ${code === 'ENOENT' ? 'no such file or directory' : (error as Error).message}`)
    }
  }
  const later = (fn: () => void) => setImmediate(fn)
  const answer = (o: Callbacks | undefined, ok: boolean, res: Record<string, unknown>) =>
    later(() => {
      if (ok) o?.success?.(res)
      else o?.fail?.(res)
      o?.complete?.(res)
    })

  const fileSystem = {
    accessSync: (p: string) => sync('accessSync', () => fs.accessSync(local(p))),
    mkdirSync: (p: string, recursive?: boolean) => sync('mkdirSync', () => void fs.mkdirSync(local(p), { recursive: !!recursive })),
    readdirSync: (p: string) => sync('readdirSync', () => fs.readdirSync(local(p))),
    unlinkSync: (p: string) => sync('unlinkSync', () => fs.unlinkSync(local(p))),
    renameSync: (from: string, to: string) => sync('renameSync', () => fs.renameSync(local(from), local(to))),
    statSync: (p: string) =>
      sync('statSync', () => {
        const stats = fs.statSync(local(p))
        return { size: stats.size, lastModifiedTime: Math.floor(stats.mtimeMs / 1000), isFile: () => stats.isFile(), isDirectory: () => stats.isDirectory() }
      }),
    readFileSync: (p: string, encoding?: string) =>
      sync('readFileSync', () => {
        const bytes = fs.readFileSync(local(p))
        if (encoding === 'utf8' || encoding === 'utf-8') return bytes.toString('utf8')
        return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)
      }),
    readFile(o: Callbacks & { filePath: string; encoding?: string }) {
      calls.push(`readFile ${o.filePath}`)
      try {
        answer(o, true, { errMsg: 'readFile:ok', data: fileSystem.readFileSync(o.filePath, o.encoding) })
      } catch (error) {
        answer(o, false, { errMsg: (error as Error).message.replace('readFileSync', 'readFile') })
      }
    },
  }

  const wx: WxOverrides = {
    env: { USER_DATA_PATH },
    getNetworkType(o: Callbacks) {
      calls.push('getNetworkType')
      answer(o, true, { errMsg: 'getNetworkType:ok', networkType: options.networkType ?? 'wifi' })
    },
    getFileSystemManager() {
      calls.push('getFileSystemManager')
      return fileSystem
    },
    request(o: Callbacks & { url: string; dataType?: string; responseType?: string }) {
      calls.push(`request ${o.url}`)
      get(o.url).then(
        ({ statusCode, body }) => {
          const text = body.toString('utf8')
          let data: unknown = text
          if (o.dataType === 'json' || o.dataType === undefined) {
            try {
              data = JSON.parse(text)
            } catch {
              // WeChat hands over the text when it is not JSON.
            }
          }
          answer(o, true, { errMsg: 'request:ok', statusCode, data, header: {} })
        },
        (error: Error) => answer(o, false, { errMsg: `request:fail ${error.message}` }),
      )
      return { abort() {}, onHeadersReceived() {}, offHeadersReceived() {} }
    },
    downloadFile(o: Callbacks & { url: string; filePath?: string }) {
      calls.push(`downloadFile ${o.url}`)
      get(o.url).then(
        ({ statusCode, body }) => {
          try {
            if (options.quotaBytes !== undefined && used() + body.length > options.quotaBytes) {
              throw new Error('the maximum size of the file storage limit is exceeded')
            }
            const target = o.filePath ?? `${USER_DATA_PATH}/tmp_${Date.now()}`
            fs.writeFileSync(local(target), body)
            answer(o, true, { errMsg: 'downloadFile:ok', statusCode, ...(o.filePath ? { filePath: target } : { tempFilePath: target }) })
          } catch (error) {
            answer(o, false, { errMsg: `downloadFile:fail ${(error as Error).message}` })
          }
        },
        (error: Error) => answer(o, false, { errMsg: `downloadFile:fail ${error.message}` }),
      )
      return { abort() {}, onProgressUpdate() {}, offProgressUpdate() {} }
    },
  }
  return {
    wx,
    calls,
    userDir,
    heldFiles() {
      const dir = path.join(userDir, 'edition')
      return fs.existsSync(dir) ? fs.readdirSync(dir).sort() : []
    },
  }
}

// What the H5 build gives src/data/loader.h5.ts, for jest: the H5_DATA_URL constant (config/index.ts
// defines it in a build) and a fetch that answers the build's data folder from src/data/shards,
// as the built site serves config/h5DataFiles.ts's copies. Any other address goes to the real
// fetch (Node's, where there is one).
import { readFileSync } from 'node:fs'
import path from 'node:path'

const DATA_URL = '/data/test/'
const shardsDir = path.join(__dirname, '..', '..', 'src', 'data', 'shards')
const globals = globalThis as unknown as { H5_DATA_URL: string; fetch?: typeof fetch }
const realFetch = globals.fetch

globals.H5_DATA_URL = DATA_URL
globals.fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
  if (!url.startsWith(DATA_URL)) {
    if (!realFetch) throw new Error(`jest has no network: fetch(${url})`)
    return realFetch(input, init)
  }
  const name = url.slice(DATA_URL.length)
  let text: string
  try {
    // Read at once: the answer then arrives in microtasks only, as the JSON chunks it replaced
    // did, so tests with fake timers see it without advancing real time.
    text = readFileSync(path.join(shardsDir, path.basename(name)), 'utf8')
  } catch {
    return { ok: false, status: 404, json: () => Promise.reject(new Error('not found')) } as unknown as Response
  }
  return { ok: true, status: 200, json: () => Promise.resolve(JSON.parse(text)) } as unknown as Response
}

// What an H5 page gives src/data/loader.h5.ts, for jest: the edition global that the edition's
// catalog.js sets (src/data/h5Edition.ts), holding src/data/catalog.json, and a fetch that
// answers the edition's data folder from src/data/shards, as the built site serves the
// edition's copies (scripts/pipeline/edition.ts). Any other address goes to the real fetch (Node's,
// where there is one).
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { H5_EDITION_GLOBAL, type H5Edition } from '../../src/data/h5Edition'

const DATA_URL = '/data/test/'
const dataDir = path.join(__dirname, '..', '..', 'src', 'data')
const shardsDir = path.join(dataDir, 'shards')
const globals = globalThis as unknown as Record<string, unknown> & { fetch?: typeof fetch }
const realFetch = globals.fetch

const edition: H5Edition = { version: 'test', dataUrl: DATA_URL, catalog: JSON.parse(readFileSync(path.join(dataDir, 'catalog.json'), 'utf8')) }
globals[H5_EDITION_GLOBAL] = edition
globals.fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
  if (!url.startsWith(DATA_URL)) {
    if (!realFetch) throw new Error(`jest has no network: fetch(${url})`)
    return realFetch(input, init)
  }
  const name = url.slice(DATA_URL.length)
  let text: string
  try {
    // Read at once: the answer then arrives in microtasks only, so tests with fake timers see
    // it without advancing real time.
    text = readFileSync(path.join(shardsDir, path.basename(name)), 'utf8')
  } catch {
    return { ok: false, status: 404, json: () => Promise.reject(new Error('not found')) } as unknown as Response
  }
  return { ok: true, status: 200, json: () => Promise.resolve(JSON.parse(text)) } as unknown as Response
}

// Each article's 5:4 share card (its og:image, share/<id>.png), drawn at build time in Node by
// the app's own layout and renderer (src/features/share/cardLayout.ts +
// src/platform/renderDrawOps.ts) on a Skia canvas (@napi-rs/canvas; scripts/share-cards/cardCanvas.ts),
// stored as a 16-colour 4-bit PNG, 800×640, ~20 KB (scripts/share-cards/palettePng.ts).
//
//   drawShareCards(articles, disclaimers, write, { cacheDir?, workers? })
//     → Promise<{ bytes, drawn, cached }>
//
// - `write(file, png)` gets every card once, with its path under the site root (shareCardPath):
//   cached cards first, drawn ones as they come. Nothing else is written but the cache.
// - Cache: a card's file is named by a hash of what it shows (shareCardContent: title, date,
//   region, source, disclaimer, date notice) and of the drawing itself (the bundled drawing code,
//   the canvas package's version, the fonts it found), so a card is redrawn only when one of them
//   changes, and a cached card is the very file a fresh drawing gives. Default folder
//   node_modules/.cache/health-news/cards/: a clean checkout has none, a rebuild finds it (the H5
//   build empties dist/, so a folder there would not survive), and it sits beside webpack's own
//   cache. Files this run did not use are removed once they are a day old, so the folder stays
//   about one library's worth. An unreadable or damaged cached file is drawn again.
// - `workers` (default: one per core) threads draw the missing cards; 0 draws in this thread.
// - `drawn` cards were drawn, `cached` came from the cache; `bytes` is all the cards' size.
// Needs a CJK font (fonts-wqy-microhei on Debian); without one it stops with an error naming it.
import { GlobalFonts } from '@napi-rs/canvas'
import { build, type Plugin } from 'esbuild'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Worker } from 'node:worker_threads'
import type { Article, Disclaimers } from '../../src/core/article'
import { shareCardPath } from '../../src/core/pageMeta'
import { shareCardContent, type ShareCardContent } from '../../src/features/share/shareContent'
import { drawShareCardPng } from './cardCanvas'
import type { CardBatch, CardBatchAnswer } from './shareCardWorker'

export interface ShareCardOptions {
  /** Where drawn cards are kept between builds (default node_modules/.cache/health-news/cards). */
  cacheDir?: string
  /** Threads drawing the cards (default one per core; 0 draws in this thread). */
  workers?: number
}

export interface ShareCardResult {
  bytes: number
  drawn: number
  cached: number
}

const repoRoot = path.resolve(__dirname, '..', '..')
export const DEFAULT_CARD_CACHE_DIR = path.join(repoRoot, 'node_modules', '.cache', 'health-news', 'cards')
/** Cards a worker draws per message (enough to make the trip's cost vanish, small enough to share the work evenly). */
const BATCH = 8
const CACHE_FILE = /^[0-9a-f]{40}\.png$/
const STALE_CACHE_MS = 24 * 60 * 60 * 1000
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
const PNG_END = Buffer.from([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82])

let bundled: Promise<{ code: string; fingerprint: string }> | null = null

/** The worker's code, bundled once a process, and the fingerprint of everything that draws a card. */
function workerBundle(): Promise<{ code: string; fingerprint: string }> {
  return (bundled ??= bundleWorker())
}

async function bundleWorker(): Promise<{ code: string; fingerprint: string }> {
  const canvasEntry = require.resolve('@napi-rs/canvas')
  // The native canvas stays a require of its resolved path: a bundle run with `eval` resolves
  // bare names from the working directory, not from this repository.
  const nativeCanvas: Plugin = {
    name: 'native-canvas',
    setup(build) {
      build.onResolve({ filter: /^@napi-rs\/canvas$/ }, () => ({ path: canvasEntry, external: true }))
    },
  }
  const { outputFiles } = await build({
    entryPoints: [path.join(__dirname, 'shareCardWorker.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    write: false,
    plugins: [nativeCanvas],
    logLevel: 'silent',
  })
  const code = outputFiles[0].text
  const canvasVersion = (JSON.parse(fs.readFileSync(require.resolve('@napi-rs/canvas/package.json'), 'utf8')) as { version: string }).version
  const fonts = JSON.stringify(GlobalFonts.families.map((font) => JSON.stringify(font)).sort())
  const fingerprint = crypto.createHash('sha256').update(code).update(`\0${canvasVersion}\0${fonts}`).digest('hex')
  return { code, fingerprint }
}

/** The cache file's name of a card: what it shows and how it is drawn. */
function cardKey(fingerprint: string, content: ShareCardContent): string {
  return crypto.createHash('sha1').update(fingerprint).update('\0').update(JSON.stringify(content)).digest('hex')
}

function readCached(file: string): Buffer | null {
  try {
    const png = fs.readFileSync(file)
    // A build stopped mid-write cannot leave a half file (writes are renamed into place), but a
    // damaged disk or a hand edit can: such a file is drawn again.
    const whole = png.length > PNG_SIGNATURE.length + PNG_END.length && png.subarray(0, 8).equals(PNG_SIGNATURE) && png.subarray(-12).equals(PNG_END)
    return whole ? png : null
  } catch {
    return null
  }
}

function writeCached(file: string, png: Buffer): void {
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`
  fs.writeFileSync(temporary, png)
  fs.renameSync(temporary, file)
}

/** Removes cache files this run did not use, once they are a day old (another build may share the folder). */
function pruneCache(cacheDir: string, used: Set<string>): void {
  const now = Date.now()
  for (const name of fs.readdirSync(cacheDir)) {
    if (used.has(name) || !(CACHE_FILE.test(name) || name.endsWith('.tmp'))) continue
    const file = path.join(cacheDir, name)
    try {
      if (now - fs.statSync(file).mtimeMs > STALE_CACHE_MS) fs.unlinkSync(file)
    } catch {
      // Already gone (another build pruned it): nothing to do.
    }
  }
}

/** Draws `contents` on `workers` threads, handing each card's PNG to `done` with its index as it comes. */
async function drawOnWorkers(code: string, contents: ShareCardContent[], workers: number, done: (i: number, png: Buffer) => void): Promise<void> {
  const batches: CardBatch[] = []
  for (let from = 0; from < contents.length; from += BATCH) batches.push({ batch: from, contents: contents.slice(from, from + BATCH) })
  let next = 0
  const threads = Array.from({ length: Math.min(workers, batches.length) }, () => new Worker(code, { eval: true }))
  try {
    await Promise.all(
      threads.map(
        (thread) =>
          new Promise<void>((resolve, reject) => {
            const send = () => {
              if (next >= batches.length) return resolve()
              thread.postMessage(batches[next++])
            }
            thread.on('message', (answer: CardBatchAnswer) => {
              if ('error' in answer) return reject(new Error(`share cards: drawing failed in a worker: ${answer.error}`))
              try {
                answer.pngs.forEach((png, i) => done(answer.batch + i, Buffer.from(png.buffer, png.byteOffset, png.byteLength)))
              } catch (error) {
                return reject(error)
              }
              send()
            })
            thread.on('error', reject)
            thread.on('exit', (exitCode) => reject(new Error(`share cards: a drawing worker stopped (exit code ${exitCode})`)))
            send()
          }),
      ),
    )
  } finally {
    await Promise.all(threads.map((thread) => thread.terminate()))
  }
}

/** Draws (or takes from the cache) every article's share card and hands each PNG to `write`. */
export async function drawShareCards(
  articles: readonly Article[],
  disclaimers: Disclaimers,
  write: (file: string, png: Buffer) => void,
  options: ShareCardOptions = {},
): Promise<ShareCardResult> {
  const cacheDir = options.cacheDir ?? DEFAULT_CARD_CACHE_DIR
  const workers = Math.max(0, Math.floor(options.workers ?? os.availableParallelism()))
  const { code, fingerprint } = await workerBundle()
  fs.mkdirSync(cacheDir, { recursive: true })
  // One moment for every card: an article's date notice depends on the day it is drawn.
  const now = new Date()
  const contents = articles.map((article) => shareCardContent(article, disclaimers, now))
  const names = contents.map((content) => `${cardKey(fingerprint, content)}.png`)
  let bytes = 0
  // Each card is handed on as soon as it is there, so 10,000 of them are never all in memory.
  const deliver = (i: number, png: Buffer) => {
    write(shareCardPath(articles[i].id), png)
    bytes += png.length
  }
  const missing: number[] = []
  names.forEach((name, i) => {
    const png = readCached(path.join(cacheDir, name))
    if (png) deliver(i, png)
    else missing.push(i)
  })
  // Each drawn card goes to the cache at once: a build stopped half way keeps what it drew.
  const drawn = (k: number, png: Buffer) => {
    const i = missing[k]
    writeCached(path.join(cacheDir, names[i]), png)
    deliver(i, png)
  }
  const missingContents = missing.map((i) => contents[i])
  if (workers === 0) missingContents.forEach((content, k) => drawn(k, drawShareCardPng(content)))
  else if (missing.length) await drawOnWorkers(code, missingContents, workers, drawn)
  pruneCache(cacheDir, new Set(names))
  return { bytes, drawn: missing.length, cached: articles.length - missing.length }
}

// Brotli and gzip copies beside the text files of the H5 build (x.js → x.js.br, x.js.gz), made
// once at build time, so a server or CDN only has to pick one (scripts/site/serve.mjs does; README
// says what a static host needs). The article pages (one per article: 10,000 at bench:growth's
// library) get a brotli copy only: every browser asks for br over HTTPS (and Chromium on
// 127.0.0.1 too), and a stored gzip copy would be a third copy of each page for the few clients
// that do not, which a host compresses on the fly instead (scripts/site/serve.mjs, nginx `gzip on`, a CDN).
//
// Levels: gzip 9 everywhere (≈1 ms a page). Brotli 11 for the scripts, styles, data and the few
// site pages (home, search, 我的, not-found, the shell), which most visits download. The article
// pages (one per article, ~46 KB each) get ARTICLE_BROTLI_QUALITY: quality 11 costs ≈100 ms a
// page, 17 minutes of CPU at 10,000 articles; see ARTICLE_BROTLI_QUALITY for the figures. Files
// are spread over worker threads, one per core; each file's copies depend on that file alone,
// so the output is the same whatever the order.
//
// With a cache directory, a file whose bytes are those it had when its copies were last made
// keeps its copies untouched, and copies of bytes compressed before (any file, any build) are
// taken from the cache, stored by content hash: after one new article, only the pages that
// changed are compressed.
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Worker } from 'node:worker_threads'

const TEXT = /\.(?:html|js|mjs|css|json|svg|txt|xml|map|webmanifest)$/i
/** Below this a compressed copy saves less than its own headers cost. */
const MIN_BYTES = 256
/**
 * Brotli quality of the article pages. Measured on the prerendered article pages (46 KB each,
 * 2 cores under load): quality 11 → 11.6 KB in ≈90 ms, 10 → 11.8 KB in ≈30 ms, 9 → 12.4 KB in
 * ≈20 ms, 8 → 12.4 KB in ≈5 ms. Quality 8 is 0.8 KB (+7 %) more a page, ≈4 ms at Lighthouse's
 * mobile 1.6 Mbit/s, and saves minutes of every build at 10,000 articles.
 */
export const ARTICLE_BROTLI_QUALITY = 8
const ARTICLE_PAGE = /[\\/]article[\\/][^\\/]+[\\/]index\.html$/

export interface CompressTotals {
  /** Files whose copies were made or refreshed by this run. */
  files: number
  /** Files compressed now (not found in the cache). */
  compressed?: number
  raw: number
  br: number
  gz: number
}

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name)
    return entry.isDirectory() ? walk(file) : [file]
  })
}

/** The worker (plain CommonJS, so it runs under tsx and plain node alike): compresses its files. */
const WORKER_SOURCE = `
const fs = require('node:fs')
const zlib = require('node:zlib')
const { parentPort, workerData } = require('node:worker_threads')
const totals = { files: 0, raw: 0, br: 0, gz: 0 }
for (const { file, quality, gzip } of workerData.jobs) {
  const body = fs.readFileSync(file)
  const br = zlib.brotliCompressSync(body, {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: quality, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length },
  })
  fs.writeFileSync(file + '.br', br)
  if (gzip) {
    const gz = zlib.gzipSync(body, { level: 9 })
    fs.writeFileSync(file + '.gz', gz)
    totals.gz += gz.length
  } else {
    fs.rmSync(file + '.gz', { force: true })
  }
  totals.files++
  totals.raw += body.length
  totals.br += br.length
}
parentPort.postMessage(totals)
`

interface Job {
  file: string
  quality: number
  bytes: number
  mtimeMs: number
  /** Whether a gzip copy is written too (all but the article pages). */
  gzip: boolean
}

function jobsOf(dir: string): Job[] {
  const jobs: Job[] = []
  for (const file of walk(dir)) {
    if (!TEXT.test(file) || file.endsWith('.LICENSE.txt')) continue
    const { size: bytes, mtimeMs } = fs.statSync(file)
    if (bytes < MIN_BYTES) continue
    const article = ARTICLE_PAGE.test(file)
    jobs.push({ file, bytes, mtimeMs, quality: article ? ARTICLE_BROTLI_QUALITY : 11, gzip: !article })
  }
  return jobs
}

function sha(body: Buffer): string {
  return createHash('sha256').update(body).digest('hex')
}

/**
 * The files of `dir` that need copies now, given `cacheDir`: those compressed before are put in
 * place from the cache (counted in `taken`), those whose copies are current are left out.
 */
function cachedJobs(dir: string, cacheDir: string): { jobs: (Job & { hash: string })[]; taken: CompressTotals; finish: () => void } {
  const store = path.join(cacheDir, 'compressed')
  const manifestFile = path.join(cacheDir, 'precompressed', `${createHash('sha256').update(path.resolve(dir)).digest('hex').slice(0, 16)}.json`)
  const previous: Record<string, string> = fs.existsSync(manifestFile) ? JSON.parse(fs.readFileSync(manifestFile, 'utf8')) : {}
  // Size and mtime of each file when its hash was taken: a file that kept both is not read again.
  const statFile = path.join(cacheDir, 'precompressed-stat', path.basename(manifestFile))
  const previousStats: Record<string, [number, number]> = fs.existsSync(statFile) ? JSON.parse(fs.readFileSync(statFile, 'utf8')) : {}
  const stats: Record<string, [number, number]> = {}
  const manifest: Record<string, string> = {}
  const jobs: (Job & { hash: string })[] = []
  const taken: CompressTotals = { files: 0, raw: 0, br: 0, gz: 0 }
  fs.mkdirSync(store, { recursive: true })
  for (const job of jobsOf(dir)) {
    const rel = path.relative(dir, job.file)
    stats[rel] = [job.bytes, job.mtimeMs]
    const known = previousStats[rel]
    // The hash's suffix says how it was compressed: the quality, and `-br` when there is no gzip copy.
    const suffix = `-${job.quality}${job.gzip ? '' : '-br'}`
    const copiesCurrent = () => fs.existsSync(job.file + '.br') && job.gzip === fs.existsSync(job.file + '.gz')
    if (previous[rel]?.endsWith(suffix) && known && known[0] === job.bytes && known[1] === job.mtimeMs && copiesCurrent()) {
      manifest[rel] = previous[rel]
      continue
    }
    const body = fs.readFileSync(job.file)
    const hash = `${sha(body)}${suffix}`
    manifest[rel] = hash
    if (previous[rel] === hash && copiesCurrent()) continue
    const br = path.join(store, `${hash}.br`)
    const gz = path.join(store, `${hash}.gz`)
    if (fs.existsSync(br) && (!job.gzip || fs.existsSync(gz))) {
      fs.copyFileSync(br, job.file + '.br')
      if (job.gzip) fs.copyFileSync(gz, job.file + '.gz')
      else fs.rmSync(job.file + '.gz', { force: true })
      taken.files++
      taken.raw += body.length
      taken.br += fs.statSync(br).size
      taken.gz += job.gzip ? fs.statSync(gz).size : 0
      continue
    }
    jobs.push({ ...job, hash })
  }
  const finish = () => {
    // What this site's files no longer use leaves the store, so the cache stays the size of a site.
    const used = new Set(Object.values(manifest))
    for (const file of jobs) {
      fs.copyFileSync(file.file + '.br', path.join(store, `${file.hash}.br`))
      if (file.gzip) fs.copyFileSync(file.file + '.gz', path.join(store, `${file.hash}.gz`))
    }
    const kept = new Set<string>()
    for (const sites of fs.readdirSync(path.dirname(manifestFile), { withFileTypes: true }).filter((e) => e.isFile())) {
      const other = path.join(path.dirname(manifestFile), sites.name)
      if (other === manifestFile) continue
      for (const h of Object.values(JSON.parse(fs.readFileSync(other, 'utf8')) as Record<string, string>)) kept.add(h)
    }
    for (const name of fs.readdirSync(store)) {
      const hash = name.replace(/\.(br|gz)$/, '')
      if (!used.has(hash) && !kept.has(hash)) fs.rmSync(path.join(store, name), { force: true })
    }
    fs.writeFileSync(manifestFile, JSON.stringify(manifest))
    fs.writeFileSync(statFile, JSON.stringify(stats))
  }
  fs.mkdirSync(path.dirname(manifestFile), { recursive: true })
  fs.mkdirSync(path.dirname(statFile), { recursive: true })
  return { jobs, taken, finish }
}

export async function precompressDir(dir: string, threads = Math.max(1, Math.min(4, os.availableParallelism())), cacheDir?: string): Promise<CompressTotals> {
  const cached = cacheDir ? cachedJobs(dir, cacheDir) : undefined
  const all = cached ? cached.jobs : jobsOf(dir)
  // Costliest first, each to the thread with the least work so far: the threads end together.
  const jobs = all.sort((a, b) => b.bytes * (b.quality === 11 ? 4 : 1) - a.bytes * (a.quality === 11 ? 4 : 1))
  const shares: Job[][] = Array.from({ length: threads }, () => [])
  const load = new Array(threads).fill(0)
  for (const job of jobs) {
    const least = load.indexOf(Math.min(...load))
    shares[least].push(job)
    load[least] += job.bytes * (job.quality === 11 ? 4 : 1)
  }
  const results = await Promise.all(
    shares
      .filter((share) => share.length > 0)
      .map(
        (share) =>
          new Promise<CompressTotals>((resolve, reject) => {
            const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { jobs: share.map(({ file, quality, gzip }) => ({ file, quality, gzip })) } })
            worker.once('message', resolve)
            worker.once('error', reject)
            worker.once('exit', (code) => code !== 0 && reject(new Error(`precompress: a worker stopped with exit code ${code}`)))
          }),
      ),
  )
  const made = results.reduce((sum, t) => ({ files: sum.files + t.files, raw: sum.raw + t.raw, br: sum.br + t.br, gz: sum.gz + t.gz }), { files: 0, raw: 0, br: 0, gz: 0 })
  cached?.finish()
  const taken = cached?.taken ?? { files: 0, raw: 0, br: 0, gz: 0 }
  return { files: made.files + taken.files, compressed: made.files, raw: made.raw + taken.raw, br: made.br + taken.br, gz: made.gz + taken.gz }
}

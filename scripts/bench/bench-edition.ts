// `npm run --silent bench:edition -- [--json] [--sizes 42,2000,10000]`: what a reader downloads to
// follow a new edition (scripts/pipeline/edition.ts), at each library size: the real pages, or the
// growth benchmark's pages (scripts/bench/growth-fixture.ts) up to that many articles.
//   - one added article: the library with and without one of its full articles (the one in the
//     middle of the list; without it, every related list is scored again over the smaller
//     library, as the pipeline would), each through the whole data pipeline (dataset → search
//     index → layout) and compared file by file (name and SHA-256), as a follower compares
//     manifests;
//   - at the largest size asked for, the same for a sample of added articles (`--sample N`, 50
//     full articles evenly spaced over the list; 0 turns it off): p50 / p90 / max of the
//     download, so one lucky article does not decide;
//   - a full new edition: every file;
//   - the edition's total bytes, file count and largest file, and whether the weapp packaging
//     still fits WeChat's limits.
// Bytes are the files' raw bytes (what a download without compression moves), plus edition.json
// itself; the gzip figure is printed beside them for a host that compresses. Nothing is written.
import { gzipSync } from 'node:zlib'
import type { ArticleDataset } from '../../src/core/article'
import type { SourcePageLinks } from '../../src/core/related'
import { percentile } from './harness'
import { buildDataset, datasetWithout as without, readSourcePages } from '../pipeline/build-data'
import { buildSearchIndex } from '../pipeline/build-search-index'
import { buildLayoutFiles, checkWechatLimits, packDataFiles, weappModuleSource } from '../pipeline/data-layout'
import { growthPages } from './growth-fixture'
import { dataFilesOfLayout, editionChanges, editionManifest, serializeManifest, type EditionManifest } from '../pipeline/edition'

interface SizeFigures {
  articles: number
  editionFiles: number
  editionBytes: number
  largestFileBytes: number
  addedArticle: { id: string; changedFiles: string[]; changedBytes: number; changedGzipBytes: number; downloadBytes: number; downloadGzipBytes: number }
  fullEdition: { files: number; downloadBytes: number; gzipBytes: number }
  weappSubpackages: number
  /** At the largest size only: one added article, over a sample of full articles. */
  addedSample?: SampleFigures
}

interface SampleFigures {
  articles: number
  /** Download with edition.json, raw bytes. */
  downloadBytes: { p50: number; p90: number; max: number }
  downloadGzipBytes: { p50: number; p90: number; max: number }
  changedFiles: { p50: number; p90: number; max: number }
  /** The sampled article with the largest download and its changed files. */
  worst: { id: string; changedFiles: string[] }
}

function parseArgs(argv: string[]): { json: boolean; sizes: number[]; sample: number } {
  const options = { json: false, sizes: [42, 2000, 10000], sample: 50 }
  const usage = 'Usage: npm run --silent bench:edition -- [--json] [--sizes 42,2000,10000] [--sample 50]'
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--json') options.json = true
    else if (argv[i] === '--sizes') options.sizes = (argv[++i] || '').split(',').map(Number).filter((n) => n > 0)
    else if (argv[i] === '--sample') options.sample = Math.max(0, Math.floor(Number(argv[++i])) || 0)
    else throw new Error(`Unknown argument "${argv[i]}". ${usage}`)
  }
  return options
}

function edition(dataset: ArticleDataset): { manifest: EditionManifest; files: Map<string, Buffer> } {
  const files = dataFilesOfLayout(buildLayoutFiles(dataset, buildSearchIndex(dataset.articles)))
  return { manifest: editionManifest(files), files }
}

const gzipBytes = (files: Map<string, Buffer>, names: readonly string[]) => names.reduce((sum, name) => sum + gzipSync(files.get(name) as Buffer).length, 0)

const spread = (values: readonly number[]) => ({ p50: percentile(values, 50), p90: percentile(values, 90), max: Math.max(...values) })

/** One added article for each of `count` full articles evenly spaced over the list. */
function sampleAdded(dataset: ArticleDataset, links: readonly SourcePageLinks[], after: ReturnType<typeof edition>, count: number): SampleFigures {
  const full = dataset.articles.filter((a) => a.fullText)
  const picked = Array.from(new Set(Array.from({ length: Math.min(count, full.length) }, (_, k) => full[Math.floor(((k + 0.5) * full.length) / Math.min(count, full.length))])))
  const manifestGzip = gzipSync(serializeManifest(after.manifest)).length
  const runs = picked.map((added) => {
    const change = editionChanges(edition(without(dataset, links, added.id)).manifest, after.manifest)
    const names = change.changed.map((f) => f.name)
    return { id: added.id, names, bytes: change.downloadBytes, gzip: gzipBytes(after.files, names) + manifestGzip }
  })
  const worst = runs.reduce((a, b) => (b.bytes > a.bytes ? b : a))
  return {
    articles: runs.length,
    downloadBytes: spread(runs.map((r) => r.bytes)),
    downloadGzipBytes: spread(runs.map((r) => r.gzip)),
    changedFiles: spread(runs.map((r) => r.names.length)),
    worst: { id: worst.id, changedFiles: worst.names },
  }
}

function measure(size: number, sample: number): SizeFigures {
  const real = readSourcePages()
  const pages = size <= 42 ? real : growthPages(real, size)
  const { dataset, links } = buildDataset(pages)
  const full = dataset.articles.filter((a) => a.fullText)
  const added = full[Math.floor(full.length / 2)]
  const after = edition(dataset)
  const before = edition(without(dataset, links, added.id))
  const change = editionChanges(before.manifest, after.manifest)
  const fresh = editionChanges(null, after.manifest)
  const names = after.manifest.files.map((f) => f.name)
  const weappFiles = after.manifest.files.filter((f) => f.name !== 'catalog').map((f) => ({ name: f.name, bytes: Buffer.byteLength(weappModuleSource((after.files.get(f.name) as Buffer).toString('utf8'))) }))
  checkWechatLimits({ articleCount: dataset.articles.length, catalogBytes: (after.files.get('catalog') as Buffer).length, files: weappFiles })
  return {
    articles: dataset.articles.length,
    editionFiles: after.manifest.files.length,
    editionBytes: fresh.changedBytes,
    largestFileBytes: Math.max(...after.manifest.files.map((f) => f.bytes)),
    addedArticle: {
      id: added.id,
      changedFiles: change.changed.map((f) => f.name),
      changedBytes: change.changedBytes,
      changedGzipBytes: gzipBytes(after.files, change.changed.map((f) => f.name)),
      downloadBytes: change.downloadBytes,
      downloadGzipBytes: gzipBytes(after.files, change.changed.map((f) => f.name)) + gzipSync(serializeManifest(after.manifest)).length,
    },
    fullEdition: { files: fresh.changed.length, downloadBytes: fresh.downloadBytes, gzipBytes: gzipBytes(after.files, names) + gzipSync(serializeManifest(after.manifest)).length },
    weappSubpackages: packDataFiles(weappFiles).packages.length,
    ...(sample > 0 ? { addedSample: sampleAdded(dataset, links, after, sample) } : {}),
  }
}

function main(): void {
  const options = parseArgs(process.argv.slice(2))
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`
  const results: SizeFigures[] = []
  const largest = Math.max(...options.sizes)
  for (const size of options.sizes) {
    const started = Date.now()
    const figures = measure(size, size === largest ? options.sample : 0)
    results.push(figures)
    if (!options.json) {
      console.log(
        `${figures.articles} articles: edition ${figures.editionFiles} files, ${kb(figures.editionBytes)} (largest ${kb(figures.largestFileBytes)}; ${figures.weappSubpackages} weapp data subpackages)\n` +
          `  one added article (${figures.addedArticle.id}): ${figures.addedArticle.changedFiles.length} files changed (${figures.addedArticle.changedFiles.join(', ')}), ` +
          `${kb(figures.addedArticle.changedBytes)} raw (${kb(figures.addedArticle.changedGzipBytes)} gzip); download with edition.json ${kb(figures.addedArticle.downloadBytes)} (${kb(figures.addedArticle.downloadGzipBytes)} gzip)\n` +
          `  full new edition: ${figures.fullEdition.files} files, ${kb(figures.fullEdition.downloadBytes)} raw with edition.json (${kb(figures.fullEdition.gzipBytes)} gzip)` +
          (figures.addedSample
            ? `\n  one added article, over ${figures.addedSample.articles} full articles evenly spaced: download with edition.json ` +
              `p50 ${kb(figures.addedSample.downloadBytes.p50)}, p90 ${kb(figures.addedSample.downloadBytes.p90)}, max ${kb(figures.addedSample.downloadBytes.max)} raw ` +
              `(gzip p50 ${kb(figures.addedSample.downloadGzipBytes.p50)}, p90 ${kb(figures.addedSample.downloadGzipBytes.p90)}, max ${kb(figures.addedSample.downloadGzipBytes.max)}); ` +
              `files changed p50 ${figures.addedSample.changedFiles.p50}, p90 ${figures.addedSample.changedFiles.p90}, max ${figures.addedSample.changedFiles.max} ` +
              `(largest: ${figures.addedSample.worst.id}, ${figures.addedSample.worst.changedFiles.join(', ')})`
            : '') +
          `   [${((Date.now() - started) / 1000).toFixed(1)} s]`,
      )
    }
  }
  if (options.json) console.log(JSON.stringify(results, null, 2))
}

try {
  main()
} catch (error) {
  console.error(`bench-edition failed: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
}

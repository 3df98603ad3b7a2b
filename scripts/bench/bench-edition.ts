// `npm run --silent bench:edition -- [--json] [--sizes 42,2000,10000]`: what a reader downloads to
// follow a new edition (scripts/pipeline/edition.ts), at each library size: the real pages, or the
// growth benchmark's pages (scripts/bench/growth-fixture.ts) up to that many articles.
//   - one added article: the library with and without one of its full articles (the one in the
//     middle of the list; its id is removed from the others' related lists too), each through
//     the whole data pipeline (dataset → search index → layout) and compared file by file (name
//     and SHA-256), as a follower compares manifests;
//   - a full new edition: every file;
//   - the edition's total bytes, file count and largest file, and whether the weapp packaging
//     still fits WeChat's limits.
// Bytes are the files' raw bytes (what a download without compression moves), plus edition.json
// itself; the gzip figure is printed beside them for a host that compresses. Nothing is written.
import { gzipSync } from 'node:zlib'
import type { Article, ArticleDataset } from '../../src/core/article'
import { provincesInGazetteerOrder } from '../../src/core/regions'
import { buildDataset, readSourcePages } from '../pipeline/build-data'
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
}

function parseArgs(argv: string[]): { json: boolean; sizes: number[] } {
  const options = { json: false, sizes: [42, 2000, 10000] }
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--json') options.json = true
    else if (argv[i] === '--sizes') options.sizes = (argv[++i] || '').split(',').map(Number).filter((n) => n > 0)
    else throw new Error(`Unknown argument "${argv[i]}". Usage: npm run --silent bench:edition -- [--json] [--sizes 42,2000,10000]`)
  }
  return options
}

/** The library as it was before `id` was added. */
function without(dataset: ArticleDataset, id: string): ArticleDataset {
  const articles: Article[] = dataset.articles.filter((a) => a.id !== id).map((a) => ({ ...a, related: a.related.filter((r) => r !== id) }))
  return { ...dataset, articles, provinces: provincesInGazetteerOrder(articles.map((a) => a.region)) }
}

function edition(dataset: ArticleDataset): { manifest: EditionManifest; files: Map<string, Buffer> } {
  const files = dataFilesOfLayout(buildLayoutFiles(dataset, buildSearchIndex(dataset.articles)))
  return { manifest: editionManifest(files), files }
}

const gzipBytes = (files: Map<string, Buffer>, names: readonly string[]) => names.reduce((sum, name) => sum + gzipSync(files.get(name) as Buffer).length, 0)

function measure(size: number): SizeFigures {
  const real = readSourcePages()
  const pages = size <= 42 ? real : growthPages(real, size)
  const { dataset } = buildDataset(pages)
  const full = dataset.articles.filter((a) => a.fullText)
  const added = full[Math.floor(full.length / 2)]
  const after = edition(dataset)
  const before = edition(without(dataset, added.id))
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
  }
}

function main(): void {
  const options = parseArgs(process.argv.slice(2))
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`
  const results: SizeFigures[] = []
  for (const size of options.sizes) {
    const started = Date.now()
    const figures = measure(size)
    results.push(figures)
    if (!options.json) {
      console.log(
        `${figures.articles} articles: edition ${figures.editionFiles} files, ${kb(figures.editionBytes)} (largest ${kb(figures.largestFileBytes)}; ${figures.weappSubpackages} weapp data subpackages)\n` +
          `  one added article (${figures.addedArticle.id}): ${figures.addedArticle.changedFiles.length} files changed (${figures.addedArticle.changedFiles.join(', ')}), ` +
          `${kb(figures.addedArticle.changedBytes)} raw (${kb(figures.addedArticle.changedGzipBytes)} gzip); download with edition.json ${kb(figures.addedArticle.downloadBytes)} (${kb(figures.addedArticle.downloadGzipBytes)} gzip)\n` +
          `  full new edition: ${figures.fullEdition.files} files, ${kb(figures.fullEdition.downloadBytes)} raw with edition.json (${kb(figures.fullEdition.gzipBytes)} gzip)` +
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

// `npm run data` (last step): derives the shipped data files from the outputs of record
// (src/data/articles.json from build-data.ts, src/data/search-index.json from
// build-search-index.ts): catalog.json and shards/ (scripts/pipeline/data-layout.ts), then decides which
// weapp subpackage carries which data file, writes src/data/packages.json, and stops with a clear
// message before the package would break a WeChat limit. Deterministic: the same inputs give
// the same bytes.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs'
import { join } from 'path'
import type { ArticleDataset } from '../../src/core/article'
import { SHARD_KINDS, type Catalog } from '../../src/core/catalog'
import type { SearchIndexData } from '../../src/core/search/types'
import { buildLayoutFiles, checkWechatLimits, packDataFiles, serializeJson, weappModuleSource, type DataFileSize, type PackagesFile } from './data-layout'

export const DATA_DIR = join(__dirname, '..', '..', 'src', 'data')
export const PACKAGES_FILE = join(DATA_DIR, 'packages.json')

/** The layout files of the outputs of record in `dataDir` (articles.json, search-index.json). */
export function layoutFilesOf(dataDir: string = DATA_DIR): Map<string, string> {
  const dataset = JSON.parse(readFileSync(join(dataDir, 'articles.json'), 'utf8')) as ArticleDataset
  const searchIndex = JSON.parse(readFileSync(join(dataDir, 'search-index.json'), 'utf8')) as SearchIndexData
  return buildLayoutFiles(dataset, searchIndex)
}

/** Writes catalog.json and shards/ into `dataDir`, removing shards a smaller library no longer has. */
export function writeLayoutFiles(files: Map<string, string>, dataDir: string = DATA_DIR): void {
  const shardsDir = join(dataDir, 'shards')
  mkdirSync(shardsDir, { recursive: true })
  for (const name of readdirSync(shardsDir)) {
    if (!files.has(`shards/${name}`)) rmSync(join(shardsDir, name))
  }
  for (const [path, text] of files) writeFileSync(join(dataDir, path), text)
}

/** The data files a weapp build carries outside the main package, in the order they are packed. */
export function dataFileSizes(dataDir: string = DATA_DIR): DataFileSize[] {
  const shards = readdirSync(join(dataDir, 'shards')).filter((f) => f.endsWith('.json'))
  // List shards first: home asks for them as it opens, so they share the first subpackages;
  // then article and related shards (SHARD_KINDS' order), then the rest (the search index).
  const kindOf = (file: string) => SHARD_KINDS.findIndex((kind) => file.startsWith(`${kind}-`))
  const rank = (file: string) => (kindOf(file) < 0 ? SHARD_KINDS.length : kindOf(file))
  const ordered = [...shards].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0))
  const sizeOf = (file: string) => Buffer.byteLength(weappModuleSource(readFileSync(file, 'utf8')))
  return ordered.map((f) => ({ name: f.replace(/\.json$/, ''), bytes: sizeOf(join(dataDir, 'shards', f)) }))
}

export function buildPackages(dataDir: string = DATA_DIR, files: DataFileSize[] = dataFileSizes(dataDir)): PackagesFile {
  const catalogText = readFileSync(join(dataDir, 'catalog.json'), 'utf8')
  const catalog = JSON.parse(catalogText) as Catalog
  checkWechatLimits({ articleCount: catalog.articleCount, catalogBytes: Buffer.byteLength(catalogText), files })
  return packDataFiles(files)
}

/** `npm run data`'s last step: the layout files and packages.json from the outputs of record, with a report. */
export function main(): void {
  const layout = layoutFilesOf()
  writeLayoutFiles(layout)
  const shards = [...layout.keys()].filter((f) => f.startsWith('shards/'))
  const kinds = SHARD_KINDS.map((kind) => `${shards.filter((f) => f.startsWith(`shards/${kind}-`)).length} ${kind} shards`).join(', ')
  console.log(`wrote catalog.json and ${shards.length} data files in src/data/shards (${kinds}, the search index)`)
  const files = dataFileSizes()
  const packages = buildPackages(DATA_DIR, files)
  writeFileSync(PACKAGES_FILE, serializeJson(packages))
  const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`
  const sizes = new Map(files.map((f) => [f.name, f.bytes]))
  for (const p of packages.packages) {
    const bytes = p.files.reduce((sum, f) => sum + (sizes.get(f) ?? 0), 0)
    console.log(`weapp subpackage ${p.root}: ${p.files.length} data files, ${kb(bytes)}`)
  }
  console.log('wrote src/data/packages.json')
}

if (require.main === module) {
  try {
    main()
  } catch (error) {
    console.error(`pack-data failed: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  }
}

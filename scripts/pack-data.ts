// `npm run data` (last step): decides which weapp subpackage carries which data file (list and
// article shards from build-data.ts, the search index from build-search-index.ts), writes
// src/data/packages.json, and stops with a clear message before the package would break a
// WeChat limit. Deterministic: the same files give the same bytes.
import { readdirSync, readFileSync, writeFileSync } from 'fs'
import { join } from 'path'
import type { Catalog } from '../src/core/catalog'
import { checkWechatLimits, packDataFiles, serializeJson, weappModuleSource, type DataFileSize, type PackagesFile } from './data-layout'

export const DATA_DIR = join(__dirname, '..', 'src', 'data')
export const PACKAGES_FILE = join(DATA_DIR, 'packages.json')

/** The data files a weapp build carries outside the main package, in the order they are packed. */
export function dataFileSizes(dataDir: string = DATA_DIR): DataFileSize[] {
  const shards = readdirSync(join(dataDir, 'shards')).filter((f) => f.endsWith('.json'))
  // List shards first: home asks for them as it opens, so they share the first subpackage.
  const ordered = [...shards.filter((f) => f.startsWith('list-')).sort(), ...shards.filter((f) => !f.startsWith('list-')).sort()]
  const sizeOf = (file: string) => Buffer.byteLength(weappModuleSource(readFileSync(file, 'utf8')))
  return [
    ...ordered.map((f) => ({ name: f.replace(/\.json$/, ''), bytes: sizeOf(join(dataDir, 'shards', f)) })),
    { name: 'search-index', bytes: sizeOf(join(dataDir, 'search-index.json')) },
  ]
}

export function buildPackages(dataDir: string = DATA_DIR, files: DataFileSize[] = dataFileSizes(dataDir)): PackagesFile {
  const catalogText = readFileSync(join(dataDir, 'catalog.json'), 'utf8')
  const catalog = JSON.parse(catalogText) as Catalog
  checkWechatLimits({ articleCount: catalog.articleCount, catalogBytes: Buffer.byteLength(catalogText), files })
  return packDataFiles(files)
}

if (require.main === module) {
  try {
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
  } catch (error) {
    console.error(`pack-data failed: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  }
}

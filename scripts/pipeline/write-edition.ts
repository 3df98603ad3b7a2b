// `tsx scripts/pipeline/write-edition.ts [dist/h5]` (part of npm run build:h5, after taro build): writes
// the library's current edition (src/data/catalog.json and src/data/shards/, from npm run data)
// into the site's data folder with its manifest, data/edition.json (scripts/pipeline/edition.ts).
// H5_BASE_URL as for the build: the catalog script names the data folder under its path.
// Precompressed copies of an earlier prerender are dropped: the prerender writes them again.
import path from 'node:path'
import { dropCompressedCopies, writeEdition } from './edition'

const dist = path.resolve(process.argv[2] || path.join(__dirname, '..', '..', 'dist', 'h5'))
const basePath = new URL(process.env.H5_BASE_URL || 'http://127.0.0.1:8080/').pathname.replace(/\/+$/, '')

try {
  const { manifest, bytes } = writeEdition(dist, { basePath })
  dropCompressedCopies(dist)
  console.log(`edition ${manifest.version}: ${manifest.articleCount} articles, ${manifest.files.length} data files, ${bytes} bytes → ${path.relative(process.cwd(), path.join(dist, 'data'))}/`)
} catch (error) {
  console.error(`write-edition failed: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
}

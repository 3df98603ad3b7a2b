// `npm run publish`: the saved pages (assets/articles/) → a new edition of the site: the data
// pipeline (npm run data's steps, in this process: scripts/pipeline/dataPipeline.ts), then the H5 site
// build (scripts/site/build.ts, also in this process: the app, taken from the
// build cache when its code did not change — its scripts hold no article —, the edition's files,
// the prerendered pages, the service worker). No mini-program build: the mini-program follows
// the edition from its host (CONTENT_BASE_URL).
//
// Prints the edition's version, article count, files and bytes, and what changed against the
// edition that was in dist/h5 before (the files a reader holding it downloads).
import path from 'node:path'
import { runDataPipeline } from './dataPipeline'
import { editionChanges, readEdition } from './edition'
import { buildSite } from '../site/build'

const root = path.resolve(__dirname, '..', '..')
const dist = path.join(root, 'dist', 'h5')

function main(): void {
  const args = process.argv.slice(2)
  if (args.length) throw new Error(`unknown argument ${args[0]}. Usage: npm run publish`)
  // Read before the build replaces it.
  const previous = readEdition(dist)
  const started = Date.now()
  const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)} s`
  console.log('> the data pipeline (npm run data)')
  runDataPipeline()
  console.log(`data pipeline done in ${seconds()}`)
  console.log('> the H5 site build (npm run build:h5)')
  buildSite()

  const edition = readEdition(dist)
  if (!edition) throw new Error('the build wrote no data/edition.json')
  const total = edition.files.reduce((sum, f) => sum + f.bytes, 0)
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`
  console.log(`edition ${edition.version}: ${edition.articleCount} articles, ${edition.files.length} files, ${kb(total)} (dist/h5/data/)`)
  if (!previous) {
    console.log('no previous edition in dist/h5: every file is new')
  } else if (previous.version === edition.version) {
    console.log(`unchanged: the previous edition was ${previous.version} too`)
  } else {
    const changes = editionChanges(previous, edition)
    console.log(
      `changed since ${previous.version} (${previous.articleCount} articles): ${changes.changed.length} files, ${kb(changes.changedBytes)}` +
        ` (${changes.changed.map((f) => f.name).join(', ') || 'none'}); removed: ${changes.removed.join(', ') || 'none'};` +
        ` a reader of the previous edition downloads ${kb(changes.downloadBytes)} with edition.json`,
    )
  }
  console.log(`published in ${seconds()}`)
  console.log('deploy: upload dist/h5/ (README 发布: data/edition.json and data/catalog.js with Cache-Control: no-cache, data/<version>/ immutable; keep older data/<version>/ folders)')
}

try {
  main()
} catch (error) {
  console.error(`publish failed: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
}

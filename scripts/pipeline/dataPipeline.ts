// The data pipeline (`npm run data`'s three steps: build-data.ts, build-search-index.ts,
// pack-data.ts) in one process, for `npm run publish`: the same steps in the same order, writing
// the same files with the same report, without starting a TypeScript runtime three times.
//
//   npx tsx scripts/pipeline/dataPipeline.ts
import { main as buildData } from './build-data'
import { main as buildSearchIndex } from './build-search-index'
import { main as packData } from './pack-data'

const STEPS: ReadonlyArray<[name: string, run: () => void]> = [
  ['build-data', () => buildData()],
  ['build-search-index', () => buildSearchIndex()],
  ['pack-data', () => packData()],
]

/** Runs every step; a failure names its step, as each script does on its own. */
export function runDataPipeline(): void {
  for (const [name, run] of STEPS) {
    try {
      run()
    } catch (error) {
      throw new Error(`${name} failed: ${error instanceof Error ? error.message : String(error)}`)
    }
  }
}

if (require.main === module) {
  try {
    runDataPipeline()
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error))
    process.exit(1)
  }
}

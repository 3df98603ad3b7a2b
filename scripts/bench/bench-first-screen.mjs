// First screen of the H5 build on a slow phone: headless Chromium at 390×844 with 4× CPU
// throttling (CDP Emulation.setCPUThrottlingRate), timing from navigation start until the first
// article card of the home list is on screen. Each run is a fresh browser context (cold cache,
// like a first visit from a shared link).
//
//   npm run bench:first-screen --  (tsx scripts/bench/bench-first-screen.mjs) [--runs 7] [--json]
//
// Prints { "firstScreenMs": { "p50", "max", "runs" }, "details": {...} } (JSON with --json, else a
// short report) and writes the JSON to test-results/first-screen.json, which the search
// benchmark may include. Serves dist/h5 (or $TEST_DIST_DIR/h5) on an ephemeral 127.0.0.1 port.
import fs from 'node:fs'
import path from 'node:path'
// TypeScript modules: this script runs under tsx (npm run bench:first-screen).
import { PART, partSelector } from '../../src/core/pageContract'
import { builtSiteDir, CPU_THROTTLING, firstCardPainted, launchChromium, openPhonePage, percentile, phone, repoRoot, serveSite, watchFirstCard } from './harness'

const outputFile = path.join(repoRoot, 'test-results', 'first-screen.json')

// The home list's cards, as the page contract names them.
const CARD_SELECTOR = `${partSelector(PART.homeList)} ${partSelector(PART.articleCard)}`
const TIMEOUT_MS = 30_000

function parseArgs(argv) {
  const args = { runs: 7, json: false }
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--json') args.json = true
    else if (argv[i] === '--runs') args.runs = Number(argv[++i])
    else throw new Error(`Unknown argument "${argv[i]}". Usage: npm run bench:first-screen -- [--runs N] [--json]`)
  }
  if (!Number.isInteger(args.runs) || args.runs < 1 || args.runs > 50) throw new Error('--runs must be a whole number from 1 to 50')
  return args
}

// Runs in the page before any app script: long tasks (≥ 50 ms of blocked main thread) show where
// the time before the first card goes.
function watchLongTasks() {
  window.__longTasks = []
  new PerformanceObserver((list) => {
    for (const task of list.getEntries()) window.__longTasks.push([Math.round(task.startTime), Math.round(task.duration)])
  }).observe({ type: 'longtask', buffered: true })
}

async function measureOnce(browser, url) {
  const { context, page, foreign, errors } = await openPhonePage(browser, { cpuThrottling: CPU_THROTTLING })
  await page.addInitScript(watchLongTasks)
  await page.addInitScript(watchFirstCard, CARD_SELECTOR)
  try {
    await page.goto(url, { waitUntil: 'commit', timeout: TIMEOUT_MS })
    await firstCardPainted(page, TIMEOUT_MS)
  } catch (error) {
    throw new Error(`No article card (${CARD_SELECTOR}) appeared within ${TIMEOUT_MS / 1000} s at ${url}${errors.length ? `; page errors: ${errors.join('; ')}` : ''}`)
  }
  const result = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0]
    const resources = performance.getEntriesByType('resource').map((r) => ({
      name: new URL(r.name).pathname,
      type: r.initiatorType,
      bytes: r.encodedBodySize,
      startMs: Math.round(r.startTime),
      endMs: Math.round(r.responseEnd),
    }))
    return {
      firstCardMs: Math.round(window.__firstCardAt),
      firstCardInDomMs: Math.round(window.__firstCardInDomAt),
      longTasks: window.__longTasks.filter(([start]) => start <= window.__firstCardAt),
      firstCardText: window.__firstCardText,
      domContentLoadedMs: nav ? Math.round(nav.domContentLoadedEventEnd) : null,
      loadMs: nav ? Math.round(nav.loadEventEnd) : null,
      resources,
    }
  })
  await context.close()
  if (foreign.length) throw new Error(`The page requested hosts other than 127.0.0.1: ${foreign.join(', ')}`)
  if (errors.length) throw new Error(`The page threw: ${errors.join('; ')}`)
  return result
}

async function main() {
  const args = parseArgs(process.argv.slice(2))
  const server = await serveSite(builtSiteDir())
  const browser = await launchChromium()
  const samples = []
  try {
    // One unmeasured run warms the OS file cache and Chromium's own start-up.
    await measureOnce(browser, server.url)
    for (let i = 0; i < args.runs; i++) samples.push(await measureOnce(browser, server.url))
  } finally {
    await browser.close()
    await server.close()
  }
  const times = samples.map((s) => s.firstCardMs).sort((a, b) => a - b)
  const median = samples.find((s) => s.firstCardMs === percentile(times, 50))
  const scripts = median.resources.filter((r) => r.type === 'script' || r.name.endsWith('.js'))
  const report = {
    firstScreenMs: { p50: percentile(times, 50), max: times[times.length - 1], runs: times.length },
    details: {
      cpuThrottling: CPU_THROTTLING,
      viewport: `${phone().viewport.width}x${phone().viewport.height}`,
      samplesMs: samples.map((s) => s.firstCardMs),
      firstCardText: median.firstCardText,
      medianRun: {
        domContentLoadedMs: median.domContentLoadedMs,
        firstCardInDomMs: median.firstCardInDomMs,
        longTasksBeforeFirstCard: median.longTasks.map(([start, duration]) => `${duration} ms at ${start} ms`),
        loadMs: median.loadMs,
        scriptsBeforeFirstCard: scripts.filter((r) => r.startMs <= median.firstCardMs).map((r) => `${r.name} (${(r.bytes / 1024).toFixed(1)} KB, ${r.startMs}-${r.endMs} ms)`),
        scriptsAfterFirstCard: scripts.filter((r) => r.startMs > median.firstCardMs).map((r) => `${r.name} (${(r.bytes / 1024).toFixed(1)} KB, from ${r.startMs} ms)`),
      },
    },
  }
  fs.mkdirSync(path.dirname(outputFile), { recursive: true })
  fs.writeFileSync(outputFile, `${JSON.stringify(report, null, 2)}\n`)
  if (args.json) {
    console.log(JSON.stringify(report))
  } else {
    const m = report.details.medianRun
    console.log(`H5 first screen (${CPU_THROTTLING}x CPU throttling, ${report.details.viewport}), ${times.length} runs:`)
    console.log(`  first article card visible: p50 ${report.firstScreenMs.p50} ms, max ${report.firstScreenMs.max} ms (samples ${report.details.samplesMs.join(', ')})`)
    console.log(`  median run: DOMContentLoaded ${m.domContentLoadedMs} ms, first card in the DOM ${m.firstCardInDomMs} ms, on screen ${report.firstScreenMs.p50} ms`)
    console.log(`  long tasks before it: ${m.longTasksBeforeFirstCard.join(', ') || '(none)'}`)
    console.log(`  scripts loaded before the first card:\n    ${m.scriptsBeforeFirstCard.join('\n    ') || '(none)'}`)
    if (m.scriptsAfterFirstCard.length) console.log(`  scripts loaded after it:\n    ${m.scriptsAfterFirstCard.join('\n    ')}`)
    console.log(`Written to ${path.relative(process.cwd(), outputFile)}`)
  }
}

main().catch((error) => {
  console.error(`First-screen benchmark failed: ${error.message}`)
  process.exit(1)
})

// `npm run --silent bench:growth -- [--json] [--sizes 42,2000,10000]`: how the app holds up as
// the library grows. For each size it makes a temporary copy of the repository (never touching
// this one's assets/ or src/data/), fills its assets/articles with the real pages plus fixture
// pages (scripts/growth-fixture.ts: real texts moved to other real cities), runs `npm run data`
// and both builds there, measures the packages, and drives the built H5 in headless Chromium
// with 4× CPU throttling: time to the first list, time to open an article, and typing to
// visible results. Prints ONE JSON object (with --json) or a short table.
import { spawnSync } from 'child_process'
import { cpSync, mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'fs'
import { tmpdir } from 'os'
import { join, relative, resolve, sep } from 'path'
import { readSourcePages } from './build-data'
import { growthPages } from './growth-fixture'
import type { Browser, Route } from 'playwright-core'

/** What the benchmark's init scripts leave on the page's window. */
type BenchWindow = Window & { __firstCardAt?: number; __waitInPage: typeof waitInPage; __resultsAfterInput: typeof resultsAfterInput }

const ROOT = resolve(__dirname, '..')
const CPU_THROTTLING = 4
const TIMEOUT_MS = 60_000
const RUNS = 5

interface Args {
  json: boolean
  sizes: number[]
}

function parseArgs(argv: string[]): Args {
  const args: Args = { json: false, sizes: [42, 2000, 10000] }
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--json') args.json = true
    else if (argv[i] === '--sizes') args.sizes = argv[++i].split(',').map(Number)
    else throw new Error(`Unknown argument "${argv[i]}". Usage: npm run --silent bench:growth -- [--json] [--sizes 42,2000,10000]`)
  }
  if (!args.sizes.length || args.sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--sizes takes whole numbers, e.g. 42,2000,10000')
  return args
}

/** A copy of the repository without node_modules, dist and git (node_modules is linked). */
function copyRepo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bench-growth-'))
  try {
    copyInto(dir)
  } catch (error) {
    rmSync(dir, { recursive: true, force: true })
    throw error
  }
  return dir
}

function copyInto(dir: string): void {
  const skipped = new Set(['node_modules', 'dist', '.git', 'test-results', '.swc'])
  cpSync(ROOT, dir, { recursive: true, filter: (source) => source === ROOT || !skipped.has(relative(ROOT, source).split(sep)[0]) })
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'))
}

function run(dir: string, command: string, args: string[], log: string[]): number {
  const started = process.hrtime.bigint()
  const result = spawnSync(command, args, {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, TARO_BUILD_CACHE: '0', NODE_ENV: 'production' },
    maxBuffer: 64 * 1024 * 1024,
  })
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  log.push(`$ ${command} ${args.join(' ')} (${seconds.toFixed(1)} s)`, result.stdout.slice(-2000), result.stderr.slice(-2000))
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed in ${dir}:\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-3000)}`)
  return seconds
}

function percentile(values: number[], p: number): number {
  const sorted = values.slice().sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]
}

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10

/** Bytes under `dir`: all of it, and the part in precompressed copies (.br, .gz). */
function dirBytes(dir: string): { all: number; compressedCopies: number } {
  const total = { all: 0, compressedCopies: 0 }
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = join(dir, entry.name)
    if (entry.isDirectory()) {
      const inner = dirBytes(file)
      total.all += inner.all
      total.compressedCopies += inner.compressedCopies
      continue
    }
    const bytes = statSync(file).size
    total.all += bytes
    if (/\.(?:br|gz)$/.test(entry.name)) total.compressedCopies += bytes
  }
  return total
}

// Runs in the page before any app script: notes when the first article card is on screen.
function watchFirstCard() {
  const w = window as unknown as BenchWindow
  const observer = new MutationObserver(() => {
    const card = document.querySelector('.article-card')
    if (w.__firstCardAt || !card || !card.textContent?.trim()) return
    const box = card.getBoundingClientRect()
    if (box.width === 0 || box.height === 0 || box.top >= window.innerHeight) return
    w.__firstCardAt = -1
    observer.disconnect()
    requestAnimationFrame(() => (w.__firstCardAt = performance.now()))
  })
  observer.observe(document, { childList: true, subtree: true, characterData: true })
}

/** Resolves in the page when `selector` shows `text` (or any text), after the paint that shows it. */
function waitInPage(selector: string, text: string | null, timeout: number): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const found = () => {
      for (const el of Array.from(document.querySelectorAll(selector))) {
        const box = el.getBoundingClientRect()
        if (box.width > 0 && box.height > 0 && (text === null || el.textContent?.includes(text))) return true
      }
      return false
    }
    const done = () => requestAnimationFrame(() => resolvePromise(performance.now()))
    if (found()) return done()
    const observer = new MutationObserver(() => {
      if (!found()) return
      observer.disconnect()
      clearTimeout(timer)
      done()
    })
    observer.observe(document, { childList: true, subtree: true, characterData: true })
    const timer = setTimeout(() => {
      observer.disconnect()
      reject(new Error(`${selector} ${text ?? ''} did not appear within ${timeout} ms`))
    }, timeout)
  })
}

/** When, in page time, the next typed query's results reached the screen. */
interface TypingTimes {
  /** The input event, seen first (window, capture phase) before the app handles it. */
  input: number
  /** The DOM first holds the results: event handling, search, React render and commit. */
  dom: number
  /** The frame that shows them has been painted (a task queued from its requestAnimationFrame). */
  painted: number
}

/**
 * Resolves in the page with the times of the next input event and of the first frame showing
 * '.search__results .article-card' or '.search__none' after it. Started before the typing, so
 * the driver's own work (Playwright's checks before it types) is outside the figure.
 */
function resultsAfterInput(timeout: number): Promise<TypingTimes> {
  return new Promise((resolvePromise, reject) => {
    let input = 0
    let dom = 0
    const onInput = () => {
      if (!input) input = performance.now()
    }
    window.addEventListener('input', onInput, true)
    const shown = () =>
      Array.from(document.querySelectorAll('.search__results .article-card, .search__none')).some((el) => {
        const box = el.getBoundingClientRect()
        return box.width > 0 && box.height > 0
      })
    const observer = new MutationObserver(() => {
      if (!input || dom || !shown()) return
      dom = performance.now()
      finish()
      requestAnimationFrame(() => {
        // Runs after the frame's style, layout and paint.
        const channel = new MessageChannel()
        channel.port1.onmessage = () => resolvePromise({ input, dom, painted: performance.now() })
        channel.port2.postMessage(null)
      })
    })
    const finish = () => {
      observer.disconnect()
      window.removeEventListener('input', onInput, true)
      clearTimeout(timer)
    }
    observer.observe(document, { childList: true, subtree: true, characterData: true })
    const timer = setTimeout(() => {
      finish()
      reject(new Error(`no search result within ${timeout} ms of typing`))
    }, timeout)
  })
}

interface BrowserFigures {
  firstListMs: { p50: number; max: number; runs: number }
  openArticleMs: { p50: number; max: number; runs: number }
  /** Opening the search page until its engine is built (大家都在搜 shows): index load + build. */
  searchReadyMs: number
  /** From the input event to the painted frame showing its results, with the engine built. */
  typingToResultsMs: { p50: number; p95: number; queries: number }
  /** The same split: input event → results in the DOM (script: handling, search, render, commit) → painted. */
  typingSplitMs: { toDom: { p50: number; p95: number }; domToPaint: { p50: number; p95: number } }
}

async function measureBrowser(h5Dir: string, queries: string[]): Promise<BrowserFigures> {
  const { startServer } = await import('./serve.mjs')
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { launchChromium, PHONE } = require('./chromium.cjs') as {
    launchChromium: () => Promise<Browser>
    PHONE: Parameters<Browser['newContext']>[0]
  }
  const server = await startServer({ root: h5Dir })
  const browser = await launchChromium()
  const foreign: string[] = []
  const errors: string[] = []
  const newPage = async () => {
    const context = await browser.newContext(PHONE)
    await context.route('**/*', (route: Route) => {
      const { hostname, protocol } = new URL(route.request().url())
      if (protocol === 'data:' || protocol === 'blob:' || hostname === '127.0.0.1') return route.continue()
      foreign.push(route.request().url())
      return route.abort('blockedbyclient')
    })
    // tsx (esbuild) wraps named functions in __name(); the page has no such helper.
    await context.addInitScript('window.__name = window.__name || function (f) { return f }')
    await context.addInitScript(`window.__waitInPage = ${waitInPage.toString()}`)
    await context.addInitScript(`window.__resultsAfterInput = ${resultsAfterInput.toString()}`)
    const page = await context.newPage()
    page.on('pageerror', (error: Error) => errors.push(error.message))
    const cdp = await context.newCDPSession(page)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLING })
    return { context, page }
  }
  try {
    // First list: a fresh context each run (cold cache, as from a shared link); one warm-up.
    const firstList: number[] = []
    for (let i = 0; i <= RUNS; i++) {
      const { context, page } = await newPage()
      await page.addInitScript(watchFirstCard)
      await page.goto(server.url, { waitUntil: 'commit', timeout: TIMEOUT_MS })
      await page.waitForFunction(() => ((window as unknown as BenchWindow).__firstCardAt ?? 0) > 0, null, { timeout: TIMEOUT_MS, polling: 50 })
      const ms = await page.evaluate(() => (window as unknown as BenchWindow).__firstCardAt ?? 0)
      if (i > 0) firstList.push(Math.round(ms))
      await context.close()
    }

    // Open an article: tap a card on home, until its title shows on the article page. Cards
    // far apart in the list sit in different shards, so each tap fetches one.
    const { context, page } = await newPage()
    await page.goto(server.url, { timeout: TIMEOUT_MS })
    await page.waitForSelector('.article-card', { timeout: TIMEOUT_MS })
    const openArticle: number[] = []
    for (let i = 0; i < RUNS; i++) {
      // Home draws 20 cards and adds 20 when its end line is on screen: scroll until card i*7 exists.
      const cards = page.locator('.article-card')
      for (let tries = 0; (await cards.count()) <= i * 7 && tries < 50; tries++) {
        await cards.last().scrollIntoViewIfNeeded()
        await page.waitForTimeout(100)
      }
      const card = cards.nth(i * 7)
      await card.scrollIntoViewIfNeeded()
      const title = (await card.locator('.article-card__title').textContent())!.trim()
      const ms = await page.evaluate(
        async ([index, wanted, timeout]: readonly [number, string, number]) => {
          const cards = document.querySelectorAll('.article-card')
          const started = performance.now()
          const shown = (window as unknown as BenchWindow).__waitInPage('.detail-article__title', wanted, timeout)
          ;(cards[index] as HTMLElement).click()
          return (await shown) - started
        },
        [i * 7, title, TIMEOUT_MS] as const,
      )
      openArticle.push(Math.round(ms))
      await page.goBack()
      await page.waitForSelector('.home .article-card', { timeout: TIMEOUT_MS })
    }

    // Typing to results: the search page loaded, each query typed into an empty box, until
    // its first result (or 没有找到) is on screen. The page searches as the reader types (no pause).
    const searchOpened = Date.now()
    await page.goto(`${server.url}#/pages/search/index`, { timeout: TIMEOUT_MS })
    await page.getByText('大家都在搜').first().waitFor({ timeout: TIMEOUT_MS })
    const searchReadyMs = Date.now() - searchOpened
    const input = page.locator('input').first()
    const typing: number[] = []
    const toDom: number[] = []
    const domToPaint: number[] = []
    for (const query of queries) {
      await input.fill('')
      await page.waitForFunction(() => !document.querySelector('.search__results, .search__none'), null, { timeout: TIMEOUT_MS })
      const times = page.evaluate((timeout: number) => (window as unknown as BenchWindow).__resultsAfterInput(timeout), TIMEOUT_MS)
      // One input event with the whole query, as an IME commits a word.
      await input.fill(query)
      const at = await times
      typing.push(Math.round(at.painted - at.input))
      toDom.push(Math.round(at.dom - at.input))
      domToPaint.push(Math.round(at.painted - at.dom))
    }
    await context.close()
    if (foreign.length) throw new Error(`the H5 build requested hosts other than 127.0.0.1: ${foreign.join(', ')}`)
    if (errors.length) throw new Error(`the H5 build threw: ${errors.join('; ')}`)
    return {
      firstListMs: { p50: percentile(firstList, 50), max: Math.max(...firstList), runs: firstList.length },
      openArticleMs: { p50: percentile(openArticle, 50), max: Math.max(...openArticle), runs: openArticle.length },
      searchReadyMs,
      typingToResultsMs: { p50: percentile(typing, 50), p95: percentile(typing, 95), queries: typing.length },
      typingSplitMs: {
        toDom: { p50: percentile(toDom, 50), p95: percentile(toDom, 95) },
        domToPaint: { p50: percentile(domToPaint, 50), p95: percentile(domToPaint, 95) },
      },
    }
  } finally {
    await browser.close()
    await server.close()
  }
}

/** One size, in `dir` (a copy of the repository made once, so edits meanwhile do not leak in). */
async function measureSize(dir: string, target: number, queries: string[], log: string[]) {
  rmSync(join(dir, 'dist'), { recursive: true, force: true })
  {
    const pagesDir = join(dir, 'assets', 'articles')
    const real = readSourcePages(join(ROOT, 'assets', 'articles'))
    rmSync(pagesDir, { recursive: true, force: true })
    mkdirSync(pagesDir, { recursive: true })
    for (const page of growthPages(real, target)) writeFileSync(join(pagesDir, page.fileName), page.text)
    const pipelineSeconds = run(dir, 'npm', ['run', '--silent', 'data'], log)
    const catalog = JSON.parse(readFileSync(join(dir, 'src', 'data', 'catalog.json'), 'utf8'))
    run(dir, 'npx', ['taro', 'build', '--type', 'weapp'], log)
    // The real H5 build, as `npm run build:h5` runs it: Taro, then the prerender (a page per
    // article, share cards, service worker, .br/.gz), each timed.
    const taroH5Seconds = run(dir, 'npx', ['taro', 'build', '--type', 'h5'], log)
    const prerenderSeconds = run(dir, 'npx', ['tsx', 'scripts/prerender.ts'], log)
    const h5Dist = dirBytes(join(dir, 'dist', 'h5'))
    const { measureBuilds } = await import(join(dir, 'scripts', 'check-size.mjs'))
    const sizes = measureBuilds(join(dir, 'dist'))
    const browser = await measureBrowser(join(dir, 'dist', 'h5'), queries)
    return {
      articles: catalog.articleCount as number,
      pages: readdirSync(pagesDir).length,
      pipelineSeconds: Math.round(pipelineSeconds * 10) / 10,
      weappMainKB: kb(sizes.weappMain),
      weappLargestSubpackageKB: kb(sizes.largestSubpackage?.bytes ?? 0),
      weappSubpackages: sizes.subpackages.length,
      weappWholeKB: kb(sizes.weappWhole),
      h5InitialJsKBGzip: kb(sizes.h5InitialGzip),
      h5BuildSeconds: Math.round((taroH5Seconds + prerenderSeconds) * 10) / 10,
      prerenderSeconds: Math.round(prerenderSeconds * 10) / 10,
      /** Everything dist/h5 holds (pages, cards, their .br/.gz copies); the part in .br/.gz separately. */
      h5DistMB: mb(h5Dist.all),
      h5DistCompressedCopiesMB: mb(h5Dist.compressedCopies),
      ...browser,
    }
  }
}

/** Gold queries (what people type), at least 20. */
function benchQueries(): string[] {
  const gold = JSON.parse(readFileSync(join(ROOT, 'test', 'gold', 'queries.json'), 'utf8')) as { queries: Array<{ query: string }> }
  const queries = Array.from(new Set(gold.queries.map((q) => q.query))).slice(0, 24)
  if (queries.length < 20) throw new Error(`test/gold/queries.json has ${queries.length} distinct queries; the benchmark needs 20`)
  return queries
}

async function main() {
  const args = parseArgs(process.argv.slice(2))
  const queries = benchQueries()
  const log: string[] = []
  const sizes = []
  const dir = copyRepo()
  try {
    for (const target of args.sizes) {
      if (!args.json) console.log(`… ${target} articles`)
      sizes.push({ target, ...(await measureSize(dir, target, queries, log)) })
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  const base = sizes.find((s) => s.target === Math.min(...args.sizes))!
  const largest = sizes.find((s) => s.target === Math.max(...args.sizes))!
  const report = {
    cpuThrottling: CPU_THROTTLING,
    sizes,
    targets: {
      at: largest.articles,
      firstListRatio: Math.round((largest.firstListMs.p50 / base.firstListMs.p50) * 100) / 100,
      firstListWithin1_2x: largest.firstListMs.p50 <= 1.2 * base.firstListMs.p50,
      openArticleWithin300ms: largest.openArticleMs.p50 <= 300,
      typingP95Within150ms: largest.typingToResultsMs.p95 <= 150,
    },
  }
  if (args.json) {
    console.log(JSON.stringify(report, null, 2))
    return
  }
  for (const s of sizes) {
    console.log(
      `${s.articles} articles: pipeline ${s.pipelineSeconds} s; weapp main ${s.weappMainKB} KB, largest subpackage ${s.weappLargestSubpackageKB} KB, whole ${s.weappWholeKB} KB; ` +
        `H5 initial ${s.h5InitialJsKBGzip} KB gzip; H5 build ${s.h5BuildSeconds} s (prerender ${s.prerenderSeconds} s), dist/h5 ${s.h5DistMB} MB; first list ${s.firstListMs.p50} ms, open article ${s.openArticleMs.p50} ms, search ready ${s.searchReadyMs} ms, typing p50/p95 ${s.typingToResultsMs.p50}/${s.typingToResultsMs.p95} ms (to DOM ${s.typingSplitMs.toDom.p50}/${s.typingSplitMs.toDom.p95}, DOM to paint ${s.typingSplitMs.domToPaint.p50}/${s.typingSplitMs.domToPaint.p95})`,
    )
  }
  console.log(JSON.stringify(report.targets))
}

main().catch((error) => {
  console.error(`bench:growth failed: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})

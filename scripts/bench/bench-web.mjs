// Lighthouse 12.2.3 (mobile preset: simulated slow 4G and 4× CPU) on the H5 site's home and an
// article, beside the smallest Taro 4 app that lists 8 of the same articles, built in this run
// with the same H5 settings (hash routing as Taro's template, same design width and file names)
// and served the same way (brotli copies, scripts/site/serve.mjs). Medians of --runs (default 3).
//
//   npm run --silent bench:web -- [--runs 3] [--json] [--skip-bare-build] [--only taps]
//
// Needs a built dist/h5 (npm run build:h5; or $TEST_DIST_DIR/h5) and /usr/bin/chromium.
// Prints the figures and whether each target of issue 11 is met, and the first taps: how soon a
// prerendered page answers the reader's first tap, before or after the app has started (see
// firstTaps); writes test-results/bench-web.json. `--only taps` measures the taps alone.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'
// TypeScript modules: this script runs under tsx (npm run bench:web).
import { PART, partSelector, TEXT_STEP_ATTRIBUTE } from '../../src/core/pageContract'
import { STORE_KEY, STORE_VERSION } from '../../src/core/storeKeys'
import { OVERLAY_ID } from '../site/pageBoot'
import { builtSiteDir, CPU_THROTTLING, launchChromium, median, openPhonePage, percentile, repoRoot, serveSite } from './harness'

const oursDir = builtSiteDir()
const workDir = path.join(repoRoot, 'test-results', 'bench-web')
const bareDir = path.join(workDir, 'bare-taro')
const outputFile = path.join(repoRoot, 'test-results', 'bench-web.json')
/** Runs of each first tap (fresh context each). */
const FIRST_TAPS = 5

const TARGETS = { lcpMs: 1200, lcpRatio: 0.7, fcpMs: 1000, tbtMs: 100, cls: 0.02, score: 0.98, initialJsGzipKB: 150 }
/** First taps: A+ → text one step larger (p50), any first tap → its visible answer (p75). */
const TAP_TARGETS = { firstTapMs: 100, anyFirstTapP75Ms: 200 }

function parseArgs(argv) {
  const args = { runs: 3, json: false, skipBareBuild: false, only: null }
  const usage = 'Usage: npm run --silent bench:web -- [--runs N] [--json] [--skip-bare-build] [--only taps]'
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--json') args.json = true
    else if (argv[i] === '--skip-bare-build') args.skipBareBuild = true
    else if (argv[i] === '--runs') args.runs = Number(argv[++i])
    else if (argv[i] === '--only') args.only = argv[++i]
    else throw new Error(`Unknown argument "${argv[i]}". ${usage}`)
  }
  if (args.only !== null && args.only !== 'taps') throw new Error(`--only takes "taps". ${usage}`)
  if (!Number.isInteger(args.runs) || args.runs < 1 || args.runs > 15) throw new Error('--runs must be a whole number from 1 to 15')
  return args
}

/** The bare app: one page listing 8 real articles (title, excerpt, date), nothing else. */
function writeBareApp() {
  const { articles } = JSON.parse(fs.readFileSync(path.join(repoRoot, 'src', 'data', 'articles.json'), 'utf8'))
  const eight = articles.slice(0, 8).map((a) => ({ id: a.id, title: a.title, summary: a.summary, date: a.date }))
  fs.rmSync(bareDir, { recursive: true, force: true })
  const files = {
    'package.json': JSON.stringify({ name: 'bare-taro', private: true, browserslist: ['ios >= 10', 'android >= 6', 'chrome >= 53'] }),
    'babel.config.js': `module.exports = { presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5', useBuiltIns: false }]] }\n`,
    'tsconfig.json': JSON.stringify({ compilerOptions: { jsx: 'react-jsx', esModuleInterop: true, strict: false } }),
    'config/index.ts': `import { defineConfig } from '@tarojs/cli'
export default defineConfig({
  projectName: 'bare-taro', date: '2026-12-01', designWidth: 750,
  deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
  sourceRoot: 'src', outputRoot: 'dist', plugins: [], defineConstants: {}, copy: { patterns: [], options: {} },
  framework: 'react', compiler: { type: 'webpack5', prebundle: { enable: false } }, cache: { enable: false },
  mini: {},
  h5: {
    publicPath: './', staticDirectory: 'static', router: { mode: 'hash' },
    output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'js/[name].[contenthash:8].js' },
    miniCssExtractPluginOption: { ignoreOrder: true, filename: 'css/[name].[contenthash:8].css', chunkFilename: 'css/[name].[contenthash:8].css' },
    postcss: { autoprefixer: { enable: true, config: {} }, cssModules: { enable: false } },
  },
})
`,
    'src/index.html': `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><meta content="width=device-width,initial-scale=1,user-scalable=no,viewport-fit=cover" name="viewport"><title>bare</title><script><%= htmlWebpackPlugin.options.script %></script></head><body><div id="app"></div></body></html>\n`,
    'src/app.config.ts': `export default defineAppConfig({ pages: ['pages/index/index'], window: { navigationBarTitleText: '健康资讯' } })\n`,
    'src/app.ts': `import { PropsWithChildren } from 'react'\nimport './app.css'\nexport default function App({ children }: PropsWithChildren) { return children }\n`,
    'src/app.css': `page, body { background: #f2f5f5; }\n.card { margin: 12px; padding: 16px; background: #fff; border-radius: 12px; }\n.title { display: block; font-size: 18px; font-weight: bold; }\n.excerpt { display: block; margin-top: 8px; color: #555; font-size: 15px; }\n`,
    'src/pages/index/index.config.ts': `export default definePageConfig({ navigationBarTitleText: '健康资讯' })\n`,
    'src/pages/index/index.tsx': `import { Text, View } from '@tarojs/components'
const articles = ${JSON.stringify(eight)}
export default function Index() {
  return (
    <View>
      {articles.map((a) => (
        <View key={a.id} className='card'>
          <Text className='title'>{a.title}</Text>
          <Text className='excerpt'>{a.summary.slice(0, 80)}</Text>
          <Text className='excerpt'>{a.date}</Text>
        </View>
      ))}
    </View>
  )
}
`,
  }
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(bareDir, name)), { recursive: true })
    fs.writeFileSync(path.join(bareDir, name), text)
  }
}

function buildBareApp() {
  writeBareApp()
  const taro = path.join(repoRoot, 'node_modules', '.bin', 'taro')
  const started = Date.now()
  const result = spawnSync(taro, ['build', '--type', 'h5'], { cwd: bareDir, env: { ...process.env, NODE_ENV: 'production' }, encoding: 'utf8' })
  if (result.status !== 0) throw new Error(`the bare Taro app did not build:\n${result.stdout}\n${result.stderr}`)
  precompress(path.join(bareDir, 'dist'))
  return Date.now() - started
}

/** The same brotli/gzip copies the real build gets (scripts/site/precompress.ts), for a fair race. */
function precompress(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name)
    if (entry.isDirectory()) precompress(file)
    else if (/\.(?:html|js|css|json|svg)$/.test(entry.name)) {
      const body = fs.readFileSync(file)
      fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }))
      fs.writeFileSync(`${file}.gz`, zlib.gzipSync(body, { level: 9 }))
    }
  }
}

/** gzip bytes of the scripts the home page's HTML loads before anything else. */
function initialJsGzip(dir) {
  const shell = fs.existsSync(path.join(dir, 'app.html')) ? 'app.html' : 'index.html'
  const html = fs.readFileSync(path.join(dir, shell), 'utf8')
  const scripts = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1].replace(/^(\.\/|\/)/, ''))
  return scripts.reduce((sum, src) => sum + zlib.gzipSync(fs.readFileSync(path.join(dir, src)), { level: 9 }).length, 0)
}

async function audit(chrome, url) {
  const { lhr } = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] })
  if (lhr.runtimeError) throw new Error(`Lighthouse could not audit ${url}: ${lhr.runtimeError.message}`)
  const value = (id) => lhr.audits[id].numericValue
  return {
    lcpMs: value('largest-contentful-paint'),
    fcpMs: value('first-contentful-paint'),
    tbtMs: value('total-blocking-time'),
    cls: value('cumulative-layout-shift'),
    score: lhr.categories.performance.score,
  }
}

async function measure(chrome, url, runs) {
  const samples = []
  for (let i = 0; i < runs; i++) samples.push(await audit(chrome, url))
  const out = { runs }
  for (const key of ['lcpMs', 'fcpMs', 'tbtMs', 'cls', 'score']) out[key] = Number(median(samples.map((s) => s[key])).toFixed(key === 'cls' || key === 'score' ? 3 : 0))
  out.samples = samples.map((s) => Math.round(s.lcpMs))
  return out
}

/**
 * The first taps a reader makes on a prerendered page (scripts/site/pageBoot.ts), at 4× CPU
 * throttling, once the page has loaded and prefetched the app's scripts, each in a fresh browser
 * context (nothing of an earlier run in memory). Each is timed from its pointerdown to the first
 * frame showing its answer on whatever is on top (the prerendered copy or the app's page), drawn:
 * the presentation of that frame as Event Timing reports it (what INP counts), or where it reports
 * nothing (under 16 ms) the end of the frame's main-thread work. For A−/A+ the answer is text on
 * the first screen at its new size, not only the page root's new step:
 *   A+ on an article         the text one step larger (also timed until the app shows it: appMs)
 *   A− on an article at 大   the text one step smaller
 *   a region tab on home     that tab chosen
 *   收藏 on an article        pressed
 * Card links are navigation and not timed.
 */
async function firstTaps(baseUrl, articleId) {
  // A text step saved where the store keeps it (src/core/storeKeys.ts).
  const savedStep1 = JSON.stringify({ data: JSON.stringify({ version: STORE_VERSION, state: { textStep: 1 } }) })
  const article = `${baseUrl}article/${articleId}/`
  const kinds = [
    { name: 'A+', url: article, tap: partSelector(PART.textSizeUp), answer: { step: '1' } },
    { name: 'A−', url: article, saved: savedStep1, tap: partSelector(PART.textSizeDown), answer: { step: '0' } },
    { name: 'tab', url: baseUrl, tap: `${partSelector(PART.regionTabs)} [role="tab"] >> nth=1`, answer: { tab: 1 } },
    { name: '收藏', url: article, tap: partSelector(PART.favorite), answer: { pressed: true } },
  ]
  const browser = await launchChromium()
  const results = {}
  try {
    for (const kind of kinds) {
      const samples = []
      const appSamples = []
      for (let i = 0; i < FIRST_TAPS; i++) {
        const saved = kind.saved ? [`localStorage.setItem(${JSON.stringify(STORE_KEY)}, ${JSON.stringify(kind.saved)})`] : []
        const { context, page, foreign, errors } = await openPhonePage(browser, { cpuThrottling: CPU_THROTTLING, initScripts: saved })
        await page.goto(kind.url, { waitUntil: 'load' })
        // The prefetches the loader starts after load.
        await page.waitForLoadState('networkidle')
        const selectors = { page: partSelector(PART.page), step: TEXT_STEP_ATTRIBUTE, tabs: partSelector(PART.regionTabs), favorite: partSelector(PART.favorite), overlay: OVERLAY_ID, title: partSelector(PART.articleTitle), body: partSelector(PART.articleBody) }
        await page.evaluate(([answer, s]) => {
          const w = window
          document.addEventListener('pointerdown', (e) => (w.tapAt = e.timeStamp), { capture: true, once: true })
          // When the browser presented the frame after the tap's click (Event Timing, as INP
          // measures a tap; only reported past 16 ms).
          new PerformanceObserver((list) => {
            for (const e of list.getEntries()) if (e.name === 'click' && w.clickPaintAt === undefined) w.clickPaintAt = e.startTime + e.duration
          }).observe({ type: 'event', durationThreshold: 16 })
          // For A−/A+: text the reader sees on the first screen (the article's first paragraph
          // there, else its title), whose own size must have changed, not only the root's step.
          const copyPage = document.querySelector(`#${s.overlay} ${s.page}`)
          const onScreen = (el) => el.getBoundingClientRect().top < innerHeight && el.getBoundingClientRect().bottom > 0
          const seen = copyPage && [...copyPage.querySelectorAll(`${s.body} > *, ${s.title}`)].find(onScreen)
          const seenPx = seen ? getComputedStyle(seen).fontSize : null
          const answered = (scope) => {
            if (!scope) return false
            if (answer.step !== undefined) {
              const stepped = (scope.matches(s.page) ? scope : scope.querySelector(s.page))?.getAttribute(s.step) === answer.step
              return stepped && (scope.id !== s.overlay || !seen || getComputedStyle(seen).fontSize !== seenPx)
            }
            if (answer.tab !== undefined) return scope.querySelectorAll(`${s.tabs} [role="tab"]`)[answer.tab]?.getAttribute('aria-selected') === 'true'
            return scope.querySelector(s.favorite)?.getAttribute('aria-pressed') === 'true'
          }
          const frame = () => {
            const copy = document.getElementById(s.overlay)
            const now = performance.now()
            if (w.tapAt !== undefined && w.answeredAt === undefined && answered(copy || document.querySelector(`#app ${s.page}`))) {
              // The frame whose callbacks run now shows the answer; it is drawn when the main
              // thread gets to the next task.
              w.answeredAt = now
              const channel = new MessageChannel()
              channel.port1.onmessage = () => (w.drawnAt = performance.now())
              channel.port2.postMessage(0)
            }
            if (w.tapAt !== undefined && !copy && answered(document.querySelector(`#app ${s.page}`))) w.appAt = now
            else requestAnimationFrame(frame)
          }
          requestAnimationFrame(frame)
        }, [kind.answer, selectors])
        // A tap at the control's centre through the browser's own input (touchscreen.tap), not
        // locator.tap(): that also runs Playwright's hit-target check inside the page's event
        // dispatch, in the very interval measured.
        const box = await page.locator(`#${OVERLAY_ID} ${kind.tap}`).first().boundingBox()
        if (!box) throw new Error(`bench:web: ${kind.name} is not on the screen`)
        await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2)
        await page.waitForFunction(() => window.appAt !== undefined && window.drawnAt !== undefined, null, { timeout: 60_000 })
        const { answered, app } = await page.evaluate(() => {
          const w = window
          // The answering frame's presentation when Event Timing saw it (the click's next paint is
          // that frame), else the end of its main-thread work.
          const shown = w.clickPaintAt !== undefined && w.clickPaintAt >= w.answeredAt ? Math.max(w.clickPaintAt, w.drawnAt) : w.drawnAt
          return { answered: Math.round(shown - w.tapAt), app: Math.round(w.appAt - w.tapAt) }
        })
        samples.push(answered)
        appSamples.push(app)
        await context.close()
        if (foreign.length) throw new Error(`bench:web: the page requested hosts other than 127.0.0.1: ${foreign.join(', ')}`)
        if (errors.length) throw new Error(`bench:web: the page threw: ${errors.join('; ')}`)
      }
      results[kind.name] = { p50: median(samples), samples, appP50: median(appSamples), appSamples }
    }
  } finally {
    await browser.close()
  }
  const all = Object.values(results).flatMap((r) => r.samples)
  return { byTap: results, anyP75: percentile(all, 75) }
}

function tapLines(taps) {
  const lines = [`first taps on prerendered pages (4× CPU, ${FIRST_TAPS} runs each; pointerdown → the frame showing the answer, drawn):`]
  for (const [name, r] of Object.entries(taps.byTap)) {
    lines.push(`  ${name.padEnd(4)} p50 ${r.p50} ms (${r.samples.join(', ')}); the app's page showing it: p50 ${r.appP50} ms`)
  }
  lines.push(`firstTapMs (A+ → text one step larger, p50): ${taps.byTap['A+'].p50} ms (target ≤ ${TAP_TARGETS.firstTapMs} ms)`)
  lines.push(`any first tap → its answer, p75: ${taps.anyP75} ms (target ≤ ${TAP_TARGETS.anyFirstTapP75Ms} ms)`)
  return lines
}

function tapReport(taps) {
  return {
    // Tap on A+ of a prerendered article → the text one step larger on screen (p50).
    firstTapMs: taps.byTap['A+'].p50,
    firstTapSamples: taps.byTap['A+'].samples,
    firstTaps: taps.byTap,
    anyFirstTapP75Ms: taps.anyP75,
    tapTargets: TAP_TARGETS,
    tapsMeet: { firstTap: taps.byTap['A+'].p50 <= TAP_TARGETS.firstTapMs, anyFirstTapP75: taps.anyP75 <= TAP_TARGETS.anyFirstTapP75Ms },
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2))
  if (!fs.existsSync(path.join(oursDir, 'index.html'))) throw new Error(`No H5 build at ${oursDir}: run "npm run build:h5" first.`)
  const { articles } = JSON.parse(fs.readFileSync(path.join(repoRoot, 'src', 'data', 'articles.json'), 'utf8'))
  const article = articles.find((a) => a.fullText) || articles[0]
  if (args.only === 'taps') {
    const ours = await serveSite(oursDir)
    let report
    try {
      report = tapReport(await firstTaps(ours.url, article.id))
    } finally {
      await ours.close()
    }
    fs.mkdirSync(path.dirname(outputFile), { recursive: true })
    fs.writeFileSync(outputFile, `${JSON.stringify(report, null, 2)}\n`)
    if (args.json) console.log(JSON.stringify(report, null, 2))
    else for (const line of tapLines({ byTap: report.firstTaps, anyP75: report.anyFirstTapP75Ms })) console.log(line)
    return
  }
  const bareBuildMs = args.skipBareBuild && fs.existsSync(path.join(bareDir, 'dist', 'index.html')) ? 0 : buildBareApp()

  const ours = await serveSite(oursDir)
  const bare = await serveSite(path.join(bareDir, 'dist'))
  const chrome = await chromeLauncher.launch({
    chromePath: '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
  let report
  try {
    const home = await measure(chrome, ours.url, args.runs)
    const articlePage = await measure(chrome, `${ours.url}article/${article.id}/`, args.runs)
    const bareHome = await measure(chrome, bare.url, args.runs)
    const taps = await firstTaps(ours.url, article.id)
    const lcpRatio = { home: Number((home.lcpMs / bareHome.lcpMs).toFixed(2)), article: Number((articlePage.lcpMs / bareHome.lcpMs).toFixed(2)) }
    const jsKB = Number((initialJsGzip(oursDir) / 1024).toFixed(1))
    const bareJsKB = Number((initialJsGzip(path.join(bareDir, 'dist')) / 1024).toFixed(1))
    const meets = (m, ratio) => ({
      lcp: m.lcpMs <= TARGETS.lcpMs && ratio <= TARGETS.lcpRatio,
      fcp: m.fcpMs <= TARGETS.fcpMs,
      tbt: m.tbtMs <= TARGETS.tbtMs,
      cls: m.cls <= TARGETS.cls,
      score: m.score >= TARGETS.score,
    })
    report = {
      lighthouse: '12.2.3',
      preset: 'mobile (simulated throttling)',
      ours: { home, article: { id: article.id, ...articlePage } },
      ...tapReport(taps),
      bare: { home: bareHome, buildMs: bareBuildMs },
      lcpRatioToBare: lcpRatio,
      initialJsGzipKB: { ours: jsKB, bare: bareJsKB },
      targets: TARGETS,
      meets: { home: meets(home, lcpRatio.home), article: meets(articlePage, lcpRatio.article), initialJs: jsKB <= TARGETS.initialJsGzipKB },
    }
  } finally {
    await chrome.kill()
    await ours.close()
    await bare.close()
  }
  fs.mkdirSync(path.dirname(outputFile), { recursive: true })
  fs.writeFileSync(outputFile, `${JSON.stringify(report, null, 2)}\n`)
  if (args.json) {
    console.log(JSON.stringify(report, null, 2))
    return
  }
  const line = (name, m) => `${name.padEnd(8)} LCP ${Math.round(m.lcpMs)} ms  FCP ${Math.round(m.fcpMs)} ms  TBT ${Math.round(m.tbtMs)} ms  CLS ${m.cls}  score ${m.score}`
  console.log(`Lighthouse ${report.lighthouse}, ${report.preset}, median of ${args.runs}`)
  console.log(line('home', report.ours.home))
  console.log(line('article', report.ours.article))
  console.log(line('bare', report.bare.home))
  console.log(`LCP vs bare: home ${report.lcpRatioToBare.home}×, article ${report.lcpRatioToBare.article}× (target ≤ ${TARGETS.lcpRatio}×)`)
  for (const line of tapLines({ byTap: report.firstTaps, anyP75: report.anyFirstTapP75Ms })) console.log(line)
  console.log(`initial JS (gzip): ${report.initialJsGzipKB.ours} KB (bare ${report.initialJsGzipKB.bare} KB, target ≤ ${TARGETS.initialJsGzipKB} KB)`)
  console.log(`targets met: ${JSON.stringify(report.meets)}`)
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})

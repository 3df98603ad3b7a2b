// WCAG 2.1 AA, the text scale and reading comfort in the H5 build, in headless Chromium at phone
// size. The sweep: every article page the build has (42 today), home (plain and filtered),
// search with and without results, 我的 with entries, the region sheet and the poster sheet
// open, and both not-found pages, in the running app and as the prerendered copies the site
// serves, at 标准 and 超大, in the light and the dark scheme: 0 axe-core violations (tags
// wcag2a, wcag2aa, wcag21a, wcag21aa). A run at 大 measures sizes only. Every page, every run:
// no text under 14 px at 标准 / 18 px from 大, line height ≥ 1.3 wherever text may wrap, in
// article bodies a gap between blocks ≥ 1.3 × the line height (适老化), tap targets ≥ 44 / 60 px,
// no sideways scroll. One browser context per run goes from page to page (articles inside the
// running app, as the prerender does). The counts and the smallest figures are printed.
// Also: the prerendered page is dark before any script when the system is, pinch zoom is
// allowed, and a browser whose default font size is 24 px gets larger article text.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import type { Article, ArticleDataset } from '../../src/core/article'
import { publicPath } from '../../src/core/routes'
import { BODY_TEXT_FACTOR, LARGEST_STEP, STANDARD_STEP, type TextStep } from '../../src/core/textScale'
import datasetJson from '../../src/data/articles.json'
import { addAxeToEveryPage, axeViolations, measureSizes, type AxeViolation, type Sizes } from './support/a11y'
import { describeProblems, launchChromium, openPhonePage, startApp, startH5Server, useH5 } from './support/h5'

jest.setTimeout(120_000)

const { articles } = datasetJson as unknown as ArticleDataset
const journey = useH5()
const STORE_KEY = 'health-news/app-state'

const fullArticle = articles.find((a) => a.fullText && a.related.length > 0) as Article
const excerptArticle = articles.find((a) => !a.fullText) as Article
const regional = articles.find((a) => a.region)!
const detail = (id: string) => `/pages/detail/index?id=${encodeURIComponent(id)}`
const known = new Set(articles.map((a) => a.id))

/** Taro's H5 storage wraps each value as { data }; the app stores JSON text. */
function taroStorageItems(step: TextStep): Record<string, string> {
  const wrap = (value: unknown) => JSON.stringify({ data: JSON.stringify(value) })
  const at = Date.UTC(2026, 0, 1)
  return {
    [STORE_KEY]: wrap({ version: 2, state: { filters: { province: null, city: null, topic: null }, searchHistory: ['医保'], textStep: step } }),
    // One article that is in the data and one that left it (已下线), so 我的 shows both kinds.
    [`${STORE_KEY}/favorites`]: wrap({
      version: 1,
      entries: [
        { id: fullArticle.id, title: fullArticle.title, date: fullArticle.date, at: at + 2 },
        { id: 'gone000001', title: '一篇已经下线的文章', date: '2025-01-02', at: at + 1 },
      ],
    }),
    [`${STORE_KEY}/history`]: wrap({ version: 1, entries: [{ id: excerptArticle.id, title: excerptArticle.title, date: excerptArticle.date, at }] }),
  }
}

/** The reader's saved state, written once per browser context before its first page. */
async function presetStorage(page: Page, step: TextStep) {
  await page.addInitScript((items: Record<string, string>) => {
    if (localStorage.getItem('hn-preset')) return
    localStorage.setItem('hn-preset', '1')
    for (const [key, value] of Object.entries(items)) localStorage.setItem(key, value)
  }, taroStorageItems(step))
}

interface PageSpec {
  name: string
  route: string
  ready: string
  /** After the page is ready (e.g. open the poster sheet). */
  then?: (page: Page) => Promise<void>
  /** The address is answered with status 404 (its not-found page): Chromium logs that one. */
  notFound?: boolean
}

// The pages besides the articles, each opened fresh in the run's context.
const PAGES: PageSpec[] = [
  { name: 'home', route: '/pages/index/index', ready: '.article-card' },
  {
    name: 'home, filtered',
    route: `/pages/index/index?province=${encodeURIComponent(regional.region!.province)}&topic=${encodeURIComponent(regional.topics[0])}`,
    ready: '.article-card',
  },
  {
    name: 'home, region sheet open',
    route: '/pages/index/index',
    ready: '.article-card',
    then: async (page) => {
      await page.locator('.home__more-regions').filter({ visible: true }).first().click()
      await page.locator('.region-picker').filter({ visible: true }).first().waitFor()
    },
  },
  { name: 'search results', route: `/pages/search/index?q=${encodeURIComponent('医保')}`, ready: '.article-card' },
  { name: 'no results', route: `/pages/search/index?q=${encodeURIComponent('qqzzxx')}`, ready: '.empty-state' },
  { name: '我的', route: '/pages/mine/index', ready: '.mine-about' },
  { name: 'unknown article', route: detail('no-such-article'), ready: '.empty-state' },
  // H5's own page for an address that is no page of the app (the router's catch-all): 404.
  { name: 'unknown address', route: '/no-such-page/', ready: '.not-found .empty-state', notFound: true },
  {
    name: 'poster sheet open',
    route: detail(fullArticle.id),
    ready: '.article-body',
    then: async (page) => {
      await page.locator('.share-actions__poster').filter({ visible: true }).first().click()
      await page.locator('.share-sheet__image').filter({ visible: true }).first().waitFor({ timeout: 20_000 })
    },
  },
]

// The prerendered copies the site serves, as a visitor sees them before the app takes over (the
// search page is left out: it starts the app at once, and the app's page is checked above).
// They are snapshots of the app's pages (only links and the cover differ), so every copy is
// checked in the first run and the kinds of page, the not-found page and two articles in the
// others (each copy is a full page load: most of the sweep's time).
const PRERENDERED: { name: string; route: string; notFound?: boolean; everyRun?: boolean }[] = [
  { name: 'home', route: '/pages/index/index', everyRun: true },
  { name: '我的', route: '/pages/mine/index', everyRun: true },
  { name: '404', route: '/no-such-page/', notFound: true, everyRun: true },
  ...articles.map((a) => ({ name: `article ${a.id}`, route: detail(a.id), everyRun: a === fullArticle || a === excerptArticle })),
]

type Scheme = 'light' | 'dark'
interface Run {
  scheme: Scheme
  step: TextStep
  label: string
  /** Runs axe too (标准 and 超大 in both schemes); the 大 run measures the app's pages' sizes only. */
  axe: boolean
  minText: number
  minControl: number
}

const RUNS: Run[] = [
  { scheme: 'light', step: STANDARD_STEP, label: '标准', axe: true, minText: 14, minControl: 44 },
  { scheme: 'light', step: 1, label: '大', axe: false, minText: 18, minControl: 60 },
  { scheme: 'light', step: LARGEST_STEP, label: '超大', axe: true, minText: 18, minControl: 60 },
  { scheme: 'dark', step: STANDARD_STEP, label: '标准', axe: true, minText: 14, minControl: 44 },
  { scheme: 'dark', step: LARGEST_STEP, label: '超大', axe: true, minText: 18, minControl: 60 },
]

/** Line height ÷ font size wherever text wraps, and block gap ÷ line height in article bodies. */
const MIN_LINE_HEIGHT = 1.3
const MIN_PARAGRAPH_GAP = 1.3

interface Measured {
  page: string
  violations: AxeViolation[]
  sizes: Sizes
  body: number | null
}

/** What a run found wrong on one page, in words (empty when nothing). */
function faults(run: Run, m: Measured): string[] {
  const out = m.violations.map((v) => `${m.page}: axe ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)
  const { sizes } = m
  if (sizes.minText < run.minText) out.push(`${m.page}: text ${sizes.minText} px (${sizes.minTextSample})`)
  if (sizes.minControl < run.minControl) out.push(`${m.page}: control ${sizes.minControl} px (${sizes.minControlSample})`)
  if (sizes.minLineHeight < MIN_LINE_HEIGHT) out.push(`${m.page}: line height ${sizes.minLineHeight} (${sizes.minLineHeightSample})`)
  if (sizes.minParagraphGap !== null && sizes.minParagraphGap < MIN_PARAGRAPH_GAP) {
    out.push(`${m.page}: paragraph gap ${sizes.minParagraphGap} × line height (${sizes.minParagraphGapSample})`)
  }
  if (sizes.sidewaysScroll > 0) out.push(`${m.page}: scrolls sideways by ${sizes.sidewaysScroll} px`)
  if (m.body !== null && run.step === LARGEST_STEP && m.body < 30) out.push(`${m.page}: article body ${m.body} px at 超大`)
  return out
}

const bodySize = (page: Page) =>
  page.locator('.article-body').filter({ visible: true }).first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize))

/**
 * Runs in the page: moves the running app to the article at `href` the way a step in the history
 * does (Taro's router handles popstate), and resolves once that article is completely shown:
 * its title on the only page, no loader, all its related cards. Self-contained (sent as text).
 */
function showArticleInPage({ href, title, related }: { href: string; title: string; related: number }): Promise<string> {
  return new Promise((resolve) => {
    const started = Date.now()
    const missing = () => {
      const pages = document.querySelectorAll('#app .taro_page')
      if (pages.length !== 1) return `${pages.length} pages`
      const heading = pages[0].querySelector('.detail-article__title')
      if (!heading || (heading.textContent || '').trim() !== title) return 'title not shown'
      if (pages[0].querySelector('.detail-loading')) return 'still loading'
      const cards = pages[0].querySelectorAll('.detail-related [data-article-id]').length
      return cards === related ? '' : `${cards} of ${related} related cards`
    }
    window.history.replaceState(window.history.state, '', href)
    window.dispatchEvent(new PopStateEvent('popstate', { state: window.history.state }))
    const check = () => {
      const why = missing()
      if (!why) return requestAnimationFrame(() => setTimeout(() => resolve(''), 0))
      if (Date.now() - started > 15_000) return resolve(why)
      setTimeout(check, 10)
    }
    check()
  })
}

const summary: string[] = []
const totals = { axePages: new Set<string>(), prerendered: 0, violations: 0 }
afterAll(() => {
  const schemes = new Set(RUNS.filter((r) => r.axe).map((r) => r.scheme)).size
  const steps = new Set(RUNS.filter((r) => r.axe).map((r) => r.step)).size
  console.log(
    [
      `axe: ${totals.axePages.size} pages × ${steps} steps × ${schemes} schemes, ${totals.violations} violations ` +
        `(${totals.prerendered} of the axe checks on prerendered copies, the rest in the running app)`,
      'run | pages | seconds | violations | smallest text px | smallest line height × | smallest paragraph gap × line height | smallest control px',
      ...summary,
    ].join('\n'),
  )
})

describe('every page, both schemes', () => {
  const server = { url: '' }
  let stop: (() => Promise<void>) | undefined
  let browser: Browser | undefined
  beforeAll(async () => {
    const started = await startH5Server()
    server.url = started.url
    stop = started.stop
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await stop?.()
  })

  for (const run of RUNS) {
    const name = `${run.scheme}, ${run.label}`
    test(`${name}: ${run.axe ? '0 WCAG violations, ' : ''}readable text, spaced lines and paragraphs, big enough targets`, async () => {
      const started = Date.now()
      // No service worker: its precache would download the app beside every page opened here.
      const { context, page, problems } = await openPhonePage(browser!, { colorScheme: run.scheme, serviceWorkers: 'block' })
      if (run.axe) await addAxeToEveryPage(context)
      const measured: Measured[] = []
      let articleSeconds = 0
      const measure = async (label: string, article = false) => {
        await page.waitForFunction((step) => document.querySelector(`.hn-page--step-${step}`) !== null, run.step)
        measured.push({
          page: label,
          violations: run.axe ? await axeViolations(page) : [],
          sizes: await measureSizes(page),
          body: article ? await bodySize(page) : null,
        })
      }
      // Chromium logs the status of a 404 page as an error: only that page's own address may.
      const expect404 = async (route: string, open: () => Promise<void>) => {
        const missing: string[] = []
        const onResponse = (response: { status(): number; url(): string }) => response.status() === 404 && missing.push(new URL(response.url()).pathname)
        page.on('response', onResponse)
        await open()
        page.off('response', onResponse)
        expect(missing).toEqual([route])
        const at = problems.consoleErrors.findIndex((e) => /status of 404/.test(e))
        if (at >= 0) problems.consoleErrors.splice(at, 1)
      }
      try {
        await presetStorage(page, run.step)
        // Every article, inside the running app.
        await page.goto(`${server.url}${publicPath(detail(articles[0].id))}`)
        await startApp(page)
        for (const article of articles) {
          const why = await page.evaluate(showArticleInPage, {
            href: `/${publicPath(detail(article.id))}`,
            title: article.title,
            related: article.related.filter((id) => known.has(id)).length,
          })
          if (why) throw new Error(`article ${article.id} was not shown: ${why}`)
          await measure(`article ${article.id}`, true)
        }
        articleSeconds = (Date.now() - started) / 1000
        // The other pages of the app, each opened fresh.
        for (const spec of PAGES) {
          const open = async () => {
            await page.goto(`${server.url}${publicPath(spec.route)}`)
            await startApp(page)
          }
          if (spec.notFound) await expect404(spec.route, open)
          else await open()
          await page.locator(spec.ready).filter({ visible: true }).first().waitFor()
          if (spec.then) await spec.then(page)
          await measure(spec.name)
        }
        // The prerendered copies, before any intent starts the app.
        for (const copy of PRERENDERED.filter((c) => run.axe && (run === RUNS[0] || c.everyRun))) {
          const open = async () => {
            await page.goto(`${server.url}${publicPath(copy.route)}`)
          }
          if (copy.notFound) await expect404(copy.route, open)
          else await open()
          await page.locator('#hn-prerendered .hn-page').first().waitFor()
          await measure(`prerendered ${copy.name}`, copy.route.startsWith('/pages/detail/'))
        }
        expect(describeProblems(problems)).toEqual([])
      } catch (error) {
        fs.mkdirSync(path.join(__dirname, '..', '..', 'test-results'), { recursive: true })
        await page.screenshot({ path: path.join(__dirname, '..', '..', 'test-results', `a11y-${run.scheme}-${run.step}.png`) }).catch(() => undefined)
        throw error
      } finally {
        await context.close()
      }

      const min = (values: number[]) => Math.min(...values)
      const violations = measured.reduce((n, m) => n + m.violations.reduce((k, v) => k + v.nodes.length, 0), 0)
      const gaps = measured.map((m) => m.sizes.minParagraphGap).filter((g): g is number => g !== null)
      summary.push(
        `${name} | ${measured.length} | ${((Date.now() - started) / 1000).toFixed(1)} (${articles.length} articles in the app: ${articleSeconds.toFixed(1)}) | ${run.axe ? violations : '-'} | ` +
          `${min(measured.map((m) => m.sizes.minText))} | ${min(measured.map((m) => m.sizes.minLineHeight))} | ${min(gaps)} | ${min(measured.map((m) => m.sizes.minControl))}`,
      )
      if (run.axe) {
        measured.forEach((m) => totals.axePages.add(m.page.replace(/^prerendered /, '')))
        totals.prerendered += measured.filter((m) => m.page.startsWith('prerendered ')).length
        totals.violations += violations
      }
      expect(measured.flatMap((m) => faults(run, m))).toEqual([])
      expect(measured.filter((m) => m.page.startsWith('article ')).length).toBe(articles.length)
    }, 600_000)
  }
})

test(
  'dark before any script: a prerendered page with scripts off follows the system scheme',
  async () => {
    const started = await startH5Server()
    const browser = await launchChromium()
    try {
      const look = async (scheme: Scheme, route: string) => {
        const { context, page } = await openPhonePage(browser, { colorScheme: scheme, javaScriptEnabled: false })
        try {
          await page.goto(`${started.url}${publicPath(route)}`)
          return await page.evaluate(() => {
            const luminance = (css: string) => {
              const [r, g, b] = (css.match(/[\d.]+/g) || []).map(Number).map((c) => {
                const s = c / 255
                return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
              })
              return Math.round((0.2126 * r + 0.7152 * g + 0.0722 * b) * 1000) / 1000
            }
            // What is painted mid-screen: the nearest ancestor with a background of its own.
            let el: Element | null = document.elementFromPoint(innerWidth / 2, innerHeight / 2)
            while (el && getComputedStyle(el).backgroundColor === 'rgba(0, 0, 0, 0)') el = el.parentElement
            const text = document.querySelector('.hn-page')
            return {
              meta: document.querySelector('meta[name=color-scheme]')?.getAttribute('content') ?? null,
              background: luminance(getComputedStyle(el || document.body).backgroundColor),
              body: luminance(getComputedStyle(document.body).backgroundColor),
              text: text ? luminance(getComputedStyle(text).color) : null,
            }
          })
        } finally {
          await context.close()
        }
      }
      for (const route of ['/pages/index/index', detail(fullArticle.id), '/pages/mine/index']) {
        const dark = await look('dark', route)
        const light = await look('light', route)
        console.log(`no script, ${route}: dark background luminance ${dark.background} (text ${dark.text}), light ${light.background} (text ${light.text})`)
        expect(dark.meta).toBe('light dark')
        expect(dark.background).toBeLessThan(0.03)
        expect(dark.body).toBeLessThan(0.03)
        expect(dark.text).toBeGreaterThan(0.6)
        expect(light.background).toBeGreaterThan(0.8)
        expect(light.text).toBeLessThan(0.05)
      }
    } finally {
      await browser.close()
      await started.stop()
    }
  },
)

test(
  '大字分享: a link with size=3 opens at 超大; the reader keeps it only by choice',
  journey('a11y-shared-step', async ({ page, visit }) => {
    await visit(`${detail(fullArticle.id)}&from=share&size=3`)
    await page.locator('.hn-page--step-3 .article-body').filter({ visible: true }).first().waitFor()
    expect(await bodySize(page)).toBeGreaterThanOrEqual(30)
    const saved = () => page.evaluate((key) => localStorage.getItem(key), STORE_KEY)
    expect(await saved()).not.toContain('\\"textStep\\":3')
    await page.getByRole('button', { name: '以后都用这个字号' }).filter({ visible: true }).first().click()
    await page.waitForFunction((key) => (localStorage.getItem(key) || '').includes('\\"textStep\\":3'), STORE_KEY)
  }),
)

test(
  'a keyboard reaches the tabs and cards and opens them with Enter',
  journey('a11y-keyboard', async ({ page, visit }) => {
    await visit()
    await page.locator('.article-card').filter({ visible: true }).first().waitFor()
    const province = regional.region!.province
    const tab = page.locator('[data-tabs=region] [role=tab]').filter({ hasText: province }).filter({ visible: true }).first()
    await tab.focus()
    await page.keyboard.press('Enter')
    await page.waitForFunction((p) => {
      // The tab shows its name and its article count: compare the name.
      const chosen = document.querySelector('[data-tabs=region] [aria-selected=true] .filter-tabs__name')
      return chosen !== null && chosen.textContent === p
    }, province)
    const card = page.locator('.article-card').filter({ visible: true }).first()
    const title = await card.getAttribute('aria-label')
    await card.focus()
    await page.keyboard.press('Enter')
    await page.locator('.detail-article__title').filter({ hasText: title! }).filter({ visible: true }).first().waitFor()
  }),
)

test(
  'pinch zoom is allowed and text scaling is never locked',
  journey('a11y-zoom', async ({ page, visit }) => {
    await visit()
    const viewport = await page.locator('meta[name=viewport]').getAttribute('content')
    expect(viewport).not.toMatch(/user-scalable\s*=\s*(no|0)/)
    expect(viewport).not.toMatch(/maximum-scale\s*=\s*1(\.0*)?(\D|$)/)
    // WeChat's browser scales text by its own setting unless a page locks it: nothing may.
    const locking = await page.evaluate(() => {
      const rules: string[] = []
      for (const sheet of Array.from(document.styleSheets)) {
        for (const rule of Array.from(sheet.cssRules)) if (/text-size-adjust\s*:\s*none/i.test(rule.cssText)) rules.push(rule.cssText.slice(0, 80))
      }
      return { sheets: document.styleSheets.length, rules }
    })
    expect(locking.sheets).toBeGreaterThan(0)
    expect(locking.rules).toEqual([])
  }),
)

describe('a browser whose default font size is 24 px', () => {
  // scripts/tools/chromium.cjs is CommonJS, shared with the .mjs scripts (as in support/h5.ts).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { launchChromiumProfile } = require('../../scripts/tools/chromium.cjs') as {
    launchChromiumProfile: (dir: string) => Promise<import('playwright-core').BrowserContext>
  }
  const server = { url: '' }
  let stop: (() => Promise<void>) | undefined
  beforeAll(async () => {
    const { startH5Server } = await import('./support/h5')
    const started = await startH5Server()
    server.url = started.url
    stop = started.stop
  })
  afterAll(async () => stop?.())

  async function articleBodyPx(defaultFontSize: number | null): Promise<number> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hn-profile-'))
    if (defaultFontSize !== null) {
      fs.mkdirSync(path.join(dir, 'Default'), { recursive: true })
      fs.writeFileSync(path.join(dir, 'Default', 'Preferences'), JSON.stringify({ webkit: { webprefs: { default_font_size: defaultFontSize } } }))
    }
    const context = await launchChromiumProfile(dir)
    try {
      await context.route('**/*', (route) => (new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort()))
      const page = context.pages()[0] ?? (await context.newPage())
      await page.goto(`${server.url}${publicPath(detail(fullArticle.id))}`)
      // Measure the app's own page, not the prerendered copy it removes when it takes over.
      await startApp(page)
      await page.locator('.article-body').filter({ visible: true }).first().waitFor()
      return await bodySize(page)
    } finally {
      await context.close()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  }

  test('makes the article body at least 1.3 times its size at 16 px', async () => {
    const at16 = await articleBodyPx(16)
    const at24 = await articleBodyPx(24)
    console.log(`article body: ${at16} px at a 16 px browser default, ${at24} px at 24 px (×${(at24 / at16).toFixed(2)})`)
    expect(at16).toBeCloseTo(16 * BODY_TEXT_FACTOR, 1)
    expect(at24 / at16).toBeGreaterThanOrEqual(1.3)
  })
})

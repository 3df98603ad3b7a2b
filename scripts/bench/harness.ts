// The one browser harness of the benchmarks and the screenshots: the built site served on
// 127.0.0.1 (site/serve.mjs), Debian's Chromium at phone size (tools/chromium.cjs), a fresh
// context per measurement that may reach 127.0.0.1 only (every other request is refused and
// reported, as the end-to-end tests require), the slow phone's CPU, the figures (percentile,
// median), and the waiters, which find page parts only through the page contract
// (src/core/pageContract.ts) and the prerendered copy's overlay (site/pageBoot.ts).
import path from 'path'
import { pathToFileURL } from 'url'
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core'
import { OVERLAY_ID } from '../site/pageBoot'

type PhoneOptions = BrowserContextOptions & { viewport: { width: number; height: number } }

/** tools/chromium.cjs (CommonJS, shared with the jest tests), loaded when a browser is wanted. */
function chromium(): { launchChromium: () => Promise<Browser>; PHONE: PhoneOptions } {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('../tools/chromium.cjs')
}

/** Headless Chromium (/usr/bin/chromium) with the project's flags. */
export function launchChromium(): Promise<Browser> {
  return chromium().launchChromium()
}

/** A 390×844 phone: touch, 2× pixels, Chinese locale. */
export function phone(): PhoneOptions {
  return chromium().PHONE
}

/** The slow phone the benchmarks time: CPU slowed this many times (CDP Emulation.setCPUThrottlingRate). */
export const CPU_THROTTLING = 4

// From __filename: tsx runs this module from a data: URL when an .mjs script imports it, and
// __dirname is then wrong.
const here = path.dirname(__filename)
export const repoRoot = path.resolve(here, '..', '..')

/** The built H5 site to measure: `$TEST_DIST_DIR/h5` (a snapshot npm test made) or `dist/h5`. */
export function builtSiteDir(): string {
  return path.join(path.resolve(process.env.TEST_DIST_DIR || path.join(repoRoot, 'dist')), 'h5')
}

export interface Site {
  url: string
  close: () => Promise<void>
}

/** Serves `root` on an ephemeral 127.0.0.1 port the way a real host does (npm run serve). */
export async function serveSite(root: string, options: { htmlFile?: string } = {}): Promise<Site> {
  // An ES module, loaded by its file URL (a relative specifier does not resolve against a data: URL).
  const serveModule = pathToFileURL(path.join(here, '..', 'site', 'serve.mjs')).href
  const { startServer } = (await import(serveModule)) as typeof import('../site/serve.mjs')
  return startServer({ root, ...options })
}

/**
 * Lets `context` reach 127.0.0.1 only (data: and blob: too): any other request is refused and
 * its address added to `foreign`, which is returned, for the caller to fail on.
 */
export async function keepToLocalhost(context: BrowserContext, foreign: string[] = []): Promise<string[]> {
  await context.route('**/*', (route) => {
    const { hostname, protocol } = new URL(route.request().url())
    if (protocol === 'data:' || protocol === 'blob:' || hostname === '127.0.0.1') return route.continue()
    foreign.push(route.request().url())
    return route.abort('blockedbyclient')
  })
  return foreign
}

export interface PhonePage {
  context: BrowserContext
  page: Page
  /** Addresses the page tried to reach outside 127.0.0.1 (refused). */
  foreign: string[]
  /** Uncaught errors of the page. */
  errors: string[]
}

export interface PhonePageOptions {
  /** CPU slowdown (CPU_THROTTLING for the slow phone); none when unset. */
  cpuThrottling?: number
  /** Scripts run in every document before the page's own, in order. */
  initScripts?: string[]
  /** Install waitInPage as `window.__waitInPage`, for timings taken inside the page. */
  inPageWaiters?: boolean
  /** Collect into these lists instead of new ones (one list for several contexts). */
  foreign?: string[]
  errors?: string[]
}

/**
 * A fresh phone-sized context (cold cache, as from a shared link) kept to 127.0.0.1, and its page,
 * with the page's errors collected. Close `context` when done.
 */
export async function openPhonePage(browser: Browser, options: PhonePageOptions = {}): Promise<PhonePage> {
  const context = await browser.newContext(phone())
  const foreign = await keepToLocalhost(context, options.foreign)
  // tsx (esbuild) wraps named functions in __name(); a function sent to the page may call it.
  await context.addInitScript('window.__name = window.__name || function (f) { return f }')
  if (options.inPageWaiters) await context.addInitScript(`window.__waitInPage = ${waitInPage.toString()}`)
  for (const script of options.initScripts ?? []) await context.addInitScript(script)
  const page = await context.newPage()
  const errors = options.errors ?? []
  page.on('pageerror', (error) => errors.push(error.message))
  if (options.cpuThrottling && options.cpuThrottling !== 1) {
    const cdp = await context.newCDPSession(page)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: options.cpuThrottling })
  }
  return { context, page, foreign, errors }
}

/** The `p`th percentile (nearest rank) of `values`, in any order; 0 when there are none. */
export function percentile(values: readonly number[], p: number): number {
  if (!values.length) return 0
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]
}

/** The median of `values`: the middle one, or the mean of the middle two. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/** Runs one wait; a failure names the step, so a timeout says which wait it was. */
export async function step<T>(name: string, wait: () => Promise<T>): Promise<T> {
  try {
    return await wait()
  } catch (error) {
    throw new Error(`${name}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`)
  }
}

/** What the first-card watcher leaves on the page's window. */
export interface FirstCardWindow {
  __firstCardSeen?: boolean
  /** When the card was first found laid out on screen and visible. */
  __firstCardInDomAt?: number
  /** The frame after that one: the card has been painted. */
  __firstCardAt?: number
  __firstCardText?: string
}

/**
 * Runs in the page before any app script (page.addInitScript(watchFirstCard, selector)): notes
 * when the first element matching `selector` with text is on screen, then waits one animation
 * frame so the time includes the paint that shows it. Checked on every DOM change and on every
 * frame: a prerendered home does not change once parsed, so a card not yet laid out when the
 * last node arrived (its stylesheet still loading) is only seen later; and a card still
 * visibility:hidden (a web component before it upgrades) is not on screen yet.
 */
export function watchFirstCard(selector: string): void {
  const w = window as unknown as FirstCardWindow
  const check = () => {
    const card = document.querySelector(selector)
    if (w.__firstCardSeen || !card || !card.textContent || !card.textContent.trim()) return
    const box = card.getBoundingClientRect()
    if (box.width === 0 || box.height === 0 || box.top >= window.innerHeight) return
    if (!card.checkVisibility({ visibilityProperty: true, opacityProperty: true } as CheckVisibilityOptions)) return
    w.__firstCardSeen = true
    w.__firstCardInDomAt = performance.now()
    observer.disconnect()
    requestAnimationFrame(() => {
      w.__firstCardAt = performance.now()
      w.__firstCardText = card.textContent!.trim().slice(0, 40)
    })
  }
  const observer = new MutationObserver(check)
  observer.observe(document, { childList: true, subtree: true, characterData: true })
  const onFrame = () => {
    check()
    if (!w.__firstCardSeen) requestAnimationFrame(onFrame)
  }
  requestAnimationFrame(onFrame)
}

/** Waits until watchFirstCard saw the card painted; resolves with that time (ms since navigation). */
export async function firstCardPainted(page: Page, timeoutMs: number): Promise<number> {
  await page.waitForFunction(() => typeof (window as unknown as FirstCardWindow).__firstCardAt === 'number', null, { timeout: timeoutMs, polling: 50 })
  return page.evaluate(() => (window as unknown as FirstCardWindow).__firstCardAt!)
}

/**
 * Runs in the page (installed as `window.__waitInPage` by openPhonePage's inPageWaiters):
 * resolves with performance.now() when an element matching `selector` shows `text` (or any
 * text), laid out and visible, after the paint that shows it.
 */
export function waitInPage(selector: string, text: string | null, timeout: number): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const found = () => {
      for (const el of Array.from(document.querySelectorAll(selector))) {
        const box = el.getBoundingClientRect()
        // Laid out and not visibility:hidden (Taro's web components are hidden until they hydrate).
        const seen = box.width > 0 && box.height > 0 && el.checkVisibility({ visibilityProperty: true, opacityProperty: true } as CheckVisibilityOptions)
        if (seen && (text === null || el.textContent?.includes(text))) return true
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

/**
 * On a prerendered page, does what a reader's first key press does (Shift: nothing activates)
 * and waits until the app has taken the page over (the prerendered copy is gone).
 */
export async function startApp(page: Page, timeoutMs: number): Promise<void> {
  if (!(await page.evaluate((id) => !!document.getElementById(id), OVERLAY_ID))) return
  await page.keyboard.press('Shift')
  await step('the app taking over the prerendered page', () => page.waitForFunction((id) => !document.getElementById(id), OVERLAY_ID, { timeout: timeoutMs }))
}

/** Waits until the fonts are loaded and the last change is painted (layout, then paint: two frames). */
export async function painted(page: Page): Promise<void> {
  await page.evaluate(() => document.fonts.ready)
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
}

// How a prerendered page answers before the app (scripts/site/pageBoot.ts), in Chromium against the
// built dist/h5: the reader's browser font size from the first paint, the same after the app takes
// over; A−/A+ answered while the app's scripts cannot even load, saved, and the app showing that
// same step with nothing moving once they can. The app's scripts (and, in one test, the page boot
// file) are held back by routing them to a request that does not answer until the test lets it go.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium, type BrowserContext, type Page, type Route } from 'playwright-core'
import type { Article } from '../../src/core/article'
import { publicPath } from '../../src/core/routes'
import { STORE_KEY } from '../../src/core/storeKeys'
import { BODY_TEXT_FACTOR } from '../../src/core/textScale'
import { articles } from '../../src/data/dataset'
import { savedTextStep } from '../../scripts/site/pageBoot'
import { EARLY_BOOT } from '../../scripts/site/pagePaint'
import { startH5Server } from './support/h5'

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { CHROMIUM, CHROMIUM_ARGS, PHONE } = require('../../scripts/tools/chromium.cjs') as {
  CHROMIUM: string
  CHROMIUM_ARGS: string[]
  PHONE: Record<string, unknown>
}

jest.setTimeout(120_000)

const article = articles.find((a) => a.fullText && a.body && a.body.length > 2) as Article
const articlePath = () => publicPath(`/pages/detail/index?id=${article.id}`)

const server = { url: '' }
let stop: (() => Promise<void>) | undefined
beforeAll(async () => {
  const started = await startH5Server()
  server.url = started.url
  stop = started.stop
})
afterAll(async () => stop?.())

/**
 * A phone-sized Chromium on a profile of its own (default font size `fontPx`), every request off
 * 127.0.0.1 refused, no service worker (so the app's scripts come through the route), and the
 * app's scripts held until `release()` (and the page boot file too with `holdBoot`).
 */
async function openHeld(fontPx: number, holdBoot = false): Promise<{ context: BrowserContext; page: Page; release: () => void; errors: string[]; close: () => Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hn-boot-profile-'))
  fs.mkdirSync(path.join(dir, 'Default'), { recursive: true })
  fs.writeFileSync(path.join(dir, 'Default', 'Preferences'), JSON.stringify({ webkit: { webprefs: { default_font_size: fontPx } } }))
  const context = await chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, args: CHROMIUM_ARGS, ...PHONE, serviceWorkers: 'block' })
  const held: Route[] = []
  let released = false
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url())
    if (url.hostname !== '127.0.0.1') return route.abort()
    if (!released && /\.js$/.test(url.pathname) && (holdBoot || !BOOT_FILE.test(url.pathname))) return void held.push(route)
    return route.continue()
  })
  const page = context.pages()[0] ?? (await context.newPage())
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  return {
    context,
    page,
    errors,
    release: () => {
      released = true
      for (const route of held.splice(0)) void route.continue().catch(() => undefined)
    },
    close: async () => {
      await context.close()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** Font size and place of the article's first paragraph, in the copy or in the app's page. */
const bodyText = (page: Page, where: 'copy' | 'app') =>
  page.evaluate((inCopy) => {
    const scope = document.querySelector(inCopy ? '#hn-prerendered' : '#app') as Element
    const el = scope.querySelector('.article-body') as HTMLElement
    const rect = el.getBoundingClientRect()
    const root = scope.querySelector('.hn-page') as HTMLElement
    return { px: parseFloat(getComputedStyle(el).fontSize), top: Math.round(rect.top), left: Math.round(rect.left), width: Math.round(rect.width), step: root.getAttribute('data-text-step') }
  }, where === 'copy')

/** The page boot file every prerendered page loads async (scripts/site/pageBoot.ts); not the app. */
const BOOT_FILE = /\/js\/boot\.[0-9a-f]{8}\.js$/

const appStarted = (page: Page) => page.evaluate(() => document.querySelectorAll('#app .taro_page').length > 0)
const tookOver = (page: Page) => page.waitForFunction(() => !document.getElementById('hn-prerendered'), null, { timeout: 60_000 })

describe.each([16, 20, 24])('a browser whose default font size is %i px', (fontPx) => {
  test('the article body follows it from the first paint, before the app, and keeps its size after', async () => {
    const browser = await openHeld(fontPx)
    const { page } = browser
    try {
      await page.goto(`${server.url}${articlePath()}`, { waitUntil: 'load' })
      const before = await bodyText(page, 'copy')
      console.log(`article body at a ${fontPx} px browser default: ${before.px} px before the app`)
      expect(before.px).toBeCloseTo(fontPx * BODY_TEXT_FACTOR, 1)
      expect(await appStarted(page)).toBe(false)
      // Something harmless starts the app (a key that activates nothing); then its scripts may load.
      await page.keyboard.press('Shift')
      browser.release()
      await tookOver(page)
      const after = await bodyText(page, 'app')
      expect(after.px).toBe(before.px)
      expect([after.top, after.left, after.width]).toEqual([before.top, before.left, before.width])
      expect(browser.errors).toEqual([])
    } finally {
      await browser.close()
    }
  })
})

test('A+ answers while the app\'s scripts cannot load; released, the app shows the same step and nothing moves', async () => {
  const browser = await openHeld(16)
  const { page } = browser
  try {
    await page.goto(`${server.url}${articlePath()}`, { waitUntil: 'load' })
    const plus = page.locator('#hn-prerendered [aria-label="放大字号"]').first()
    await plus.tap()
    const once = await bodyText(page, 'copy')
    expect(once.step).toBe('1')
    expect(once.px).toBeCloseTo(16 * 1.3 * BODY_TEXT_FACTOR, 1)
    await expect(page.locator('#hn-prerendered .text-size__step').first().textContent()).resolves.toBe('大')
    // A second tap while the app is still on its way: applied once, not lost.
    await plus.tap()
    const twice = await bodyText(page, 'copy')
    expect(twice.step).toBe('2')
    expect(savedTextStep(await page.evaluate((key) => localStorage.getItem(key), STORE_KEY))).toBe(2)
    expect(await appStarted(page)).toBe(false)

    browser.release()
    await tookOver(page)
    // Not replayed: the app read the saved step.
    const after = await bodyText(page, 'app')
    expect(after).toEqual(twice)
    await page.waitForTimeout(300)
    expect(await bodyText(page, 'app')).toEqual(twice)
    await expect(page.locator('#app .text-size__step').first().textContent()).resolves.toBe('特大')
    expect(savedTextStep(await page.evaluate((key) => localStorage.getItem(key), STORE_KEY))).toBe(2)
    // And the app answers the next tap itself.
    await page.locator('#app [aria-label="放大字号"]').first().tap()
    await page.waitForFunction(() => document.querySelector('#app .hn-page')?.getAttribute('data-text-step') === '3')
    expect(browser.errors).toEqual([])
  } finally {
    await browser.close()
  }
})

test('A+ tapped before the page boot file has run (a slow line) is answered at once by the inline part, each tap once, and the boot and the app take over from that step', async () => {
  const browser = await openHeld(16, true)
  const { page } = browser
  try {
    // The boot file is held (it is requested after the first paint, so `load` may come first).
    await page.goto(`${server.url}${articlePath()}`, { waitUntil: 'commit' })
    const plus = page.locator('#hn-prerendered [aria-label="放大字号"]').first()
    await plus.waitFor()
    await plus.tap()
    expect((await bodyText(page, 'copy')).step).toBe('1')
    await plus.tap()
    const twice = await bodyText(page, 'copy')
    expect(twice.step).toBe('2')
    expect(twice.px).toBeCloseTo(16 * 1.5 * BODY_TEXT_FACTOR, 1)
    await page.waitForFunction((key) => localStorage.getItem(key) !== null, STORE_KEY)
    expect(savedTextStep(await page.evaluate((key) => localStorage.getItem(key), STORE_KEY))).toBe(2)
    // The taps were answered by the inline part: the boot file has not run (it takes the early state over).
    expect(await page.evaluate((key) => key in window, EARLY_BOOT)).toBe(true)

    // The boot file arrives and takes the taps over (they start the app): not applied again.
    browser.release()
    await page.waitForFunction((key) => !(key in window), EARLY_BOOT)
    expect((await bodyText(page, 'copy')).step).toBe('2')
    await tookOver(page)
    const after = await bodyText(page, 'app')
    expect(after).toEqual(twice)
    expect(savedTextStep(await page.evaluate((key) => localStorage.getItem(key), STORE_KEY))).toBe(2)
    expect(browser.errors).toEqual([])
  } finally {
    await browser.close()
  }
})

test('A+ in the copy: the text on the first screen is larger in the tap\'s own frame, the rest of the article follows within a few frames, and nothing on screen moves after that frame', async () => {
  const browser = await openHeld(16)
  const { page } = browser
  try {
    await page.goto(`${server.url}${articlePath()}`, { waitUntil: 'load' })
    await page.evaluate(() => {
      const w = window as unknown as { frames: { px: number[]; top: number }[] }
      w.frames = []
      const paragraphs = Array.from(document.querySelectorAll<HTMLElement>('#hn-prerendered .article-body__paragraph, #hn-prerendered .article-body__item-text'))
      const seen = paragraphs.find((p) => p.getBoundingClientRect().top < innerHeight && p.getBoundingClientRect().bottom > 0) as HTMLElement
      // After the boot's own handler (capture phase), frame by frame: every paragraph's size and
      // where the one on screen is.
      document.addEventListener('click', () => {
        const frame = () => {
          w.frames.push({ px: paragraphs.map((p) => parseFloat(getComputedStyle(p).fontSize)), top: seen.getBoundingClientRect().top })
          if (w.frames.length < 8) requestAnimationFrame(frame)
        }
        requestAnimationFrame(frame)
      }, { once: true })
    })
    const box = await page.locator('#hn-prerendered [aria-label="放大字号"]').first().boundingBox()
    if (!box) throw new Error('A+ is not on the screen')
    await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2)
    await page.waitForFunction(() => (window as unknown as { frames: unknown[] }).frames.length === 8)
    const frames = await page.evaluate(() => (window as unknown as { frames: { px: number[]; top: number }[] }).frames)
    const larger = 16 * 1.3 * BODY_TEXT_FACTOR
    const onScreen = await page.evaluate(() =>
      Array.from(document.querySelectorAll('#hn-prerendered .article-body__paragraph, #hn-prerendered .article-body__item-text')).map((p) => p.getBoundingClientRect().top < innerHeight),
    )
    console.log(`paragraphs on the first screen: ${onScreen.filter(Boolean).length} of ${onScreen.length}`)
    expect(onScreen.filter((on) => !on).length).toBeGreaterThan(0)
    // The tap's frame: what the reader sees is larger.
    frames[0].px.forEach((px, i) => {
      if (onScreen[i]) expect(px).toBeCloseTo(larger, 1)
    })
    // A few frames on: every paragraph is, and the one on screen has not moved since the tap's frame.
    for (const px of frames[7].px) expect(px).toBeCloseTo(larger, 1)
    expect(frames.map((f) => Math.round(f.top))).toEqual(frames.map(() => Math.round(frames[0].top)))
    // Scrolled to the end, the last paragraph shows the larger size too.
    await page.evaluate(() => {
      const scroller = document.querySelector('#hn-prerendered .taro_page') as HTMLElement
      scroller.scrollTop = scroller.scrollHeight
    })
    const last = await page.evaluate(() => {
      const all = document.querySelectorAll<HTMLElement>('#hn-prerendered .article-body__paragraph')
      const p = all[all.length - 1]
      return { px: parseFloat(getComputedStyle(p).fontSize), visible: p.getBoundingClientRect().top < innerHeight }
    })
    expect(last.visible).toBe(true)
    expect(last.px).toBeCloseTo(larger, 1)
    expect(browser.errors).toEqual([])
  } finally {
    await browser.close()
  }
})

test('A+ in the copy scrolled past the title: the title above the screen follows a frame later without moving what the reader sees', async () => {
  const browser = await openHeld(16)
  const { page } = browser
  try {
    await page.goto(`${server.url}${articlePath()}`, { waitUntil: 'load' })
    const titlePx = await page.evaluate(() => {
      const title = document.querySelector('#hn-prerendered .detail-article__title') as HTMLElement
      const scroller = document.querySelector('#hn-prerendered .taro_page') as HTMLElement
      scroller.scrollTop = Math.ceil(title.getBoundingClientRect().bottom) + 4
      const w = window as unknown as { frames: { plus: number; title: number }[] }
      w.frames = []
      const plus = document.querySelector('#hn-prerendered [aria-label="放大字号"]') as HTMLElement
      document.addEventListener('click', () => {
        const frame = () => {
          w.frames.push({ plus: plus.getBoundingClientRect().top, title: parseFloat(getComputedStyle(title).fontSize) })
          if (w.frames.length < 6) requestAnimationFrame(frame)
        }
        requestAnimationFrame(frame)
      }, { once: true })
      return parseFloat(getComputedStyle(title).fontSize)
    })
    const box = await page.locator('#hn-prerendered [aria-label="放大字号"]').first().boundingBox()
    if (!box || box.y < 0) throw new Error('A+ is not on the screen')
    await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2)
    await page.waitForFunction(() => (window as unknown as { frames: unknown[] }).frames.length === 6)
    const frames = await page.evaluate(() => (window as unknown as { frames: { plus: number; title: number }[] }).frames)
    expect(frames[5].title).toBeCloseTo(titlePx * 1.3, 1)
    // The control the reader tapped stays where the tap's frame showed it while the title grows.
    expect(frames.map((f) => Math.round(f.plus))).toEqual(frames.map(() => Math.round(frames[0].plus)))
    expect(browser.errors).toEqual([])
  } finally {
    await browser.close()
  }
})

test('on a 大字分享 link, A− in the copy changes the reader\'s own step as the app would, and the app shows it without the share banner', async () => {
  const browser = await openHeld(16)
  const { page } = browser
  try {
    await page.goto(`${server.url}${articlePath()}?from=share&size=3`, { waitUntil: 'load' })
    expect((await bodyText(page, 'copy')).step).toBe('3')
    await page.locator('#hn-prerendered [aria-label="缩小字号"]').first().tap()
    const copy = await bodyText(page, 'copy')
    expect(copy.step).toBe('2')
    expect(savedTextStep(await page.evaluate((key) => localStorage.getItem(key), STORE_KEY))).toBe(2)
    browser.release()
    await tookOver(page)
    await page.waitForTimeout(300)
    expect((await bodyText(page, 'app')).step).toBe('2')
    expect(await page.locator('#app .detail-shared-step').count()).toBe(0)
    expect(savedTextStep(await page.evaluate((key) => localStorage.getItem(key), STORE_KEY))).toBe(2)
    expect(browser.errors).toEqual([])
  } finally {
    await browser.close()
  }
})

test('收藏 tapped before the app shows itself pressed at once, and the app, once there, keeps the article exactly once', async () => {
  const browser = await openHeld(16)
  const { page } = browser
  try {
    await page.goto(`${server.url}${articlePath()}`, { waitUntil: 'load' })
    const favorite = page.locator('#hn-prerendered .detail-tools__favorite').first()
    await favorite.tap()
    expect(await favorite.getAttribute('aria-pressed')).toBe('true')
    browser.release()
    await tookOver(page)
    const appFavorite = page.locator('#app .detail-tools__favorite').first()
    await page.waitForFunction(() => document.querySelector('#app .detail-tools__favorite')?.getAttribute('aria-pressed') === 'true')
    await page.waitForTimeout(300)
    expect(await appFavorite.getAttribute('aria-pressed')).toBe('true')
    expect(await appFavorite.innerText()).toBe('已收藏')
    const saved = await page.evaluate((key) => localStorage.getItem(`${key}/favorites`), STORE_KEY)
    const entries = (JSON.parse(JSON.parse(saved as string).data) as { entries: { id: string }[] }).entries
    expect(entries.map((e) => e.id)).toEqual([article.id])
    expect(browser.errors).toEqual([])
  } finally {
    await browser.close()
  }
})

// Going back at awkward moments in the H5 build: right after tapping an article, while the
// article page's code may still be on its way (a slow phone network), and at every moment of the
// page switch. People do this all the time (a mistaken tap, an impatient back swipe); whatever
// the timing, home must come back with its list, and the article page must not show up
// afterwards on its own (with no id it would say 没有找到这篇文章 over home).
//
// Taro 4.2.1's H5 router had two such races here: a page whose code arrived after the reader
// went back was still mounted over home, and the slide-in animation's timer hid home ~350 ms
// after the tap even when the reader had come back to it by then.
import type { Locator, Page } from 'playwright-core'
import type { Article, ArticleDataset } from '../../src/core/article'
import datasetJson from '../../src/data/articles.json'
import { useH5 } from './support/h5'

jest.setTimeout(120_000)

const { articles } = datasetJson as unknown as ArticleDataset
const journey = useH5()

/** How late a script requested after the first screen arrives (a slow mobile network). */
const SLOW_SCRIPT_MS = 1500
/**
 * After going back, how long home must stay put: longer than Taro's page-switch timers
 * (300 ms slide + 50 ms delay, and the 350 ms hide), so whatever the abandoned switch scheduled
 * has run by the time we look again.
 */
const SETTLE_MS = 1000
/** Moments to go back at, in ms after the address changed to the article. */
const BACK_AFTER_MS = [0, 10, 20, 30, 40, 50, 75, 100, 150, 250, 350, 500]

const shown = (locator: Locator) => locator.filter({ visible: true })
const countText = `共 ${articles.length} 篇`

/**
 * Scripts requested from now on arrive SLOW_SCRIPT_MS late. Returns how many of them are still
 * on their way.
 */
async function slowDownLaterScripts(page: Page): Promise<() => number> {
  let pending = 0
  await page.route(/\.js(\?.*)?$/, async (route) => {
    pending++
    await new Promise((resolve) => setTimeout(resolve, SLOW_SCRIPT_MS))
    pending--
    // Hand over to the fixture's handler, which keeps requests on 127.0.0.1.
    await route.fallback().catch(() => undefined)
  })
  return () => pending
}

async function homeIsShown(page: Page) {
  await shown(page.getByText(countText, { exact: true })).first().waitFor({ timeout: 10_000 })
  await shown(page.locator('.article-card')).first().waitFor({ timeout: 10_000 })
}

/** Home is on screen now and still after SETTLE_MS, with the article page nowhere in sight. */
async function homeStaysShown(page: Page, what: string, slowScriptsPending: () => number = () => 0) {
  await page.waitForFunction(() => location.pathname === '/', null, { timeout: 10_000 })
  const started = Date.now()
  while (Date.now() - started < SETTLE_MS || slowScriptsPending() > 0) await page.waitForTimeout(100)
  const seen = await page.evaluate(() => {
    const visible = (el: Element | null) => {
      if (!el) return false
      const box = el.getBoundingClientRect()
      return box.width > 0 && box.height > 0 && box.top < window.innerHeight && getComputedStyle(el).visibility !== 'hidden'
    }
    const counts = [...document.querySelectorAll('.home__count')].filter(visible).map((el) => el.textContent)
    return {
      path: location.pathname,
      counts,
      cardOnScreen: [...document.querySelectorAll('.article-card')].some(visible),
      articleOnScreen: [...document.querySelectorAll('.detail-article__title')].some(visible),
      notFound: [...document.querySelectorAll('.hn-page')].some((el) => visible(el) && (el.textContent || '').includes('没有找到这篇文章')),
    }
  })
  expect({ what, ...seen }).toEqual({
    what,
    path: '/',
    counts: [countText],
    cardOnScreen: true,
    articleOnScreen: false,
    notFound: false,
  })
}

/** Taps the first card on home and resolves, with its article, once the address has changed. */
async function tapFirstArticle(page: Page): Promise<Article> {
  const card = shown(page.locator('.article-card')).first()
  const id = await card.getAttribute('data-article-id')
  const article = articles.find((a) => a.id === id)
  if (!article) throw new Error(`the first card names no packaged article (data-article-id=${id})`)
  await card.click()
  await page.waitForFunction(() => location.pathname.startsWith('/article/'))
  return article
}

/**
 * Taps the first card and goes back `delayMs` after the address changed, timed inside the page
 * (a round trip from the test would blur the moment by tens of milliseconds).
 */
async function tapThenBack(page: Page, delayMs: number): Promise<void> {
  const tapped = await page.evaluate(
    (delay) =>
      new Promise<boolean>((resolve) => {
        const card = [...document.querySelectorAll<HTMLElement>('.article-card')].find((el) => el.getBoundingClientRect().height > 0)
        if (!card) return resolve(false)
        card.click()
        const started = performance.now()
        const poll = setInterval(() => {
          if (location.pathname.startsWith('/article/')) {
            clearInterval(poll)
            setTimeout(() => {
              history.back()
              resolve(true)
            }, delay)
          } else if (performance.now() - started > 5000) {
            clearInterval(poll)
            resolve(false)
          }
        }, 1)
      }),
    delayMs,
  )
  if (!tapped) throw new Error(`tapping a card on home did not open the article (back after ${delayMs} ms)`)
}

test(
  'going back right after tapping an article, on a slow network, keeps home on screen',
  journey('back-before-article-loads', async ({ page, visit }) => {
    await visit()
    await homeIsShown(page)
    const slowScriptsPending = await slowDownLaterScripts(page)
    await tapThenBack(page, 0)
    await homeStaysShown(page, 'back before the article could load', slowScriptsPending)
  }),
)

test(
  'going back at any moment of the page switch keeps home on screen',
  journey('back-during-page-switch', async ({ page, visit }) => {
    await visit()
    await homeIsShown(page)
    for (const delay of BACK_AFTER_MS) {
      await tapThenBack(page, delay)
      await homeStaysShown(page, `back ${delay} ms after the tap`)
    }
  }),
)

test(
  'after going back quickly, the article still opens normally',
  journey('back-then-open-again', async ({ page, visit }) => {
    await visit()
    await homeIsShown(page)
    await tapThenBack(page, 0)
    await homeStaysShown(page, 'back right after the tap')
    const article = await tapFirstArticle(page)
    await shown(page.locator('.detail-article__title').getByText(article.title, { exact: true })).first().waitFor()
    await shown(page.getByText('转发给家人')).first().waitFor()
    expect(await shown(page.getByText('没有找到这篇文章')).count()).toBe(0)
  }),
)

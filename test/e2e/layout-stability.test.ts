// What is on screen stays where it was first drawn, in the H5 build on a slow phone (4x CPU
// throttling). A button that jumps while the reader presses it loses the tap: pressed on the
// button, released on whatever moved under the finger, and the browser sends the click to
// neither (that is how "转发给家人" once did nothing in test/e2e/share.test.ts). Two things moved
// pages after they appeared: Taro's components injecting their CSS only when they hydrate, and
// the root font size flipping during loading (src/platform/componentStyles.h5.ts, src/index.html).
import type { Page } from 'playwright-core'
import type { Article, ArticleDataset } from '../../src/core/article'
import datasetJson from '../../src/data/articles.json'
import { useH5 } from './support/h5'

jest.setTimeout(90_000)

const { articles } = datasetJson as unknown as ArticleDataset
const article = articles.find((a) => a.fullText && a.related.length > 0) as Article
const journey = useH5()

/** How long after its first appearance an element is watched. */
const WATCH_MS = 2000

/**
 * From before the app starts: every position `selector`'s first match takes, from the moment
 * it is in the page with a size, as "top,left,height" relative to the document. What a reader
 * sees is the prerendered copy of the page (#hn-prerendered, in the HTML) until the app takes
 * over, then the app's own element: both count, so a jump at the hand-over fails too. Nothing
 * is noted before the first frame: until the stylesheet has arrived nothing is painted.
 */
async function recordPositions(page: Page, selector: string) {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
  await page.addInitScript((sel) => {
    const seen: string[] = []
    ;(window as unknown as { positions: string[] }).positions = seen
    let painted = false
    const note = () => {
      if (!painted) return
      const el = document.querySelector(`#hn-prerendered ${sel}`) || document.querySelector(`#app ${sel}`)
      if (!el) return
      const box = el.getBoundingClientRect()
      if (box.height === 0) return
      const at = `${Math.round(box.top + window.scrollY)},${Math.round(box.left)},${Math.round(box.height)}`
      if (seen[seen.length - 1] !== at) seen.push(at)
    }
    // Style, class and font-size changes move things without adding nodes: watch attributes too,
    // and every frame for whatever a mutation record would not show.
    new MutationObserver(note).observe(document, { childList: true, subtree: true, attributes: true, characterData: true })
    const everyFrame = () => {
      painted = true
      note()
      requestAnimationFrame(everyFrame)
    }
    requestAnimationFrame(everyFrame)
  }, selector)
}

async function positionsAfterSettling(page: Page, selector: string): Promise<string[]> {
  await page.locator(selector).first().waitFor()
  await page.waitForTimeout(WATCH_MS)
  return page.evaluate(() => (window as unknown as { positions: string[] }).positions)
}

test(
  "an article opened from a link does not move after it appears: 转发给家人 stays put",
  journey('stable-article', async ({ page, visit }) => {
    const button = '.share-actions__forward'
    await recordPositions(page, button)
    await visit(`/pages/detail/index?id=${encodeURIComponent(article.id)}`)
    const positions = await positionsAfterSettling(page, button)
    expect(positions).toHaveLength(1)
  }),
)

test(
  'home does not move after it appears: the first article card stays put',
  journey('stable-home', async ({ page, visit }) => {
    const card = '.article-card'
    await recordPositions(page, card)
    await visit()
    const positions = await positionsAfterSettling(page, card)
    expect(positions).toHaveLength(1)
  }),
)

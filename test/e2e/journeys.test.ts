// What a reader does in the H5 build, in headless Chromium at phone size against dist/h5 served
// on 127.0.0.1: narrow the list, search, read, follow a recommendation, go home, and open shared
// links (good and bad). Every journey also fails on page errors, console errors and any request
// leaving 127.0.0.1 (support/h5.ts). Cases come from the packaged data, not from memory.
import type { Locator, Page } from 'playwright-core'
import type { Article, ArticleDataset } from '../../src/core/article'
import { LIST_PAGE_SIZE } from '../../src/core/filters'
import datasetJson from '../../src/data/articles.json'
import { useH5 } from './support/h5'
import { publicPath } from '../../src/core/routes'

jest.setTimeout(60_000)

const { articles, disclaimers } = datasetJson as unknown as ArticleDataset
const journey = useH5()

const detailRoute = (id: string) => `/pages/detail/index?id=${encodeURIComponent(id)}`
const fullArticle = articles.find((a) => a.fullText && a.related.length > 0) as Article

// Taro keeps the previous page in the DOM (hidden) during and after a page switch: act only on
// what is on screen.
const shown = (locator: Locator) => locator.filter({ visible: true }).first()
const text = (page: Page, value: string | RegExp) => shown(page.getByText(value, { exact: true }))

/** Polls until `read` returns `expected` (page switches animate for ~600 ms), else fails with the last value. */
async function eventually<T>(read: () => Promise<T>, expected: T, what: string, timeoutMs = 10_000) {
  const start = Date.now()
  let last: T = await read()
  while (last !== expected && Date.now() - start < timeoutMs) {
    await new Promise((resolve) => setTimeout(resolve, 50))
    last = await read()
  }
  if (last !== expected) throw new Error(`${what}: expected ${String(expected)}, got ${String(last)} after ${timeoutMs} ms`)
}

/** `共 N 篇`, and the first page of those cards (home adds the rest while scrolling). */
async function expectCount(page: Page, expected: number) {
  await text(page, `共 ${expected} 篇`).waitFor()
  const visibleCards = () => page.locator('.article-card').filter({ visible: true }).count()
  await eventually(visibleCards, Math.min(expected, LIST_PAGE_SIZE), 'article cards on screen')
}

async function expectArticleShown(page: Page, article: Article) {
  await text(page, article.title).waitFor()
  expect(page.url()).toContain(publicPath(detailRoute(article.id)))
}

/** The shortest start of `article`'s title (≥ 4 characters) that no other title contains. */
function distinctiveQuery(article: Article): string {
  for (let length = 4; length <= article.title.length; length++) {
    const query = article.title.slice(0, length)
    if (articles.every((other) => other.id === article.id || !other.title.includes(query))) return query
  }
  return article.title
}

test(
  'choosing a region tab and a topic tab narrows the list',
  journey('filter-region-topic', async ({ page, visit }) => {
    await visit()
    await expectCount(page, articles.length)

    const region = fullArticle.region ?? articles.find((a) => a.region)!.region!
    const inProvince = articles.filter((a) => a.region?.province === region.province)
    await shown(page.locator('[data-tabs=region]').getByText(region.province, { exact: true })).click()
    await expectCount(page, inProvince.length)

    const topic = inProvince[0].topics[0]
    const both = inProvince.filter((a) => a.topics.includes(topic))
    await shown(page.locator('[data-tabs=topic]').getByText(topic, { exact: true })).click()
    await expectCount(page, both.length)
    expect(both.length).toBeLessThan(articles.length)
    for (const article of both) await text(page, article.title).waitFor()
    const elsewhere = articles.find((a) => a.region?.province !== region.province)!
    expect(await page.getByText(elsewhere.title, { exact: true }).filter({ visible: true }).count()).toBe(0)
  }),
)

test(
  'the chosen tab survives reading an article and going back',
  journey('back-keeps-tabs', async ({ page, visit }) => {
    await visit()
    await expectCount(page, articles.length)
    const province = fullArticle.region?.province ?? articles.find((a) => a.region)!.region!.province
    const inProvince = articles.filter((a) => a.region?.province === province)
    await shown(page.locator('[data-tabs=region]').getByText(province, { exact: true })).click()
    await expectCount(page, inProvince.length)

    await text(page, inProvince[0].title).click()
    await expectArticleShown(page, inProvince[0])
    // Back once the article has replaced the list on screen: going back in the middle of the
    // page switch is navigation-race.test.ts's business, not this journey's.
    await page.getByText(`共 ${inProvince.length} 篇`, { exact: true }).first().waitFor({ state: 'hidden' })
    await page.goBack()
    await expectCount(page, inProvince.length)
    expect(new URL(page.url()).pathname).toBe('/')
  }),
)

test(
  'searching by typing and opening the top result',
  journey('search-open-top-result', async ({ page, visit }) => {
    await visit()
    await text(page, '搜索医保、医院、疾病').click()
    const input = shown(page.locator('input'))
    await input.waitFor()
    const query = distinctiveQuery(fullArticle)
    await input.pressSequentially(query)
    await shown(page.getByText(/^找到 \d+ 篇相关文章$/)).waitFor()
    const top = shown(page.locator('.article-card'))
    expect(await top.getAttribute('data-article-id')).toBe(fullArticle.id)
    await top.click()
    await expectArticleShown(page, fullArticle)
  }),
)

test(
  '我的 opens from home at its own address and back returns home',
  journey('home-mine', async ({ page, visit }) => {
    await visit()
    await shown(page.locator('.home__mine')).click()
    await shown(page.locator('.mine-about')).waitFor()
    expect(new URL(page.url()).pathname).toBe('/mine/')
    await page.goBack()
    await shown(page.locator('.article-card')).waitFor()
    expect(new URL(page.url()).pathname).toBe('/')
  }),
)

test(
  'an article shows both disclaimers, a related article opens, and 首页 goes home',
  journey('detail-related-home', async ({ page, visit }) => {
    await visit()
    await text(page, fullArticle.title).click()
    await expectArticleShown(page, fullArticle)
    await text(page, disclaimers.medical).waitFor()
    await text(page, disclaimers.sourceNotice).waitFor()

    await text(page, '相关推荐').waitFor()
    const related = articles.find((a) => a.id === fullArticle.related[0])!
    await shown(page.locator(`.article-card[data-article-id="${related.id}"]`)).click()
    await expectArticleShown(page, related)
    await text(page, disclaimers.medical).waitFor()

    await text(page, '首页').click()
    await expectCount(page, articles.length)
    expect(new URL(page.url()).pathname).toBe('/')
  }),
)

test(
  'a shared detail link opens the article directly, with a way home',
  journey('shared-link', async ({ page, visit }) => {
    await visit(detailRoute(fullArticle.id))
    await expectArticleShown(page, fullArticle)
    await text(page, disclaimers.medical).waitFor()
    await text(page, disclaimers.sourceNotice).waitFor()
    await text(page, '返回首页').click()
    await expectCount(page, articles.length)
  }),
)

test.each([
  ['an unknown id', 'no-such-article'],
  ['a garbled id', '%E4%B8%'],
  ['an empty id', ''],
])('a detail link with %s says 没有找到这篇文章 and leads home', (name, id) =>
  journey(`bad-link-${name}`, async ({ page, visit }) => {
    await visit(`/pages/detail/index?id=${id}`)
    await text(page, '没有找到这篇文章').waitFor()
    await text(page, '返回首页').click()
    await expectCount(page, articles.length)
  })(),
)

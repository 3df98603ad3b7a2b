// The compiled weapp pages rendered by miniprogram-simulate (WeChat's component test tool) with
// Taro's real runtime: what a reader sees on home, search, an article and not-found, read from
// the DOM simulate builds out of the compiled WXML. Taps go through WeChat's event system to the
// handlers the templates bind; where a tap navigates, the test opens where it leads (follow) and
// checks that page, and what WeChat's 转发 gets from the article page.
import type { Article, ArticleDataset } from '../../src/core/article'
import { LIST_PAGE_SIZE, newestFirst } from '../../src/core/filters'
import datasetJson from '../../src/data/articles.json'
import { launchSimulated, type SimulatedPage, type SimulatedProgram } from './support/simulate'

jest.setTimeout(60_000)

const dataset = datasetJson as unknown as ArticleDataset
const { articles, disclaimers } = dataset
// An article with a full body and related articles, and one that is only an excerpt.
const fullArticle = articles.find((a) => a.fullText && a.related.length > 0) as Article
const excerptArticle = articles.find((a) => !a.fullText) as Article
/** Home's order, newest first; it draws them a page (LIST_PAGE_SIZE) at a time. */
const listed = newestFirst(articles)
const PAGE_SIZE = LIST_PAGE_SIZE
const HOME = 'pages/index/index'
const DETAIL = 'pages/detail/index'
const SEARCH = 'pages/search/index'

// A fresh program (storage, module cache, pages) for each test: the filters a test chooses are
// stored for the next visit, as on a phone.
let program: SimulatedProgram
const started = Date.now()
let tests = 0

beforeEach(() => {
  program = launchSimulated()
  tests++
})
afterEach(() => {
  program.stack().forEach((page) => page.unload())
  program.close()
  // A missing template leaves part of a page blank on a phone; an app error is a bug. simulate
  // has no canvas, so drawing the article's share card (ahead of time, and for 转发) fails and
  // says so (core/report.ts); those reports are expected here (canvas paths: share.test.ts).
  const noCanvas = /^\[health-news\] recovered: drawing (a|the) share image .*failed/
  expect(program.warnings.filter((w) => !noCanvas.test(w))).toEqual([])
  expect(program.errors).toEqual([])
  expect(program.wx.networkRequests).toEqual([])
})
afterAll(() => {
  console.log(`miniprogram-simulate: ${tests} tests of the compiled pages in ${Date.now() - started} ms`)
})

const countOf = (page: SimulatedPage) => {
  const match = /共 (\d+) 篇/.exec(page.text())
  if (!match) throw new Error(`no "共 N 篇" on ${page.route}:\n${page.text()}`)
  return Number(match[1])
}

const showsArticle = (page: SimulatedPage, article: Article) => {
  expect(page.route).toBe(DETAIL)
  expect(page.texts()).toContain(article.title)
  return true
}

/** Scrolls home to the end: WeChat calls the page's onReachBottom near the bottom. */
async function scrollToEnd(home: SimulatedPage): Promise<void> {
  // The first screen draws a few cards, then the rest of the first page; the reader scrolls after.
  await home.waitFor((p) => p.texts().includes(listed[Math.min(listed.length, PAGE_SIZE) - 1].title))
  for (let round = 0; round < 10 && !home.texts().includes('没有更多了'); round++) {
    home.instance.onReachBottom()
    await home.waitFor((p) => p.texts().includes(listed[Math.min(listed.length, PAGE_SIZE * (round + 2)) - 1].title))
  }
  await home.waitFor((p) => p.texts().includes('没有更多了'))
}

test('app.js boots and every page in app.json registers and loads', async () => {
  for (const route of [HOME, SEARCH, DETAIL]) {
    const page = await program.open(`/${route}`)
    expect(page.route).toBe(route)
    await page.waitFor((p) => p.texts().length > 0)
  }
})

test('home lists a first page with the count and both notices, the rest near the bottom; a region tab narrows it', async () => {
  const home = await program.open(`/${HOME}`)
  const firstPage = listed.slice(0, PAGE_SIZE)
  await home.waitFor((p) => p.texts().includes(firstPage[firstPage.length - 1].title))
  const texts = home.texts()
  for (const article of firstPage) expect(texts).toContain(article.title)
  expect(texts).not.toContain(listed[listed.length - 1].title)
  expect(texts).toContain('加载中…')
  expect(countOf(home)).toBe(articles.length)
  expect(texts).toContain(disclaimers.medical)
  expect(texts).toContain(disclaimers.sourceNotice)
  await scrollToEnd(home)
  for (const article of articles) expect(home.texts()).toContain(article.title)

  const province = articles.find((a) => a.region)!.region!.province
  const inProvince = articles.filter((a) => a.region?.province === province)
  await home.tap(new RegExp(`^${province}$`))
  await home.waitFor((p) => countOf(p) === inProvince.length)
  expect(home.texts()).not.toContain(articles.find((a) => a.region?.province !== province)!.title)
})

test('a region tab and a topic tab narrow the home list', async () => {
  const home = await program.open(`/${HOME}`)
  await home.waitFor((p) => countOf(p) === articles.length)
  const province = fullArticle.region?.province ?? (articles.find((a) => a.region)!.region!.province as string)
  const inProvince = articles.filter((a) => a.region?.province === province)

  await home.tap(new RegExp(`^${province}$`))
  await home.waitFor((p) => countOf(p) === inProvince.length)
  expect(home.texts()).toContain(inProvince[0].title)

  const topic = inProvince[0].topics[0]
  await home.tap(new RegExp(`^${topic}$`))
  const both = inProvince.filter((a) => a.topics.includes(topic))
  await home.waitFor((p) => countOf(p) === both.length)
  const outside = articles.find((a) => a.region?.province !== province)!
  expect(home.texts()).not.toContain(outside.title)
})

test('更多地区 opens every province; choosing a city there narrows the home list', async () => {
  const home = await program.open(`/${HOME}`)
  await home.waitFor((p) => countOf(p) === articles.length)
  const { provinces } = dataset
  const withCity = provinces.find((p) => p.cities.length > 0)!
  const city = withCity.cities[withCity.cities.length - 1]
  await home.tap(/^更多地区$/)
  await home.waitFor((p) => p.texts().includes('选择地区'))
  for (const p of provinces) expect(home.texts()).toContain(p.province)
  await home.tap(new RegExp(`^${withCity.province}$`))
  await home.waitFor((p) => p.texts().includes(`全${withCity.province}`))
  await home.tap(new RegExp(`^${city}$`))
  const inCity = articles.filter((a) => a.region?.province === withCity.province && a.region.city === city)
  await home.waitFor((p) => countOf(p) === inCity.length)
  expect(home.texts()).not.toContain('选择地区')
  for (const article of inCity) expect(home.texts()).toContain(article.title)
})

test('the chosen tabs survive reading an article and going back', async () => {
  const home = await program.open(`/${HOME}`)
  await home.waitFor((p) => countOf(p) === articles.length)
  const province = fullArticle.region?.province ?? (articles.find((a) => a.region)!.region!.province as string)
  const inProvince = articles.filter((a) => a.region?.province === province)
  await home.tap(new RegExp(`^${province}$`))
  await home.waitFor((p) => countOf(p) === inProvince.length)

  await home.tap(inProvince[0].title)
  const detail = await program.follow()
  expect(detail.route).toBe(DETAIL)
  const back = await program.back()
  expect(back.route).toBe(HOME)
  await back.waitFor((p) => countOf(p) === inProvince.length)
})

test('tapping an article on home opens its detail page', async () => {
  const home = await program.open(`/${HOME}`)
  await home.waitFor((p) => countOf(p) === articles.length)
  await scrollToEnd(home)
  await home.tap(fullArticle.title)
  expect(program.navigations.map((n) => n.api)).toEqual(['navigateTo'])
  const detail = await program.follow()
  expect(decodeURIComponent(detail.query.id)).toBe(fullArticle.id)
  await detail.waitFor((p) => showsArticle(p, fullArticle))
  expect(program.stack().map((p) => p.route)).toEqual([HOME, DETAIL])
})

test('search opened with a query shows its results, and typing searches again', async () => {
  const search = await program.open(`/${SEARCH}?q=${encodeURIComponent('医保')}`)
  await search.waitFor((p) => /找到 \d+ 篇/.test(p.text()))
  const found = Number(/找到 (\d+) 篇/.exec(search.text())![1])
  expect(found).toBeGreaterThan(0)
  // Titles are drawn with the matched words highlighted, i.e. in several text pieces; the cards
  // may follow the count by a render.
  const shownTitles = () => articles.filter((a) => search.root.textContent!.includes(a.title))
  await search.waitFor(() => shownTitles().length === found)
  const shown = shownTitles()
  expect(shown.every((a) => `${a.title}${a.summary}`.includes('医保') || (a.topics as string[]).includes('医保政策'))).toBe(true)

  await search.input(fullArticle.title)
  await search.waitFor((p) => p.root.textContent!.includes(fullArticle.title) && /找到 \d+ 篇/.test(p.text()))
  await search.tap(fullArticle.title)
  const detail = await program.follow()
  await detail.waitFor((p) => showsArticle(p, fullArticle))
})

test('search finds an article by typing and opens it', async () => {
  const search = await program.open(`/${SEARCH}`)
  await search.waitFor((p) => p.texts().includes('大家都在搜'))
  await search.input(fullArticle.title)
  await search.waitFor((p) => /找到 \d+ 篇/.test(p.text()))
  await search.tap(fullArticle.title)
  const detail = await program.follow()
  await detail.waitFor((p) => showsArticle(p, fullArticle))
})

test('an article shows its title, date, body and both disclaimers; 相关推荐 leads to the related one', async () => {
  const detail = await program.open(`/${DETAIL}?id=${encodeURIComponent(fullArticle.id)}`)
  await detail.waitFor((p) => showsArticle(p, fullArticle))
  const texts = detail.texts()
  expect(texts).toContain(fullArticle.date)
  expect(texts).toContain(disclaimers.medical)
  expect(texts).toContain(disclaimers.sourceNotice)
  // The body is shown block by block, not as one wall of text.
  for (const block of fullArticle.body!.slice(0, 3)) expect(detail.text()).toContain(block.text)
  // The body came from its shard in a data subpackage, through require.async.
  expect(program.asyncRequires.some((file) => /^data-\d+\/articles-\d{3}\.js$/.test(file))).toBe(true)

  expect(detail.texts()).toContain('相关推荐')
  const related = articles.find((a) => a.id === fullArticle.related[0])!
  await detail.tap(related.title)
  const next = await program.follow()
  await next.waitFor((p) => showsArticle(p, related) && p.texts().includes(related.date))
  expect(program.stack()).toHaveLength(2)
})

test('an excerpt-only article says only an excerpt is available', async () => {
  const detail = await program.open(`/${DETAIL}?id=${encodeURIComponent(excerptArticle.id)}`)
  await detail.waitFor((p) => showsArticle(p, excerptArticle))
  expect(detail.text()).toContain(excerptArticle.summary)
  expect(detail.text()).toMatch(/摘要/)
  expect(detail.texts()).toContain(disclaimers.medical)
})

test.each([
  ['an unknown id', 'no-such-article'],
  ['an empty id', ''],
  ['a garbled id', '%E4%B8%'],
  ['a prototype key', '__proto__'],
])('%s shows 没有找到这篇文章, and 返回首页 leads home', async (_case, id) => {
  const page = await program.open(`/${DETAIL}?id=${id}`)
  await page.waitFor((p) => p.texts().includes('没有找到这篇文章'))
  await page.tap('返回首页')
  const home = await program.follow()
  expect(home.route).toBe(HOME)
  await home.waitFor((p) => p.texts().includes(listed[0].title))
})

test('detail offers 转发 with the article title and a path that opens it', async () => {
  const detail = await program.open(`/${DETAIL}?id=${encodeURIComponent(fullArticle.id)}`)
  await detail.waitFor((p) => showsArticle(p, fullArticle))
  const share = detail.shareAppMessage() as { title: string; path: string }
  expect(share).toBeDefined()
  expect(share.title).toContain(fullArticle.title)
  expect(share.path.startsWith(`/${DETAIL}?id=${encodeURIComponent(fullArticle.id)}`)).toBe(true)

  // The friend who opens the shared card lands on the same article, with a way home.
  detail.unload()
  const opened = await program.open(share.path)
  await opened.waitFor((p) => showsArticle(p, fullArticle))
  expect(program.stack().map((p) => p.route)).toEqual([DETAIL])
  await opened.tap('首页')
  const home = await program.follow()
  expect(home.route).toBe(HOME)
})

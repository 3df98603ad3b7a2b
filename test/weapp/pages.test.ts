// The compiled weapp pages, run in Node with a stand-in WeChat runtime (support/mini-program.ts)
// and drawn through WeChat's compiled WXML: what a reader sees on each page, what a tap does,
// and what WeChat's 转发 gets from the article page.
import type { Article, ArticleDataset } from '../../src/core/article'
import { LIST_PAGE_SIZE, newestFirst } from '../../src/core/filters'
import datasetJson from '../../src/data/articles.json'
import { launchMiniProgram, type MiniProgram, type MiniProgramPage } from './support/mini-program'

const dataset = datasetJson as unknown as ArticleDataset
const { articles, disclaimers } = dataset
const HOME = 'pages/index/index'
const DETAIL = 'pages/detail/index'
const SEARCH = 'pages/search/index'

// An article with a full body and related articles, and one that is only an excerpt.
const fullArticle = articles.find((a) => a.fullText && a.related.length > 0) as Article
const excerptArticle = articles.find((a) => !a.fullText) as Article

let program: MiniProgram
beforeEach(() => {
  program = launchMiniProgram()
})
afterEach(() => program.closeAndCheck())

const countOf = (page: MiniProgramPage) => {
  const match = page.text().match(/共 (\d+) 篇/)
  if (!match) throw new Error(`no "共 N 篇" on ${page.route}:\n${page.text()}`)
  return Number(match[1])
}

const showsArticle = (page: MiniProgramPage, article: Article) => {
  expect(page.route).toBe(DETAIL)
  expect(page.texts()).toContain(article.title)
  return true
}

test('app.js boots and every page in app.json registers and loads', async () => {
  expect(program.app).toBeDefined()
  for (const route of [HOME, SEARCH, DETAIL]) {
    const page = await program.open(`/${route}`)
    expect(page.route).toBe(route)
    await page.waitFor((p) => p.texts().length > 0)
  }
})

test('home lists a first page of articles with the count and both notices, and the rest near the bottom', async () => {
  const listed = newestFirst(articles)
  const firstPage = listed.slice(0, LIST_PAGE_SIZE)
  const home = await program.open(`/${HOME}`)
  await home.waitFor((p) => p.texts().includes(firstPage[firstPage.length - 1].title))
  const texts = home.texts()
  for (const article of firstPage) expect(texts).toContain(article.title)
  expect(texts).not.toContain(listed[listed.length - 1].title)
  expect(texts).toContain('加载中…')
  expect(countOf(home)).toBe(articles.length)
  expect(texts).toContain(disclaimers.medical)
  expect(texts).toContain(disclaimers.sourceNotice)

  // WeChat calls the page's onReachBottom as the reader scrolls near the end.
  for (let round = 0; round < 5 && !home.texts().includes('没有更多了'); round++) {
    program.guard(() => home.instance.onReachBottom())
    await home.waitFor((p) => p.texts().includes(listed[Math.min(listed.length, LIST_PAGE_SIZE * (round + 2)) - 1].title))
  }
  await home.waitFor((p) => p.texts().includes('没有更多了'))
  for (const article of articles) expect(home.texts()).toContain(article.title)
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
  await program.waitFor(() => program.currentPage().route === DETAIL)
  const back = await program.back()
  expect(back.route).toBe(HOME)
  await back.waitFor((p) => countOf(p) === inProvince.length)
})

test('tapping an article on home opens its detail page', async () => {
  const home = await program.open(`/${HOME}`)
  await home.waitFor((p) => p.texts().includes(fullArticle.title))
  await home.tap(fullArticle.title)
  await program.waitFor(() => program.currentPage().route === DETAIL)
  const detail = program.currentPage()
  expect(decodeURIComponent(detail.query.id)).toBe(fullArticle.id)
  await detail.waitFor((p) => showsArticle(p, fullArticle))
  expect(program.pageStack()).toEqual([HOME, DETAIL])
})

test('detail shows the article, its date and both disclaimers', async () => {
  const detail = await program.open(`/${DETAIL}?id=${encodeURIComponent(fullArticle.id)}`)
  await detail.waitFor((p) => showsArticle(p, fullArticle))
  const texts = detail.texts()
  expect(texts).toContain(fullArticle.date)
  expect(texts).toContain(disclaimers.medical)
  expect(texts).toContain(disclaimers.sourceNotice)
  // The body is shown block by block, not as one wall of text.
  for (const block of fullArticle.body!.slice(0, 3)) expect(detail.text()).toContain(block.text)
})

test('an excerpt-only article says only an excerpt is available', async () => {
  const detail = await program.open(`/${DETAIL}?id=${encodeURIComponent(excerptArticle.id)}`)
  await detail.waitFor((p) => showsArticle(p, excerptArticle))
  expect(detail.text()).toContain(excerptArticle.summary)
  expect(detail.text()).toMatch(/摘要/)
  expect(detail.texts()).toContain(disclaimers.medical)
})

test('相关推荐 on detail opens the related article', async () => {
  const detail = await program.open(`/${DETAIL}?id=${encodeURIComponent(fullArticle.id)}`)
  await detail.waitFor((p) => showsArticle(p, fullArticle))
  expect(detail.texts()).toContain('相关推荐')
  const related = articles.find((a) => a.id === fullArticle.related[0])!
  await detail.tap(related.title)
  await program.waitFor(() => program.pageStack().length === 2)
  await program.currentPage().waitFor((p) => showsArticle(p, related))
})

test.each([
  ['an unknown id', 'no-such-article'],
  ['an empty id', ''],
  ['a garbled id', '%E4%B8%'],
  ['a prototype key', '__proto__'],
])('%s shows 没有找到这篇文章 with a way home', async (_case, id) => {
  const page = await program.open(`/${DETAIL}?id=${id}`)
  await page.waitFor((p) => p.texts().includes('没有找到这篇文章'))
  await page.tap('返回首页')
  await program.waitFor(() => program.currentPage().route === HOME)
  await program.currentPage().waitFor((p) => p.texts().includes(articles[0].title))
})

test('detail offers 转发 with the article title and a path that opens it', async () => {
  const detail = await program.open(`/${DETAIL}?id=${encodeURIComponent(fullArticle.id)}`)
  await detail.waitFor((p) => showsArticle(p, fullArticle))
  const share = (await detail.shareAppMessage()) as { title: string; path: string }
  expect(share).toBeDefined()
  expect(share.title).toContain(fullArticle.title)
  expect(share.path.startsWith(`/${DETAIL}?id=${encodeURIComponent(fullArticle.id)}`)).toBe(true)

  // The friend who opens the shared card lands on the same article, with a way home.
  const opened = await program.open(share.path)
  await opened.waitFor((p) => showsArticle(p, fullArticle))
  expect(program.pageStack()).toEqual([DETAIL])
  await opened.tap('首页')
  await program.waitFor(() => program.currentPage().route === HOME)
})

test('search finds an article by typing and opens it', async () => {
  const search = await program.open(`/${SEARCH}`)
  await search.waitFor((p) => p.texts().includes('大家都在搜'))
  await search.input(fullArticle.title)
  await search.waitFor((p) => /找到 \d+ 篇/.test(p.text()))
  await search.tap(fullArticle.title)
  await program.waitFor(() => program.currentPage().route === DETAIL)
  await program.currentPage().waitFor((p) => showsArticle(p, fullArticle))
})

// Text size and single-page mode in the compiled weapp, rendered by miniprogram-simulate with
// Taro's runtime: the text scale follows WeChat's font setting, 收藏 survives a relaunch, and
// Moments' single-page mode shows the notice once and nothing that navigates.
// (What the screen reader gets, roles and names: aria.test.ts.)
import type { Article, ArticleDataset } from '../../src/core/article'
import datasetJson from '../../src/data/articles.json'
import { openArticlePage, useOneProgram, type SimulatedPage, type SimulatedProgram } from './support/simulate'

jest.setTimeout(60_000)

const { articles, disclaimers } = datasetJson as unknown as ArticleDataset
const DETAIL = 'pages/detail/index'
const MINE = 'pages/mine/index'
const article = articles.find((a) => a.fullText && a.related.length > 0) as Article

// One program at a time; a relaunch closes the one before (its storage can be carried over).
const { launch } = useOneProgram()
const openArticle = (p: SimulatedProgram, query?: string): Promise<SimulatedPage> => openArticlePage(p, article, query)

const rootPx = (page: SimulatedPage) => {
  const match = page.rootStyle().match(/--hn-fs:\s*([\d.]+)px/)
  if (!match) throw new Error(`no --hn-fs on the page root; style was "${page.rootStyle()}"`)
  return Number(match[1])
}

test("the text scale follows WeChat's font setting", async () => {
  const standard = rootPx(await openArticle(launch()))
  const larger = rootPx(await openArticle(launch({ system: { fontSizeSetting: 24 } })))
  console.log(`weapp root text size: ${standard} px at fontSizeSetting 16, ${larger} px at 24`)
  expect(standard).toBe(16)
  expect(larger).toBe(24)
})

test('A+ enlarges the text and the step is kept', async () => {
  const page = await openArticle(launch())
  await page.tap('A+')
  await page.waitFor((p) => p.texts().includes('大'))
  expect(rootPx(page)).toBeCloseTo(16 * 1.3, 1)
})

test('收藏 survives an app relaunch and shows on 我的, newest first', async () => {
  const first = launch()
  const page = await openArticle(first)
  await page.tap(/^收藏$/)
  await page.waitFor((p) => p.texts().includes('已收藏'))
  const storage = Object.fromEntries(first.wx.storage)

  const again = launch({ storage })
  const mine = await again.open(`/${MINE}`)
  await mine.waitFor((p) => p.texts().includes(article.title))
  const texts = mine.texts()
  expect(texts).toContain('收藏（1）')
  // Opening the article also put it into 最近浏览.
  expect(texts).toContain('最近浏览（1）')
  const reopened = await openArticle(again)
  expect(reopened.texts()).toContain('已收藏')
})

test('an article no longer in the data shows as 已下线 on 我的 and can be removed', async () => {
  const entry = { id: 'gone000001', title: '一篇已经下线的文章', date: '2025-01-02', at: 1 }
  const p = launch({ storage: { 'health-news/app-state/favorites': JSON.stringify({ version: 1, entries: [entry] }) } })
  const mine = await p.open(`/${MINE}`)
  await mine.waitFor((pg) => pg.texts().includes('已下线'))
  await mine.tap(/^删除$/)
  await mine.waitFor((pg) => !pg.texts().includes('已下线'))
  expect(mine.texts()).toContain('收藏（0）')
})

/** Taps every element that shows text; returns how many of them handle a tap. */
async function tapEverything(page: SimulatedPage, texts: string[]): Promise<number> {
  let tappable = 0
  for (const text of texts) {
    const target = page.findByText(text)
    if (page.accessibleNodes().some((n) => n.tappable && n.element.contains(target))) tappable++
    await page.tapElement(target)
  }
  return tappable
}

test('Moments single-page mode: one notice, the whole article, nothing that navigates', async () => {
  const moments = { path: DETAIL, scene: 1154, query: {}, referrerInfo: {} }
  const p = launch({ wx: { getEnterOptionsSync: () => moments, getLaunchOptionsSync: () => moments } })
  const page = await openArticle(p, `id=${encodeURIComponent(article.id)}&from=timeline`)
  const texts = page.texts()
  const all = texts.join('\n')

  expect(texts.filter((t) => t === '正在朋友圈里预览这篇文章')).toHaveLength(1)
  expect(texts.filter((t) => t.includes('前往小程序'))).toHaveLength(1)
  // The whole article, its date, its source and both disclaimers.
  for (const block of article.body!) expect(all).toContain(block.text)
  expect(texts).toContain(article.date)
  expect(all).toContain(article.source)
  expect(texts).toContain(disclaimers.medical)
  expect(texts).toContain(disclaimers.sourceNotice)
  // Region and topics stay as plain labels; related cards, 首页, 收藏 and sharing are gone.
  for (const topic of article.topics) expect(texts).toContain(topic)
  for (const id of article.related) expect(texts).not.toContain(articles.find((a) => a.id === id)!.title)
  for (const gone of ['首页', '返回首页', '收藏', '已收藏', '相关推荐', '转发给家人', '生成分享图', '打开首页看更多健康资讯']) expect(texts).not.toContain(gone)

  // Tap everything that shows text: nothing may try to navigate.
  const shown = [...new Set(texts)]
  const tapped = await tapEverything(page, shown)
  console.log(`Moments single-page mode: ${shown.length} texts shown, ${tapped} tappable, ${p.navigations.length} navigations`)
  expect(p.navigations).toEqual([])
  // History is not recorded in single-page mode (its storage is separate and thrown away).
  expect([...p.wx.storage.keys()].filter((key) => key.endsWith('/history') && String(p.wx.storage.get(key)).includes(article.id))).toEqual([])
})

test('Moments single-page mode on a shared list: one notice, the cards as text, nothing that navigates', async () => {
  const moments = { path: 'pages/index/index', scene: 1154, query: {}, referrerInfo: {} }
  const p = launch({ wx: { getEnterOptionsSync: () => moments, getLaunchOptionsSync: () => moments } })
  const home = await p.open('/pages/index/index?from=timeline')
  const newest = [...articles].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0))[0]
  await home.waitFor((pg) => pg.texts().includes(newest.title))
  const texts = home.texts()
  expect(texts.filter((t) => t === '正在朋友圈里预览这份文章列表')).toHaveLength(1)
  for (const gone of ['我的 · 字号', '搜索医保、医院、疾病']) expect(texts).not.toContain(gone)

  // Tap every card: none may try to open its article.
  const titles = new Set(articles.map((a) => a.title))
  const cards = texts.filter((t) => titles.has(t))
  expect(cards.length).toBeGreaterThan(0)
  await tapEverything(home, cards)
  expect(p.navigations).toEqual([])
  expect(home.route).toBe('pages/index/index')
})

test('大字分享: the shared step opens the article at that size; the reader keeps it only by choice', async () => {
  const p = launch()
  const page = await openArticle(p, `id=${encodeURIComponent(article.id)}&from=share&size=3`)
  expect(rootPx(page)).toBeCloseTo(16 * 1.75, 1)
  expect(page.text()).toContain('「超大」字号')
  // Not saved yet: another article opens at the reader's own step.
  const other = articles.find((a) => a.id === article.related[0])!
  await page.tap(other.title)
  const next = await p.follow()
  await next.waitFor((pg) => pg.texts().includes(other.title))
  expect(rootPx(next)).toBe(16)
  await p.back()
  await page.tap('以后都用这个字号')
  await page.waitFor((pg) => !pg.text().includes('「超大」字号'))
  const mine = await p.open(`/${MINE}`)
  await mine.waitFor((pg) => pg.texts().includes('超大'))
  expect(rootPx(mine)).toBeCloseTo(28, 1)
})

test('大字分享: the forwarded card and the Moments query carry the chosen step', async () => {
  const page = await openArticle(launch())
  await page.tap(/^特大$/)
  const message = page.shareAppMessage() as { path: string }
  expect(message.path).toBe(`/${DETAIL}?id=${encodeURIComponent(article.id)}&from=share&size=2`)
  expect((page.shareTimeline() as { query: string }).query).toBe(`id=${encodeURIComponent(article.id)}&from=timeline&size=2`)
  await page.tap(/^不指定$/)
  expect((page.shareAppMessage() as { path: string }).path).toBe(`/${DETAIL}?id=${encodeURIComponent(article.id)}&from=share`)
})

test('an old article says so under its date', async () => {
  const page = await openArticle(launch())
  // The data is from 2025-03; this runs after 2026-03.
  expect(page.text()).toContain(`本文发布于 ${article.date}，距今已超过`)
  expect(page.findByText('本文发布于').textContent).toContain('请以当地医保局最新公告为准')
})

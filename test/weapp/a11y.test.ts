// Issue 10 in the compiled weapp: the text scale follows WeChat's font setting, 收藏 survives a
// relaunch, and Moments' single-page mode shows the notice once and nothing that navigates.
import type { Article, ArticleDataset } from '../../src/core/article'
import datasetJson from '../../src/data/articles.json'
import type { WxmlNode } from './support/wechat-compilers'
import { launchMiniProgram, textOf, type MiniProgram, type MiniProgramPage } from './support/mini-program'

const { articles, disclaimers } = datasetJson as unknown as ArticleDataset
const DETAIL = 'pages/detail/index'
const MINE = 'pages/mine/index'
const article = articles.find((a) => a.fullText && a.related.length > 0) as Article
const NAVIGATION = ['navigateTo', 'redirectTo', 'reLaunch', 'navigateBack', 'switchTab']

let program: MiniProgram | undefined
afterEach(() => {
  program?.closeAndCheck()
  program = undefined
})

const openArticle = (p: MiniProgram, query?: string): Promise<MiniProgramPage> => p.openArticle(article, query)

/** The page root's inline style as WeChat's view layer gets it. */
function rootStyle(page: MiniProgramPage): string {
  let found = ''
  const walk = (node: WxmlNode | string) => {
    if (found || typeof node === 'string') return
    const cls = String(node.attr?.class ?? '')
    if (/(^|\s)hn-page(\s|$)/.test(cls)) {
      found = String(node.attr?.style ?? '')
      return
    }
    node.children?.forEach(walk)
  }
  walk(page.view().root)
  return found
}

const rootPx = (page: MiniProgramPage) => {
  const match = rootStyle(page).match(/--hn-fs:\s*([\d.]+)px/)
  if (!match) throw new Error(`no --hn-fs on the page root; style was "${rootStyle(page)}"`)
  return Number(match[1])
}

test("the text scale follows WeChat's font setting", async () => {
  program = launchMiniProgram()
  const standard = rootPx(await openArticle(program))
  program.close()
  program = launchMiniProgram({ system: { fontSizeSetting: 24 } })
  const larger = rootPx(await openArticle(program))
  console.log(`weapp root text size: ${standard} px at fontSizeSetting 16, ${larger} px at 24`)
  expect(standard).toBe(16)
  expect(larger).toBe(24)
})

test('A+ enlarges the text and the step is kept', async () => {
  program = launchMiniProgram()
  const page = await openArticle(program)
  await page.tap('A+')
  await page.waitFor((p) => p.texts().includes('大'))
  expect(rootPx(page)).toBeCloseTo(16 * 1.3, 1)
})

test('收藏 survives an app relaunch and shows on 我的, newest first', async () => {
  program = launchMiniProgram()
  const page = await openArticle(program)
  await page.tap(/^收藏$/)
  await page.waitFor((p) => p.texts().includes('已收藏'))
  const storage = Object.fromEntries(program.wx.storage)
  program.close()

  program = launchMiniProgram({ storage })
  const mine = await program.open(`/${MINE}`)
  await mine.waitFor((p) => p.texts().includes(article.title))
  const texts = mine.texts()
  expect(texts).toContain('收藏（1）')
  // Opening the article also put it into 最近浏览.
  expect(texts).toContain('最近浏览（1）')
  const again = await openArticle(program)
  expect(again.texts()).toContain('已收藏')
})

test('an article no longer in the data shows as 已下线 on 我的 and can be removed', async () => {
  const entry = { id: 'gone000001', title: '一篇已经下线的文章', date: '2025-01-02', at: 1 }
  program = launchMiniProgram({ storage: { 'health-news/app-state/favorites': JSON.stringify({ version: 1, entries: [entry] }) } })
  const mine = await program.open(`/${MINE}`)
  await mine.waitFor((p) => p.texts().includes('已下线'))
  await mine.tap(/^删除$/)
  await mine.waitFor((p) => !p.texts().includes('已下线'))
  expect(mine.texts()).toContain('收藏（0）')
})

test('Moments single-page mode: one notice, the whole article, nothing that navigates', async () => {
  const moments = { path: DETAIL, scene: 1154, query: {}, referrerInfo: {} }
  program = launchMiniProgram({ wx: { getEnterOptionsSync: () => moments, getLaunchOptionsSync: () => moments } })
  const page = await openArticle(program, `id=${encodeURIComponent(article.id)}&from=timeline`)
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
  const before = program.wx.calls.length
  const shown = [...new Set(texts)]
  let tapped = 0
  for (const text of shown) {
    const target = page.findByText(text)
    if (page.dispatch(target, 'tap', { x: 0, y: 0 })) tapped++
    await program.settle()
  }
  const navigations = program.wx.calls.slice(before).filter((call) => NAVIGATION.includes(call.api))
  console.log(`Moments single-page mode: ${shown.length} texts shown, ${tapped} tappable, ${navigations.length} navigations`)
  expect(navigations.map((call) => `${call.api} ${JSON.stringify(call.args[0])}`)).toEqual([])
  expect(page.route).toBe(DETAIL)
  // History is not recorded in single-page mode (its storage is separate and thrown away).
  expect([...program.wx.storage.keys()].filter((key) => key.endsWith('/history') && String(program!.wx.storage.get(key)).includes(article.id))).toEqual([])
})

test('Moments single-page mode on a shared list: one notice, the cards as text, nothing that navigates', async () => {
  const moments = { path: 'pages/index/index', scene: 1154, query: {}, referrerInfo: {} }
  program = launchMiniProgram({ wx: { getEnterOptionsSync: () => moments, getLaunchOptionsSync: () => moments } })
  const home = await program.open('/pages/index/index?from=timeline')
  const newest = [...articles].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0))[0]
  await home.waitFor((p) => p.texts().includes(newest.title))
  const texts = home.texts()
  expect(texts.filter((t) => t === '正在朋友圈里预览这份文章列表')).toHaveLength(1)
  for (const gone of ['我的 · 字号', '搜索医保、医院、疾病']) expect(texts).not.toContain(gone)

  // Tap every card: none may try to open its article.
  const titles = new Set(articles.map((a) => a.title))
  const cards = texts.filter((t) => titles.has(t))
  expect(cards.length).toBeGreaterThan(0)
  const before = program.wx.calls.length
  for (const title of cards) {
    home.dispatch(home.findByText(title), 'tap', { x: 0, y: 0 })
    await program.settle()
  }
  const navigations = program.wx.calls.slice(before).filter((call) => NAVIGATION.includes(call.api))
  expect(navigations.map((call) => `${call.api} ${JSON.stringify(call.args[0])}`)).toEqual([])
  expect(home.route).toBe('pages/index/index')
}, 30_000)

test('大字分享: the shared step opens the article at that size; the reader keeps it only by choice', async () => {
  program = launchMiniProgram()
  const page = await openArticle(program, `id=${encodeURIComponent(article.id)}&from=share&size=3`)
  expect(rootPx(page)).toBeCloseTo(16 * 1.75, 1)
  expect(page.text()).toContain('「超大」字号')
  // Not saved yet: another article opens at the reader's own step.
  const other = articles.find((a) => a.id === article.related[0])!
  await page.tap(other.title)
  const next = await program.waitFor(() => (program!.currentPage().texts().includes(other.title) ? program!.currentPage() : undefined))
  expect(rootPx(next!)).toBe(16)
  await program.back()
  await page.tap('以后都用这个字号')
  await page.waitFor((p) => !p.text().includes('「超大」字号'))
  const mine = await program.open(`/${MINE}`)
  await mine.waitFor((p) => p.texts().includes('超大'))
  expect(rootPx(mine)).toBeCloseTo(28, 1)
})

test('大字分享: the forwarded card and the Moments query carry the chosen step', async () => {
  program = launchMiniProgram()
  const page = await openArticle(program)
  await page.tap(/^特大$/)
  const message = page.shareAppMessage() as { path: string }
  expect(message.path).toBe(`/${DETAIL}?id=${encodeURIComponent(article.id)}&from=share&size=2`)
  expect((page.shareTimeline() as { query: string }).query).toBe(`id=${encodeURIComponent(article.id)}&from=timeline&size=2`)
  await page.tap(/^不指定$/)
  expect((page.shareAppMessage() as { path: string }).path).toBe(`/${DETAIL}?id=${encodeURIComponent(article.id)}&from=share`)
})

test('an old article says so under its date', async () => {
  program = launchMiniProgram()
  const page = await openArticle(program)
  // The data is from 2025-03; this runs after 2026-03.
  expect(page.text()).toContain(`本文发布于 ${article.date}，距今已超过`)
  expect(textOf(page.findByText('本文发布于').chain.at(-1)!)).toContain('请以当地医保局最新公告为准')
})

// Home at the size issue 9 asks for: 10,000 articles (the real ones' fields under every city of
// the gazetteer, test data only) in place of the packaged list. The page must draw one page of
// cards, never the library, and the region choice must reach every province and city.
import { act, fireEvent, render, screen, within } from '@testing-library/react'
import type { Article, ProvinceEntry } from '../../src/core/article'
import { listedTitles, resetStore } from './support'
import { taroTest } from '../stubs/taro'

jest.mock('../../src/data/index', () => {
  const actual = jest.requireActual('../../src/data/index')
  const { syntheticLibrary } = jest.requireActual('../support/synthetic-library')
  const { toListEntry, newestFirstOrder, LIST_HEAD_SIZE } = jest.requireActual('../../src/core/catalog')
  const library = syntheticLibrary(10_000)
  const list = library.articles.map(toListEntry).sort(newestFirstOrder)
  // The catalog the pipeline would write: counts per province and city.
  const provinces = library.provinces.map((p: ProvinceEntry) => {
    const inProvince = library.articles.filter((a: Article) => a.region?.province === p.province)
    const cityCounts: Record<string, number> = {}
    for (const a of inProvince) if (a.region?.city) cityCounts[a.region.city] = (cityCounts[a.region.city] ?? 0) + 1
    return { ...p, count: inProvince.length, cityCounts }
  })
  // As packaged: the newest entries at once, the rest of the list index after a fetch.
  let loaded = false
  return {
    ...actual,
    articleCount: list.length,
    provinces,
    firstArticles: list.slice(0, LIST_HEAD_SIZE),
    loadedArticleList: () => (loaded ? list : list.slice(0, LIST_HEAD_SIZE)),
    loadArticleList: () => {
      loaded = true
      return Promise.resolve(list)
    },
    syntheticArticles: library.articles,
  }
})

// Imported after the mock is registered (jest hoists jest.mock above these).
import HomePage from '../../src/pages/index/index'
import * as data from '../../src/data/index'
import { LIST_PAGE_SIZE } from '../../src/core/filters'

const articles = (data as unknown as { syntheticArticles: Article[] }).syntheticArticles
const provinces = data.provinces as ProvinceEntry[]

/** Renders home and waits until the whole list index has arrived. */
async function renderHome() {
  render(<HomePage />)
  await act(async () => {
    await data.loadArticleList()
  })
}

beforeEach(resetStore)

const cards = () => document.querySelectorAll('.article-card').length
const picker = () => within(screen.getByRole('dialog', { name: '选择地区' }))

test('the library really is 10,000 articles over every province and hundreds of cities', () => {
  expect(articles).toHaveLength(10_000)
  expect(provinces).toHaveLength(34)
  expect((provinces as ProvinceEntry[]).reduce((sum, p) => sum + p.cities.length, 0)).toBeGreaterThan(300)
})

// First in this file: the list index has not been fetched yet.
test('before the rest of the list index arrives, home shows the packaged newest entries, counts and 加载中…', async () => {
  render(<HomePage />)
  expect(screen.getByText('共 10000 篇')).toBeInTheDocument()
  expect(cards()).toBe(LIST_PAGE_SIZE)
  expect(screen.getByText('加载中…')).toBeInTheDocument()
  // The region row already has the catalog's counts.
  const all = within(document.querySelector('[data-tabs="region"]') as HTMLElement).getAllByRole('tab')[0]
  expect(all).toHaveAttribute('aria-label', '全部地区，10000 篇')
  await act(async () => {
    await data.loadArticleList()
  })
  act(() => taroTest.reachBottom())
  expect(cards()).toBe(2 * LIST_PAGE_SIZE)
})

test('home draws one page of cards, adds a page at the bottom, and says 共 10000 篇', async () => {
  await renderHome()
  expect(screen.getByText('共 10000 篇')).toBeInTheDocument()
  expect(cards()).toBe(LIST_PAGE_SIZE)
  act(() => taroTest.reachBottom())
  expect(cards()).toBe(2 * LIST_PAGE_SIZE)
  act(() => taroTest.reachBottom())
  expect(cards()).toBe(3 * LIST_PAGE_SIZE)
  expect(screen.getByText('加载中…')).toBeInTheDocument()
  // Element count stays at a few per card plus the tabs, far from one per article.
  expect(document.querySelectorAll('*').length).toBeLessThan(3 * LIST_PAGE_SIZE * 12 + 600)
})

test('the province row offers every province, most articles first, plus 更多地区', async () => {
  await renderHome()
  const tabs = within(document.querySelector('[data-tabs="region"]') as HTMLElement).getAllByRole('tab')
  expect(tabs).toHaveLength(1 + 34)
  const counts = tabs.slice(1).map((t) => Number(/，(\d+) 篇$/.exec(t.getAttribute('aria-label') || '')?.[1]))
  expect(counts).toEqual([...counts].sort((a, b) => b - a))
  expect(screen.getByRole('button', { name: /^更多地区/ })).toBeInTheDocument()
})

test('a city picked in 更多地区 lists its articles a page at a time, to 没有更多了', async () => {
  await renderHome()
  act(() => taroTest.reachBottom())
  fireEvent.click(screen.getByRole('button', { name: /^更多地区/ }))
  // The city with the most articles: more than one page of them.
  const inCity = (province: string, city: string) =>
    (articles as Article[]).filter((a) => a.region?.province === province && a.region.city === city)
  const places = (provinces as ProvinceEntry[]).flatMap((p) => p.cities.map((c) => ({ province: p, city: c, n: inCity(p.province, c).length })))
  const top = places.sort((a, b) => b.n - a.n)[0]
  const { province, city } = top
  const expected = inCity(province.province, city)
  expect(expected.length).toBeGreaterThan(LIST_PAGE_SIZE)

  fireEvent.click(picker().getByRole('button', { name: new RegExp(`^${province.province}，`) }))
  const group = within(picker().getByRole('group', { name: `${province.province}的城市` }))
  expect(group.getAllByRole('button')).toHaveLength(1 + province.cities.length)
  fireEvent.click(group.getByRole('button', { name: `${city}，${expected.length} 篇` }))

  expect(screen.getByText(`共 ${expected.length} 篇`)).toBeInTheDocument()
  // Paging started again for the new choice.
  expect(cards()).toBe(LIST_PAGE_SIZE)
  while (screen.queryByText('加载中…')) act(() => taroTest.reachBottom())
  expect(screen.getByText('没有更多了')).toBeInTheDocument()
  expect(listedTitles(document).sort()).toEqual(expected.map((a) => a.title).sort())
})

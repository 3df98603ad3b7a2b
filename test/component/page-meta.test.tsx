// The show/hide race of the article pages' title and og: tags (releasePageMeta in
// src/platform/shareContract.ts), with the Taro stand-in firing useDidShow/useDidHide as Taro does:
// when a second article opens on top, the first page's hide may come before or after the second
// page's show; when the reader goes back, the top page's unload and the first page's show may come
// in either order. Whatever the order, the tags describe the article on screen.
import { act, render } from '@testing-library/react'
import { articles } from '../../src/data/dataset'
import { loadAllArticles } from '../../src/data/index'
import DetailPage from '../../src/pages/detail/index'
import { taroTest } from '../stubs/taro'
import { resetStore } from './support'

const [first, second] = articles.filter((a) => a.fullText)
const ogTitle = () => document.head.querySelector('meta[property="og:title"]')?.getAttribute('content')
const describes = (title: string) => {
  expect(document.title).toBe(`${title} - 健康资讯`)
  expect(ogTitle()).toBe(title)
}
// The page gets its own head back (the tab title is reset by Taro's router on the next show).
const describesNoArticle = () => {
  expect([first.title, second.title]).not.toContain(ogTitle())
  expect(document.head.querySelector('meta[property="og:type"]')?.getAttribute('content')).not.toBe('article')
}

// The detail page draws an article at once when its shard is loaded; these tests are about the
// show/hide order, not loading, so every shard is loaded first.
beforeAll(() => loadAllArticles())

beforeEach(() => {
  resetStore()
  document.title = '健康资讯'
})

function openArticle(id: string) {
  taroTest.setPageStack(['pages/index/index', 'pages/detail/index'])
  const page = taroTest.setRoute('/pages/detail/index', { id })
  const view = render(<DetailPage />)
  return { page, view }
}

it.each([
  ['hide before the next page shows', true],
  ['hide after the next page shows', false],
])('opening a second article on top: %s', (_case, hideFirst) => {
  const a = openArticle(first.id)
  describes(first.title)
  if (hideFirst) act(() => taroTest.hidePage(a.page))
  const b = openArticle(second.id)
  if (!hideFirst) act(() => taroTest.hidePage(a.page))
  describes(second.title)

  // Back: the top page unloads and the first one shows again, in either order.
  b.view.unmount()
  act(() => taroTest.showPage(a.page))
  describes(first.title)
})

it('going back: the first page shows before the top page unloads', () => {
  const a = openArticle(first.id)
  act(() => taroTest.hidePage(a.page))
  const b = openArticle(second.id)
  act(() => taroTest.showPage(a.page))
  b.view.unmount()
  describes(first.title)
})

it('leaving the only article page gives the page its own head back', () => {
  const a = openArticle(first.id)
  describes(first.title)
  act(() => taroTest.hidePage(a.page))
  describesNoArticle()
  act(() => taroTest.showPage(a.page))
  describes(first.title)
  a.view.unmount()
  describesNoArticle()
})

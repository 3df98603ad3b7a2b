// The pages keep their side of src/core/pageContract.ts: each page, once it says it is ready,
// carries every part the contract lists for it, and the parts are what their names say (the
// build, the benchmarks and the end-to-end tests find them by nothing else).
import { act, fireEvent, render, waitFor } from '@testing-library/react'
import type { ReactElement } from 'react'
import { PART, PART_ATTRIBUTE, partSelector, READY_ATTRIBUTE, READY_SELECTOR, type PagePart } from '../../src/core/pageContract'
import { PAGE_PARTS } from '../../src/core/pageParts'
import { articles } from '../../src/data/dataset'
import DetailPage from '../../src/pages/detail/index'
import HomePage from '../../src/pages/index/index'
import MinePage from '../../src/pages/mine/index'
import NotFoundPage from '../../src/pages/not-found/index'
import SearchPage from '../../src/pages/search/index'
import { taroTest } from '../stubs/taro'
import { resetStore } from './support'

beforeEach(resetStore)

/** Renders `page` and resolves with its root once the page says it is ready. */
async function readyPage(page: ReactElement): Promise<Element> {
  render(page)
  await waitFor(() => expect(document.querySelector(READY_SELECTOR)).not.toBeNull(), { timeout: 20_000 })
  return document.querySelector(READY_SELECTOR) as Element
}

function missingParts(root: Element, parts: readonly PagePart[]): PagePart[] {
  return parts.filter((part) => !(root.matches(partSelector(part)) || root.querySelector(partSelector(part))))
}

const text = (root: ParentNode, part: PagePart) => (root.querySelector(partSelector(part))?.textContent || '').trim()

const withRelated = articles.find((a) => a.related.length > 0 && a.body && a.fullText)
if (!withRelated) throw new Error('the dataset has no full article with related articles')

describe('the page contract', () => {
  it('the ready selector, written out, names the page part and the readiness signal', () => {
    expect(READY_SELECTOR).toBe(`[${PART_ATTRIBUTE}="${PART.page}"][${READY_ATTRIBUTE}="true"]`)
  })

  it('an article whose shard is still on its way is not ready (the first test: no shard is here yet)', async () => {
    taroTest.setRoute('/pages/detail/index', { id: withRelated.id })
    render(<DetailPage />)
    const root = document.querySelector(partSelector(PART.page)) as Element
    expect(root.querySelector(partSelector(PART.loading))).not.toBeNull()
    expect(root.hasAttribute(READY_ATTRIBUTE)).toBe(false)
    await waitFor(() => expect(document.querySelector(READY_SELECTOR)).not.toBeNull())
    expect(text(document, PART.articleTitle)).toBe(withRelated.title)
  })

  it('home: every part, the newest article first in the list', async () => {
    taroTest.setRoute('/pages/index/index', {})
    const root = await readyPage(<HomePage />)
    expect(missingParts(root, PAGE_PARTS.home)).toEqual([])
    const titles = Array.from(root.querySelectorAll(`${partSelector(PART.homeList)} ${partSelector(PART.cardTitle)}`)).map((e) => e.textContent)
    const newest = [...articles].sort((a, b) => b.date.localeCompare(a.date))[0]
    expect(titles[0]).toBe(newest.title)
    expect(root.querySelectorAll(`${partSelector(PART.regionTabs)} [role="tab"]`).length).toBeGreaterThan(1)
  })

  it('an article opened from a link: its title, body, text size, 收藏, related cards and the way home', async () => {
    taroTest.setPageStack(['pages/detail/index'])
    taroTest.setRoute('/pages/detail/index', { id: withRelated.id })
    const root = await readyPage(<DetailPage />)
    expect(missingParts(root, PAGE_PARTS.article)).toEqual([])
    expect(text(root, PART.articleTitle)).toBe(withRelated.title)
    expect(root.querySelectorAll(`${partSelector(PART.related)} ${partSelector(PART.articleCard)}`).length).toBe(
      withRelated.related.filter((id) => articles.some((a) => a.id === id)).length,
    )
    const favorite = root.querySelector(partSelector(PART.favorite)) as HTMLElement
    expect(favorite.getAttribute('aria-pressed')).toBe('false')
    fireEvent.click(favorite)
    expect(root.querySelector(partSelector(PART.favorite))?.getAttribute('aria-pressed')).toBe('true')
    expect(text(root, PART.textSizeStep)).toBe('标准')
    fireEvent.click(root.querySelector(partSelector(PART.textSizeUp)) as HTMLElement)
    expect(text(root, PART.textSizeStep)).toBe('大')
    expect(root.getAttribute('data-text-step')).toBe('1')
  })

  it('an unknown article: the answer and the way home, ready at once', async () => {
    taroTest.setRoute('/pages/detail/index', { id: 'zzzzzzzzzz' })
    const root = await readyPage(<DetailPage />)
    expect(missingParts(root, PAGE_PARTS.articleMissing)).toEqual([])
    expect(text(root, PART.emptyTitle)).toBe('没有找到这篇文章')
    expect(text(root, PART.homeLink)).toBe('返回首页')
  })

  it('search: the start screen, results for a query, and the no-result answer', async () => {
    taroTest.setRoute('/pages/search/index', {})
    let root = await readyPage(<SearchPage />)
    expect(missingParts(root, PAGE_PARTS.search)).toEqual([])
    const input = document.querySelector('input') as HTMLInputElement
    act(() => {
      fireEvent.change(input, { target: { value: withRelated.title.slice(0, 6) } })
    })
    await waitFor(() => expect(document.querySelector(partSelector(PART.searchResults))).not.toBeNull())
    root = document.querySelector(READY_SELECTOR) as Element
    expect(missingParts(root, PAGE_PARTS.searchResults)).toEqual([])
    act(() => {
      fireEvent.change(input, { target: { value: 'qqqqxxxxzzzz' } })
    })
    await waitFor(() => expect(document.querySelector(partSelector(PART.searchNone))).not.toBeNull())
    root = document.querySelector(READY_SELECTOR) as Element
    expect(missingParts(root, PAGE_PARTS.searchNone)).toEqual([])
    // The search engine and its index load with the page: slow under a busy jsdom.
  }, 30_000)

  it('我的: the text size control', async () => {
    taroTest.setRoute('/pages/mine/index', {})
    const root = await readyPage(<MinePage />)
    expect(missingParts(root, PAGE_PARTS.mine)).toEqual([])
  })

  it('not found: the answer and the way home', async () => {
    const root = await readyPage(<NotFoundPage />)
    expect(missingParts(root, PAGE_PARTS.notFound)).toEqual([])
    expect(text(root, PART.emptyTitle)).toBe('没有找到这个页面')
  })

})

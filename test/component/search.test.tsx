import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import SearchPage from '../../src/pages/search/index'
import { getListSearchEngine as getSearchEngine, hotSearchTerms } from '../../src/data/searchDataset'
import { loadSearch } from '../../src/data/search'
import { useAppStore } from '../../src/stores/appStore'
import { taroTest } from '../stubs/taro'
import { listedTitles, resetStore, followNavigation } from './support'

// The page loads its engine on first open (its own chunk); these tests start from a loaded one.
// The loading and failure states have their own tests below.
beforeAll(() => loadSearch())

beforeEach(() => {
  resetStore()
  jest.useFakeTimers()
  taroTest.setPageStack(['pages/index/index', 'pages/search/index'])
  taroTest.setRoute('/pages/search/index', {})
})
afterEach(() => jest.useRealTimers())

const input = () => screen.getByPlaceholderText('搜索医保、医院、疾病') as HTMLInputElement
function type(text: string) {
  fireEvent.change(input(), { target: { value: text } })
}
/** Lets React finish the deferred (lower-priority) render of the results; no timer is involved. */
function settle() {
  act(() => {})
}
const NO_MATCH = '🙂🙂🙂'

describe('search page', () => {
  it('shows 大家都在搜 before typing, and no history section while history is empty', () => {
    expect(hotSearchTerms.length).toBeGreaterThan(0)
    render(<SearchPage />)
    expect(screen.getByText('大家都在搜')).toBeInTheDocument()
    for (const term of hotSearchTerms) expect(screen.getByText(term)).toBeInTheDocument()
    expect(screen.queryByText('搜索历史')).toBeNull()
  })

  it('updates results as the user types, with no pause to wait out', () => {
    render(<SearchPage />)
    type('朔州')
    const expected = getSearchEngine().search('朔州', { limit: 20 }).map((h) => h.article.title)
    expect(expected.length).toBeGreaterThan(0)
    expect(listedTitles(document)).toEqual(expected)
    expect(screen.getByText(`找到 ${expected.length} 篇相关文章`)).toBeInTheDocument()
    expect(screen.queryByText('大家都在搜')).toBeNull()
  })

  it('marks where results that contain only some of the words begin', () => {
    render(<SearchPage />)
    type('扬州 断缴')
    settle()
    const hits = getSearchEngine().search('扬州 断缴', { limit: 20 })
    const firstPartial = hits.findIndex((h) => h.partial)
    expect(firstPartial).toBeGreaterThan(0) // both words matter: full matches come first
    const note = screen.getByText('以下文章只包含部分关键词')
    const cards = Array.from(document.querySelectorAll('.article-card'))
    // The note sits between the last full match and the first partial one.
    expect(cards[firstPartial - 1].compareDocumentPosition(note) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()
    expect(cards[firstPartial].compareDocumentPosition(note) & Node.DOCUMENT_POSITION_PRECEDING).toBeTruthy()
  })

  it('says so when no article contains every word', () => {
    render(<SearchPage />)
    type('朔州 舟山')
    settle()
    expect(getSearchEngine().search('朔州 舟山').every((h) => h.partial)).toBe(true)
    expect(screen.getByText('没有同时包含所有关键词的文章，以下文章包含部分关键词')).toBeInTheDocument()
  })

  it('follows each keystroke without any timer: every prefix shows its own results', () => {
    render(<SearchPage />)
    for (const typed of ['扬', '扬州', '扬州 医保']) {
      type(typed)
      const expected = getSearchEngine().search(typed, { limit: 20 }).map((h) => h.article.title)
      expect(expected.length).toBeGreaterThan(0)
      expect(listedTitles(document)).toEqual(expected)
    }
    expect(jest.getTimerCount()).toBe(0)
  })

  it('highlights the matched title characters', () => {
    render(<SearchPage />)
    type('舟山')
    settle()
    const highlighted = Array.from(document.querySelectorAll('.article-card__title .hn-hl')).map((el) => el.textContent)
    expect(highlighted.length).toBeGreaterThan(0)
    expect(highlighted.join('')).toContain('舟山')
  })

  it('remembers a confirmed query and offers it again, newest first', () => {
    render(<SearchPage />)
    type('新农合')
    fireEvent.keyDown(input(), { key: 'Enter' })
    type('安庆')
    fireEvent.keyDown(input(), { key: 'Enter' })
    fireEvent.click(screen.getByLabelText('清除输入'))
    expect(input().value).toBe('')
    const history = screen.getByText('搜索历史').closest('.search-history') as HTMLElement
    expect(within(history).getAllByText(/新农合|安庆/).map((n) => n.textContent)).toEqual(['安庆', '新农合'])
    // Tapping an entry searches it again at once.
    fireEvent.click(within(history).getByText('新农合'))
    expect(input().value).toBe('新农合')
    expect(listedTitles(document).length).toBeGreaterThan(0)
  })

  it('removes one history entry or clears them all, and keeps that after reopening', () => {
    const { rememberSearch } = useAppStore.getState()
    rememberSearch('医保')
    rememberSearch('甲状腺')
    rememberSearch('生育保险')
    const historySection = () => within(screen.getByText('搜索历史').closest('.search-history') as HTMLElement)
    const first = render(<SearchPage />)
    fireEvent.click(screen.getByLabelText('删除 甲状腺'))
    expect(historySection().queryByText('甲状腺')).toBeNull()
    first.unmount()
    render(<SearchPage />)
    expect(historySection().getByText('生育保险')).toBeInTheDocument()
    expect(historySection().queryByText('甲状腺')).toBeNull()
    fireEvent.click(screen.getByText('清空'))
    expect(screen.queryByText('搜索历史')).toBeNull()
    expect(useAppStore.getState().searchHistory).toEqual([])
  })

  it('searches a hot term on tap and remembers it', () => {
    render(<SearchPage />)
    const term = hotSearchTerms[0]
    fireEvent.click(screen.getByText(term))
    expect(input().value).toBe(term)
    expect(listedTitles(document).length).toBeGreaterThan(0)
    expect(useAppStore.getState().searchHistory[0]).toBe(term)
  })

  it('says so when nothing matches, and suggests hot searches instead of a blank page', () => {
    expect(getSearchEngine().search(NO_MATCH, { limit: 20 })).toHaveLength(0)
    render(<SearchPage />)
    type(NO_MATCH)
    settle()
    expect(screen.getByText('没有找到相关文章')).toBeInTheDocument()
    expect(screen.getByText('大家都在搜')).toBeInTheDocument()
  })

  it.each([
    ['regex symbols', '.*+?^${}()|[]\\'],
    ['500 characters', '医保报销'.repeat(125)],
    ['markup', '<img src=x onerror=alert(1)>'],
    ['a bare percent', '100%'],
  ])('is safe with %s', (_kind, text) => {
    render(<SearchPage />)
    type(text)
    settle()
    const shown = listedTitles(document).length > 0 || screen.queryByText('没有找到相关文章') !== null
    expect(shown).toBe(true)
  })

  it('treats only spaces as an empty box', () => {
    render(<SearchPage />)
    type('    ')
    settle()
    expect(screen.getByText('大家都在搜')).toBeInTheDocument()
    fireEvent.keyDown(input(), { key: 'Enter' })
    expect(useAppStore.getState().searchHistory).toEqual([])
  })

  it('opens with the ?q= query (even still percent-encoded) and shows its results', () => {
    taroTest.setRoute('/pages/search/index', { q: encodeURIComponent('扬州 断缴') })
    render(<SearchPage />)
    expect(input().value).toBe('扬州 断缴')
    expect(listedTitles(document).length).toBeGreaterThan(0)
    expect(useAppStore.getState().searchHistory[0]).toBe('扬州 断缴')
  })

  it('opens a result and remembers the query that found it', async () => {
    const search = render(<SearchPage />)
    type('辽源')
    settle()
    const top = getSearchEngine().search('辽源', { limit: 20 })[0].article
    fireEvent.click(screen.getByText((_, el) => el?.classList.contains('article-card__title') === true && el.textContent === top.title))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/article/${top.id}/` })
    expect(useAppStore.getState().searchHistory[0]).toBe('辽源')
    followNavigation(search)
    // The detail page loads the article's shard first (the search page holds list entries only).
    await waitFor(() => expect(document.querySelector('.detail-article__title')).toHaveTextContent(top.title))
  })
})

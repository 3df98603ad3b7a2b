import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import HomePage from '../../src/pages/index/index'
import { HISTORY_LIMIT } from '../../src/core/readingLists'
import { articles, provinces } from '../../src/data/dataset'
import { LIST_KEYS, STORE_KEY, STORE_VERSION, useAppStore } from '../../src/stores/appStore'
import { SEARCH_HISTORY_LIMIT } from '../../src/stores/searchHistorySlice'
import { taroTest } from '../stubs/taro'
import { resetStore } from './support'

beforeEach(resetStore)

const saved = () => JSON.parse(taroTest.storage.get(STORE_KEY) as string)
const defaults = { filters: { province: null, city: null, topic: null }, searchHistory: [], textStep: 0 }
const snapshot = () => {
  const s = useAppStore.getState()
  return { filters: s.filters, searchHistory: s.searchHistory, textStep: s.textStep }
}
async function reopenWith(stored: unknown) {
  taroTest.storage.set(STORE_KEY, typeof stored === 'string' ? stored : JSON.stringify(stored))
  await act(() => useAppStore.persist.rehydrate())
}

describe('search history', () => {
  it('keeps the last 10 queries, newest first, without duplicates', () => {
    const { rememberSearch } = useAppStore.getState()
    for (let i = 1; i <= 12; i++) rememberSearch(`查询${i}`)
    rememberSearch('  查询5  ')
    const history = useAppStore.getState().searchHistory
    expect(history).toHaveLength(SEARCH_HISTORY_LIMIT)
    expect(history[0]).toBe('查询5')
    expect(history[1]).toBe('查询12')
    expect(history.filter((q) => q === '查询5')).toHaveLength(1)
    expect(history).not.toContain('查询1')
  })

  it('ignores blank queries and removes one or all', () => {
    const s = useAppStore.getState()
    s.rememberSearch('   ')
    s.rememberSearch('医保')
    s.rememberSearch('朔州 医院')
    expect(useAppStore.getState().searchHistory).toEqual(['朔州 医院', '医保'])
    useAppStore.getState().forgetSearch('医保')
    expect(useAppStore.getState().searchHistory).toEqual(['朔州 医院'])
    useAppStore.getState().clearSearchHistory()
    expect(useAppStore.getState().searchHistory).toEqual([])
  })
})

describe('persistence', () => {
  it('saves filters, history and text size through Taro storage with a version', () => {
    const s = useAppStore.getState()
    s.chooseProvince(provinces[0].province)
    s.chooseTopic('医保')
    s.rememberSearch('新农合')
    s.setTextStep(2)
    expect(Taro.setStorageSync).toHaveBeenCalled()
    expect(saved()).toEqual({
      version: STORE_VERSION,
      state: { filters: { province: provinces[0].province, city: null, topic: '医保' }, searchHistory: ['新农合'], textStep: 2 },
    })
  })

  it('restores what was saved when the app opens again', async () => {
    const xinjiang = provinces.find((p) => p.cities.length > 1)!
    await reopenWith({
      version: STORE_VERSION,
      state: { filters: { province: xinjiang.province, city: xinjiang.cities[0], topic: '疾病' }, searchHistory: ['拔牙'], textStep: 3 },
    })
    expect(snapshot()).toEqual({
      filters: { province: xinjiang.province, city: xinjiang.cities[0], topic: '疾病' },
      searchHistory: ['拔牙'],
      textStep: 3,
    })
  })

  it.each([
    ['broken JSON', '{"state": {"filters": '],
    ['a bare string', '"hello"'],
    ['an array', '[1,2,3]'],
    ['null', 'null'],
  ])('discards %s, starts from defaults and says so on the console', async (_kind, text) => {
    useAppStore.getState().rememberSearch('之前的')
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined)
    await reopenWith(text)
    expect(snapshot()).toEqual({ ...defaults, searchHistory: ['之前的'] })
    expect(taroTest.storage.has(STORE_KEY)).toBe(false)
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^\[health-news\] recovered: saved state .*starting from defaults/))
    warn.mockRestore()
  })

  it('leaves a save from a newer version byte for byte as it was, through a whole session', async () => {
    // What a newer build writes: all three keys, in shapes this build may not know.
    const future = {
      [STORE_KEY]: JSON.stringify({ version: STORE_VERSION + 1, state: { filters: { province: provinces[0].province }, textStep: 3, theme: 'dark' } }),
      [LIST_KEYS.favorites]: JSON.stringify({ version: 2, entries: [{ id: articles[0].id, folder: '药' }] }),
      [LIST_KEYS.history]: JSON.stringify({ version: 1, entries: [{ id: articles[1].id, title: articles[1].title, date: articles[1].date, at: 5 }] }),
    }
    for (const [key, text] of Object.entries(future)) taroTest.storage.set(key, text)
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined)
    await act(() => useAppStore.persist.rehydrate())
    // This session runs on defaults: nothing of the newer save is read.
    expect(snapshot()).toEqual(defaults)
    expect(useAppStore.getState().favorites).toEqual([])
    expect(useAppStore.getState().history).toEqual([])
    // The reader uses the app: text size, a search, a favourite, an article read.
    const s = useAppStore.getState()
    s.setTextStep(2)
    s.rememberSearch('医保')
    s.toggleFavorite(articles[2])
    s.recordVisit(articles[3])
    expect(useAppStore.getState().textStep).toBe(2)
    for (const [key, text] of Object.entries(future)) expect(taroTest.storage.get(key)).toBe(text)
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/saved state was written by a newer version/))
    warn.mockRestore()
    // Launched again (still the older build): the save is still frozen, never removed.
    useAppStore.setState(useAppStore.getInitialState(), true)
    await act(() => useAppStore.persist.rehydrate())
    expect(snapshot()).toEqual(defaults)
    for (const [key, text] of Object.entries(future)) expect(taroTest.storage.get(key)).toBe(text)
  })

  it('discards saved data of an older, unknown version', async () => {
    await reopenWith({ version: 0, state: { searchHistory: ['旧的'] } })
    expect(snapshot()).toEqual(defaults)
  })

  it.each([
    [true, 1],
    [false, 0],
  ])('carries a version 1 save over: largeText %s becomes step %i, the rest stays', async (largeText, step) => {
    await reopenWith({ version: 1, state: { filters: { province: provinces[0].province, city: null, topic: null }, searchHistory: ['医保'], largeText } })
    expect(snapshot()).toEqual({ filters: { province: provinces[0].province, city: null, topic: null }, searchHistory: ['医保'], textStep: step })
    // The next save is written in today's shape.
    useAppStore.getState().rememberSearch('新农合')
    expect(saved().version).toBe(STORE_VERSION)
    expect(saved().state).not.toHaveProperty('largeText')
    expect(saved().state.textStep).toBe(step)
  })

  it('keeps only the valid parts of a saved value with the wrong shape', async () => {
    await reopenWith({
      version: STORE_VERSION,
      state: {
        filters: { province: '不存在的省', city: 7, topic: '美食' },
        searchHistory: ['医保', 42, null, '医保', '  ', { q: 'x' }, '安庆'],
        textStep: 7,
      },
    })
    expect(snapshot()).toEqual({ ...defaults, searchHistory: ['医保', '安庆'] })
  })

  it('survives storage that throws', async () => {
    ;(Taro.getStorageSync as jest.Mock).mockImplementationOnce(() => {
      throw new Error('storage unavailable')
    })
    await act(() => useAppStore.persist.rehydrate())
    ;(Taro.setStorageSync as jest.Mock).mockImplementationOnce(() => {
      throw new Error('quota exceeded')
    })
    expect(() => useAppStore.getState().rememberSearch('医保')).not.toThrow()
    expect(useAppStore.getState().searchHistory).toEqual(['医保'])
  })

  it('the home page renders normally after corrupted storage', async () => {
    await reopenWith('\u0000garbage')
    render(<HomePage />)
    expect(screen.getByText(/^共 \d+ 篇$/)).toBeInTheDocument()
    fireEvent.click(screen.getByRole('tab', { name: new RegExp(`^${provinces[0].province}，`) }))
    expect(saved().state.filters.province).toBe(provinces[0].province)
  })
})

describe('收藏 and 最近浏览', () => {
  const [a, b, c] = articles
  const listSaved = (key: string) => JSON.parse(taroTest.storage.get(key) as string)
  const ids = (list: { id: string }[]) => list.map((e) => e.id)
  /** A relaunch: fresh in-memory state, then what storage holds (resetting alone would save the defaults). */
  async function relaunch() {
    const stored = new Map(taroTest.storage)
    resetStore()
    taroTest.storage.clear()
    for (const [key, value] of stored) taroTest.storage.set(key, value)
    await act(() => useAppStore.persist.rehydrate())
  }

  it('toggles a favourite, newest first, and removes one', () => {
    const s = useAppStore.getState()
    s.toggleFavorite(a)
    s.toggleFavorite(b)
    expect(ids(useAppStore.getState().favorites)).toEqual([b.id, a.id])
    s.toggleFavorite(b)
    expect(ids(useAppStore.getState().favorites)).toEqual([a.id])
    s.removeFavorite(a.id)
    expect(useAppStore.getState().favorites).toEqual([])
  })

  it('keeps one history entry per article, newest first, at most 50, and clears', () => {
    const s = useAppStore.getState()
    for (const article of articles) s.recordVisit(article)
    s.recordVisit(a)
    const history = useAppStore.getState().history
    expect(history.length).toBe(Math.min(HISTORY_LIMIT, articles.length))
    expect(history[0].id).toBe(a.id)
    expect(ids(history).filter((id) => id === a.id)).toHaveLength(1)
    s.clearHistory()
    expect(useAppStore.getState().history).toEqual([])
  })

  it('saves each list under its own versioned key', () => {
    useAppStore.getState().toggleFavorite(a)
    useAppStore.getState().recordVisit(b)
    expect(listSaved(LIST_KEYS.favorites)).toEqual({ version: 1, entries: [expect.objectContaining({ id: a.id, title: a.title, date: a.date })] })
    expect(listSaved(LIST_KEYS.history).entries.map((e: { id: string }) => e.id)).toEqual([b.id])
    expect(saved().state).not.toHaveProperty('favorites')
  })

  it('a broken save loses only the broken part', async () => {
    const s = useAppStore.getState()
    s.toggleFavorite(a)
    s.recordVisit(b)
    s.rememberSearch('医保')
    s.setTextStep(2)
    // The history's text is cut off mid-write; one favourite entry is damaged.
    taroTest.storage.set(LIST_KEYS.history, (taroTest.storage.get(LIST_KEYS.history) as string).slice(0, 20))
    const favorites = listSaved(LIST_KEYS.favorites)
    favorites.entries.push({ id: c.id, title: 42 }, 'junk', { id: b.id, title: b.title, date: b.date, at: 1 })
    taroTest.storage.set(LIST_KEYS.favorites, JSON.stringify(favorites))
    await relaunch()
    const state = useAppStore.getState()
    expect(ids(state.favorites)).toEqual([a.id, b.id])
    expect(state.history).toEqual([])
    expect(state.searchHistory).toEqual(['医保'])
    expect(state.textStep).toBe(2)
    expect(taroTest.storage.has(LIST_KEYS.history)).toBe(false)
  })

  it('a broken main save keeps the lists', async () => {
    useAppStore.getState().toggleFavorite(a)
    taroTest.storage.set(STORE_KEY, '{"state": ')
    await relaunch()
    expect(ids(useAppStore.getState().favorites)).toEqual([a.id])
  })

  it('a list of an older or unknown version is discarded alone', async () => {
    useAppStore.getState().toggleFavorite(a)
    useAppStore.getState().recordVisit(b)
    taroTest.storage.set(LIST_KEYS.favorites, JSON.stringify({ version: 0, entries: [] }))
    await relaunch()
    expect(useAppStore.getState().favorites).toEqual([])
    expect(ids(useAppStore.getState().history)).toEqual([b.id])
    expect(taroTest.storage.has(LIST_KEYS.favorites)).toBe(false)
  })

  it('a list written by a newer version is neither read nor touched; the other list works as usual', async () => {
    useAppStore.getState().recordVisit(b)
    const newer = JSON.stringify({ version: 99, entries: [{ id: a.id, title: a.title, date: a.date, at: 1, note: '新版本的字段' }] })
    taroTest.storage.set(LIST_KEYS.favorites, newer)
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined)
    await relaunch()
    expect(useAppStore.getState().favorites).toEqual([])
    useAppStore.getState().toggleFavorite(c)
    useAppStore.getState().recordVisit(a)
    expect(taroTest.storage.get(LIST_KEYS.favorites)).toBe(newer)
    expect(ids(listSaved(LIST_KEYS.history).entries)).toEqual([a.id, b.id])
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/favorites list was written by a newer version/))
    warn.mockRestore()
  })
})

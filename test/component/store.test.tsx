import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import HomePage from '../../src/pages/index/index'
import { provinces } from '../../src/data/dataset'
import { STORE_KEY, STORE_VERSION, useAppStore } from '../../src/stores/appStore'
import { SEARCH_HISTORY_LIMIT } from '../../src/stores/searchHistorySlice'
import { taroTest } from '../stubs/taro'
import { resetStore } from './support'

beforeEach(resetStore)

const saved = () => JSON.parse(taroTest.storage.get(STORE_KEY) as string)
const defaults = { filters: { province: null, city: null, topic: null }, searchHistory: [], largeText: false }
const snapshot = () => {
  const s = useAppStore.getState()
  return { filters: s.filters, searchHistory: s.searchHistory, largeText: s.largeText }
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
    s.toggleLargeText()
    expect(Taro.setStorageSync).toHaveBeenCalled()
    expect(saved()).toEqual({
      version: STORE_VERSION,
      state: { filters: { province: provinces[0].province, city: null, topic: '医保' }, searchHistory: ['新农合'], largeText: true },
    })
  })

  it('restores what was saved when the app opens again', async () => {
    const xinjiang = provinces.find((p) => p.cities.length > 1)!
    await reopenWith({
      version: STORE_VERSION,
      state: { filters: { province: xinjiang.province, city: xinjiang.cities[0], topic: '疾病' }, searchHistory: ['拔牙'], largeText: true },
    })
    expect(snapshot()).toEqual({
      filters: { province: xinjiang.province, city: xinjiang.cities[0], topic: '疾病' },
      searchHistory: ['拔牙'],
      largeText: true,
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

  it('discards saved data of another version', async () => {
    await reopenWith({ version: STORE_VERSION + 1, state: { filters: { province: provinces[0].province }, searchHistory: ['x'], largeText: true } })
    expect(snapshot()).toEqual(defaults)
    await reopenWith({ version: 0, state: { searchHistory: ['旧的'] } })
    expect(snapshot()).toEqual(defaults)
  })

  it('keeps only the valid parts of a saved value with the wrong shape', async () => {
    await reopenWith({
      version: STORE_VERSION,
      state: {
        filters: { province: '不存在的省', city: 7, topic: '美食' },
        searchHistory: ['医保', 42, null, '医保', '  ', { q: 'x' }, '安庆'],
        largeText: 'yes',
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

// Store rehydration from whatever a device has saved: any JSON (right version or not, any shape)
// or any text at all gives a store with valid state, that keeps working, and never a crash.
import fc from 'fast-check'
import { provinces } from '../../src/data/index'
import { isTopic } from '../../src/core/filters'
import { anyText } from './support/property'

import { STORE_KEY, STORE_VERSION, useAppStore } from '../../src/stores/appStore'
import { HISTORY_QUERY_MAX_LENGTH, SEARCH_HISTORY_LIMIT } from '../../src/stores/searchHistorySlice'
import { FAVORITES_LIMIT, HISTORY_LIMIT, type ReadingEntry } from '../../src/core/readingLists'
import { TEXT_STEPS } from '../../src/core/textScale'

// The real store over an in-memory stand-in for Taro's storage (the app persists through it).
// eslint-disable-next-line @typescript-eslint/no-require-imports
jest.mock('@tarojs/taro', () => require('./support/taroMemoryStorage').taroMemoryStorage())
const storage = (jest.requireMock('@tarojs/taro') as { memory: Map<string, unknown> }).memory

// Discarding a bad save is reported on console.warn (core/report.ts); hundreds of them would
// bury the output, so they are counted instead.
let warn: jest.SpyInstance
beforeEach(() => {
  warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined)
})
afterEach(() => warn.mockRestore())

const known = new Map(provinces.map((p) => [p.province, new Set<string>(p.cities)]))

function expectValidState() {
  const s = useAppStore.getState()
  const { province, city, topic } = s.filters
  if (province === null) expect(city).toBeNull()
  else expect(known.has(province)).toBe(true)
  if (city !== null) expect(known.get(province as string)!.has(city)).toBe(true)
  if (topic !== null) expect(isTopic(topic)).toBe(true)
  expect(Array.isArray(s.searchHistory)).toBe(true)
  expect(s.searchHistory.length).toBeLessThanOrEqual(SEARCH_HISTORY_LIMIT)
  expect(new Set(s.searchHistory).size).toBe(s.searchHistory.length)
  for (const q of s.searchHistory) {
    expect(typeof q).toBe('string')
    expect(q.length).toBeGreaterThan(0)
    expect(q.length).toBeLessThanOrEqual(HISTORY_QUERY_MAX_LENGTH)
  }
  expect(TEXT_STEPS.map((_, step) => step)).toContain(s.textStep)
  const expectReadingList = (list: readonly ReadingEntry[], limit: number) => {
    expect(Array.isArray(list)).toBe(true)
    expect(list.length).toBeLessThanOrEqual(limit)
    expect(new Set(list.map((e) => e.id)).size).toBe(list.length)
    for (const entry of list) {
      expect(typeof entry.id).toBe('string')
      expect(typeof entry.title).toBe('string')
    }
  }
  expectReadingList(s.favorites, FAVORITES_LIMIT)
  expectReadingList(s.history, HISTORY_LIMIT)
  // Still a working store: an action after a bad save behaves as on a fresh install.
  s.rememberSearch('医保')
  expect(useAppStore.getState().searchHistory[0]).toBe('医保')
}

/** Saved state that looks like ours in places: real and fake provinces, topics, lists. */
const plausibleState = fc.record(
  {
    filters: fc.oneof(
      fc.jsonValue(),
      fc.record({
        province: fc.oneof(fc.constantFrom(...provinces.map((p) => p.province)), fc.string(), fc.constant(null), fc.integer()),
        city: fc.oneof(fc.constantFrom(...provinces.flatMap((p) => p.cities)), fc.string(), fc.constant(null)),
        topic: fc.oneof(fc.constantFrom('医保', '就医', '疾病'), fc.string(), fc.constant(null)),
      }),
    ),
    searchHistory: fc.oneof(fc.jsonValue(), fc.array(fc.oneof(anyText(60), fc.jsonValue()), { maxLength: 30 })),
    largeText: fc.jsonValue(),
    textStep: fc.oneof(fc.integer({ min: -2, max: 6 }), fc.jsonValue()),
    favorites: fc.oneof(fc.jsonValue(), fc.array(fc.record({ id: fc.string(), title: anyText(80), date: fc.string(), at: fc.integer() }, { requiredKeys: [] }), { maxLength: 20 })),
    history: fc.oneof(fc.jsonValue(), fc.array(fc.oneof(fc.record({ id: fc.string(), title: anyText(80), date: fc.string(), at: fc.integer() }), fc.jsonValue()), { maxLength: 60 })),
  },
  { requiredKeys: [] },
)

test('rehydrating from any saved JSON gives valid, working state', async () => {
  const saves = fc.oneof(
    fc.record({ state: plausibleState, version: fc.oneof(fc.constant(STORE_VERSION), fc.integer(), fc.jsonValue()) }),
    fc.record({ state: fc.jsonValue(), version: fc.constant(STORE_VERSION) }),
    fc.jsonValue(),
  )
  const samples = fc.sample(saves, { numRuns: 600, seed: 42 })
  // Rehydration is async (zustand's persist), so the inputs are drawn up front and run in turn.
  let tried = 0
  for (const saved of samples) {
    storage.clear()
    storage.set(STORE_KEY, JSON.stringify(saved))
    await useAppStore.persist.rehydrate()
    expectValidState()
    tried++
  }
  console.log(`fast-check: store rehydration from any JSON — ${tried} inputs, 0 failures`)
})

test('rehydrating from any stored text (broken JSON, junk, non-strings) gives valid state', async () => {
  const junk = fc.oneof(anyText(300), fc.jsonValue().map((v) => JSON.stringify(v).slice(0, -1)), fc.anything())
  const samples = fc.sample(junk, { numRuns: 400, seed: 7 })
  let tried = 0
  for (const stored of samples) {
    storage.clear()
    storage.set(STORE_KEY, stored)
    await useAppStore.persist.rehydrate()
    expectValidState()
    tried++
  }
  console.log(`fast-check: store rehydration from any stored text — ${tried} inputs, 0 failures, ${warn.mock.calls.length} reported`)
  expect(warn.mock.calls.length).toBeGreaterThan(0)
})

test('a save from any newer version, with any lists beside it, is byte-identical after a session of use', async () => {
  const future = fc.record({
    main: fc.record({ state: fc.oneof(plausibleState, fc.jsonValue()), version: fc.integer({ min: STORE_VERSION + 1, max: 1000 }) }),
    favorites: fc.option(fc.oneof(anyText(200), fc.jsonValue().map((v) => JSON.stringify(v)))),
    history: fc.option(fc.oneof(anyText(200), fc.jsonValue().map((v) => JSON.stringify(v)))),
  })
  const samples = fc.sample(future, { numRuns: 200, seed: 11 })
  for (const sample of samples) {
    storage.clear()
    const stored = new Map<string, string>([[STORE_KEY, JSON.stringify(sample.main)]])
    if (sample.favorites !== null) stored.set(`${STORE_KEY}/favorites`, sample.favorites)
    if (sample.history !== null) stored.set(`${STORE_KEY}/history`, sample.history)
    for (const [key, text] of stored) storage.set(key, text)
    await useAppStore.persist.rehydrate()
    expectValidState()
    const s = useAppStore.getState()
    s.setTextStep(((s.textStep + 1) % TEXT_STEPS.length) as typeof s.textStep)
    s.clearHistory()
    expect(new Map(storage)).toEqual(stored)
  }
  console.log(`fast-check: newer saves left untouched — ${samples.length} inputs, 0 failures`)
})

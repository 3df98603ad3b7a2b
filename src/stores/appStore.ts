// The app's one store: slices for filters, search history, preferences and the reading lists
// (收藏 / 最近浏览), persisted through Taro's storage API. Saved data is treated as untrusted
// input: an old version, a broken JSON string or a wrong shape is discarded field by field and
// defaults are used, never a crash. The reading lists are saved under keys of their own, so a
// broken save of one loses only that list (savedStateStorage). A save written by a NEWER version
// (the reader went back to an older build: a cached page, a rolled-back release) is left exactly
// as it is: this build cannot know what it means, so it runs on defaults for the session and
// never writes over it, and the newer build finds it intact when it comes back.
import { create } from 'zustand'
import { persist, type PersistStorage, type StorageValue } from 'zustand/middleware'
import { useShallow } from 'zustand/react/shallow'
import { normalizeFilters } from '../core/filters'
import { FAVORITES_LIMIT, HISTORY_LIMIT, restoreEntries } from '../core/readingLists'
import { reportRecovered } from '../core/report'
import { STORE_KEY, STORE_VERSION } from '../core/storeKeys'
import { textStepOf } from '../core/textScale'
import { provinces } from '../data/index'
import { taroStorage, type TextStorage } from '../platform/storage'
import { createFiltersSlice, type FiltersSlice } from './filtersSlice'
import { createPreferencesSlice, type PreferencesSlice } from './preferencesSlice'
import { createReadingSlice, type ReadingSlice } from './readingSlice'
import {
  createSearchHistorySlice,
  historyEntryFor,
  SEARCH_HISTORY_LIMIT,
  type SearchHistorySlice,
} from './searchHistorySlice'

export type AppState = FiltersSlice & SearchHistorySlice & PreferencesSlice & ReadingSlice

/** What is written to storage: data only, never actions. */
export type SavedState = Pick<AppState, 'filters' | 'searchHistory' | 'textStep' | 'favorites' | 'history'>

// The key and version live in core (the prerendered pages' inline code reads the text step too).
export { STORE_KEY, STORE_VERSION }

/** The reading lists' own keys and the version of their saved shape ({ version, entries }). */
export const LIST_KEYS = { favorites: `${STORE_KEY}/favorites`, history: `${STORE_KEY}/history` } as const
export const LIST_VERSION = 1
type ListName = keyof typeof LIST_KEYS
const LIST_NAMES: ListName[] = ['favorites', 'history']
const LIST_LIMITS: Record<ListName, number> = { favorites: FAVORITES_LIMIT, history: HISTORY_LIMIT }

/** Keeps only the parts of a saved value that are valid today. */
export function restoreSavedState(saved: unknown): Partial<SavedState> {
  if (!saved || typeof saved !== 'object' || Array.isArray(saved)) return {}
  const raw = saved as Record<string, unknown>
  const restored: Partial<SavedState> = {}
  if ('filters' in raw) restored.filters = normalizeFilters(raw.filters, provinces)
  if (Array.isArray(raw.searchHistory)) {
    const entries = raw.searchHistory
      .filter((q): q is string => typeof q === 'string')
      .map(historyEntryFor)
      .filter((q) => q !== '')
    restored.searchHistory = entries.filter((q, i) => entries.indexOf(q) === i).slice(0, SEARCH_HISTORY_LIMIT)
  }
  const step = textStepOf(raw.textStep)
  if (step !== null) restored.textStep = step
  for (const name of LIST_NAMES) {
    if (name in raw) restored[name] = restoreEntries(raw[name], LIST_LIMITS[name])
  }
  return restored
}

/** Carries a save of an earlier version over to today's shape; unknown versions start fresh. */
export function migrateSavedState(saved: unknown, version: number): Partial<SavedState> {
  if (!saved || typeof saved !== 'object' || Array.isArray(saved)) return {}
  const raw = saved as Record<string, unknown>
  // The lists live under their own keys and carry their own version: keep them whatever the main save's.
  const lists: Record<string, unknown> = {}
  for (const name of LIST_NAMES) if (name in raw) lists[name] = raw[name]
  if (version === 1) {
    const { largeText, ...rest } = raw
    return { ...(rest as Partial<SavedState>), ...lists, textStep: largeText === true ? 1 : 0 }
  }
  return lists as Partial<SavedState>
}

function parseJson(text: string | null): { ok: true; value: unknown } | { ok: false } {
  if (text === null) return { ok: false }
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch {
    return { ok: false }
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value)

/** The version number of a parsed save, or null when it has none. */
function versionOf(value: unknown): number | null {
  return isRecord(value) && typeof value.version === 'number' && Number.isFinite(value.version) ? value.version : null
}

/**
 * JSON over text storage in three keys: the main save (filters, search history, text step) and
 * one per reading list. A key whose text is broken, or of an older or unknown list version, is
 * removed and read as "nothing saved"; the other keys are read as usual. A key written by a newer
 * version is frozen for the session: not read, never written or removed (when the main save is
 * newer, the lists are frozen with it: the newer build owns all three). Writes skip keys whose
 * text did not change (opening an article rewrites only the history, not 500 favourites).
 */
export function savedStateStorage(storage: TextStorage): PersistStorage<SavedState> {
  const frozen = new Set<string>()
  const write = (key: string, text: string) => {
    if (!frozen.has(key) && storage.getItem(key) !== text) storage.setItem(key, text)
  }
  const remove = (key: string) => {
    if (!frozen.has(key)) storage.removeItem(key)
  }
  const freeze = (key: string, what: string, version: number) => {
    if (!frozen.has(key)) reportRecovered(`${what} was written by a newer version; leaving it untouched and using defaults this session`, `version ${version}`)
    frozen.add(key)
  }
  return {
    getItem(name) {
      // Read once per launch: what is frozen is decided afresh from what storage holds now.
      frozen.clear()
      const listKeys = LIST_NAMES.map((list) => `${name}/${list}`)
      const text = storage.getItem(name)
      const parsedMain = text === null ? null : parseJson(text)
      const mainVersion = parsedMain && parsedMain.ok ? versionOf(parsedMain.value) : null
      if (mainVersion !== null && mainVersion > STORE_VERSION) {
        freeze(name, 'saved state', mainVersion)
        for (const key of listKeys) frozen.add(key)
        return null
      }
      const lists: Record<string, unknown> = {}
      for (const list of LIST_NAMES) {
        const key = `${name}/${list}`
        if (frozen.has(key)) continue
        const listText = storage.getItem(key)
        if (listText === null) continue
        const parsed = parseJson(listText)
        const version = parsed.ok ? versionOf(parsed.value) : null
        if (version !== null && version > LIST_VERSION) {
          freeze(key, `saved ${list} list`, version)
        } else if (parsed.ok && isRecord(parsed.value) && version === LIST_VERSION && Array.isArray(parsed.value.entries)) {
          lists[list] = parsed.value.entries
        } else {
          reportRecovered(`saved ${list} list is broken or of another version; starting it empty`, listText.slice(0, 80))
          remove(key)
        }
      }
      let main: StorageValue<SavedState> | null = null
      if (text !== null && parsedMain) {
        if (parsedMain.ok && isRecord(parsedMain.value) && 'state' in parsedMain.value) {
          main = parsedMain.value as unknown as StorageValue<SavedState>
        } else {
          reportRecovered('saved state is not JSON with a "state" field; starting from defaults', text.slice(0, 80))
          remove(name)
        }
      }
      if (!main && Object.keys(lists).length === 0) return null
      const state = main && isRecord(main.state) ? main.state : {}
      return { version: main ? main.version : STORE_VERSION, state: { ...state, ...lists } as SavedState }
    },
    setItem(name, value) {
      const { favorites, history, ...main } = value.state
      write(name, JSON.stringify({ version: value.version, state: main }))
      write(`${name}/favorites`, JSON.stringify({ version: LIST_VERSION, entries: favorites }))
      write(`${name}/history`, JSON.stringify({ version: LIST_VERSION, entries: history }))
    },
    removeItem(name) {
      remove(name)
      for (const list of LIST_NAMES) remove(`${name}/${list}`)
    },
  }
}

export const useAppStore = create<AppState>()(
  persist(
    (...a) => ({
      ...createFiltersSlice(...a),
      ...createSearchHistorySlice(...a),
      ...createPreferencesSlice(...a),
      ...createReadingSlice(...a),
    }),
    {
      name: STORE_KEY,
      version: STORE_VERSION,
      storage: savedStateStorage(taroStorage),
      partialize: (s): SavedState => ({
        filters: s.filters,
        searchHistory: s.searchHistory,
        textStep: s.textStep,
        favorites: s.favorites,
        history: s.history,
      }),
      migrate: (saved, version) => migrateSavedState(saved, version) as SavedState,
      merge: (saved, current) => ({ ...current, ...restoreSavedState(saved) }),
    },
  ),
)

// Selectors return stable values: store fields by reference, grouped actions through useShallow.
export const useFilters = () => useAppStore((s) => s.filters)
export const useSearchHistory = () => useAppStore((s) => s.searchHistory)
export const useTextStep = () => useAppStore((s) => s.textStep)
export const useFavorites = () => useAppStore((s) => s.favorites)
export const useReadingHistory = () => useAppStore((s) => s.history)

export const useFilterActions = () =>
  useAppStore(
    useShallow((s) => ({
      chooseProvince: s.chooseProvince,
      chooseCity: s.chooseCity,
      chooseTopic: s.chooseTopic,
      applyFilters: s.applyFilters,
      clearFilters: s.clearFilters,
    })),
  )

export const useSearchHistoryActions = () =>
  useAppStore(
    useShallow((s) => ({
      rememberSearch: s.rememberSearch,
      forgetSearch: s.forgetSearch,
      clearSearchHistory: s.clearSearchHistory,
    })),
  )

export const useReadingActions = () =>
  useAppStore(
    useShallow((s) => ({
      toggleFavorite: s.toggleFavorite,
      removeFavorite: s.removeFavorite,
      recordVisit: s.recordVisit,
      removeVisit: s.removeVisit,
      clearHistory: s.clearHistory,
    })),
  )

// The app's one store: slices for filters, search history and preferences, persisted together
// through Taro's storage API. Saved data is treated as untrusted input: an old version, a broken
// JSON string or a wrong shape is discarded field by field and defaults are used, never a crash.
import { create } from 'zustand'
import { persist, type PersistStorage, type StorageValue } from 'zustand/middleware'
import { useShallow } from 'zustand/react/shallow'
import { normalizeFilters } from '../core/filters'
import { reportRecovered } from '../core/report'
import { provinces } from '../data/index'
import { taroStorage, type TextStorage } from '../platform/storage'
import { createFiltersSlice, type FiltersSlice } from './filtersSlice'
import { createPreferencesSlice, type PreferencesSlice } from './preferencesSlice'
import {
  createSearchHistorySlice,
  historyEntryFor,
  SEARCH_HISTORY_LIMIT,
  type SearchHistorySlice,
} from './searchHistorySlice'

export type AppState = FiltersSlice & SearchHistorySlice & PreferencesSlice

/** What is written to storage: data only, never actions. */
export type SavedState = Pick<AppState, 'filters' | 'searchHistory' | 'largeText'>

export const STORE_KEY = 'health-news/app-state'
/** Bump when SavedState changes shape; older saves are then discarded (see `migrate`). */
export const STORE_VERSION = 1

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
  if (typeof raw.largeText === 'boolean') restored.largeText = raw.largeText
  return restored
}

/** JSON over text storage that reads a broken value as "nothing saved" and removes it. */
export function savedStateStorage(storage: TextStorage): PersistStorage<SavedState> {
  return {
    getItem(name) {
      const text = storage.getItem(name)
      if (text === null) return null
      try {
        const value: unknown = JSON.parse(text)
        if (value && typeof value === 'object' && 'state' in value) return value as StorageValue<SavedState>
        reportRecovered('saved state has no "state" field; starting from defaults', text.slice(0, 80))
      } catch (error) {
        reportRecovered('saved state is not JSON; starting from defaults', error)
      }
      storage.removeItem(name)
      return null
    },
    setItem(name, value) {
      storage.setItem(name, JSON.stringify(value))
    },
    removeItem(name) {
      storage.removeItem(name)
    },
  }
}

export const useAppStore = create<AppState>()(
  persist(
    (...a) => ({
      ...createFiltersSlice(...a),
      ...createSearchHistorySlice(...a),
      ...createPreferencesSlice(...a),
    }),
    {
      name: STORE_KEY,
      version: STORE_VERSION,
      storage: savedStateStorage(taroStorage),
      partialize: (s): SavedState => ({ filters: s.filters, searchHistory: s.searchHistory, largeText: s.largeText }),
      // No earlier versions worth carrying over: start from defaults.
      migrate: () => ({}) as SavedState,
      merge: (saved, current) => ({ ...current, ...restoreSavedState(saved) }),
    },
  ),
)

// Selectors return stable values: store fields by reference, grouped actions through useShallow.
export const useFilters = () => useAppStore((s) => s.filters)
export const useSearchHistory = () => useAppStore((s) => s.searchHistory)
export const useLargeText = () => useAppStore((s) => s.largeText)

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

// 搜索历史: the last queries a reader ran, newest first, so they can repeat one with a tap.
import type { StateCreator } from 'zustand'
import { clipText } from '../core/text'
import type { AppState } from './appStore'

export const SEARCH_HISTORY_LIMIT = 10
/** Longer queries are kept only in part: history is for tapping again, not an archive. */
export const HISTORY_QUERY_MAX_LENGTH = 40

/** The form a query is remembered in: trimmed, inner whitespace collapsed, length capped. */
export function historyEntryFor(query: string): string {
  return clipText(query, HISTORY_QUERY_MAX_LENGTH)
}

export interface SearchHistorySlice {
  searchHistory: string[]
  /** Moves an existing entry to the front instead of duplicating it. */
  rememberSearch: (query: string) => void
  forgetSearch: (query: string) => void
  clearSearchHistory: () => void
}

export const createSearchHistorySlice: StateCreator<AppState, [], [], SearchHistorySlice> = (set) => ({
  searchHistory: [],
  rememberSearch: (query) => {
    const entry = historyEntryFor(query)
    if (!entry) return
    set((s) => ({
      searchHistory: [entry, ...s.searchHistory.filter((q) => q !== entry)].slice(0, SEARCH_HISTORY_LIMIT),
    }))
  },
  forgetSearch: (query) => set((s) => ({ searchHistory: s.searchHistory.filter((q) => q !== query) })),
  clearSearchHistory: () => set({ searchHistory: [] }),
})

// 收藏 and 最近浏览 (the 我的 page). The list rules (newest first, one entry per article, caps,
// validation of saved entries) live in src/core/readingLists.ts; this slice only applies them.
import type { StateCreator } from 'zustand'
import type { Article } from '../core/article'
import { contains, entryFor, FAVORITES_LIMIT, HISTORY_LIMIT, putFirst, without, type ReadingEntry } from '../core/readingLists'
import type { AppState } from './appStore'

type Saved = Pick<Article, 'id' | 'title' | 'date'>

export interface ReadingSlice {
  favorites: ReadingEntry[]
  history: ReadingEntry[]
  /** 收藏 ↔ 已收藏: adds the article first, or removes it when it is already there. */
  toggleFavorite: (article: Saved) => void
  removeFavorite: (id: string) => void
  /** An article was opened: it moves to the front of 最近浏览 (one entry per article, last 50). */
  recordVisit: (article: Saved) => void
  removeVisit: (id: string) => void
  clearHistory: () => void
}

export const createReadingSlice: StateCreator<AppState, [], [], ReadingSlice> = (set) => ({
  favorites: [],
  history: [],
  toggleFavorite: (article) =>
    set((s) => ({
      favorites: contains(s.favorites, article.id)
        ? without(s.favorites, article.id)
        : putFirst(s.favorites, entryFor(article, Date.now()), FAVORITES_LIMIT),
    })),
  removeFavorite: (id) => set((s) => ({ favorites: without(s.favorites, id) })),
  recordVisit: (article) => set((s) => ({ history: putFirst(s.history, entryFor(article, Date.now()), HISTORY_LIMIT) })),
  removeVisit: (id) => set((s) => ({ history: without(s.history, id) })),
  clearHistory: () => set({ history: [] }),
})

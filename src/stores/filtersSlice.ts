// The home page's chosen region and topic. Kept in the store (and persisted) so the tabs survive
// opening an article and coming back, and reopening the app.
import type { StateCreator } from 'zustand'
import { NO_FILTERS, type ArticleFilters } from '../core/filters'
import type { Topic } from '../core/article'
import type { AppState } from './appStore'

export interface FiltersSlice {
  filters: ArticleFilters
  /** null = 全国. Choosing a province clears the city. */
  chooseProvince: (province: string | null) => void
  /** null = the whole province. */
  chooseCity: (city: string | null) => void
  /** null = 全部. */
  chooseTopic: (topic: Topic | null) => void
  /** Replace all filters at once (a chip on the detail page, a shared filtered link). */
  applyFilters: (filters: ArticleFilters) => void
  clearFilters: () => void
}

export const createFiltersSlice: StateCreator<AppState, [], [], FiltersSlice> = (set) => ({
  filters: NO_FILTERS,
  chooseProvince: (province) => set((s) => ({ filters: { ...s.filters, province, city: null } })),
  chooseCity: (city) =>
    set((s) => (s.filters.province === null ? s : { filters: { ...s.filters, city } })),
  chooseTopic: (topic) => set((s) => ({ filters: { ...s.filters, topic } })),
  applyFilters: (filters) => set({ filters: { province: filters.province, city: filters.province ? filters.city : null, topic: filters.topic } }),
  clearFilters: () => set({ filters: NO_FILTERS }),
})

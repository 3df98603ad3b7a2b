// Reading preferences. 大字 (larger type) is the cheap part of elder mode (适老化): one switch
// that pages turn into a class on their root.
import type { StateCreator } from 'zustand'
import type { AppState } from './appStore'

export interface PreferencesSlice {
  largeText: boolean
  toggleLargeText: () => void
}

export const createPreferencesSlice: StateCreator<AppState, [], [], PreferencesSlice> = (set) => ({
  largeText: false,
  toggleLargeText: () => set((s) => ({ largeText: !s.largeText })),
})

// Reading preferences: the text step of the one text scale (src/core/textScale.ts). Replaces the
// old 大字 on/off switch; a saved `largeText: true` becomes 大 (see the migration in appStore.ts).
import type { StateCreator } from 'zustand'
import { STANDARD_STEP, type TextStep } from '../core/textScale'
import type { AppState } from './appStore'

export interface PreferencesSlice {
  textStep: TextStep
  setTextStep: (step: TextStep) => void
}

export const createPreferencesSlice: StateCreator<AppState, [], [], PreferencesSlice> = (set) => ({
  textStep: STANDARD_STEP,
  setTextStep: (textStep) => set({ textStep }),
})

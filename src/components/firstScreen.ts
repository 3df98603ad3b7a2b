import { startTransition, useEffect, useState } from 'react'

/**
 * Cards drawn at once in a list: a phone shows about three below the tabs or search bar, six
 * covers tall screens. The rest follows as a low-priority update, so the first cards are not
 * held back by the ones below the fold.
 */
export const FIRST_SCREEN_CARDS = 6

const NOTHING_DRAWN = {}

/**
 * True on the first render for each new `key` (a list that just changed), false once the rest
 * has been drawn: a transition renders in slices and lets the browser paint the first cards
 * before the others. Home and search both draw their lists through this.
 */
export function useFirstScreenOnly(key: unknown): boolean {
  const [drawnKey, setDrawnKey] = useState<unknown>(NOTHING_DRAWN)
  useEffect(() => {
    startTransition(() => setDrawnKey(key))
  }, [key])
  return drawnKey !== key
}

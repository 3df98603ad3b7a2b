// Props that make a View act like a button for every way of pressing it: a tap (both targets),
// and on H5 the keyboard too, since a Taro View is a plain <div> there that neither takes focus
// nor answers Enter/Space. WeChat has no keyboard focus; it ignores tabIndex and key events.

interface KeyLike {
  key?: string
  preventDefault?: () => void
}

export interface PressableProps {
  onClick: () => void
  onKeyDown: (event: KeyLike) => void
  tabIndex: number
}

export function pressable(onPress: () => void): PressableProps {
  return {
    onClick: onPress,
    onKeyDown: (event) => {
      if (event.key !== 'Enter' && event.key !== ' ') return
      // Space would also scroll the page.
      event.preventDefault?.()
      onPress()
    },
    tabIndex: 0,
  }
}

/** Escape closes a panel (H5 keyboard); spread onto the panel's outer View. */
export function closesOnEscape(onClose: () => void): { onKeyDown: (event: KeyLike) => void } {
  return {
    onKeyDown: (event) => {
      if (event.key === 'Escape') onClose()
    },
  }
}

/** Lets script move focus to a heading (tabIndex -1) without adding it to the Tab order. */
export const FOCUS_TARGET = { tabIndex: -1 } as const

// Moving keyboard focus on H5, where a panel that opens or closes must take a keyboard or
// screen-reader user along (to its heading, then back to the button that opened it).
//
// Taro's H5 elements are web components that stay hidden until they hydrate, a frame or two
// after React puts them on the page; a hidden element drops focus (measured in Chromium:
// focusin, then focusout to <body> once the ancestors' hydration ran). So focus is given at
// once and given again, for a few frames, whenever it has fallen back to <body>. It is never
// taken from anything else the reader has moved to meanwhile.
const RETRY_FRAMES = 12

/** Focuses the element with this id, if it is on the page and can take focus. */
export function focusById(id: string): void {
  if (typeof document === 'undefined') return
  focusElement(() => document.getElementById(id))
}

/**
 * Focuses the element `find` gives (looked up again each frame: React may replace it), and again
 * for a few frames while focus has fallen back to <body>.
 */
export function focusElement(find: () => HTMLElement | null): void {
  if (typeof document === 'undefined') return
  const attempt = (framesLeft: number) => {
    const element = find()
    if (!element || typeof element.focus !== 'function') return
    const active = document.activeElement
    if (active !== element && active && active !== document.body && framesLeft < RETRY_FRAMES) return
    if (active !== element) element.focus()
    if (framesLeft > 0 && typeof requestAnimationFrame === 'function') requestAnimationFrame(() => attempt(framesLeft - 1))
  }
  attempt(RETRY_FRAMES)
}

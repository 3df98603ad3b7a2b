// "The reader has reached the end of the list" on H5, besides Taro's onReachBottom. Taro fires
// onReachBottom only on a scroll event that arrives within the distance after one that was
// outside it, so a single jump to the bottom (the End key, a long fling, a screen taller than
// the list) after the first page never loads the next one. An IntersectionObserver on the
// list's last line sees it whatever moved it on screen.

/**
 * Calls `onVisible` when the element with this id is on screen, including at once if it already
 * is. Returns a function that stops watching. Callers watch again after each change of the
 * list, so an end line that stays on screen keeps asking for more.
 */
export function watchVisible(id: string, onVisible: () => void): () => void {
  if (typeof document === 'undefined' || typeof IntersectionObserver === 'undefined') return () => {}
  const element = document.getElementById(id)
  if (!element) return () => {}
  const observer = new IntersectionObserver((entries) => {
    if (entries.some((entry) => entry.isIntersecting)) onVisible()
  })
  observer.observe(element)
  return () => observer.disconnect()
}

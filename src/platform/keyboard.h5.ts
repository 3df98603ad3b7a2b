// Keyboard use on H5 (WCAG 2.1.1): Taro renders tappable things as <taro-view-core> elements
// with a role and tabindex (src/components/focusable.ts), which a browser does not activate
// with Enter or Space the way it does a <button>. One listener does it for all of them.
const ACTIVATED_ROLES = '[role=button],[role=link],[role=tab],[role=radio]'

export function enableKeyboardActivation(): void {
  if (typeof document === 'undefined') return
  document.addEventListener('keydown', (event) => {
    // Elements that answer keys themselves (components/pressable.ts) have done so already.
    if (event.defaultPrevented || (event.key !== 'Enter' && event.key !== ' ')) return
    const target = event.target as HTMLElement | null
    if (!target || typeof target.matches !== 'function' || !target.matches(ACTIVATED_ROLES)) return
    // Links activate on Enter only, as native links do; Space would scroll the page.
    if (event.key === ' ' && target.getAttribute('role') === 'link') return
    event.preventDefault()
    target.click()
  })
}

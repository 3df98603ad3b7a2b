// The browser's default font size (a reader's "font size" setting; Chromium's
// webkit.webprefs.default_font_size). The root element cannot tell it: Taro's H5 script sets
// <html>'s font-size from the screen width for the px → rem layout. The keyword `medium` always
// computes to the browser default, whatever its ancestors say, so a probe element measures it.
let measured: number | null | undefined

export function readSystemFontPx(): number | null {
  if (measured !== undefined) return measured
  if (typeof document === 'undefined' || !document.body || typeof getComputedStyle !== 'function') return null
  try {
    const probe = document.createElement('div')
    probe.style.cssText = 'position:absolute;visibility:hidden;font-size:medium'
    document.body.appendChild(probe)
    const px = parseFloat(getComputedStyle(probe).fontSize)
    probe.remove()
    measured = Number.isFinite(px) && px > 0 ? px : null
  } catch {
    measured = null
  }
  return measured
}

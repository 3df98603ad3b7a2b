// Copying text in a browser: the async Clipboard API needs a secure context (https or
// localhost) and a user gesture; WeChat's and older browsers' WebViews often lack it, so a
// hidden textarea with execCommand('copy') is the fallback.
import { reportRecovered } from '../core/report'

function copyWithTextarea(text: string): boolean {
  if (typeof document === 'undefined' || !document.body) return false
  const area = document.createElement('textarea')
  area.value = text
  area.setAttribute('readonly', '')
  // Off-screen but selectable; font-size 16px stops iOS from zooming the page.
  area.style.cssText = 'position:fixed;top:0;left:-9999px;opacity:0;font-size:16px;'
  document.body.appendChild(area)
  area.select()
  area.setSelectionRange(0, text.length)
  let ok = false
  try {
    ok = document.execCommand('copy')
  } catch (error) {
    reportRecovered("execCommand('copy') threw; the caller offers the link to copy by hand", error)
    ok = false
  }
  document.body.removeChild(area)
  return ok
}

/** Puts `text` on the clipboard; resolves false when the browser refused both ways. */
export async function copyText(text: string): Promise<boolean> {
  const clipboard = typeof navigator !== 'undefined' ? navigator.clipboard : undefined
  if (clipboard && typeof clipboard.writeText === 'function') {
    try {
      await clipboard.writeText(text)
      return true
    } catch (error) {
      // Permission denied or not a secure context: try the legacy way.
      reportRecovered('navigator.clipboard.writeText refused; trying execCommand', error)
    }
  }
  return copyWithTextarea(text)
}

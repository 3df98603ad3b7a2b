// Small text rules used across the app, each decided once: the app's name, the one query length
// limit, whitespace folding, cutting text to a length, and a locale-free string order.

/** The app's name as readers see it (share titles, cards, posters, the page head). */
export const APP_NAME = '健康资讯'

/**
 * The longest query, in characters: the search box refuses more and the engine cuts there.
 * Nobody types more, and it bounds the work a pasted paragraph causes.
 */
export const MAX_QUERY_LENGTH = 64

export const ELLIPSIS = '…'

/** Runs of whitespace (newlines, tabs, full-width spaces) become one space; ends trimmed. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/**
 * At most `maxChars` characters of `text`, counted and cut by code point so a character outside
 * the BMP (an emoji, a rare Han character) is never split into half a surrogate pair.
 */
export function takeChars(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text
  const chars = Array.from(text)
  return chars.length <= maxChars ? text : chars.slice(0, Math.max(0, maxChars)).join('')
}

/**
 * `text` with whitespace collapsed and cut to `maxChars` characters; a cut text ends with `…`
 * (the ellipsis is extra, not counted). Never splits a surrogate pair.
 */
export function shortenText(text: string, maxChars: number): string {
  const clean = collapseWhitespace(text)
  const cut = takeChars(clean, maxChars)
  // Not trimEnd(): iOS 10-11 WebViews (browserslist) lack it, and Babel does not polyfill methods.
  return cut === clean ? clean : `${cut.replace(/\s+$/, '')}${ELLIPSIS}`
}

/** Whitespace collapsed and cut to `maxChars` characters, no ellipsis (stored values: history, share titles). */
export function clipText(text: string, maxChars: number): string {
  return takeChars(collapseWhitespace(text), maxChars).trim()
}

/** UTF-16 unit → its place in code-point order (surrogates above U+E000–U+FFFF). */
function codePointRank(unit: number): number {
  if (unit < 0xd800) return unit
  return unit <= 0xdfff ? unit + 0x2000 : unit - 0x800
}

/**
 * Orders strings by Unicode code point: the same on every machine, unlike localeCompare, and
 * unlike `<` (which compares UTF-16 units and puts 😀 before U+FFFF).
 */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length)
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i)
    const y = b.charCodeAt(i)
    if (x !== y) return codePointRank(x) < codePointRank(y) ? -1 : 1
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1
}

/** Sort comparator for anything dated YYYY-MM-DD: newer first; 0 on the same day (callers break ties). */
export function newerFirst(a: { date: string }, b: { date: string }): number {
  return a.date === b.date ? 0 : a.date < b.date ? 1 : -1
}

// Line breaking for Chinese text on a canvas: canvas has no layout engine, so the share images
// wrap text here. Rules: break between any two CJK characters, never inside a Latin word or a
// number (2025-03-19, 3.5%), never start a line with closing punctuation or end one with opening
// punctuation, and cut to `maxLines` with an ellipsis.
import type { FontWeight, TextMeasurer } from '../../core/drawing'
import { collapseWhitespace, ELLIPSIS } from '../../core/text'

export { ELLIPSIS }

/** Characters that must not start a line (they belong to what precedes them). */
const NO_LINE_START = new Set(Array.from(',。、;:!?)」』》〉】〕”’…,.;:!?)]}%·'))
/** Characters that must not end a line (they belong to what follows them). */
const NO_LINE_END = new Set(Array.from('(「『《〈【〔“‘([{'))
/** Trailing characters dropped before an ellipsis so a cut line never reads "医保,…". */
const TRIM_BEFORE_ELLIPSIS = /[\s,。、;:!?,.;:!?·\-—]+$/

/**
 * Width estimate for environments without a canvas (Node tests, layout before a context exists).
 * CJK and full-width forms take a full em; Latin letters and digits about half. Real renders pass
 * the context's own measureText, so this only has to be close and on the wide side.
 */
export const estimateTextWidth: TextMeasurer = (text, size, weight) => {
  let em = 0
  for (const ch of Array.from(text)) {
    const code = ch.codePointAt(0) ?? 0
    if (ch === ' ') em += 0.32
    else if (code < 0x2000) em += /[A-Z0-9]/.test(ch) ? 0.64 : /[mwMW]/.test(ch) ? 0.84 : 0.56
    else em += 1
  }
  return em * size * (weight === 'bold' ? 1.04 : 1)
}

/** Splits text into unbreakable pieces: runs of Latin letters/digits (with inner . - % / :), spaces, or single other characters. */
export function tokenize(text: string): string[] {
  return text.match(/[A-Za-z0-9][A-Za-z0-9.\-%/:_]*[A-Za-z0-9%]|[A-Za-z0-9]|\s+|[\s\S]/gu) ?? []
}

export interface WrapOptions {
  maxWidth: number
  size: number
  weight: FontWeight
  maxLines: number
  measure?: TextMeasurer
}

export interface WrappedText {
  lines: string[]
  /** True when text was cut and the last line ends with an ellipsis. */
  truncated: boolean
}

/** Wraps `text` into at most `maxLines` lines no wider than `maxWidth`. Newlines are treated as spaces. */
export function wrapText(text: string, options: WrapOptions): WrappedText {
  const { maxWidth, size, weight, maxLines } = options
  const measure = options.measure ?? estimateTextWidth
  const width = (s: string) => measure(s, size, weight)
  const clean = collapseWhitespace(text)
  if (!clean || maxLines < 1) return { lines: [], truncated: false }

  const pieces = splitOversized(tokenize(clean), maxWidth, width)
  const lines: string[][] = []
  let current: string[] = []
  let currentWidth = 0
  for (const piece of pieces) {
    const pieceWidth = width(piece)
    if (current.length === 0 && piece.trim() === '') continue
    if (currentWidth + pieceWidth <= maxWidth || current.length === 0) {
      current.push(piece)
      currentWidth += pieceWidth
      continue
    }
    // The piece does not fit: start a new line, carrying along whatever must not be separated.
    const carried: string[] = []
    if (NO_LINE_START.has(piece) && current.length > 1) carried.unshift(current.pop() as string)
    while (current.length > 1 && NO_LINE_END.has(current[current.length - 1])) {
      carried.unshift(current.pop() as string)
    }
    lines.push(current)
    current = [...carried, piece].filter((p, i) => i > 0 || p.trim() !== '')
    currentWidth = width(current.join(''))
  }
  if (current.length) lines.push(current)
  avoidOrphan(lines, maxWidth, width)

  const joined = lines.map((l) => l.join('').trim())
  if (joined.length <= maxLines) return { lines: joined, truncated: false }

  const kept = joined.slice(0, maxLines)
  kept[maxLines - 1] = withEllipsis(kept[maxLines - 1], maxWidth, width)
  return { lines: kept, truncated: true }
}

/**
 * A title ending in a lone character on its own line ("…医院有哪\n些") reads badly in large type:
 * move one more piece down when the line above can spare it.
 */
function avoidOrphan(lines: string[][], maxWidth: number, width: (s: string) => number): void {
  if (lines.length < 2) return
  const last = lines[lines.length - 1]
  const before = lines[lines.length - 2]
  if (last.join('').trim().length !== 1 || before.length < 3) return
  const moved = before[before.length - 1]
  if (NO_LINE_END.has(moved) || moved.trim() === '') return
  if (width(moved + last.join('')) > maxWidth) return
  before.pop()
  last.unshift(moved)
}

/** Shortens `line` until it plus an ellipsis fits in `maxWidth`. */
function withEllipsis(line: string, maxWidth: number, width: (s: string) => number): string {
  let chars = Array.from(line.replace(TRIM_BEFORE_ELLIPSIS, ''))
  while (chars.length && width(chars.join('') + ELLIPSIS) > maxWidth) {
    chars = chars.slice(0, -1)
  }
  return chars.join('').replace(TRIM_BEFORE_ELLIPSIS, '') + ELLIPSIS
}

/** A single token wider than the line (a long URL or number) is split into characters. */
function splitOversized(tokens: string[], maxWidth: number, width: (s: string) => number): string[] {
  const out: string[] = []
  for (const token of tokens) {
    if (token.length > 1 && width(token) > maxWidth) out.push(...Array.from(token))
    else out.push(token)
  }
  return out
}

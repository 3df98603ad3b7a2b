// Text normalisation shared by queries and indexed fields, so both sides compare like with like.
// Hand-written character classes instead of \p{…}: Babel would expand Unicode property escapes
// into kilobytes of ranges in the ES5 weapp bundle.

import { MAX_QUERY_LENGTH } from '../text'
export { MAX_QUERY_LENGTH }

/** Han ideographs (CJK unified, extension A, compatibility) and the high surrogates of planes 2-3. */
export function isHan(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xd840 && code <= 0xd87f)
  )
}

/** A character a query may keep: Han, digits, letters (Latin incl. accented, Greek, Cyrillic, kana, Hangul). */
export function isWordChar(code: number): boolean {
  // Most common first: this runs for every character of every article when indexing.
  if (code >= 0x4e00 && code <= 0x9fff) return true
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a)
  if (isHan(code)) return true
  // Low surrogate of a kept pair (only pairs whose high half isHan reach here in practice).
  if (code >= 0xdc00 && code <= 0xdfff) return true
  if (code >= 0xc0 && code <= 0x24f) return code !== 0xd7 && code !== 0xf7
  if (code >= 0x370 && code <= 0x4ff) return true
  if (code >= 0x3040 && code <= 0x30ff) return code !== 0x30fb
  return code >= 0xac00 && code <= 0xd7af
}

function nfkc(text: string): string {
  return typeof text.normalize === 'function' ? text.normalize('NFKC') : text
}

/**
 * The query as the engine sees it: NFKC (full-width digits and letters become ASCII), lower case,
 * every character that is not Han, a letter or a digit turned into a space, spaces collapsed,
 * at most MAX_QUERY_LENGTH characters. Never throws; anything that is not a string gives ''.
 */
export function normalizeQuery(input: unknown): string {
  if (typeof input !== 'string') return ''
  // Cut before NFKC so a pasted book costs no more than a long query.
  const text = nfkc(input.slice(0, MAX_QUERY_LENGTH * 4)).toLowerCase()
  let out = ''
  let pendingSpace = false
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code >= 0xd800 && code <= 0xdbff) {
      // A surrogate pair is kept or dropped as a whole; a lone half is dropped.
      const next = text.charCodeAt(i + 1)
      const paired = next >= 0xdc00 && next <= 0xdfff
      if (paired && isHan(code)) {
        if (pendingSpace && out) out += ' '
        pendingSpace = false
        out += text.charAt(i) + text.charAt(i + 1)
      } else {
        pendingSpace = true
      }
      if (paired) i++
      continue
    }
    if (code >= 0xdc00 && code <= 0xdfff) {
      pendingSpace = true
      continue
    }
    if (isWordChar(code)) {
      if (pendingSpace && out) out += ' '
      pendingSpace = false
      out += text.charAt(i)
    } else {
      pendingSpace = true
    }
  }
  return capLength(out, MAX_QUERY_LENGTH)
}

/**
 * Traditional characters replaced by the simplified ones the articles use (醫保 → 医保), one
 * character at a time from the build-time table (SearchIndexData.traditional).
 */
export function simplifyCharacters(text: string, table: Readonly<Record<string, string>>): string {
  let out = ''
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i)
    out += Object.prototype.hasOwnProperty.call(table, ch) ? table[ch] : ch
  }
  return out
}

function capLength(text: string, max: number): string {
  if (text.length <= max) return text
  let cut = max
  // Never split a surrogate pair.
  const last = text.charCodeAt(cut - 1)
  if (last >= 0xd800 && last <= 0xdbff) cut--
  return text.slice(0, cut).trim()
}

const foldedCodes = new Map<number, number>()

/** One UTF-16 unit folded: lower case, NFKC when that stays one unit. Han and ASCII are fast. */
function foldCode(code: number): number {
  if (code < 0x80) return code >= 0x41 && code <= 0x5a ? code + 32 : code
  // Unified Han and surrogates never change; they are nearly all of an article.
  if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0xd800 && code <= 0xdfff)) return code
  let folded = foldedCodes.get(code)
  if (folded === undefined) {
    const text = nfkc(String.fromCharCode(code)).toLowerCase()
    folded = text.length === 1 ? text.charCodeAt(0) : code
    foldedCodes.set(code, folded)
  }
  return folded
}

/**
 * A field as indexed and searched: lower case, and each character NFKC-folded only when that
 * keeps it one UTF-16 unit (，→ , and ２ → 2, but not ㎡ → m2), so positions still point into the
 * original text (title highlighting).
 */
export function foldText(text: string): string {
  const length = text.length
  let i = 0
  while (i < length && foldCode(text.charCodeAt(i)) === text.charCodeAt(i)) i++
  if (i === length) return text
  const codes: number[] = new Array(length - i)
  for (let j = i; j < length; j++) codes[j - i] = foldCode(text.charCodeAt(j))
  let out = text.slice(0, i)
  // fromCharCode.apply in slices: engines cap the number of arguments.
  for (let k = 0; k < codes.length; k += 4096) out += String.fromCharCode.apply(null, codes.slice(k, k + 4096))
  return out
}

function isLetter(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0xc0 && code <= 0x24f)
}

/**
 * Splits a normalised query into tokens at spaces and wherever Latin letters meet anything else
 * ("朔州jiaolv" → 朔州 + jiaolv: pinyin is read on its own). Digits stay with Han text
 * ("统筹支付0元", "2025扬州"), where they are part of the words.
 */
export function splitTokens(normalized: string): string[] {
  const tokens: string[] = []
  const words = normalized.split(' ')
  for (const word of words) {
    if (!word) continue
    let start = 0
    for (let i = 1; i <= word.length; i++) {
      if (i === word.length || isLetter(word.charCodeAt(i)) !== isLetter(word.charCodeAt(start))) {
        tokens.push(word.slice(start, i))
        start = i
      }
    }
  }
  return tokens
}

/** True when the token contains Han characters (it may also hold digits). */
export function isHanToken(token: string): boolean {
  for (let i = 0; i < token.length; i++) if (isHan(token.charCodeAt(i))) return true
  return false
}

/** Letters a-z only: the tokens that may be pinyin. */
export function isLatinToken(token: string): boolean {
  return /^[a-z]+$/.test(token)
}

// A typed query → what to look for. Every typed token must be found (扬州 断缴: both matter);
// a token may be read several ways (as typed, split into words, as pinyin), and each word may be
// found as any of its alternatives (synonyms, the words a pinyin spelling stands for).
import { isHanToken, isLatinToken, splitTokens } from './normalize'
import type { PinyinVocabulary, SpelledWord } from './pinyin'
import { synonymVariants } from './synonyms'

export interface Alternative {
  /** Folded text to search for (no spaces). */
  text: string
  /** 1 for the word as typed; less for synonyms and pinyin readings. */
  weight: number
}

/** One word: found when any alternative is. */
export interface Term {
  alternatives: Alternative[]
}

/** One way to read a token: found when all its terms are. */
export interface Reading {
  terms: Term[]
  weight: number
}

/** One typed token: found when any reading is. */
export interface Group {
  token: string
  readings: Reading[]
}

/** A synonym is a good answer, but the word as typed, where present, is a better one. */
export const SYNONYM_WEIGHT = 0.85
/** Splitting 朔州焦虑 into 朔州 + 焦虑 finds more; the unsplit phrase, where present, is better. */
export const SPLIT_WEIGHT = 0.9

/** Bounds that keep a pathological query (64 one-letter words) cheap. */
const MAX_GROUPS = 6
const MAX_TERMS_PER_READING = 6
const MAX_PINYIN_WORDS = 4

export interface PlanContext {
  /** Splits a run of Han characters into known words and the text between them. */
  segment(token: string): string[]
  pinyin: PinyinVocabulary | null
}

function termFor(text: string, weight: number): Term {
  const alternatives: Alternative[] = [{ text, weight }]
  for (const variant of synonymVariants(text)) alternatives.push({ text: variant, weight: weight * SYNONYM_WEIGHT })
  return { alternatives }
}

function termForSpelled(words: SpelledWord[]): Term {
  const alternatives: Alternative[] = []
  for (const spelled of words) {
    for (const alternative of termFor(spelled.word, spelled.quality).alternatives) {
      if (!alternatives.some((a) => a.text === alternative.text)) alternatives.push(alternative)
    }
  }
  return { alternatives }
}

function groupFor(token: string, context: PlanContext): Group {
  const segments = isHanToken(token) ? context.segment(token) : [token]
  if (segments.length > 1) {
    // The phrase as typed still counts (a typo can defeat the split: 新农合案备成功), but its
    // synonyms are left to the split reading, which applies them word by word.
    return {
      token,
      readings: [
        { terms: [{ alternatives: [{ text: token, weight: 1 }] }], weight: 1 },
        { terms: segments.slice(0, MAX_TERMS_PER_READING).map((s) => termFor(s, 1)), weight: SPLIT_WEIGHT },
      ],
    }
  }
  const readings: Reading[] = [{ terms: [termFor(token, 1)], weight: 1 }]
  if (isLatinToken(token) && token.length >= 2 && context.pinyin) {
    const words = context.pinyin.wordsFor(token, MAX_PINYIN_WORDS)
    if (words.length) {
      readings.push({ terms: [termForSpelled(words)], weight: 1 })
    } else {
      const parts = context.pinyin.split(token, MAX_PINYIN_WORDS)
      if (parts) {
        readings.push({ terms: parts.slice(0, MAX_TERMS_PER_READING).map(termForSpelled), weight: SPLIT_WEIGHT })
      }
    }
  }
  return { token, readings }
}

/** The plan for a normalised query; [] when nothing searchable is left. */
export function planQuery(normalized: string, context: PlanContext): Group[] {
  const tokens = splitTokens(normalized)
  const unique: string[] = []
  for (const token of tokens) if (unique.indexOf(token) < 0) unique.push(token)
  return unique.slice(0, MAX_GROUPS).map((token) => groupFor(token, context))
}

/**
 * Forward maximum matching against `lexicon`: 扬州断缴 → 扬州, 断缴; text between known words
 * stays one piece (朔州听力下将 → 朔州, 听力下将), so a typo inside it is still one word to Fuse.
 * A 市/省/县/区 right after a place name is dropped: 扬州市 is 扬州.
 */
export function segmentWithLexicon(
  token: string,
  lexicon: ReadonlySet<string>,
  places: ReadonlySet<string>,
  maxWordLength: number,
): string[] {
  const segments: string[] = []
  let pending = ''
  let i = 0
  while (i < token.length) {
    let found = ''
    for (let length = Math.min(maxWordLength, token.length - i); length >= 2; length--) {
      const candidate = token.substr(i, length)
      if (lexicon.has(candidate)) {
        found = candidate
        break
      }
    }
    if (!found) {
      pending += token.charAt(i)
      i++
      continue
    }
    if (pending) segments.push(pending)
    pending = ''
    segments.push(found)
    i += found.length
    if (places.has(found) && '市省县区'.indexOf(token.charAt(i)) >= 0 && i < token.length) i++
  }
  if (pending) segments.push(pending)
  return segments
}

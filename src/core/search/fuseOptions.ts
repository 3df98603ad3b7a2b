// The Fuse.js options: the one place that decides how a match is scored.
import type { IFuseOptions } from 'fuse.js'

/** What Fuse.js sees of an article: folded text; positions in `title` equal the original's. */
export interface SearchDoc {
  title: string
  /** " 江苏扬州" (province + city); see LEADING_SPACE. */
  region: string
  /** " 医保 家庭" */
  topics: string
  summary: string
  body: string
}

/**
 * Fuse.js scores a field equal to the whole query as 0, which its weighted product turns into
 * Number.EPSILON: a query of exactly "医保" would then rank an article by its topic field above
 * one that has 医保 in its title. A leading space on the short name fields keeps every exact
 * match on the same footing (Fuse.js's 0.001 for a substring), and queries never carry spaces.
 */
export const LEADING_SPACE = ' '

/** Titles first; region and topic names next; the long texts count, but less. */
export const FIELD_WEIGHTS: Readonly<Record<keyof SearchDoc, number>> = {
  title: 5,
  region: 2,
  topics: 1.5,
  summary: 1.5,
  body: 1,
}

/**
 * The short fields and the long ones are scored by separate Fuse.js instances, so the long texts
 * are only read for articles whose n-grams say the word can be there. Fuse.js's score is a
 * weighted product over fields, so -log(score) is a weighted sum and splits exactly:
 * relevance = HEAD_SHARE × relevance(short fields) + TEXT_SHARE × relevance(long fields).
 */
export const HEAD_FIELDS: ReadonlyArray<keyof SearchDoc> = ['title', 'region', 'topics']
export const TEXT_FIELDS: ReadonlyArray<keyof SearchDoc> = ['summary', 'body']

const weightOf = (fields: ReadonlyArray<keyof SearchDoc>) => fields.reduce((sum, f) => sum + FIELD_WEIGHTS[f], 0)
const TOTAL_WEIGHT = weightOf(HEAD_FIELDS) + weightOf(TEXT_FIELDS)
export const HEAD_SHARE = weightOf(HEAD_FIELDS) / TOTAL_WEIGHT
export const TEXT_SHARE = weightOf(TEXT_FIELDS) / TOTAL_WEIGHT

const keysOf = (fields: ReadonlyArray<keyof SearchDoc>) => fields.map((name) => ({ name, weight: FIELD_WEIGHTS[name] }))

const SHARED: IFuseOptions<unknown> = {
  includeScore: true,
  // A match anywhere in a field counts the same: answers sit mid-sentence in long summaries.
  ignoreLocation: true,
  // Fuse's length norm counts space-separated words, which Chinese text does not have.
  ignoreFieldNorm: true,
  // Overridden per word (thresholdFor): Fuse.js's threshold is a share of the word's length.
  threshold: 0.4,
  // The engine combines and sorts; Fuse need not sort each word's results.
  shouldSort: false,
}

export const HEAD_KEYS = keysOf(HEAD_FIELDS)
export const TEXT_KEYS = keysOf(TEXT_FIELDS)

/** Short fields: also report where the title matched, for highlighting. */
export const HEAD_OPTIONS: IFuseOptions<unknown> = { ...SHARED, keys: HEAD_KEYS, includeMatches: true }
export const TEXT_OPTIONS: IFuseOptions<unknown> = { ...SHARED, keys: TEXT_KEYS, includeMatches: false }

const TYPO_RATE = 0.4
const MAX_TYPOS = 2

/**
 * Typos a word may have and still match: 40% of its length, at most two. So a 2-character word
 * must match exactly, 3-4 characters allow one typo, 5 or more two. Without the cap a long phrase
 * would match almost anything that shares a few of its characters, and cost Fuse.js one pass
 * over the text per allowed typo.
 */
export function typoBudget(length: number): number {
  return Math.min(MAX_TYPOS, Math.floor(length * TYPO_RATE))
}

/** The Fuse.js threshold that lets exactly typoBudget(length) typos through (Bitap scores errors ÷ length). */
export function thresholdFor(length: number): number {
  return (typoBudget(length) + 0.5) / Math.max(1, length)
}

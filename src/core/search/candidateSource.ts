// Which articles a query looks at: the only part of search that changes with the collection's
// size. Up to FULL_SCAN_LIMIT articles every one is a candidate and questions about the text
// ("does any article have 扬州?") are answered by reading it. Above, the n-gram index answers
// them and picks a pool of likely articles from its guesses alone; Fuse.js then scores only
// those, and the engine ranks them exactly as it ranks a small collection.
import { CandidateIndex, type CandidateList } from './candidates'
import type { SearchDoc } from './fuseOptions'

/** Up to this many articles Fuse.js simply scores them all; the n-gram index pays off above. */
export const FULL_SCAN_LIMIT = 300
/** Articles handed to Fuse.js per query in a large collection (more when a caller asks for more results). */
const POOL_SIZE = 40
/** In a large collection, a word found exactly in this many articles is not also looked for with typos. */
const EXACT_ENOUGH = 4 * POOL_SIZE

/** What the pool is picked by: one thing the query asks for, found through any of its texts. */
export interface Guess {
  texts: ReadonlyArray<{ text: string; weight: number }>
  /** How much having it says about an article (the engine's cover weight, or 1). */
  weight: number
}

export interface CandidateSource {
  /** Articles that may contain `text`, from the n-gram index (see CandidateIndex.lookup). */
  lookup(text: string): CandidateList
  /** Some article has `text` as typed (read, not guessed, at every size). */
  occurs(text: string): boolean
  /** How many articles have one of `texts` (an estimate in a large collection). */
  reach(texts: readonly string[]): number
  /** The articles worth scoring for these guesses; null means every article. */
  pool(guesses: readonly Guess[], limit: number): Set<number> | null
  /** The article has `text` as typed, in any field. */
  hasAsTyped(doc: number, text: string): boolean
}

export function createCandidateSource(docs: readonly SearchDoc[]): CandidateSource {
  const index = new CandidateIndex(docs.map((d) => ({ head: d.title + ' ' + d.region + d.topics, text: d.summary + ' ' + d.body })))
  const hasAsTyped = (doc: number, text: string): boolean => {
    const d = docs[doc]
    return (
      d.title.indexOf(text) >= 0 ||
      d.region.indexOf(text) >= 0 ||
      d.topics.indexOf(text) >= 0 ||
      d.summary.indexOf(text) >= 0 ||
      d.body.indexOf(text) >= 0
    )
  }
  const lookups = new Map<string, CandidateList>()

  if (docs.length <= FULL_SCAN_LIMIT) {
    // A small collection reads every article: its n-gram index has few buckets, so counting or
    // vouching by bigrams would say yes too often.
    const count = (texts: readonly string[]) => {
      let n = 0
      for (let doc = 0; doc < docs.length; doc++) if (texts.some((text) => hasAsTyped(doc, text))) n++
      return n
    }
    return {
      lookup: (text) => index.lookup(text),
      occurs: (text) => count([text]) > 0,
      reach: count,
      pool: () => null,
      hasAsTyped,
    }
  }

  const lookup = (text: string): CandidateList => {
    let found = lookups.get(text)
    if (!found) {
      // Answers are reused by the next query only while they are few; a long session typing
      // keeps memory bounded.
      if (lookups.size > 2000) lookups.clear()
      lookups.set(text, (found = index.lookup(text, EXACT_ENOUGH)))
    }
    return found
  }
  const guessScores = new Float64Array(docs.length)
  const best = new Float64Array(docs.length)
  return {
    lookup,
    occurs: (text) => index.occurs(text, (doc) => hasAsTyped(doc, text)),
    reach: (texts) => Math.min(docs.length, texts.reduce((n, text) => n + lookup(text).docs.length, 0)),
    pool(guesses, limit) {
      // Each article: the sum, over what the query asks for, of its weight times the best
      // n-gram guess among its texts. An article with every word outscores one with some.
      const touched: number[] = []
      for (const guess of guesses) {
        const seen: number[] = []
        for (const { text, weight } of guess.texts) {
          const { docs: found, scores } = lookup(text)
          for (let i = 0; i < found.length; i++) {
            const doc = found[i]
            const score = scores[i] * weight
            if (best[doc] === 0) seen.push(doc)
            if (best[doc] < score) best[doc] = score
          }
        }
        for (const doc of seen) {
          if (guessScores[doc] === 0) touched.push(doc)
          guessScores[doc] += guess.weight * best[doc]
          best[doc] = 0
        }
      }
      const pool = topArticles(touched, guessScores, Math.max(POOL_SIZE, limit * 3))
      for (const doc of touched) guessScores[doc] = 0
      return new Set(pool)
    },
    hasAsTyped,
  }
}

/**
 * The `size` articles with the highest scores; equal scores keep the collection's order. A
 * bounded heap, not a sort: a common word touches tens of thousands of articles at 50,000.
 */
function topArticles(docs: readonly number[], scores: Float64Array, size: number): number[] {
  const heap: number[] = []
  // Min-heap: its root is the weakest of the best so far.
  const weaker = (a: number, b: number) => scores[a] < scores[b] || (scores[a] === scores[b] && a > b)
  const swap = (i: number, j: number) => {
    const t = heap[i]
    heap[i] = heap[j]
    heap[j] = t
  }
  for (const doc of docs) {
    if (heap.length < size) {
      heap.push(doc)
      for (let i = heap.length - 1; i > 0 && weaker(heap[i], heap[(i - 1) >> 1]); i = (i - 1) >> 1) swap(i, (i - 1) >> 1)
      continue
    }
    if (!weaker(heap[0], doc)) continue
    heap[0] = doc
    for (let i = 0; ; ) {
      const left = 2 * i + 1
      let weakest = i
      if (left < heap.length && weaker(heap[left], heap[weakest])) weakest = left
      if (left + 1 < heap.length && weaker(heap[left + 1], heap[weakest])) weakest = left + 1
      if (weakest === i) break
      swap(i, weakest)
      i = weakest
    }
  }
  return heap
}

// Large collections: which articles Fuse.js gets to score. Cheap guesses from the n-gram index
// (share of each word's bigrams an article has) pick a small pool of articles that can have
// every token; typed arrays keep this to plain loops over the thousands of articles a common
// word touches at 50,000.
import type { CandidateList } from './candidates'
import type { Group } from './query'

export type Lookup = (word: string) => CandidateList

/** How many articles a token could match at most: for ordering tokens, cheapest first. */
export function selectivity(group: Group, lookup: Lookup): number {
  let most = 0
  for (const reading of group.readings) {
    let fewest = Infinity
    for (const term of reading.terms) {
      let count = 0
      for (const alternative of term.alternatives) count += lookup(alternative.text).docs.length
      fewest = Math.min(fewest, count)
    }
    most = Math.max(most, fewest === Infinity ? 0 : fewest)
  }
  return most
}

/**
 * Per-article scratch scores for the n-gram guesses, reused by every query: a value counts only
 * when its stamp is the current round, so nothing is cleared between rounds. A query touches
 * thousands of articles at 50,000; typed arrays keep that to plain loops.
 */
class Scratch {
  private readonly values: Float64Array
  private readonly stamps: Int32Array
  private round = 0
  readonly touched: number[] = []

  constructor(size: number) {
    this.values = new Float64Array(size)
    this.stamps = new Int32Array(size)
  }

  begin(): void {
    this.round++
    this.touched.length = 0
  }

  has(doc: number): boolean {
    return this.stamps[doc] === this.round
  }

  get(doc: number): number {
    return this.stamps[doc] === this.round ? this.values[doc] : 0
  }

  set(doc: number, value: number): void {
    if (this.stamps[doc] !== this.round) {
      this.stamps[doc] = this.round
      this.touched.push(doc)
    }
    this.values[doc] = value
  }
}

/**
 * Picks the articles Fuse.js scores in a large collection: the `size` most likely to match, from
 * n-gram guesses alone, following the same logic as the scoring — any alternative, all terms of
 * a reading, any reading, all tokens. Its scratch arrays are sized once for the collection.
 */
export class CandidatePool {
  private readonly term: Scratch
  private readonly reading: Scratch
  /** How many terms of the current reading an article had, in order. */
  private readonly matched: Scratch
  private readonly group: Scratch
  private readonly total: Scratch
  /** How many tokens an article had, in order. */
  private readonly tokens: Scratch

  constructor(collectionSize: number) {
    this.term = new Scratch(collectionSize)
    this.reading = new Scratch(collectionSize)
    this.matched = new Scratch(collectionSize)
    this.group = new Scratch(collectionSize)
    this.total = new Scratch(collectionSize)
    this.tokens = new Scratch(collectionSize)
  }

  likelyArticles(groups: readonly Group[], lookup: Lookup, size: number): number[] {
    const { term, reading, matched, group, total, tokens } = this
    total.begin()
    tokens.begin()
    groups.forEach((g, groupIndex) => {
      group.begin()
      for (const r of g.readings) {
        reading.begin()
        matched.begin()
        for (let t = 0; t < r.terms.length; t++) {
          term.begin()
          for (const alternative of r.terms[t].alternatives) {
            const { docs, scores } = lookup(alternative.text)
            for (let i = 0; i < docs.length; i++) {
              const score = scores[i] * alternative.weight
              if (!term.has(docs[i]) || term.get(docs[i]) < score) term.set(docs[i], score)
            }
          }
          // Keep the articles that had every earlier term, adding this term's guess.
          for (const doc of term.touched) {
            if (matched.get(doc) !== t) continue
            matched.set(doc, t + 1)
            reading.set(doc, reading.get(doc) + term.get(doc))
          }
        }
        const share = r.weight / r.terms.length
        for (const doc of reading.touched) {
          if (matched.get(doc) !== r.terms.length) continue
          const score = reading.get(doc) * share
          if (!group.has(doc) || group.get(doc) < score) group.set(doc, score)
        }
      }
      for (const doc of group.touched) {
        if (tokens.get(doc) !== groupIndex) continue
        tokens.set(doc, groupIndex + 1)
        total.set(doc, total.get(doc) + group.get(doc))
      }
    })
    return topArticles(total, tokens, groups.length, size)
  }
}

/**
 * The `size` best-scored articles that had all `tokenCount` tokens; equal scores keep the
 * collection's order. A bounded heap, not a sort: a common word matches tens of thousands.
 */
function topArticles(total: Scratch, tokens: Scratch, tokenCount: number, size: number): number[] {
  // Min-heap on (score, -doc): its root is the weakest of the best so far.
  const heap: number[] = []
  const weaker = (a: number, b: number) => {
    const sa = total.get(a)
    const sb = total.get(b)
    return sa < sb || (sa === sb && a > b)
  }
  const siftDown = (from: number) => {
    let i = from
    for (;;) {
      const left = 2 * i + 1
      const right = left + 1
      let weakest = i
      if (left < heap.length && weaker(heap[left], heap[weakest])) weakest = left
      if (right < heap.length && weaker(heap[right], heap[weakest])) weakest = right
      if (weakest === i) return
      const t = heap[i]
      heap[i] = heap[weakest]
      heap[weakest] = t
      i = weakest
    }
  }
  for (const doc of total.touched) {
    if (tokens.get(doc) !== tokenCount) continue
    if (heap.length < size) {
      heap.push(doc)
      let i = heap.length - 1
      while (i > 0) {
        const parent = (i - 1) >> 1
        if (!weaker(heap[i], heap[parent])) break
        const t = heap[i]
        heap[i] = heap[parent]
        heap[parent] = t
        i = parent
      }
    } else if (weaker(heap[0], doc)) {
      heap[0] = doc
      siftDown(0)
    }
  }
  return heap
}

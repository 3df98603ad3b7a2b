// Large collections: which articles Fuse.js gets to score. Cheap guesses from the n-gram index
// (share of each word's bigrams an article has) pick a small pool: first the articles that can
// have every word the query asks for, then, when there are few, those that have most of them
// (weighted as the engine weighs them); typed arrays keep this to plain loops over the thousands
// of articles a common word touches at 50,000.
import type { CandidateList } from './candidates'
import type { Alternative } from './query'

export type Lookup = (word: string) => CandidateList

/** A part as the pool sees it: what the engine decided about it before any article was scored. */
export interface PoolPart {
  alternatives: readonly Alternative[]
  /** Must be found for a full match. */
  required: boolean
  /** Share of relevance among its group's parts. */
  rankWeight: number
  /** Weight towards a partial match (0 when it does not count). */
  coverWeight: number
}

export interface PoolGroup {
  phrase: Alternative | null
  parts: readonly PoolPart[]
  partsWeight: number
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
 * n-gram guesses alone, following the same logic as the engine: a part is had through any of its
 * alternatives; a group when its phrase or all its required parts are; full matches (every group)
 * first. Only when those are fewer than `size` are partial ones, which must cover `minShare` of
 * the cover weight, looked for as well: that pass touches every article any word is in, the first
 * only those still in the running. Scratch arrays are sized once for the collection.
 */
export class CandidatePool {
  private readonly part: Scratch
  private readonly partsScore: Scratch
  private readonly found: Scratch
  private readonly group: Scratch
  /** Full-match guesses so far, and the next ones (swapped per group). */
  private current: Scratch
  private next: Scratch
  // The partial-match pass, per group: cover weight found, phrase guesses; over all groups:
  // relevance guess, groups had, cover weight had, and the pool's order.
  private readonly covered: Scratch
  private readonly phrase: Scratch
  private readonly total: Scratch
  private readonly groupsHad: Scratch
  private readonly cover: Scratch
  private readonly rank: Scratch

  constructor(collectionSize: number) {
    this.part = new Scratch(collectionSize)
    this.partsScore = new Scratch(collectionSize)
    this.found = new Scratch(collectionSize)
    this.group = new Scratch(collectionSize)
    this.current = new Scratch(collectionSize)
    this.next = new Scratch(collectionSize)
    this.covered = new Scratch(collectionSize)
    this.phrase = new Scratch(collectionSize)
    this.total = new Scratch(collectionSize)
    this.groupsHad = new Scratch(collectionSize)
    this.cover = new Scratch(collectionSize)
    this.rank = new Scratch(collectionSize)
  }

  likelyArticles(groups: readonly PoolGroup[], lookup: Lookup, size: number, minShare: number): number[] {
    const full = this.fullMatches(groups, lookup)
    if (full === null || (full.touched.length < size && minShare <= 1)) return topArticles(this.allMatches(groups, lookup, minShare), size)
    return topArticles(full, size)
  }

  /** The best part guess per article for one part, into `part`; `keep` filters articles. */
  private bestOf(p: PoolPart, lookup: Lookup, keep: (doc: number) => boolean): Scratch {
    const { part } = this
    part.begin()
    for (const alternative of p.alternatives) {
      const { docs, scores } = lookup(alternative.text)
      for (let i = 0; i < docs.length; i++) {
        const doc = docs[i]
        if (!keep(doc)) continue
        const score = scores[i] * alternative.weight
        if (part.get(doc) < score) part.set(doc, score)
      }
    }
    return part
  }

  /**
   * Articles that can have every group, with their relevance guess; null when no group requires
   * anything. Groups one after another, each only over the articles that had the ones before;
   * within a group, rarest required part first, each over the articles that had the rarer ones.
   */
  private fullMatches(groups: readonly PoolGroup[], lookup: Lookup): Scratch | null {
    const { partsScore, found, group } = this
    const reach = (p: PoolPart) => p.alternatives.reduce((n, a) => n + lookup(a.text).docs.length, 0)
    let first = true
    for (const g of groups) {
      const required = g.parts.filter((p) => p.required).sort((a, b) => reach(a) - reach(b))
      // A group that requires nothing is had by every article.
      if (!required.length) continue
      const alive = (doc: number) => first || this.current.has(doc)
      let rankTotal = 0
      for (const p of g.parts) rankTotal += p.rankWeight
      partsScore.begin()
      found.begin()
      required.forEach((p, t) => {
        const part = this.bestOf(p, lookup, (doc) => alive(doc) && found.get(doc) === t)
        for (const doc of part.touched) {
          found.set(doc, t + 1)
          partsScore.set(doc, partsScore.get(doc) + p.rankWeight * part.get(doc))
        }
      })
      group.begin()
      for (const doc of found.touched) {
        if (found.get(doc) === required.length) group.set(doc, (g.partsWeight * partsScore.get(doc)) / rankTotal)
      }
      // Parts that only rank (a phrase's whole): a little more for the articles that have them.
      for (const p of g.parts) {
        if (p.required) continue
        const part = this.bestOf(p, lookup, (doc) => group.has(doc))
        for (const doc of part.touched) group.set(doc, group.get(doc) + (g.partsWeight * p.rankWeight * part.get(doc)) / rankTotal)
      }
      if (g.phrase) {
        const { docs, scores } = lookup(g.phrase.text)
        for (let i = 0; i < docs.length; i++) {
          const score = scores[i] * g.phrase.weight
          if (alive(docs[i]) && group.get(docs[i]) < score) group.set(docs[i], score)
        }
      }
      this.next.begin()
      for (const doc of group.touched) this.next.set(doc, (first ? 0 : this.current.get(doc)) + group.get(doc))
      const swap = this.current
      this.current = this.next
      this.next = swap
      first = false
    }
    return first ? null : this.current
  }

  /** Full and partial matches, full ones first, then by share covered, then by relevance guess. */
  private allMatches(groups: readonly PoolGroup[], lookup: Lookup, minShare: number): Scratch {
    const { partsScore, found, covered, phrase, total, groupsHad, cover, rank } = this
    total.begin()
    groupsHad.begin()
    cover.begin()
    let strictGroups = 0
    let coverTotal = 0
    for (const g of groups) {
      partsScore.begin()
      found.begin()
      covered.begin()
      phrase.begin()
      let required = 0
      let groupCover = 0
      let rankTotal = 0
      for (const p of g.parts) {
        rankTotal += p.rankWeight
        groupCover += p.coverWeight
        if (p.required) required++
        const part = this.bestOf(p, lookup, () => true)
        for (const doc of part.touched) {
          partsScore.set(doc, partsScore.get(doc) + p.rankWeight * part.get(doc))
          if (p.required) found.set(doc, found.get(doc) + 1)
          if (p.coverWeight) covered.set(doc, covered.get(doc) + p.coverWeight)
        }
      }
      if (g.phrase) {
        const { docs, scores } = lookup(g.phrase.text)
        for (let i = 0; i < docs.length; i++) {
          phrase.set(docs[i], scores[i] * g.phrase.weight)
          // Touch the article in the group's tallies, so the loop below sees it.
          if (!partsScore.has(docs[i])) partsScore.set(docs[i], 0)
        }
      }
      if (required) strictGroups++
      coverTotal += groupCover
      for (const doc of partsScore.touched) {
        const byPhrase = phrase.has(doc)
        const fromParts = rankTotal ? (g.partsWeight * partsScore.get(doc)) / rankTotal : 0
        total.set(doc, total.get(doc) + Math.max(byPhrase ? phrase.get(doc) : 0, fromParts))
        if (required && (byPhrase || found.get(doc) === required)) groupsHad.set(doc, groupsHad.get(doc) + 1)
        const had = byPhrase ? groupCover : covered.get(doc)
        if (had) cover.set(doc, cover.get(doc) + had)
      }
    }
    rank.begin()
    for (const doc of total.touched) {
      const share = coverTotal ? cover.get(doc) / coverTotal : 0
      const isFull = strictGroups > 0 && groupsHad.get(doc) === strictGroups
      if (!isFull && !(share > 0 && share >= minShare)) continue
      rank.set(doc, (isFull ? 4 : 0) + 2 * share + total.get(doc) / groups.length)
    }
    return rank
  }
}

/**
 * The `size` articles with the highest keys; equal keys keep the collection's order. A bounded
 * heap, not a sort: a common word matches tens of thousands.
 */
function topArticles(keys: Scratch, size: number): number[] {
  // Min-heap on (key, -doc): its root is the weakest of the best so far.
  const heap: number[] = []
  const weaker = (a: number, b: number) => {
    const ka = keys.get(a)
    const kb = keys.get(b)
    return ka < kb || (ka === kb && a > b)
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
  for (const doc of keys.touched) {
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

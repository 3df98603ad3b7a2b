// Character n-gram candidate index: finds the articles that could possibly match a word, so
// Fuse.js (exact but linear, ~0.3 µs per character it reads) only scores those. Bigrams of the
// short fields (title, region, topics) and of the long ones (summary, body) are kept apart, plus
// single characters of the short fields. Postings live in flat typed arrays keyed by a hash of
// the n-gram, built without any per-gram object: 10,000 articles are indexed in ~100 ms.
// A hash collision only adds a false candidate; Fuse.js then rejects it.
import { typoBudget } from './fuseOptions'
import { isWordChar } from './normalize'

/** The folded text of one article, split the way the index looks at it. */
export interface IndexedText {
  /** Title, region and topic names: the short fields a match in which matters most. */
  head: string
  /** Summary and body. */
  text: string
}

/** Small enough to only order articles whose words were found equally well. */
const COVERAGE_WEIGHT = 0.1

/** Where a lookup says a word may be: in the short fields, the long ones, or both. */
export const IN_HEAD = 1
export const IN_TEXT = 2

/** Sparse result of a lookup: parallel arrays of article positions, guesses and places. */
export interface CandidateList {
  docs: number[]
  /**
   * Share of the word's n-grams found, short fields counting double, plus a little for how much
   * of the short fields the word covers (an exact title beats a longer title containing it).
   */
  scores: number[]
  /** IN_HEAD | IN_TEXT per article. */
  fields: number[]
  /**
   * True when every article Fuse.js would match is listed. False for one-character words in the
   * long fields (not indexed), for short words whose typo budget could break all their bigrams,
   * and when exact matches were plenty (see `lookup`).
   */
  complete: boolean
}

interface PostingTable {
  offsets: Int32Array
  postings: Int32Array
  mask: number
  /** Distinct n-grams per article. */
  gramCounts: Int32Array
}

function bucketBits(docCount: number): number {
  // ~8 buckets per article, between 2^10 and 2^19: few collisions, bounded memory.
  let bits = 10
  while (bits < 19 && 1 << bits < docCount * 8) bits++
  return bits
}

// The characters a query can keep are the ones worth indexing; anything else breaks n-grams.
const isIndexable = isWordChar

function bigramHash(a: number, b: number, mask: number): number {
  return (Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca6b)) >>> 0 & mask
}

function unigramHash(a: number, mask: number): number {
  return Math.imul(a, 0x9e3779b1) >>> 0 & mask
}

/** Calls `visit` with the bucket of each bigram of `text` (pairs of indexable characters). */
function visitBigrams(text: string, mask: number, visit: (bucket: number) => void): void {
  let prev = -1
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (!isIndexable(code)) {
      prev = -1
      continue
    }
    if (prev >= 0) visit(bigramHash(prev, code, mask))
    prev = code
  }
}

/**
 * Postings for one field group. Pass 1 writes each article's distinct buckets into one flat
 * array (a bucket seen twice in an article is stored once); pass 2 counts per bucket; pass 3
 * places article numbers. No object per gram or per article.
 */
function buildTable(texts: readonly string[], bits: number, unigrams: boolean): PostingTable {
  const size = 1 << bits
  const mask = size - 1
  let capacity = 0
  for (let d = 0; d < texts.length; d++) capacity += texts[d].length
  const flat = new Int32Array(capacity)
  const docEnd = new Int32Array(texts.length)
  const seenIn = new Int32Array(size).fill(-1)
  let length = 0
  for (let d = 0; d < texts.length; d++) {
    const text = texts[d]
    let prev = -1
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i)
      if (!isIndexable(code)) {
        prev = -1
        continue
      }
      if (unigrams || prev >= 0) {
        const bucket = unigrams ? unigramHash(code, mask) : bigramHash(prev, code, mask)
        if (seenIn[bucket] !== d) {
          seenIn[bucket] = d
          flat[length++] = bucket
        }
      }
      prev = code
    }
    docEnd[d] = length
  }
  const offsets = new Int32Array(size + 1)
  for (let i = 0; i < length; i++) offsets[flat[i] + 1]++
  for (let b = 0; b < size; b++) offsets[b + 1] += offsets[b]
  const postings = new Int32Array(length)
  const gramCounts = new Int32Array(texts.length)
  const cursor = offsets.slice(0, size)
  let start = 0
  for (let d = 0; d < texts.length; d++) {
    for (let i = start; i < docEnd[d]; i++) postings[cursor[flat[i]]++] = d
    gramCounts[d] = docEnd[d] - start
    start = docEnd[d]
  }
  return { offsets, postings, mask, gramCounts }
}

export class CandidateIndex {
  private readonly headBigrams: PostingTable
  private readonly textBigrams: PostingTable
  private readonly headUnigrams: PostingTable
  // Scratch counters reused by every lookup (reset through `touched`), so a lookup allocates
  // only its result.
  private readonly headHits: Int32Array
  private readonly textHits: Int32Array
  private readonly touched: number[] = []

  constructor(docs: readonly IndexedText[]) {
    const bits = bucketBits(docs.length)
    const heads = docs.map((doc) => doc.head)
    this.headBigrams = buildTable(heads, bits, false)
    this.textBigrams = buildTable(
      docs.map((doc) => doc.text),
      bits,
      false,
    )
    this.headUnigrams = buildTable(heads, Math.max(10, bits - 2), true)
    this.headHits = new Int32Array(docs.length)
    this.textHits = new Int32Array(docs.length)
  }

  /**
   * Articles that may contain `word` (folded, no spaces) with up to typoBudget(length) typos:
   * each typo breaks at most two bigrams, so a match needs the rest of them in one field group.
   * Fuse.js is then only asked about the field groups listed per article.
   *
   * `exactEnough`: when at least that many articles have every bigram of the word, articles that
   * would need a typo to match are not looked for (the list is then marked incomplete). A large
   * collection uses this: 居民医保 with one typo allowed shares a bigram (医保) with nearly every
   * article, and the many exact matches are better answers anyway.
   */
  lookup(word: string, exactEnough = Infinity): CandidateList {
    const grams: number[] = []
    if (word.length === 1) {
      const code = word.charCodeAt(0)
      if (isIndexable(code)) grams.push(unigramHash(code, this.headUnigrams.mask))
      return this.collect(grams, 1, true, false)
    }
    visitBigrams(word, this.headBigrams.mask, (bucket) => {
      if (grams.indexOf(bucket) < 0) grams.push(bucket)
    })
    if (grams.length === 0) return { docs: [], scores: [], fields: [], complete: true }
    const guaranteed = grams.length - 2 * typoBudget(word.length)
    if (guaranteed < grams.length && exactEnough < Infinity) {
      const exact = this.collect(grams, grams.length, false, false)
      if (exact.docs.length >= exactEnough) return exact
    }
    return this.collect(grams, Math.max(1, guaranteed), false, guaranteed >= 1)
  }

  /**
   * True when some article has every bigram of `word` in one field group and `confirm` (which
   * reads the article) agrees: the buckets alone would say yes for bigrams that merely share a
   * hash, and in a large collection most do. One-character words are looked up in the short
   * fields only.
   */
  occurs(word: string, confirm: (doc: number) => boolean): boolean {
    if (word.length < 2) return this.lookup(word).docs.some(confirm)
    const grams: number[] = []
    visitBigrams(word, this.headBigrams.mask, (bucket) => {
      if (grams.indexOf(bucket) < 0) grams.push(bucket)
    })
    return grams.length > 0 && (hasAll(this.headBigrams, grams, confirm) || hasAll(this.textBigrams, grams, confirm))
  }

  private collect(grams: number[], needed: number, unigram: boolean, complete: boolean): CandidateList {
    const { headHits, textHits, touched } = this
    if (unigram) {
      this.count(this.headUnigrams, grams, needed, headHits)
    } else {
      this.count(this.headBigrams, grams, needed, headHits)
      this.count(this.textBigrams, grams, needed, textHits)
    }
    const docs: number[] = []
    const scores: number[] = []
    const fields: number[] = []
    const total = grams.length
    const headGrams = (unigram ? this.headUnigrams : this.headBigrams).gramCounts
    for (let i = 0; i < touched.length; i++) {
      const doc = touched[i]
      const head = headHits[doc]
      const text = textHits[doc]
      const where = (head >= needed ? IN_HEAD : 0) | (text >= needed ? IN_TEXT : 0)
      if (where) {
        docs.push(doc)
        const found = (2 * Math.min(head, total) + Math.min(text, total)) / (3 * total)
        scores.push(found + COVERAGE_WEIGHT * (headGrams[doc] ? Math.min(1, head / headGrams[doc]) : 0))
        fields.push(where)
      }
      headHits[doc] = 0
      textHits[doc] = 0
    }
    touched.length = 0
    return { docs, scores, fields, complete }
  }

  /**
   * Counts, per article, how many of `grams` one table holds. Rarest grams first: an article with
   * `needed` of them must have one of the (length − needed + 1) rarest, so those seed the
   * candidates and the common grams (医保 is in most articles) are only checked for the seeds,
   * by binary search in their postings (sorted by article) when that is cheaper than a scan.
   */
  private count(table: PostingTable, grams: readonly number[], needed: number, hits: Int32Array): void {
    const { offsets, postings } = table
    const { headHits, textHits, touched } = this
    const sizeOf = (gram: number) => offsets[gram + 1] - offsets[gram]
    const order = grams.slice().sort((a, b) => sizeOf(a) - sizeOf(b))
    const seeds = order.length - needed + 1
    const seeded: number[] = []
    for (let g = 0; g < order.length; g++) {
      const from = offsets[order[g]]
      const end = offsets[order[g] + 1]
      if (g < seeds) {
        for (let p = from; p < end; p++) {
          const doc = postings[p]
          if (headHits[doc] === 0 && textHits[doc] === 0) touched.push(doc)
          if (hits[doc] === 0) seeded.push(doc)
          hits[doc]++
        }
      } else if (seeded.length * Math.log2(end - from + 2) < end - from) {
        for (const doc of seeded) if (contains(postings, from, end, doc)) hits[doc]++
      } else {
        for (let p = from; p < end; p++) if (hits[postings[p]] > 0) hits[postings[p]]++
      }
    }
  }
}

/**
 * Whether one article holds every gram in `table` and passes `confirm`: the rarest gram's
 * articles are checked against the others' postings, stopping at the first that qualifies.
 */
function hasAll(table: PostingTable, grams: readonly number[], confirm: (doc: number) => boolean): boolean {
  const { offsets, postings } = table
  const sizeOf = (gram: number) => offsets[gram + 1] - offsets[gram]
  const order = grams.slice().sort((a, b) => sizeOf(a) - sizeOf(b))
  const rarest = order[0]
  for (let p = offsets[rarest]; p < offsets[rarest + 1]; p++) {
    const doc = postings[p]
    let all = true
    for (let g = 1; g < order.length && all; g++) all = contains(postings, offsets[order[g]], offsets[order[g] + 1], doc)
    if (all && confirm(doc)) return true
  }
  return false
}

/** Binary search for `doc` in postings[from, end), which are in ascending article order. */
function contains(postings: Int32Array, from: number, end: number, doc: number): boolean {
  let lo = from
  let hi = end - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const value = postings[mid]
    if (value === doc) return true
    if (value < doc) lo = mid + 1
    else hi = mid - 1
  }
  return false
}

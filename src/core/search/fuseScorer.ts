// Fuse.js scoring of one word on a chosen set of articles, through Fuse.js's public API only
// (its options, Fuse.createIndex, search). The short fields are handed over as they are; for the
// long fields Fuse.js is given only the passages around the word's bigrams, which is where any
// match within the typo budget must lie. Fuse.js's Bitap reads every character of what it is
// given (~0.3 µs each), so this is what keeps it fast.
import Fuse from 'fuse.js'
import {
  HEAD_KEYS,
  HEAD_OPTIONS,
  HEAD_SHARE,
  TEXT_FIELDS,
  TEXT_KEYS,
  TEXT_OPTIONS,
  TEXT_SHARE,
  thresholdFor,
  typoBudget,
  type SearchDoc,
} from './fuseOptions'
import type { MatchRange } from './types'

export interface WordMatch {
  /** -log of the Fuse.js score, weighted over all fields: higher is better, 0 is no match. */
  relevance: number
  /** [start, end) ranges of the title that matched. */
  titleRanges: MatchRange[]
}

type Passages = Partial<Record<keyof SearchDoc, string>>

/** Occurrences of each bigram looked at: a word found more often has its best match early on. */
const MAX_OCCURRENCES = 4

/**
 * The parts of `text` where `word` can match with up to `errors` typos. A match keeps at least
 * `needed` of the word's bigrams intact (each typo breaks at most two), lined up within `errors`
 * places of where the word says they belong; only passages around such clusters are kept. They
 * are joined by more filler than the typo budget, so no match can span two passages.
 */
export function passagesFor(text: string, word: string, errors: number): string {
  if (text.length <= 3 * word.length + 2 * errors + 8) return text
  const gramLength = word.length === 1 ? 1 : 2
  const grams = word.length - gramLength + 1
  const needed = Math.max(1, grams - 2 * errors)
  // Each occurrence implies where the word would start: its position minus its offset in the word.
  const starts: number[] = []
  const offsets: number[] = []
  for (let offset = 0; offset < grams; offset++) {
    const gram = word.substr(offset, gramLength)
    let from = 0
    for (let n = 0; n < MAX_OCCURRENCES; n++) {
      const at = text.indexOf(gram, from)
      if (at < 0) break
      starts.push(at - offset)
      offsets.push(offset)
      from = at + 1
    }
  }
  const spans: Array<[number, number]> = []
  for (let i = 0; i < starts.length; i++) {
    if (needed > 1) {
      let seen = 0
      let agreeing = 0
      for (let j = 0; j < starts.length && agreeing < needed; j++) {
        // Distinct offsets whose implied start is within the typo budget of this one.
        if (Math.abs(starts[j] - starts[i]) <= errors && !(seen & (1 << offsets[j] % 31))) {
          seen |= 1 << offsets[j] % 31
          agreeing++
        }
      }
      if (agreeing < needed) continue
    }
    // One extra character each side: a passage that is exactly the word would look to Fuse.js
    // like a whole field equal to it (score 0), which the full text is not.
    spans.push([Math.max(0, starts[i] - errors - 1), Math.min(text.length, starts[i] + word.length + errors + 1)])
  }
  if (!spans.length) return ''
  spans.sort((a, b) => a[0] - b[0])
  const filler = new Array(errors + 2).join('\u0001')
  let out = ''
  let [start, end] = spans[0]
  for (let i = 1; i < spans.length; i++) {
    if (spans[i][0] <= end) {
      end = Math.max(end, spans[i][1])
      continue
    }
    out += text.slice(start, end) + filler
    start = spans[i][0]
    end = spans[i][1]
  }
  return out + text.slice(start, end)
}

/** -log(score): Fuse.js scores are products over fields, so this is a weighted sum. */
function relevanceOf(score: number | undefined): number {
  return -Math.log(Math.max(score || 0, Number.MIN_VALUE))
}

/** What one word scored in each article already scored for it (null: no match there). */
interface WordMemory {
  head: Map<number, { relevance: number; titleRanges: MatchRange[] } | null>
  text: Map<number, number | null>
}

/** Words remembered across searches; typing a query letter by letter asks for the same ones. */
const MAX_REMEMBERED_WORDS = 500

export class FuseScorer {
  private readonly memory = new Map<string, WordMemory>()

  constructor(private readonly docs: readonly SearchDoc[]) {}

  /**
   * Scores `word` in the short fields of `headDocs` and the long fields of `textDocs`. Fuse.js
   * scores each article on its own fields alone (no collection-wide statistics), so what a word
   * scored in an article is remembered and only articles not yet scored for it are read: each
   * keystroke of 扬州 断缴 asks again for 扬州, mostly in the same articles.
   */
  score(word: string, headDocs: readonly number[], textDocs: readonly number[]): Map<number, WordMatch> {
    let memory = this.memory.get(word)
    if (!memory) {
      if (this.memory.size >= MAX_REMEMBERED_WORDS) this.memory.clear()
      this.memory.set(word, (memory = { head: new Map(), text: new Map() }))
    }
    const threshold = thresholdFor(word.length)
    const newHead = headDocs.filter((doc) => !memory.head.has(doc))
    if (newHead.length) {
      const subset = newHead.map((doc) => this.docs[doc])
      const fuse = new Fuse(subset, { ...HEAD_OPTIONS, threshold }, Fuse.createIndex(HEAD_KEYS, subset))
      for (const doc of newHead) memory.head.set(doc, null)
      for (const result of fuse.search(word)) {
        const titleRanges: MatchRange[] = []
        for (const match of result.matches || []) {
          if (match.key !== 'title') continue
          for (const [start, end] of match.indices) titleRanges.push([start, end + 1])
        }
        memory.head.set(newHead[result.refIndex], { relevance: HEAD_SHARE * relevanceOf(result.score), titleRanges })
      }
    }
    const newText = textDocs.filter((doc) => !memory.text.has(doc))
    if (newText.length) {
      const errors = typoBudget(word.length)
      const passages: Passages[] = newText.map((doc) => {
        const passage: Passages = {}
        for (const field of TEXT_FIELDS) passage[field] = passagesFor(this.docs[doc][field], word, errors)
        return passage
      })
      // Fuse.js leaves blank fields out of its index, as it does for any collection.
      const fuse = new Fuse(passages, { ...TEXT_OPTIONS, threshold }, Fuse.createIndex(TEXT_KEYS, passages))
      for (const doc of newText) memory.text.set(doc, null)
      for (const result of fuse.search(word)) memory.text.set(newText[result.refIndex], TEXT_SHARE * relevanceOf(result.score))
    }
    const matches = new Map<number, WordMatch>()
    for (const doc of headDocs) {
      const match = memory.head.get(doc)
      // A copy: callers add to relevance.
      if (match) matches.set(doc, { relevance: match.relevance, titleRanges: match.titleRanges })
    }
    for (const doc of textDocs) {
      const relevance = memory.text.get(doc)
      if (relevance === null || relevance === undefined) continue
      const known = matches.get(doc)
      if (known) known.relevance += relevance
      else matches.set(doc, { relevance, titleRanges: [] })
    }
    return matches
  }
}

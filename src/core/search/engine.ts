// The search engine the app, the CLI and the benchmark share. Per query:
//   normalise → plan: tokens, each read as typed / split into words / as pinyin, each word with
//     its synonyms (query.ts)
//   → large collections only: the n-gram index's best-guess pool of articles that can have every
//     token (candidatePool.ts)
//   → Fuse.js scores each word on the articles its n-grams allow, token after token, each on the
//     articles that matched so far (fuseScorer.ts); every token must be found
//   → rank by Fuse.js relevance, with the title characters that matched.
import type { Article } from '../article'
import { TOPICS } from '../article'
import { CandidatePool, selectivity } from './candidatePool'
import { CandidateIndex, IN_HEAD, IN_TEXT, type CandidateList } from './candidates'
import { LEADING_SPACE, type SearchDoc } from './fuseOptions'
import { FuseScorer, type WordMatch } from './fuseScorer'
import { COMMON_WORDS, TOPIC_PHRASES } from './glossary'
import { foldText, normalizeQuery } from './normalize'
import { vocabularyFromIndex } from './pinyin'
import { planQuery, segmentWithLexicon } from './query'
import { synonymWords } from './synonyms'
import type { MatchRange, SearchEngine, SearchHit, SearchIndexData } from './types'

/** Up to this many articles Fuse.js simply scores them all; the n-gram index pays off above. */
export const FULL_SCAN_LIMIT = 300
/** Articles handed to Fuse.js per query at most (more when a caller asks for more results). */
const CANDIDATE_POOL = 40
/** In a large collection, a word found exactly in this many articles is not also looked for with typos. */
const EXACT_ENOUGH = 4 * CANDIDATE_POOL
const DEFAULT_LIMIT = 20

export interface SearchEngineDetails extends SearchEngine {
  /** 大家都在搜 from the prebuilt index ([] without one). */
  readonly hotSearchTerms: string[]
}

function regionName(article: Article): string {
  if (!article.region) return ''
  return article.region.province + (article.region.city || '')
}

function bodyText(article: Article): string {
  if (!article.body) return ''
  return article.body.map((block) => block.text).join('\n')
}

function toSearchDoc(article: Article): SearchDoc {
  return {
    title: foldText(article.title),
    region: LEADING_SPACE + regionName(article),
    topics: LEADING_SPACE + article.topics.join(' '),
    summary: foldText(article.summary),
    body: foldText(bodyText(article)),
  }
}

/** Merges overlapping or touching [start, end) ranges. */
function mergeRanges(ranges: MatchRange[]): MatchRange[] {
  if (ranges.length < 2) return ranges
  const sorted = ranges.slice().sort((a, b) => a[0] - b[0] || a[1] - b[1])
  const merged: MatchRange[] = [[sorted[0][0], sorted[0][1]]]
  for (let i = 1; i < sorted.length; i++) {
    const last = merged[merged.length - 1]
    if (sorted[i][0] <= last[1]) last[1] = Math.max(last[1], sorted[i][1])
    else merged.push([sorted[i][0], sorted[i][1]])
  }
  return merged
}

function coverage(ranges: MatchRange[], titleLength: number): number {
  let covered = 0
  for (const [start, end] of ranges) covered += end - start
  return titleLength ? covered / titleLength : 0
}

const isRecordOfStrings = (value: unknown): value is Record<string, string> =>
  typeof value === 'object' && value !== null && Object.keys(value).every((k) => typeof (value as Record<string, unknown>)[k] === 'string')

/**
 * The prebuilt index if it has the shape this engine reads, else null: a stale or damaged file
 * costs pinyin and hot searches, never the search page.
 */
export function readSearchIndex(raw: unknown): SearchIndexData | null {
  if (typeof raw !== 'object' || raw === null) return null
  const data = raw as Partial<SearchIndexData>
  if (data.version !== 1 || !isRecordOfStrings(data.titlePinyin) || !isRecordOfStrings(data.words)) return null
  if (!Array.isArray(data.hotSearchTerms) || !data.hotSearchTerms.every((t) => typeof t === 'string')) return null
  return data as SearchIndexData
}

export function createSearchEngine(
  articles: readonly Article[],
  prebuiltIndex?: SearchIndexData | null,
): SearchEngineDetails {
  const data = readSearchIndex(prebuiltIndex)
  const docs = articles.map(toSearchDoc)

  const places = new Set<string>()
  for (const article of articles) {
    if (article.region) {
      places.add(article.region.province)
      if (article.region.city) places.add(article.region.city)
    }
  }
  const lexicon = new Set<string>(
    Array.from(places).concat(TOPICS, TOPIC_PHRASES, COMMON_WORDS, synonymWords(), data ? Object.keys(data.words) : []),
  )
  let maxWordLength = 2
  lexicon.forEach((word) => {
    if (word.length > maxWordLength) maxWordLength = word.length
  })
  const context = {
    segment: (token: string) => segmentWithLexicon(token, lexicon, places, maxWordLength),
    pinyin: data ? vocabularyFromIndex(articles, data) : null,
  }

  const allDocs = articles.map((_, i) => i)
  const candidateIndex = new CandidateIndex(
    docs.map((d) => ({ head: d.title + ' ' + d.region + d.topics, text: d.summary + ' ' + d.body })),
  )
  const scorer = new FuseScorer(docs)
  const smallCollection = articles.length <= FULL_SCAN_LIMIT
  let pool: CandidatePool | null = null

  function search(query: string, options?: { limit?: number }): SearchHit[] {
    try {
      return runSearch(query, options)
    } catch (error) {
      // The contract is "never throws"; an engine bug must not blank the search page.
      if (typeof console !== 'undefined') console.error('search failed for', JSON.stringify(query), error)
      return []
    }
  }

  function runSearch(query: string, options?: { limit?: number }): SearchHit[] {
    const requested = options && typeof options.limit === 'number' ? Math.floor(options.limit) : DEFAULT_LIMIT
    const limit = Math.max(0, Math.min(requested, articles.length))
    const normalized = normalizeQuery(query)
    if (!normalized || limit === 0) return []
    const groups = planQuery(normalized, context)
    if (!groups.length) return []

    const lookups = new Map<string, CandidateList>()
    const lookup = (word: string) => {
      let found = lookups.get(word)
      if (!found) lookups.set(word, (found = candidateIndex.lookup(word, smallCollection ? Infinity : EXACT_ENOUGH)))
      return found
    }

    // Fuse.js scores one word on the articles the n-gram index allows, within `within`.
    const wordMatches = (word: string, within: ReadonlySet<number> | null): Map<number, WordMatch> => {
      const found = lookup(word)
      if (smallCollection && !found.complete) {
        // A small collection can afford Fuse.js on everything when the index cannot vouch.
        const every = within ? Array.from(within) : allDocs
        return scorer.score(word, every, every)
      }
      const headDocs: number[] = []
      const textDocs: number[] = []
      for (let i = 0; i < found.docs.length; i++) {
        const doc = found.docs[i]
        if (within && !within.has(doc)) continue
        if (found.fields[i] & IN_HEAD) headDocs.push(doc)
        if (found.fields[i] & IN_TEXT) textDocs.push(doc)
      }
      return scorer.score(word, headDocs, textDocs)
    }

    // Large collections: Fuse.js only sees the best-guess pool of articles that have every word.
    let survivors: Set<number> | null = null
    if (!smallCollection) {
      if (!pool) pool = new CandidatePool(articles.length)
      survivors = new Set(pool.likelyArticles(groups, lookup, Math.max(CANDIDATE_POOL, limit * 3)))
      if (!survivors.size) return []
    }

    // The most selective token first: later ones are then scored on fewer articles.
    const ordered = groups.slice().sort((a, b) => selectivity(a, lookup) - selectivity(b, lookup))
    let total: Map<number, WordMatch> | null = null
    for (const group of ordered) {
      const groupMatches = new Map<number, WordMatch>()
      for (const reading of group.readings) {
        let readingMatches: Map<number, WordMatch> | null = null
        for (const term of reading.terms) {
          const within: ReadonlySet<number> | null = readingMatches ? new Set(readingMatches.keys()) : survivors
          const termMatches = new Map<number, WordMatch>()
          for (const alternative of term.alternatives) {
            wordMatches(alternative.text, within).forEach((match, doc) => {
              keepBest(termMatches, doc, match.relevance * alternative.weight, match.titleRanges)
            })
          }
          readingMatches = combine(readingMatches, termMatches)
          if (!readingMatches.size) break
        }
        if (!readingMatches) continue
        const share = reading.weight / reading.terms.length
        readingMatches.forEach((match, doc) => keepBest(groupMatches, doc, match.relevance * share, match.titleRanges))
      }
      total = combine(total, groupMatches)
      if (!total.size) return []
      survivors = new Set(total.keys())
    }
    if (!total) return []

    const ranked: Array<{ doc: number; relevance: number; titleRanges: MatchRange[]; coverage: number }> = []
    const groupCount = groups.length
    total.forEach((match, doc) => {
      const titleRanges = mergeRanges(match.titleRanges)
      ranked.push({
        doc,
        relevance: match.relevance / groupCount,
        titleRanges,
        coverage: coverage(titleRanges, articles[doc].title.length),
      })
    })
    // Equal relevance: more of the title matched, then newer, then the collection's order.
    ranked.sort(
      (a, b) =>
        b.relevance - a.relevance ||
        b.coverage - a.coverage ||
        (articles[a.doc].date === articles[b.doc].date ? a.doc - b.doc : articles[a.doc].date < articles[b.doc].date ? 1 : -1),
    )
    return ranked.slice(0, limit).map((entry) => ({
      article: articles[entry.doc],
      // Back to Fuse.js's convention: 0 is a perfect match, 1 none.
      score: Math.exp(-entry.relevance),
      titleRanges: entry.titleRanges,
    }))
  }

  return {
    search,
    hotSearchTerms: data ? data.hotSearchTerms.slice() : [],
  }
}

function keepBest(into: Map<number, WordMatch>, doc: number, relevance: number, titleRanges: MatchRange[]): void {
  const known = into.get(doc)
  if (!known || known.relevance < relevance) into.set(doc, { relevance, titleRanges })
}

/** Keeps articles present in both (every term must match), adding relevance and ranges. */
function combine(previous: Map<number, WordMatch> | null, next: Map<number, WordMatch>): Map<number, WordMatch> {
  if (previous === null) return next
  const out = new Map<number, WordMatch>()
  previous.forEach((match, doc) => {
    const other = next.get(doc)
    if (other) {
      out.set(doc, {
        relevance: match.relevance + other.relevance,
        titleRanges: match.titleRanges.concat(other.titleRanges),
      })
    }
  })
  return out
}

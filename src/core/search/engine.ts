// The search engine the app, the CLI and the benchmark share. Per query:
//   normalise → plan: tokens, each read as the parts it asks about (question words dropped,
//     Chinese split at known words, pinyin read as words), each part with its synonyms (query.ts)
//   → large collections only: the n-gram index's best-guess pool of articles (candidatePool.ts)
//   → Fuse.js scores each part on the articles its n-grams allow (fuseScorer.ts)
//   → full matches: articles that have every word of the query (a word no article has cannot
//     be required), ranked by Fuse.js relevance;
//   → when those are few, partial matches after them, never above: articles with enough of the
//     words, ranked by how much of the query they cover (place names and rarer words weigh
//     more; a word in the title counts more than one in the text), then by relevance.
import type { Article } from '../article'
import { TOPICS } from '../article'
import { CandidatePool, type PoolGroup } from './candidatePool'
import { CandidateIndex, IN_HEAD, IN_TEXT, type CandidateList } from './candidates'
import { LEADING_SPACE, type SearchDoc } from './fuseOptions'
import { FuseScorer, type WordMatch } from './fuseScorer'
import { COMMON_WORDS, TOPIC_PHRASES } from './glossary'
import { foldText, normalizeQuery } from './normalize'
import { vocabularyFromIndex } from './pinyin'
import { createQuestionSplitter, planQuery, type Part } from './query'
import { synonymWords } from './synonyms'
import { newerFirst } from '../text'
import type { MatchRange, SearchEngine, SearchHit, SearchIndexData } from './types'

/** Up to this many articles Fuse.js simply scores them all; the n-gram index pays off above. */
export const FULL_SCAN_LIMIT = 300
/** Articles handed to Fuse.js per query at most (more when a caller asks for more results). */
const CANDIDATE_POOL = 40
/** In a large collection, a word found exactly in this many articles is not also looked for with typos. */
const EXACT_ENOUGH = 4 * CANDIDATE_POOL
const DEFAULT_LIMIT = 20

/** Fewer full matches than this (a screenful) and partial matches fill in after them. */
export const RELAX_BELOW = 5
/** A partial match must cover at least this share of the query's words, by weight. */
export const MIN_PARTIAL_SHARE = 1 / 3
/** A place name weighs more: a question about 朔州 is answered by articles about 朔州 first. */
const PLACE_WEIGHT = 1.5
/** A word in most articles still counts a little. */
const MIN_RARITY = 0.05
/** In a partial match, a word found only outside the title counts this much of one in the title. */
const OUTSIDE_TITLE_CREDIT = 0.5
/** In a partial match, a word found only with typos counts this much of one found as typed. */
const TYPO_CREDIT = 0.5

/** A part of the query with what was found for it. */
interface PlannedPart {
  part: Part
  /** Per article: the best alternative's relevance and title ranges. */
  matches: Map<number, WordMatch>
  /** A full match must have it. */
  required: boolean
  /** Share of relevance next to its group's other parts. */
  rankWeight: number
  /** Weight towards a partial match (0: it does not count). */
  coverWeight: number
  /** Some article has it; a part nothing has is left out of relevance. */
  present: boolean
}

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
  const candidateIndex = new CandidateIndex(
    docs.map((d) => ({ head: d.title + ' ' + d.region + d.topics, text: d.summary + ' ' + d.body })),
  )
  const words = new Set<string>(
    Array.from(places).concat(TOPICS, TOPIC_PHRASES, COMMON_WORDS, synonymWords(), data ? Object.keys(data.words) : []),
  )
  const smallCollection = articles.length <= FULL_SCAN_LIMIT
  const allDocs = articles.map((_, i) => i)
  // Whether some article has a text as typed: a small collection simply reads them all (its
  // n-gram index has few buckets, so bigram checks would say yes too often).
  const occurs = smallCollection
    ? (text: string) => allDocs.some((doc) => hasAsTyped(doc, text))
    : (text: string) => candidateIndex.occurs(text)
  const context = {
    split: createQuestionSplitter({ words, places, occurs }),
    pinyin: data ? vocabularyFromIndex(articles, data) : null,
  }

  const scorer = new FuseScorer(docs)
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
    // How many articles may have a part: for its weight, and (large collections) whether it can
    // be required before Fuse.js has looked. A small collection counts the articles that have it
    // as typed (its n-gram index is too coarse to count by); a large one trusts the index.
    const reach = (part: Part) => {
      let count = 0
      if (smallCollection) {
        for (const doc of allDocs) if (part.alternatives.some((a) => hasAsTyped(doc, a.text))) count++
        return count
      }
      for (const alternative of part.alternatives) count += lookup(alternative.text).docs.length
      return Math.min(count, articles.length)
    }
    const hasWords = groups.some((g) => g.parts.some((p) => p.kind === 'word'))
    // Hints are required only in a query of nothing but hints (补).
    const mayRequire = (part: Part) => part.kind === 'word' || !hasWords

    // Large collections: Fuse.js only sees the best-guess pool.
    let within: Set<number> | null = null
    if (!smallCollection) {
      if (!pool) pool = new CandidatePool(articles.length)
      const poolGroups: PoolGroup[] = groups.map((g) => ({
        phrase: g.phrase,
        partsWeight: g.partsWeight,
        // Lone characters are in too many articles to guess by, unless they are all there is.
        parts: g.parts.filter((part) => mayRequire(part) || part.weight >= 1).map((part) => {
          const count = mayRequire(part) ? reach(part) : 0
          const required = mayRequire(part) && count > 0
          return {
            alternatives: part.alternatives,
            required,
            rankWeight: part.weight,
            coverWeight: required && hasWords ? coverWeight(part, count) : 0,
          }
        }),
      }))
      within = new Set(pool.likelyArticles(poolGroups, lookup, Math.max(CANDIDATE_POOL, limit * 3), MIN_PARTIAL_SHARE))
      if (!within.size) return []
    }

    // Fuse.js scores one text on the articles the n-gram index allows, among `among` (the pool).
    const scoreText = (text: string, among: ReadonlySet<number> | null): Map<number, WordMatch> => {
      const found = lookup(text)
      if (smallCollection && !found.complete) {
        // A small collection can afford Fuse.js on everything when the index cannot vouch. A
        // single character allows no typo, so only articles that have it need reading.
        let every = among ? Array.from(among) : allDocs
        if (text.length === 1) every = every.filter((doc) => hasAsTyped(doc, text))
        return scorer.score(text, every, every)
      }
      const headDocs: number[] = []
      const textDocs: number[] = []
      for (let i = 0; i < found.docs.length; i++) {
        const doc = found.docs[i]
        if (among && !among.has(doc)) continue
        if (found.fields[i] & IN_HEAD) headDocs.push(doc)
        if (found.fields[i] & IN_TEXT) textDocs.push(doc)
      }
      return scorer.score(text, headDocs, textDocs)
    }
    const scored = new Map<string, Map<number, WordMatch>>()
    const textMatches = (text: string): Map<number, WordMatch> => {
      let matches = scored.get(text)
      if (!matches) scored.set(text, (matches = scoreText(text, within)))
      return matches
    }
    const partMatches = (part: Part, among?: ReadonlySet<number>): Map<number, WordMatch> => {
      const matches = new Map<number, WordMatch>()
      for (const alternative of part.alternatives) {
        const found = among ? scoreText(alternative.text, among) : textMatches(alternative.text)
        found.forEach((match, doc) => keepBest(matches, doc, match.relevance * alternative.weight, match.titleRanges))
      }
      return matches
    }

    // Words first (hints too, in a query of nothing but hints): they decide which articles match.
    const plan = groups.map((group) => ({
      group,
      phrase: group.phrase ? textMatches(group.phrase.text) : null,
      parts: group.parts.map((part): PlannedPart => {
        const counts = mayRequire(part)
        return {
          part,
          matches: new Map<number, WordMatch>(),
          required: false,
          rankWeight: part.weight,
          // A word no article has as typed (听力下将) is as rare as can be.
          coverWeight: counts && hasWords ? coverWeight(part, reach(part)) : 0,
          present: !counts,
        }
      }),
    }))
    // Rarest words first. Once the words left could not make an article a partial match by
    // themselves, they are only looked for in articles that have a rarer one: 医保 is in most
    // articles, and reading all of them for it would cost the most.
    const words: PlannedPart[] = []
    for (const g of plan) for (const p of g.parts) if (mayRequire(p.part)) words.push(p)
    words.sort((a, b) => b.coverWeight - a.coverWeight)
    const estimatedTotal = words.reduce((sum, p) => sum + p.coverWeight, 0)
    let left = estimatedTotal
    const haveRarer = new Set<number>()
    for (const p of words) {
      const narrow = haveRarer.size > 0 && left < MIN_PARTIAL_SHARE * estimatedTotal
      p.matches = partMatches(p.part, narrow ? haveRarer : undefined)
      left -= p.coverWeight
      if (p.matches.size) {
        p.required = true
        p.matches.forEach((_, doc) => haveRarer.add(doc))
      } else {
        // In none of the articles looked at. A word no article has (a typo beyond repair, a word
        // the collection lacks) cannot be required: 扬州 火星 still finds 扬州. One that some
        // article outside the pool has still is: then nothing here is a full match.
        p.required = (narrow && partMatches(p.part).size > 0) || (!smallCollection && p.part.alternatives.some((a) => occurs(a.text)))
      }
      p.present = p.matches.size > 0
      if (!p.required) p.coverWeight = 0
    }
    const requiredCount = plan.reduce((n, g) => n + g.parts.filter((p) => p.required).length, 0)
    // Words were typed and none of them is in any article: nothing to show, not random articles.
    if (!requiredCount) return []
    const coverTotal = plan.reduce((sum, g) => g.parts.reduce((s, p) => s + p.coverWeight, sum), 0)

    // Every article that has a required part or a phrase is a candidate.
    const candidates = new Set<number>()
    for (const g of plan) {
      if (g.phrase) g.phrase.forEach((_, doc) => candidates.add(doc))
      for (const p of g.parts) if (p.required) p.matches.forEach((_, doc) => candidates.add(doc))
    }
    // Hints only rank candidates, so they are looked for among them alone (a lone character is
    // in most articles; reading every article for it would cost the most).
    for (const g of plan) {
      for (const p of g.parts) {
        if (mayRequire(p.part)) continue
        p.matches = partMatches(p.part, candidates)
        p.present = p.matches.size > 0
      }
    }

    interface Ranked {
      doc: number
      full: boolean
      relevance: number
      /** Share of the query's words covered, a title match counting fully (partial matches). */
      cover: number
      titleRanges: MatchRange[]
      /** Share of the title the matches cover. */
      coverage: number
    }
    const full: Ranked[] = []
    const partial: Ranked[] = []
    candidates.forEach((doc) => {
      let isFull = true
      let relevance = 0
      let ranges: MatchRange[] = []
      // Required parts the article has, and where: weighed below if it is a partial match.
      const had: Array<{ part: PlannedPart; where: WordMatch; asTyped: boolean }> = []
      for (const g of plan) {
        const byPhrase = g.phrase ? g.phrase.get(doc) : undefined
        // The phrase stands in for the group's words only where the article has it as typed; a
        // phrase found with typos (拔牙能报销吗 ≈ 才能报销吗) may have lost the very word asked about.
        const phraseHad = byPhrase !== undefined && g.group.phrase !== null && hasAsTyped(doc, g.group.phrase.text)
        let partsRelevance = 0
        let rankTotal = 0
        const partRanges: MatchRange[] = []
        for (const p of g.parts) {
          const match = p.matches.get(doc)
          if (p.present) rankTotal += p.rankWeight
          if (match) {
            partsRelevance += p.rankWeight * match.relevance
            for (const range of match.titleRanges) partRanges.push(range)
          }
          if (!p.required) continue
          if (match) had.push({ part: p, where: match, asTyped: false })
          else if (phraseHad && byPhrase) had.push({ part: p, where: byPhrase, asTyped: true })
          else isFull = false
        }
        const fromParts = rankTotal ? (g.group.partsWeight * partsRelevance) / rankTotal : 0
        if (phraseHad && byPhrase) {
          // What was typed, word for word (医保个人账户能 in 医保个人账户能自己充钱吗): the
          // dropped words and the order count too, on top of the words.
          relevance += fromParts + byPhrase.relevance
          ranges = ranges.concat(byPhrase.titleRanges, partRanges)
        } else if (byPhrase && byPhrase.relevance >= fromParts) {
          relevance += byPhrase.relevance
          ranges = ranges.concat(byPhrase.titleRanges)
        } else {
          relevance += fromParts
          ranges = ranges.concat(partRanges)
        }
      }
      let cover = 0
      if (!isFull) {
        // How much of the query a partial match has: each word by its weight, half for a word
        // found only with typos (电子医保卡 ≈ 医保卡 is not having it) or only outside the title.
        let covered = 0
        for (const { part, where, asTyped } of had) {
          const credit = asTyped || part.part.alternatives.some((a) => hasAsTyped(doc, a.text)) ? 1 : TYPO_CREDIT
          covered += part.coverWeight * credit
          cover += part.coverWeight * credit * (where.titleRanges.length ? 1 : OUTSIDE_TITLE_CREDIT)
        }
        if (!coverTotal || covered / coverTotal < MIN_PARTIAL_SHARE) return
        cover /= coverTotal
      }
      const titleRanges = mergeRanges(ranges)
      const entry: Ranked = {
        doc,
        full: isFull,
        relevance: relevance / plan.length,
        cover,
        titleRanges,
        coverage: coverage(titleRanges, articles[doc].title.length),
      }
      ;(isFull ? full : partial).push(entry)
    })

    // Equal relevance: more of the title matched, then newer, then the collection's order.
    const newer = (a: Ranked, b: Ranked) =>
      newerFirst(articles[a.doc], articles[b.doc]) || a.doc - b.doc
    full.sort((a, b) => b.relevance - a.relevance || b.coverage - a.coverage || newer(a, b))
    const ranked = full.slice(0, limit)
    // Partial matches only fill in after too few full ones, and only when there was more than
    // one word to have part of.
    if (ranked.length < Math.min(RELAX_BELOW, limit) && requiredCount > 1 && hasWords) {
      partial.sort((a, b) => b.cover - a.cover || b.relevance - a.relevance || b.coverage - a.coverage || newer(a, b))
      for (const entry of partial) {
        if (ranked.length >= limit) break
        ranked.push(entry)
      }
    }

    let previous = 0
    return ranked.map((entry) => {
      // Back to Fuse.js's convention, 0 a perfect match and 1 none; never better than a hit above.
      const score = Math.max(previous, Math.exp(-entry.relevance * (entry.full ? 1 : entry.cover)))
      previous = score
      const hit: SearchHit = { article: articles[entry.doc], score, titleRanges: entry.titleRanges }
      if (!entry.full) hit.partial = true
      return hit
    })
  }

  /** The article has `text` as typed, in any field. */
  function hasAsTyped(doc: number, text: string): boolean {
    const d = docs[doc]
    return (
      d.title.indexOf(text) >= 0 ||
      d.region.indexOf(text) >= 0 ||
      d.topics.indexOf(text) >= 0 ||
      d.summary.indexOf(text) >= 0 ||
      d.body.indexOf(text) >= 0
    )
  }

  /**
   * A part's weight towards a partial match: rarer words and place names weigh more. Rarity is
   * the probabilistic IDF, which falls towards nothing as a word nears every other article
   * (报销 is in 16 of 42): having only 报销 of 生孩子报销 is not a partial answer.
   */
  function coverWeight(part: Part, articleCount: number): number {
    const n = articles.length
    const rarity = Math.max(MIN_RARITY, Math.log((n - articleCount + 0.5) / (articleCount + 0.5)))
    return part.alternatives.some((a) => places.has(a.text)) ? PLACE_WEIGHT * rarity : rarity
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

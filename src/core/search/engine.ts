// The search engine the app, the CLI and the benchmark share. One pipeline at every size; each
// stage below is one function, called in this order by `runStages`:
//   1. normalise   the query as the engine reads it: NFKC, lower case, symbols to spaces,
//                  traditional characters to simplified (normalize.ts)
//   2. plan        tokens, each read as the parts it asks about (question words dropped, Chinese
//                  split at known words, pinyin read as words, a wrong character read by its
//                  sound), each part with its alternatives (query.ts); how much each part weighs
//   3. candidates  which articles are looked at: all of them in a small collection, a pool picked
//                  by the n-gram index in a large one (candidateSource.ts: the only size-dependent
//                  part)
//   4. score       Fuse.js relevance of every part on the candidates (fuseScorer.ts), rarest part
//                  first; which parts a full match must have
//   5. rank and relax
//                  full matches (every required part) by relevance; when those are few, partial
//                  matches after them, never above, by how much of the query they cover (place
//                  names and rarer words weigh more; a word in the title counts more than one in
//                  the text), then by relevance.
import { TOPICS } from '../article'
import { createCandidateSource, type CandidateSource, type Guess } from './candidateSource'
import { IN_HEAD, IN_TEXT } from './candidates'
import { LEADING_SPACE, type SearchDoc } from './fuseOptions'
import { FuseScorer, type WordMatch } from './fuseScorer'
import { COMMON_WORDS, TOPIC_PHRASES } from './glossary'
import { foldText, normalizeQuery, simplifyCharacters } from './normalize'
import { readingsFromSounds, soundsOf, vocabularyFromIndex } from './pinyin'
import { createQuestionSplitter, planQuery, type Group, type Part, type PlanContext } from './query'
import { synonymWords } from './synonyms'
import { newerFirst } from '../text'
import type { MatchRange, SearchEngine, SearchHit, SearchIndexData, SearchRecord } from './types'

export { FULL_SCAN_LIMIT } from './candidateSource'

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
/** Words that sound like a typed word and are offered in its place (扬洲 → 扬州). */
const MAX_SOUND_ALIKES = 3

export interface SearchEngineOptions {
  /**
   * Told about an unexpected failure inside the engine (a bug, never bad input): once per
   * failed search, with the query's length but not its text (queries can be private). The
   * search then gives []. Default: console.error.
   */
  onError?: (error: unknown, queryLength: number) => void
}

/** What stays the same from query to query: the collection as the stages read it. */
interface Collection<R extends SearchRecord> {
  records: readonly R[]
  docs: readonly SearchDoc[]
  places: ReadonlySet<string>
  source: CandidateSource
  scorer: FuseScorer
  planContext: PlanContext
  traditional: Readonly<Record<string, string>>
}

/** A part of the query with what the stages found out about it. */
interface PlannedPart {
  part: Part
  /** Words (hints too, in a query of nothing but hints) decide which articles match; hints only rank. */
  counts: boolean
  /** Share of relevance next to its group's other parts. */
  rankWeight: number
  /** Weight towards a partial match (0: it does not count). */
  coverWeight: number
  /** Per article: the best alternative's relevance and title ranges (score stage). */
  matches: Map<number, WordMatch>
  /** A full match must have it (score stage). */
  required: boolean
  /** Some article has it; a part nothing has is left out of relevance (score stage). */
  present: boolean
}

interface PlannedGroup {
  group: Group
  parts: PlannedPart[]
  /** The group's phrase as typed, scored (score stage). */
  phraseMatches: Map<number, WordMatch> | null
}

interface Plan {
  groups: PlannedGroup[]
  /** Some part is a word (not only hints). */
  hasWords: boolean
}

/** What the score stage found, for ranking. */
interface Scored {
  /** Articles that have a required part or a group's phrase. */
  matched: Set<number>
  requiredCount: number
  coverTotal: number
}

function regionName(record: SearchRecord): string {
  if (!record.region) return ''
  return record.region.province + (record.region.city || '')
}

function bodyText(record: SearchRecord): string {
  if (!record.body) return ''
  return record.body.map((block) => block.text).join('\n')
}

function toSearchDoc(record: SearchRecord): SearchDoc {
  return {
    title: foldText(record.title),
    region: LEADING_SPACE + regionName(record),
    topics: LEADING_SPACE + record.topics.join(' '),
    summary: foldText(record.summary),
    body: foldText(bodyText(record)),
  }
}

const isRecordOfStrings = (value: unknown): value is Record<string, string> =>
  typeof value === 'object' && value !== null && Object.keys(value).every((k) => typeof (value as Record<string, unknown>)[k] === 'string')

/**
 * The prebuilt index if it has the shape this engine reads, else null: a stale or damaged file
 * costs pinyin, sounds and traditional characters, never the search page.
 */
export function readSearchIndex(raw: unknown): SearchIndexData | null {
  if (typeof raw !== 'object' || raw === null) return null
  const data = raw as Partial<SearchIndexData>
  if (data.version !== 2 || !isRecordOfStrings(data.titlePinyin) || !isRecordOfStrings(data.words)) return null
  if (!isRecordOfStrings(data.traditional) || !isRecordOfStrings(data.sounds)) return null
  if (!Array.isArray(data.hotSearchTerms) || !data.hotSearchTerms.every((t) => typeof t === 'string')) return null
  return data as SearchIndexData
}

function reportToConsole(error: unknown, queryLength: number): void {
  if (typeof console !== 'undefined') console.error(`search failed on a query of ${queryLength} characters:`, error)
}

/**
 * The engine over `records` (the list fields; see SearchRecord) and the prebuilt index
 * (src/data/search-index.json; anything else, or nothing, still searches Chinese). Building it
 * reads every record once; each search then runs the stages above.
 */
export function createSearchEngine<R extends SearchRecord>(
  records: readonly R[],
  prebuiltIndex?: unknown,
  options: SearchEngineOptions = {},
): SearchEngine<R> {
  const collection = openCollection(records, readSearchIndex(prebuiltIndex))
  const onError = options.onError || reportToConsole
  return {
    search(query, searchOptions) {
      try {
        return runStages(collection, query, searchOptions)
      } catch (error) {
        // Bad input never gets here (normalise turns anything into a plain string); a bug does,
        // and must not blank the search page, nor pass unnoticed.
        onError(error, typeof query === 'string' ? query.length : 0)
        return []
      }
    },
  }
}

function openCollection<R extends SearchRecord>(records: readonly R[], data: SearchIndexData | null): Collection<R> {
  const docs = records.map(toSearchDoc)
  const places = new Set<string>()
  for (const record of records) {
    if (record.region) {
      places.add(record.region.province)
      if (record.region.city) places.add(record.region.city)
    }
  }
  const source = createCandidateSource(docs)
  const words = new Set<string>(
    Array.from(places).concat(TOPICS, TOPIC_PHRASES, COMMON_WORDS, synonymWords(), data ? Object.keys(data.words) : []),
  )
  const pinyin = data ? vocabularyFromIndex(records, data) : null
  const readings = data ? readingsFromSounds(data.sounds) : null
  const soundAlike = (text: string): string[] => {
    if (!pinyin || !readings || source.occurs(text)) return []
    const found: string[] = []
    for (const sound of soundsOf(text, readings)) {
      for (const spelled of pinyin.wordsFor(sound, MAX_SOUND_ALIKES)) {
        // Same length, every syllable in full: a word read the same, not an abbreviation.
        if (spelled.word.length === text.length && spelled.quality === 1 && found.indexOf(spelled.word) < 0) found.push(spelled.word)
      }
    }
    return found.slice(0, MAX_SOUND_ALIKES)
  }
  return {
    records,
    docs,
    places,
    source,
    scorer: new FuseScorer(docs),
    planContext: {
      split: createQuestionSplitter({ words, places, occurs: source.occurs }),
      pinyin,
      soundAlike,
    },
    traditional: data ? data.traditional : {},
  }
}

function runStages<R extends SearchRecord>(c: Collection<R>, query: string, options?: { limit?: number }): SearchHit<R>[] {
  const requested = options && typeof options.limit === 'number' ? Math.floor(options.limit) : DEFAULT_LIMIT
  const limit = Math.max(0, Math.min(requested, c.records.length))
  if (limit === 0) return []
  const normalized = normalise(c, query)
  if (!normalized) return []
  const plan = planSearch(c, normalized)
  if (!plan) return []
  const candidates = chooseCandidates(c, plan, limit)
  const scored = scoreParts(c, plan, candidates)
  if (!scored) return []
  return rankAndRelax(c, plan, scored, limit)
}

// 1. normalise ---------------------------------------------------------------------------------

function normalise(c: Collection<SearchRecord>, query: unknown): string {
  return simplifyCharacters(normalizeQuery(query), c.traditional)
}

// 2. plan --------------------------------------------------------------------------------------

function planSearch(c: Collection<SearchRecord>, normalized: string): Plan | null {
  const groups = planQuery(normalized, c.planContext)
  if (!groups.length) return null
  const hasWords = groups.some((g) => g.parts.some((p) => p.kind === 'word'))
  return {
    hasWords,
    groups: groups.map((group) => ({
      group,
      phraseMatches: null,
      parts: group.parts.map((part): PlannedPart => {
        // Hints count only in a query of nothing but hints (补).
        const counts = part.kind === 'word' || !hasWords
        return {
          part,
          counts,
          rankWeight: part.weight,
          // A word no article has as typed (听力下将) is as rare as can be.
          coverWeight: counts && hasWords ? coverWeight(c, part, c.source.reach(part.alternatives.map((a) => a.text))) : 0,
          matches: new Map(),
          required: false,
          present: !counts,
        }
      }),
    })),
  }
}

/**
 * A part's weight towards a partial match: rarer words and place names weigh more. Rarity is
 * the probabilistic IDF, which falls towards nothing as a word nears every other article
 * (报销 is in 16 of 42): having only 报销 of 生孩子报销 is not a partial answer.
 */
function coverWeight(c: Collection<SearchRecord>, part: Part, articleCount: number): number {
  const n = c.records.length
  const rarity = Math.max(MIN_RARITY, Math.log((n - articleCount + 0.5) / (articleCount + 0.5)))
  return part.alternatives.some((a) => c.places.has(a.text)) ? PLACE_WEIGHT * rarity : rarity
}

// 3. candidates --------------------------------------------------------------------------------

function chooseCandidates(c: Collection<SearchRecord>, plan: Plan, limit: number): Set<number> | null {
  const guesses: Guess[] = []
  for (const g of plan.groups) {
    const groupCover = g.parts.reduce((sum, p) => sum + p.coverWeight, 0)
    if (g.group.phrase) guesses.push({ texts: [g.group.phrase], weight: groupCover || 1 })
    for (const p of g.parts) if (p.counts) guesses.push({ texts: p.part.alternatives, weight: p.coverWeight || 1 })
  }
  return c.source.pool(guesses, limit)
}

// 4. score -------------------------------------------------------------------------------------

function scoreParts(c: Collection<SearchRecord>, plan: Plan, candidates: Set<number> | null): Scored | null {
  const { source, scorer } = c
  const everyCandidate = candidates ? Array.from(candidates) : c.records.map((_, i) => i)

  // Fuse.js scores one text on the articles the n-gram index allows, among `among`.
  const scoreText = (text: string, among: ReadonlySet<number> | null): Map<number, WordMatch> => {
    const found = source.lookup(text)
    if (!found.complete) {
      // The index cannot vouch for every match: read every candidate. A single character
      // allows no typo, so only articles that have it need reading.
      let every = among ? Array.from(among) : everyCandidate
      if (text.length === 1) every = every.filter((doc) => source.hasAsTyped(doc, text))
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
    if (!matches) scored.set(text, (matches = scoreText(text, candidates)))
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

  for (const g of plan.groups) g.phraseMatches = g.group.phrase ? textMatches(g.group.phrase.text) : null

  // Rarest words first. Once the words left could not make an article a partial match by
  // themselves, they are only looked for in articles that have a rarer one: 医保 is in most
  // articles, and reading all of them for it would cost the most.
  const words: PlannedPart[] = []
  for (const g of plan.groups) for (const p of g.parts) if (p.counts) words.push(p)
  words.sort((a, b) => b.coverWeight - a.coverWeight)
  const estimatedTotal = words.reduce((sum, p) => sum + p.coverWeight, 0)
  let left = estimatedTotal
  const haveRarer = new Set<number>()
  for (const p of words) {
    const narrow = haveRarer.size > 0 && left < MIN_PARTIAL_SHARE * estimatedTotal
    p.matches = partMatches(p.part, narrow ? haveRarer : undefined)
    left -= p.coverWeight
    p.matches.forEach((_, doc) => haveRarer.add(doc))
    // A word no article has (a typo beyond repair, a word the collection lacks) cannot be
    // required: 扬州 火星 still finds 扬州. One that some article not looked at has still is:
    // then nothing here is a full match.
    p.required = p.matches.size > 0 || p.part.alternatives.some((a) => source.occurs(a.text))
    p.present = p.matches.size > 0
    if (!p.required) p.coverWeight = 0
  }
  let requiredCount = 0
  let coverTotal = 0
  for (const g of plan.groups) {
    for (const p of g.parts) {
      if (p.required) requiredCount++
      coverTotal += p.coverWeight
    }
  }
  // Words were typed and none of them is in any article: nothing to show, not random articles.
  if (!requiredCount) return null

  const matched = new Set<number>()
  for (const g of plan.groups) {
    if (g.phraseMatches) g.phraseMatches.forEach((_, doc) => matched.add(doc))
    for (const p of g.parts) if (p.required) p.matches.forEach((_, doc) => matched.add(doc))
  }
  // Hints only rank what matched, so they are looked for there alone (a lone character is in
  // most articles; reading every article for it would cost the most).
  for (const g of plan.groups) {
    for (const p of g.parts) {
      if (p.counts) continue
      p.matches = partMatches(p.part, matched)
      p.present = p.matches.size > 0
    }
  }
  return { matched, requiredCount, coverTotal }
}

function keepBest(into: Map<number, WordMatch>, doc: number, relevance: number, titleRanges: MatchRange[]): void {
  const known = into.get(doc)
  if (!known || known.relevance < relevance) into.set(doc, { relevance, titleRanges })
}

// 5. rank and relax ----------------------------------------------------------------------------

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

function rankAndRelax<R extends SearchRecord>(c: Collection<R>, plan: Plan, scored: Scored, limit: number): SearchHit<R>[] {
  const full: Ranked[] = []
  const partial: Ranked[] = []
  scored.matched.forEach((doc) => {
    const entry = weigh(c, plan, scored, doc)
    if (entry) (entry.full ? full : partial).push(entry)
  })

  // Equal relevance: more of the title matched, then newer, then the collection's order.
  const { records } = c
  const newer = (a: Ranked, b: Ranked) => newerFirst(records[a.doc], records[b.doc]) || a.doc - b.doc
  full.sort((a, b) => b.relevance - a.relevance || b.coverage - a.coverage || newer(a, b))
  const ranked = full.slice(0, limit)
  // Partial matches only fill in after too few full ones, and only when there was more than
  // one word to have part of.
  if (ranked.length < Math.min(RELAX_BELOW, limit) && scored.requiredCount > 1 && plan.hasWords) {
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
    const hit: SearchHit<R> = { article: records[entry.doc], score, titleRanges: entry.titleRanges }
    if (!entry.full) hit.partial = true
    return hit
  })
}

/** One article against the plan: full or partial, its relevance and cover; null when it covers too little. */
function weigh(c: Collection<SearchRecord>, plan: Plan, scored: Scored, doc: number): Ranked | null {
  const { source } = c
  let isFull = true
  let relevance = 0
  let ranges: MatchRange[] = []
  // Required parts the article has, and where: weighed below if it is a partial match.
  const had: Array<{ part: PlannedPart; where: WordMatch; asTyped: boolean }> = []
  for (const g of plan.groups) {
    const byPhrase = g.phraseMatches ? g.phraseMatches.get(doc) : undefined
    // The phrase stands in for the group's words only where the article has it as typed; a
    // phrase found with typos (拔牙能报销吗 ≈ 才能报销吗) may have lost the very word asked about.
    const phraseHad = byPhrase !== undefined && g.group.phrase !== null && source.hasAsTyped(doc, g.group.phrase.text)
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
      const credit = asTyped || part.part.alternatives.some((a) => source.hasAsTyped(doc, a.text)) ? 1 : TYPO_CREDIT
      covered += part.coverWeight * credit
      cover += part.coverWeight * credit * (where.titleRanges.length ? 1 : OUTSIDE_TITLE_CREDIT)
    }
    if (!scored.coverTotal || covered / scored.coverTotal < MIN_PARTIAL_SHARE) return null
    cover /= scored.coverTotal
  }
  const titleRanges = mergeRanges(ranges)
  return {
    doc,
    full: isFull,
    relevance: relevance / plan.groups.length,
    cover,
    titleRanges,
    coverage: coverage(titleRanges, c.records[doc].title.length),
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

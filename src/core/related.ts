// Related articles: for each article, up to 6 others, most related first. Where comes first
// (same city, then same province, then elsewhere); within that, scores add up from what (shared
// topics, shared title terms) and how the source itself linked them (a page's 相关推荐 list).
// Pure and deterministic.
import type { Region, Topic } from './article'
import { compareCodePoints as compareText } from './text'

export interface RelatedCandidate {
  id: string
  title: string
  date: string
  region: Region | null
  topics: readonly Topic[]
}

/** One source page's own relation: its main article and the ids of its 相关推荐 entries. */
export interface SourcePageLinks {
  mainId: string
  entryIds: readonly string[]
}

export const RELATED_LIMIT = 6

/** Score weights within one region tier (same city, same province, elsewhere), in one place. */
const WEIGHTS = {
  perSharedTopic: 1.5,
  /** Multiplies a 0..1 cosine similarity of the titles' weighted character bigrams. */
  titleTerms: 4,
  /** The page listed this entry under its main article. */
  mainAndEntry: 2,
  /** Listed on the same page: a weak hint, pages mix topics. */
  sameList: 0.5,
}

/** Bigrams that say nothing about the subject: question words and filler. */
const STOP_BIGRAMS = new Set(['有哪', '哪些', '哪个', '怎么', '什么', '为什', '么办', '可以', '比较', '较好', '的医', '能不', '不能'])

/** Character bigrams of the Chinese runs of a title (years and numbers are dropped). */
export function titleBigrams(title: string): Set<string> {
  const bigrams = new Set<string>()
  for (const run of title.normalize('NFKC').match(/[\u4e00-\u9fff]+/g) ?? []) {
    for (let i = 0; i + 2 <= run.length; i++) {
      const bigram = run.slice(i, i + 2)
      if (!STOP_BIGRAMS.has(bigram)) bigrams.add(bigram)
    }
  }
  return bigrams
}

function pageLinkScores(pages: readonly SourcePageLinks[]): Map<string, number> {
  const scores = new Map<string, number>()
  const add = (a: string, b: string, score: number) => {
    if (a === b) return
    for (const key of [`${a} ${b}`, `${b} ${a}`]) scores.set(key, Math.max(scores.get(key) ?? 0, score))
  }
  for (const page of pages) {
    for (const entry of page.entryIds) {
      add(page.mainId, entry, WEIGHTS.mainAndEntry)
      for (const other of page.entryIds) add(entry, other, WEIGHTS.sameList)
    }
  }
  return scores
}

/** Where two articles are: same city, same province (other or no city), or neither. */
function regionTier(a: Region | null, b: Region | null): number {
  if (!a || !b || a.province !== b.province) return 0
  return a.city && a.city === b.city ? 2 : 1
}

/**
 * A title bigram in more articles than this finds no candidates by itself (医保, 医院 would pull
 * in most of the collection); it still counts in the similarity of candidates found otherwise.
 */
const MAX_BIGRAM_POSTINGS = 400
/** Articles sharing only topics: this many of the newest per topic are considered. */
const TOPIC_CANDIDATES = 4 * RELATED_LIMIT

function push<K>(index: Map<K, number[]>, key: K, i: number) {
  const list = index.get(key)
  if (list) list.push(i)
  else index.set(key, [i])
}

/**
 * Related ids per article id. Every id returned is one of `articles`, never the article itself.
 * Same city first, then same province, then the rest; within each, by shared topics, shared
 * title terms and the source's own links. Candidates come from region, topic and title-term
 * indexes instead of comparing every pair, so 10,000 articles take seconds, not minutes.
 * Pass `articles` newest first: the topic index then offers the newest articles first.
 */
export function relatedArticles(
  articles: readonly RelatedCandidate[],
  pages: readonly SourcePageLinks[],
  limit: number = RELATED_LIMIT,
): Map<string, string[]> {
  const bigrams = articles.map((a) => titleBigrams(a.title))
  const byBigram = new Map<string, number[]>()
  const byCity = new Map<string, number[]>()
  const byProvince = new Map<string, number[]>()
  const byTopic = new Map<string, number[]>()
  const indexOf = new Map<string, number>()
  articles.forEach((article, i) => {
    indexOf.set(article.id, i)
    for (const b of bigrams[i]) push(byBigram, b, i)
    if (article.region) {
      push(byProvince, article.region.province, i)
      if (article.region.city) push(byCity, `${article.region.province} ${article.region.city}`, i)
    }
    for (const topic of article.topics) push(byTopic, topic, i)
  })
  // Rare bigrams (舟山, 拔牙) weigh more than ones in every other title (医保, 医院).
  const weight = (b: string) => Math.log(1 + articles.length / (byBigram.get(b)?.length ?? 1))
  const norms = bigrams.map((set) => {
    let sum = 0
    for (const b of set) sum += weight(b) ** 2
    return Math.sqrt(sum)
  })
  const titleSimilarity = (i: number, j: number) => {
    if (norms[i] === 0 || norms[j] === 0) return 0
    let shared = 0
    for (const b of bigrams[i]) if (bigrams[j].has(b)) shared += weight(b) ** 2
    return shared / (norms[i] * norms[j])
  }
  const links = pageLinkScores(pages)
  const linked = new Map<number, number[]>()
  for (const key of links.keys()) {
    const [a, b] = key.split(' ')
    const i = indexOf.get(a)
    const j = indexOf.get(b)
    if (i !== undefined && j !== undefined) push(linked, i, j)
  }

  const result = new Map<string, string[]>()
  articles.forEach((article, i) => {
    const seen = new Set<number>([i])
    const scored: Array<{ j: number; tier: number; score: number }> = []
    const consider = (j: number) => {
      if (seen.has(j)) return
      seen.add(j)
      const other = articles[j]
      if (other.id === article.id) return
      let sharedTopics = 0
      for (const t of article.topics) if (other.topics.includes(t)) sharedTopics++
      const score =
        sharedTopics * WEIGHTS.perSharedTopic +
        titleSimilarity(i, j) * WEIGHTS.titleTerms +
        (links.get(`${article.id} ${other.id}`) ?? 0)
      const tier = regionTier(article.region, other.region)
      // Rounded so float noise never decides an order; ties fall to the rules below.
      if (tier > 0 || score > 0) scored.push({ j, tier, score: Math.round(score * 1e6) / 1e6 })
    }
    const region = article.region
    // Same city, then same province: a tier already holding `limit` articles decides alone.
    if (region?.city) for (const j of byCity.get(`${region.province} ${region.city}`) ?? []) consider(j)
    if (region && scored.length < limit) for (const j of byProvince.get(region.province) ?? []) consider(j)
    if (scored.length < limit) {
      for (const j of linked.get(i) ?? []) consider(j)
      for (const b of bigrams[i]) {
        const postings = byBigram.get(b) ?? []
        if (postings.length <= MAX_BIGRAM_POSTINGS) for (const j of postings) consider(j)
      }
      for (const topic of article.topics) {
        const postings = byTopic.get(topic) ?? []
        let taken = 0
        for (let k = 0; k < postings.length && taken < TOPIC_CANDIDATES; k++) {
          if (!seen.has(postings[k])) taken++
          consider(postings[k])
        }
      }
    }
    scored.sort((a, b) => {
      const x = articles[a.j]
      const y = articles[b.j]
      return b.tier - a.tier || b.score - a.score || compareText(y.date, x.date) || compareText(x.title, y.title) || compareText(x.id, y.id)
    })
    result.set(article.id, scored.slice(0, limit).map((x) => articles[x.j].id))
  })
  return result
}

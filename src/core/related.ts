// Related articles: for each article, up to 6 others, most related first. Scores add up from
// where (same city beats same province), what (shared topics, shared title terms) and how the
// source itself linked them (a page's 相关推荐 list). Pure and deterministic.
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

/** Score weights, in one place. Same city must outrank anything title terms alone can reach. */
const WEIGHTS = {
  sameCity: 6,
  sameProvince: 3,
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

function regionScore(a: Region | null, b: Region | null): number {
  if (!a || !b || a.province !== b.province) return 0
  return a.city && a.city === b.city ? WEIGHTS.sameCity : WEIGHTS.sameProvince
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

/** Related ids per article id. Every id returned is one of `articles`, never the article itself. */
export function relatedArticles(
  articles: readonly RelatedCandidate[],
  pages: readonly SourcePageLinks[],
  limit: number = RELATED_LIMIT,
): Map<string, string[]> {
  const bigrams = articles.map((a) => titleBigrams(a.title))
  const documentFrequency = new Map<string, number>()
  for (const set of bigrams) for (const b of set) documentFrequency.set(b, (documentFrequency.get(b) ?? 0) + 1)
  // Rare bigrams (舟山, 拔牙) weigh more than ones in every other title (医保, 医院).
  const weight = (b: string) => Math.log(1 + articles.length / (documentFrequency.get(b) ?? 1))
  const norms = bigrams.map((set) => Math.sqrt([...set].reduce((sum, b) => sum + weight(b) ** 2, 0)))
  const titleSimilarity = (i: number, j: number) => {
    if (norms[i] === 0 || norms[j] === 0) return 0
    let shared = 0
    for (const b of bigrams[i]) if (bigrams[j].has(b)) shared += weight(b) ** 2
    return shared / (norms[i] * norms[j])
  }
  const links = pageLinkScores(pages)

  const result = new Map<string, string[]>()
  articles.forEach((article, i) => {
    const scored = articles
      .map((other, j) => {
        if (j === i || other.id === article.id) return null
        const sharedTopics = article.topics.filter((t) => other.topics.includes(t)).length
        const score =
          regionScore(article.region, other.region) +
          sharedTopics * WEIGHTS.perSharedTopic +
          titleSimilarity(i, j) * WEIGHTS.titleTerms +
          (links.get(`${article.id} ${other.id}`) ?? 0)
        // Rounded so float noise never decides an order; ties fall to the rules below.
        return { other, score: Math.round(score * 1e6) / 1e6 }
      })
      .filter((x): x is { other: RelatedCandidate; score: number } => x !== null && x.score > 0)
      .sort((a, b) => b.score - a.score || compareText(b.other.date, a.other.date) || compareText(a.other.title, b.other.title) || compareText(a.other.id, b.other.id))
    result.set(article.id, scored.slice(0, limit).map((x) => x.other.id))
  })
  return result
}

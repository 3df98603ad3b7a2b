// The gold query set (queries.json) resolved against a collection of articles, and the hit@k
// measure the unit test and the benchmark share.
import { readFileSync } from 'fs'
import { join } from 'path'
import type { Article } from '../../src/core/article'

export interface GoldQuery {
  kind: string
  query: string
  /** Expected article titles as written in queries.json. */
  expect: string[]
  /** The place the query asks about, if any. */
  place?: string
  /** Words any answer's title contains: lets the benchmark accept the same question reworded. */
  titleWords?: string[]
}

export interface ResolvedGoldQuery extends GoldQuery {
  /** Ids of the expected articles. */
  expectedIds: string[]
}

export function loadGoldQueries(): GoldQuery[] {
  const file = JSON.parse(readFileSync(join(__dirname, 'queries.json'), 'utf8')) as { queries: GoldQuery[] }
  return file.queries
}

/** Resolves titles to ids; throws naming the title when an expected article is missing. */
export function resolveGoldQueries(queries: readonly GoldQuery[], articles: readonly Article[]): ResolvedGoldQuery[] {
  const idByTitle = new Map<string, string>()
  for (const article of articles) if (!idByTitle.has(article.title)) idByTitle.set(article.title, article.id)
  return queries.map((q) => ({
    ...q,
    expectedIds: q.expect.map((title) => {
      const id = idByTitle.get(title)
      if (!id) throw new Error(`Gold query "${q.query}" expects "${title}", which is not among the articles`)
      return id
    }),
  }))
}

export interface GoldScore {
  queries: number
  hitAt1: number
  hitAt5: number
  /** Queries whose first five results held no expected article. */
  missesAt5: string[]
  /** Queries whose first result was not an expected article. */
  missesAt1: string[]
}

/**
 * hit@k: share of queries with an accepted article among the first k results.
 * `accepts(query, id)` decides what counts (default: the expected ids).
 */
export function scoreGold(
  queries: readonly ResolvedGoldQuery[],
  rankedIds: (query: string) => string[],
  accepts: (query: ResolvedGoldQuery, id: string) => boolean = (q, id) => q.expectedIds.indexOf(id) >= 0,
): GoldScore {
  let at1 = 0
  let at5 = 0
  const missesAt1: string[] = []
  const missesAt5: string[] = []
  for (const q of queries) {
    const ids = rankedIds(q.query).slice(0, 5)
    if (ids.length && accepts(q, ids[0])) at1++
    else missesAt1.push(q.query)
    if (ids.some((id) => accepts(q, id))) at5++
    else missesAt5.push(q.query)
  }
  const n = queries.length || 1
  return { queries: queries.length, hitAt1: at1 / n, hitAt5: at5 / n, missesAt1, missesAt5 }
}

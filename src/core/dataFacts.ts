// What 关于 says about the data, computed from the packaged articles (never typed in by hand):
// how many articles, which sources they come from, and the date range they cover.
import type { Article } from './article'

export interface DataFacts {
  count: number
  /** Source labels as the articles name them (e.g. 健康新闻), most used first. */
  sources: string[]
  /** Oldest and newest article dates, YYYY-MM-DD; null when there are no articles. */
  oldest: string | null
  newest: string | null
}

/**
 * `list`: the articles (or list entries) whose dates are known; `count`: how many articles the
 * app holds; a `source` missing from an entry (list entries carry none) is not counted.
 */
export function dataFacts(list: readonly (Pick<Article, 'date'> & Partial<Pick<Article, 'source'>>)[], count: number = list.length): DataFacts {
  const bySource = new Map<string, number>()
  let oldest: string | null = null
  let newest: string | null = null
  for (const article of list) {
    const source = (article.source ?? '').trim()
    if (source) bySource.set(source, (bySource.get(source) ?? 0) + 1)
    if (oldest === null || article.date < oldest) oldest = article.date
    if (newest === null || article.date > newest) newest = article.date
  }
  const sources = [...bySource.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([name]) => name)
  return { count, sources, oldest, newest }
}

/** 2025-03-04 至 2025-03-19, or one date when all articles share it. */
export function dateRangeText(facts: DataFacts): string {
  if (!facts.oldest || !facts.newest) return '暂无'
  return facts.oldest === facts.newest ? facts.oldest : `${facts.oldest} 至 ${facts.newest}`
}

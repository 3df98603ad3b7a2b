// Home list filtering: pure functions over articles, used by the home page and the store.
import { TOPICS, type Article, type ProvinceEntry, type Region, type Topic } from './article'
import { newerFirst } from './text'

/** What the home page narrows by. null means "all" (全国 / 全部). */
export interface ArticleFilters {
  province: string | null
  /** Only meaningful together with `province`. */
  city: string | null
  topic: Topic | null
}

export const NO_FILTERS: ArticleFilters = Object.freeze({ province: null, city: null, topic: null })

export function hasActiveFilters(filters: ArticleFilters): boolean {
  return filters.province !== null || filters.topic !== null
}

/**
 * Region filtering is strict: choosing 山西 shows articles about 山西, not nationwide ones,
 * because people pick a place to see what is specific to it.
 */
export function matchesFilters(article: Pick<Article, 'region' | 'topics'>, filters: ArticleFilters): boolean {
  if (filters.province !== null) {
    if (!article.region || article.region.province !== filters.province) return false
    if (filters.city !== null && article.region.city !== filters.city) return false
  }
  if (filters.topic !== null && !article.topics.includes(filters.topic)) return false
  return true
}

export function filterArticles<T extends Pick<Article, 'region' | 'topics'>>(articles: readonly T[], filters: ArticleFilters): T[] {
  return articles.filter((article) => matchesFilters(article, filters))
}

export function countArticles(articles: ReadonlyArray<Pick<Article, 'region' | 'topics'>>, filters: ArticleFilters): number {
  let count = 0
  for (const article of articles) if (matchesFilters(article, filters)) count++
  return count
}

/** Newest first; articles of the same day keep the dataset's order (the source's own order). */
export function newestFirst<T extends Pick<Article, 'date'>>(articles: readonly T[]): T[] {
  return articles
    .map((article, index) => ({ article, index }))
    .sort((a, b) => newerFirst(a.article, b.article) || a.index - b.index)
    .map((entry) => entry.article)
}

export function isTopic(value: unknown): value is Topic {
  return typeof value === 'string' && (TOPICS as readonly string[]).includes(value)
}

/**
 * Any saved or linked value → filters that exist in the data. Unknown provinces, cities or
 * topics (old saved state, a hand-edited link) fall back to "all" instead of an empty list.
 */
export function normalizeFilters(input: unknown, provinces: readonly ProvinceEntry[]): ArticleFilters {
  if (!input || typeof input !== 'object') return { ...NO_FILTERS }
  const raw = input as Record<string, unknown>
  const entry = provinces.find((p) => p.province === raw.province)
  const province = entry ? entry.province : null
  const city = entry && typeof raw.city === 'string' && entry.cities.includes(raw.city) ? raw.city : null
  const topic = isTopic(raw.topic) ? raw.topic : null
  return { province, city, topic }
}

const NO_CITIES: readonly string[] = Object.freeze([])

/** Cities worth a second row of tabs: only when a province has more than one. */
export function citiesOf(provinces: readonly ProvinceEntry[], province: string | null): readonly string[] {
  if (province === null) return NO_CITIES
  const entry = provinces.find((p) => p.province === province)
  return entry && entry.cities.length > 1 ? entry.cities : NO_CITIES
}

/** "山西 · 朔州", "北京", or "全国" for nationwide articles. */
export function regionLabel(region: Region | null): string {
  if (!region) return '全国'
  return region.city ? `${region.province} · ${region.city}` : region.province
}

// Home list filtering and region counts: pure functions over list entries (the fields a list
// needs, never article bodies), used by the home page, its region picker and the store.
import { TOPICS, type Article, type ProvinceEntry, type Region, type Topic } from './article'
import type { CatalogProvince } from './catalog'
import { newerFirst } from './text'

/** What filtering reads from an article: the list index carries it, bodies are not needed. */
export type FilterableArticle = Pick<Article, 'region' | 'topics'>

/** What the home page narrows by. null means "all" (全国 / 全部). */
export interface ArticleFilters {
  province: string | null
  /** Only meaningful together with `province`. */
  city: string | null
  topic: Topic | null
}

/**
 * Cards home adds each time the reader nears the bottom of the list: a few screens' worth, so a
 * library of any size costs the same first render. Tests at every level read it from here.
 */
export const LIST_PAGE_SIZE = 20

export const NO_FILTERS: ArticleFilters = Object.freeze({ province: null, city: null, topic: null })

export function hasActiveFilters(filters: ArticleFilters): boolean {
  return filters.province !== null || filters.topic !== null
}

/**
 * Region filtering is strict: choosing 山西 shows articles about 山西, not nationwide ones,
 * because people pick a place to see what is specific to it.
 */
export function matchesFilters(article: FilterableArticle, filters: ArticleFilters): boolean {
  if (filters.province !== null) {
    if (!article.region || article.region.province !== filters.province) return false
    if (filters.city !== null && article.region.city !== filters.city) return false
  }
  if (filters.topic !== null && !article.topics.includes(filters.topic)) return false
  return true
}

export function filterArticles<T extends FilterableArticle>(articles: readonly T[], filters: ArticleFilters): T[] {
  return articles.filter((article) => matchesFilters(article, filters))
}

export function countArticles(articles: readonly FilterableArticle[], filters: ArticleFilters): number {
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
  // A link naming only a city (?city=朔州) still lands, when exactly one province has that city.
  const byCity =
    raw.province === undefined || raw.province === null || raw.province === ''
      ? provinces.filter((p) => typeof raw.city === 'string' && p.cities.includes(raw.city))
      : []
  const entry = byCity.length === 1 ? byCity[0] : provinces.find((p) => p.province === raw.province)
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

/** One city and how many articles name it. */
export interface CityCount {
  city: string
  count: number
}

/** One province: all its articles (with or without a city), and its cities that have articles. */
export interface ProvinceCount {
  province: string
  count: number
  /** In gazetteer order (the order of `ProvinceEntry.cities`). */
  cities: CityCount[]
}

export interface RegionCounts {
  /** Every counted article, nationwide ones included: the figure beside 全部地区. */
  total: number
  /** Provinces with at least one counted article, in gazetteer order. */
  provinces: ProvinceCount[]
}

/**
 * Article counts per province and city, for the region row and the 更多地区 picker. `topic`
 * narrows what is counted, so a count always says what choosing that place will list. `order`
 * (the dataset's provinces, gazetteer order) decides the order; a place missing from it (data
 * out of step with the list) still counts, after the known ones, in order of appearance.
 */
export function countByRegion(
  articles: readonly FilterableArticle[],
  order: readonly ProvinceEntry[],
  topic: Topic | null = null,
): RegionCounts {
  const provinceCounts = new Map<string, number>()
  const cityCounts = new Map<string, Map<string, number>>()
  let total = 0
  for (const article of articles) {
    if (topic !== null && !article.topics.includes(topic)) continue
    total++
    const region = article.region
    if (!region) continue
    provinceCounts.set(region.province, (provinceCounts.get(region.province) ?? 0) + 1)
    if (region.city) {
      let cities = cityCounts.get(region.province)
      if (!cities) cityCounts.set(region.province, (cities = new Map()))
      cities.set(region.city, (cities.get(region.city) ?? 0) + 1)
    }
  }
  const known = new Set(order.map((entry) => entry.province))
  const provinceOrder = [...order.map((entry) => entry.province), ...[...provinceCounts.keys()].filter((p) => !known.has(p))]
  const provinces: ProvinceCount[] = []
  for (const province of provinceOrder) {
    const count = provinceCounts.get(province)
    if (!count) continue
    const counted = cityCounts.get(province) ?? new Map<string, number>()
    const listed = order.find((entry) => entry.province === province)?.cities ?? []
    const listedSet = new Set(listed)
    const cityOrder = [...listed, ...[...counted.keys()].filter((c) => !listedSet.has(c))]
    const cities: CityCount[] = []
    for (const city of cityOrder) {
      const cityCount = counted.get(city)
      if (cityCount) cities.push({ city, count: cityCount })
    }
    provinces.push({ province, count, cities })
  }
  return { total, provinces }
}

/**
 * The pipeline's own counts (src/data/catalog.json, every article), as RegionCounts: what the
 * region row and 更多地区 show before the whole list index is loaded, and what orders the row.
 */
export function catalogRegionCounts(provinces: readonly CatalogProvince[], total: number): RegionCounts {
  return {
    total,
    provinces: provinces
      .filter((entry) => entry.count > 0)
      .map((entry) => ({
        province: entry.province,
        count: entry.count,
        cities: entry.cities.filter((city) => (entry.cityCounts[city] ?? 0) > 0).map((city) => ({ city, count: entry.cityCounts[city] })),
      })),
  }
}

/** Most articles first; equal counts keep their given (gazetteer) order. */
export function mostArticlesFirst<T extends { count: number }>(entries: readonly T[]): T[] {
  // Index as tie-break: not every mini-program JS engine promises a stable sort.
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => b.entry.count - a.entry.count || a.index - b.index)
    .map((item) => item.entry)
}

/** The count of one place in `counts` (0 when it has no counted article). */
export function regionCount(counts: RegionCounts, province: string | null, city: string | null = null): number {
  if (province === null) return counts.total
  const entry = counts.provinces.find((p) => p.province === province)
  if (!entry) return 0
  if (city === null) return entry.count
  return entry.cities.find((c) => c.city === city)?.count ?? 0
}

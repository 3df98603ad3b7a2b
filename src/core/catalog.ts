// The packaged data layout, shared by the pipeline (which writes it) and the app (which reads
// it). Lists need little per article, so the list index is small; bodies and full excerpts live
// in shards fetched when an article opens. Nothing here depends on how many articles there are.
import type { Article, Disclaimers, ProvinceEntry, Region } from './article'
import { compareCodePoints, newerFirst, takeChars } from './text'

/**
 * What a list card needs. `summary` is the excerpt cut to LIST_SUMMARY_LENGTH characters.
 * `pinyin` is the title's pinyin key for search (the search index's `titlePinyin` entry of this
 * id): it travels with the entry, so adding an article changes its own list shard and not a
 * library-sized index file.
 */
export type ListEntry = Pick<Article, 'id' | 'title' | 'summary' | 'date' | 'region' | 'topics' | 'fullText'> & { pinyin?: string }

/**
 * Characters of the excerpt a list entry keeps. A card shows two lines (about 40 characters),
 * but the search page ranks over these same entries, and the gold set needs about 120
 * characters of excerpt (at 80, a gold query drops out of the top 5). One list serves both:
 * a separate search copy would add about 4.8 MB at 10,000 articles, this adds about 1.5 MB.
 */
export const LIST_SUMMARY_LENGTH = 120
/**
 * Newest entries packaged in the catalog: home's first page of cards (LIST_PAGE_SIZE in
 * core/filters.ts) needs no shard; home asks for the rest of the list as it opens.
 */
export const LIST_HEAD_SIZE = 20
/**
 * Target bytes of one list shard and of one article shard. Shards are buckets of a linear hash
 * of the id (shardOf), so a bucket holds between about one and two targets; one added article
 * changes its two buckets, and now and then splits one more: an edition update stays small.
 */
export const LIST_SHARD_TARGET_BYTES = 64 * 1024
export const ARTICLE_SHARD_TARGET_BYTES = 64 * 1024
/**
 * Target bytes of one related shard. Related lists change whenever an article is added near
 * them (same city first, then same province), so they live apart from the article bodies, in
 * small shards keyed by region: one added article rewrites one or two small files instead of
 * the 64 KB article shards of every article whose list now names it.
 */
export const RELATED_SHARD_TARGET_BYTES = 8 * 1024

/**
 * The catalog format this app reads: 3 = list shards are id-hash buckets (sorted after loading),
 * article shards hold articles without their related lists, related shards hold those lists
 * keyed by region.
 */
export const CATALOG_VERSION = 3

/** The kinds of numbered data files (`<kind>-NNN`), in the order the weapp packaging lays them out. */
export const SHARD_KINDS = ['list', 'articles', 'related'] as const
export type ShardKind = (typeof SHARD_KINDS)[number]

/** An article as an article shard stores it: everything but its related list (in its related shard). */
export type StoredArticle = Omit<Article, 'related'>

/** A related shard: article id → its related ids, for every article of the regions in the shard. */
export type RelatedShard = Record<string, string[]>

/** src/data/catalog.json: what the first screen needs, the same size at any article count but for the region list. */
export interface Catalog {
  /** 3: id-hash list and article shards, related lists in region-keyed related shards. */
  version: typeof CATALOG_VERSION
  articleCount: number
  disclaimers: Disclaimers
  /** Provinces and cities present, in gazetteer order, with how many articles each has. */
  provinces: PackagedProvince[]
  /** The newest LIST_HEAD_SIZE list entries. */
  head: ListEntry[]
  /**
   * How many list shards hold every entry (the head's too): listShardName(0…count−1); an
   * entry's shard is `shardOf(id, count)`, and the app sorts the union newest first.
   */
  listShardCount: number
  /** How many article shards there are; an article's shard is `shardOf(id, count)`. */
  articleShardCount: number
  /** How many related shards there are; an article's related list is in `relatedShardOf(region, count)`. */
  relatedShardCount: number
}

/** A province of the region picker: its cities as in the dataset, and article counts. */
export interface CatalogProvince extends ProvinceEntry {
  /** Articles about this province (its cities included). */
  count: number
  /** Articles per city, keyed by city name. */
  cityCounts: Record<string, number>
}

/**
 * A province as catalog.json packages it: the cities only as `cityCounts`' keys, in gazetteer
 * order (JSON keeps the order of keys that are not numbers, and no city name is). Listing them
 * twice would cost about 1 KB gzip of the H5 initial script with every city of the country.
 */
export type PackagedProvince = Omit<CatalogProvince, 'cities'>

export function unpackProvince(entry: PackagedProvince): CatalogProvince {
  return { province: entry.province, cities: Object.keys(entry.cityCounts), count: entry.count, cityCounts: entry.cityCounts }
}

/** Name of the data file (without extension) of shard number `n` of `kind`, e.g. `articles-012`. */
export function shardName(kind: ShardKind, n: number): string {
  return `${kind}-${String(n).padStart(3, '0')}`
}

/** Name of the article shard file (without extension) for shard number `n`. */
export function articleShardName(n: number): string {
  return shardName('articles', n)
}

/** Name of list shard number `n`. */
export function listShardName(n: number): string {
  return shardName('list', n)
}

/** Name of related shard number `n`. */
export function relatedShardName(n: number): string {
  return shardName('related', n)
}

/** A hash of the key (an id, or a region key), spread evenly (ids are base36 hashes of the title already). */
function keyHash(key: string): number {
  let h = 0
  for (let i = 0; i < key.length; i++) h = (h * 31 + key.charCodeAt(i)) % 1000003
  return h
}

/**
 * The shard (of `shardCount`) holding `id`: linear hashing. With 2^L ≤ count < 2^(L+1), the
 * bucket is h mod 2^(L+1) if that exists yet, else h mod 2^L. Going from count to count + 1
 * splits exactly one bucket (count − 2^L) into itself and the new one; every other id stays
 * where it was. A function of the key alone: no id → shard table has to ship.
 */
export function shardOf(id: string, shardCount: number): number {
  const count = Math.max(1, Math.floor(shardCount))
  let level = 1
  while (level * 2 <= count) level *= 2
  const h = keyHash(id)
  const bucket = h % (level * 2)
  return bucket < count ? bucket : h % level
}

/** The article shard holding `id`. */
export function articleShardOf(id: string, shardCount: number): number {
  return shardOf(id, shardCount)
}

/**
 * What a related shard is keyed by: the article's province and city ('' for none). An article's
 * related list names articles of its own city first, then of its province, so an added article
 * changes mostly lists of its own region: keyed so, those changes land in one or two shards.
 */
export function regionKey(region: Region | null): string {
  return region ? `${region.province}/${region.city ?? ''}` : ''
}

/** The related shard holding the related list of an article of `region`. */
export function relatedShardOf(region: Region | null, shardCount: number): number {
  return shardOf(regionKey(region), shardCount)
}

/** The list shard holding `id`'s list entry. */
export function listShardOf(id: string, shardCount: number): number {
  return shardOf(id, shardCount)
}

export function toListEntry(article: Article): ListEntry {
  return {
    id: article.id,
    title: article.title,
    summary: takeChars(article.summary, LIST_SUMMARY_LENGTH),
    date: article.date,
    region: article.region,
    topics: article.topics,
    fullText: article.fullText,
  }
}

/** Newest first; on one day the full article before its excerpts; then by title (code points). */
export function newestFirstOrder(a: Pick<Article, 'date' | 'fullText' | 'title'>, b: Pick<Article, 'date' | 'fullText' | 'title'>): number {
  if (a.fullText !== b.fullText && a.date === b.date) return a.fullText ? -1 : 1
  return newerFirst(a, b) || compareCodePoints(a.title, b.title)
}

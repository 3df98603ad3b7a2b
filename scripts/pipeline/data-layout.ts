// The packaged layout derived from src/data/articles.json and src/data/search-index.json (the
// pipeline's outputs of record):
//   src/data/catalog.json               first screen: counts, regions, disclaimers, newest list entries
//   src/data/shards/list-NNN.json       the list index (with each title's pinyin key), by listShardOf(id)
//   src/data/shards/articles-NNN.json   full articles without their related lists, by articleShardOf(id)
//   src/data/shards/related-NNN.json    { [id]: related ids } of every article, by relatedShardOf(region)
//   src/data/shards/search-index.json   the search index without its per-article part (the list carries it)
//   src/data/packages.json              weapp: which subpackage carries which data file (pack step)
// Membership is a linear hash of the id (of the region for related shards: src/core/catalog.ts
// shardOf) and shard counts follow the bytes, so one added article changes its own two shards,
// the catalog, the small related shards of its region (the lists that now name it are mostly of
// its own city and province), and at most a split bucket and a small index: the edition a
// reader downloads is a few files, not the library.
// Pure functions here; pack-data.ts writes the files. Same input, same bytes.
import type { Article, ArticleDataset } from '../../src/core/article'
import {
  ARTICLE_SHARD_TARGET_BYTES,
  CATALOG_VERSION,
  LIST_HEAD_SIZE,
  LIST_SHARD_TARGET_BYTES,
  RELATED_SHARD_TARGET_BYTES,
  articleShardName,
  articleShardOf,
  listShardName,
  listShardOf,
  relatedShardName,
  relatedShardOf,
  toListEntry,
  type Catalog,
  type ListEntry,
  type PackagedProvince,
  type RelatedShard,
  type StoredArticle,
} from '../../src/core/catalog'
import type { SearchIndexData } from '../../src/core/search/types'
import budgets from '../../config/budgets.json'
import { weappModuleSource, type PackagesFile } from '../../config/dataPackages'

export { weappModuleSource, type PackagesFile }

/** The budgets npm test checks (config/budgets.json); the subpackage and whole limits are WeChat's own. */
export const BUDGETS = {
  weappMainBytes: budgets.weappMainBytes,
  weappSubpackageBytes: budgets.weappSubpackageBytes,
  weappWholeBytes: budgets.weappWholeBytes,
}
/** Data subpackages are filled to this, leaving room under the 2 MB limit. */
export const DATA_PACKAGE_TARGET_BYTES = 1536 * 1024
/** Room the app's code takes in the main package besides catalog.json (about 700 KB today). */
export const MAIN_CODE_RESERVE_BYTES = 800 * 1024

/** Compact JSON with a trailing newline: the exact bytes written. */
export function serializeJson(value: unknown): string {
  return `${JSON.stringify(value)}\n`
}

function catalogProvinces(dataset: ArticleDataset): PackagedProvince[] {
  return dataset.provinces.map((entry) => {
    const inProvince = dataset.articles.filter((a) => a.region?.province === entry.province)
    const cityCounts: Record<string, number> = {}
    for (const city of entry.cities) cityCounts[city] = inProvince.filter((a) => a.region?.city === city).length
    return { province: entry.province, count: inProvince.length, cityCounts }
  })
}

/** How many shards `items` need for one to be about `targetBytes` (never fewer than one). */
export function shardCountFor(items: readonly unknown[], targetBytes: number): number {
  let bytes = 0
  for (const item of items) bytes += Buffer.byteLength(JSON.stringify(item)) + 1
  return Math.max(1, Math.ceil(bytes / targetBytes))
}

/** An article as its article shard stores it: without its related list (that is in its related shard). */
export function storedArticle(article: Article): StoredArticle {
  const { related, ...stored } = article
  void related
  return stored
}

/** How many article shards: enough that one is about ARTICLE_SHARD_TARGET_BYTES. */
export function articleShardCount(articles: readonly Article[]): number {
  return shardCountFor(articles.map(storedArticle), ARTICLE_SHARD_TARGET_BYTES)
}

/** How many related shards: enough that one is about RELATED_SHARD_TARGET_BYTES (an entry is `"id":[…],`). */
export function relatedShardCount(articles: readonly Article[]): number {
  return shardCountFor(articles.map((a) => [a.id, a.related]), RELATED_SHARD_TARGET_BYTES)
}

function bucketed<T extends { id: string }>(items: readonly T[], count: number, shardOf: (id: string, count: number) => number): T[][] {
  const buckets: T[][] = Array.from({ length: count }, () => [])
  for (const item of items) buckets[shardOf(item.id, count)].push(item)
  return buckets
}

/** The related shards: each article's related list, in the shard of its region, in the dataset's order. */
export function relatedShards(articles: readonly Article[], count: number): RelatedShard[] {
  const shards: RelatedShard[] = Array.from({ length: count }, () => ({}))
  for (const article of articles) shards[relatedShardOf(article.region, count)][article.id] = article.related
  return shards
}

/** The search index as shipped: its per-article part (titlePinyin) travels in the list entries. */
export function shippedSearchIndex(index: SearchIndexData): SearchIndexData {
  return { ...index, titlePinyin: {} }
}

/**
 * Every derived file, path relative to src/data → its exact contents. `searchIndex` is
 * src/data/search-index.json (its titlePinyin goes into the list entries).
 */
export function buildLayoutFiles(dataset: ArticleDataset, searchIndex: SearchIndexData): Map<string, string> {
  const files = new Map<string, string>()
  // articles.json is already newest first; each shard keeps that order, the app sorts the union.
  const entries: ListEntry[] = dataset.articles.map((article) => {
    const entry = toListEntry(article)
    const pinyin = searchIndex.titlePinyin[article.id]
    return pinyin === undefined ? entry : { ...entry, pinyin }
  })
  const listShardCount = shardCountFor(entries, LIST_SHARD_TARGET_BYTES)
  bucketed(entries, listShardCount, listShardOf).forEach((shard, n) => files.set(`shards/${listShardName(n)}.json`, serializeJson(shard)))
  const shardCount = articleShardCount(dataset.articles)
  const stored = dataset.articles.map(storedArticle)
  bucketed(stored, shardCount, articleShardOf).forEach((shard, n) => files.set(`shards/${articleShardName(n)}.json`, serializeJson(shard)))
  const relatedCount = relatedShardCount(dataset.articles)
  relatedShards(dataset.articles, relatedCount).forEach((shard, n) => files.set(`shards/${relatedShardName(n)}.json`, serializeJson(shard)))
  files.set('shards/search-index.json', serializeJson(shippedSearchIndex(searchIndex)))

  const catalog: Catalog = {
    version: CATALOG_VERSION,
    articleCount: dataset.articles.length,
    disclaimers: dataset.disclaimers,
    provinces: catalogProvinces(dataset),
    // Without the pinyin keys: search reads the list shards, and the catalog is initial script on H5.
    head: entries.slice(0, LIST_HEAD_SIZE).map(({ pinyin, ...entry }) => (void pinyin, entry)),
    listShardCount,
    articleShardCount: shardCount,
    relatedShardCount: relatedCount,
  }
  files.set('catalog.json', serializeJson(catalog))
  return files
}

export type DataPackage = PackagesFile['packages'][number]

export interface DataFileSize {
  name: string
  /** Bytes of the weapp module (weappModuleSource). */
  bytes: number
}

/** Fills subpackages in order up to DATA_PACKAGE_TARGET_BYTES each. */
export function packDataFiles(files: readonly DataFileSize[]): PackagesFile {
  const packages: DataPackage[] = []
  let current: DataPackage | null = null
  let used = 0
  for (const file of files) {
    if (!current || used + file.bytes > DATA_PACKAGE_TARGET_BYTES) {
      current = { root: `data-${packages.length + 1}`, files: [] }
      packages.push(current)
      used = 0
    }
    current.files.push(file.name)
    used += file.bytes
  }
  return { version: 1, packages }
}

/**
 * Stops the pipeline before the packaged output would break a WeChat limit: one clear English
 * message naming the limit, the size and the article count.
 */
export function checkWechatLimits(input: { articleCount: number; catalogBytes: number; files: readonly DataFileSize[] }): void {
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`
  const where = `with ${input.articleCount} articles`
  const main = input.catalogBytes + MAIN_CODE_RESERVE_BYTES
  if (main > BUDGETS.weappMainBytes) {
    throw new Error(`the weapp main package would be about ${mb(main)} ${where} (catalog.json ${mb(input.catalogBytes)} + code), over the ${mb(BUDGETS.weappMainBytes)} main-package budget (WeChat's limit is ${mb(BUDGETS.weappSubpackageBytes)})`)
  }
  for (const file of input.files) {
    if (file.bytes > DATA_PACKAGE_TARGET_BYTES) {
      throw new Error(`data file ${file.name} is ${mb(file.bytes)} ${where}: it cannot fit one weapp subpackage (WeChat's limit is ${mb(BUDGETS.weappSubpackageBytes)} per subpackage)`)
    }
  }
  const whole = main + input.files.reduce((sum, f) => sum + f.bytes, 0)
  if (whole > BUDGETS.weappWholeBytes) {
    throw new Error(`the whole weapp package would be about ${mb(whole)} ${where}, over WeChat's ${mb(BUDGETS.weappWholeBytes)} limit for all packages together; README "Beyond one package" describes the way on`)
  }
}

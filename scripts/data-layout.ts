// The packaged layout derived from src/data/articles.json (the pipeline's output of record):
//   src/data/catalog.json          first screen: counts, regions, disclaimers, newest list entries
//   src/data/shards/list-NNN.json  the rest of the list index, LIST_SHARD_ENTRIES entries each
//   src/data/shards/articles-NNN.json  full articles, grouped by articleShardOf(id)
//   src/data/packages.json         weapp: which subpackage carries which shard (pack step)
// Pure functions here; build-data.ts and pack-data.ts write the files. Same input, same bytes.
import type { Article, ArticleDataset } from '../src/core/article'
import {
  ARTICLE_SHARD_TARGET_BYTES,
  LIST_HEAD_SIZE,
  LIST_SHARD_ENTRIES,
  articleShardName,
  articleShardOf,
  listShardName,
  toListEntry,
  type Catalog,
  type PackagedProvince,
} from '../src/core/catalog'
import budgets from '../config/budgets.json'
import { weappModuleSource, type PackagesFile } from '../config/dataPackages'

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

/** How many article shards: enough that one is about ARTICLE_SHARD_TARGET_BYTES. */
export function articleShardCount(articles: readonly Article[]): number {
  let bytes = 0
  for (const article of articles) bytes += Buffer.byteLength(JSON.stringify(article))
  return Math.max(1, Math.ceil(bytes / ARTICLE_SHARD_TARGET_BYTES))
}

/** Every derived file, path relative to src/data → its exact contents. */
export function buildLayoutFiles(dataset: ArticleDataset): Map<string, string> {
  const files = new Map<string, string>()
  // articles.json is already newest first; the list keeps that order.
  const entries = dataset.articles.map(toListEntry)
  let listShardCount = 0
  for (let start = LIST_HEAD_SIZE; start < entries.length; start += LIST_SHARD_ENTRIES) {
    const name = listShardName(listShardCount++)
    files.set(`shards/${name}.json`, serializeJson(entries.slice(start, start + LIST_SHARD_ENTRIES)))
  }
  const shardCount = articleShardCount(dataset.articles)
  const shards: Article[][] = Array.from({ length: shardCount }, () => [])
  for (const article of dataset.articles) shards[articleShardOf(article.id, shardCount)].push(article)
  shards.forEach((shard, n) => files.set(`shards/${articleShardName(n)}.json`, serializeJson(shard)))

  const catalog: Catalog = {
    version: 1,
    articleCount: dataset.articles.length,
    disclaimers: dataset.disclaimers,
    provinces: catalogProvinces(dataset),
    head: entries.slice(0, LIST_HEAD_SIZE),
    listShardCount,
    articleShardCount: shardCount,
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

// What the app knows about the articles. There at once: the catalog (counts, regions,
// disclaimers, the newest list entries; packaged on weapp, the edition's catalog.js on H5).
// Fetched when needed, once each: the list shards, the article shards and the related shards
// (an article's related list lives in the related shard of its region, apart from its body),
// through the platform's data loader (subpackages on weapp, JSON files of the edition on H5).
// Every async call rejects when its list or article file cannot load, so a page can say 加载失败
// and offer 重试; the next call tries again. A related shard that cannot load or is damaged
// costs only the related list: the article opens without it, and developers get a report.
import type { Article, Disclaimers } from '../core/article'
import {
  articleShardName,
  articleShardOf,
  CATALOG_VERSION,
  listShardName,
  newestFirstOrder,
  relatedShardName,
  relatedShardOf,
  unpackProvince,
  type Catalog,
  type CatalogProvince,
  type ListEntry,
  type StoredArticle,
} from '../core/catalog'
import { articleRecordOf, relatedShardRecordOf } from '../core/articleRecord'
import { isArticleId } from '../core/ids'
import { reportRecovered } from '../core/report'
import { embeddedArticleText, loadCatalog, loadDataFile } from './loader'

const EMPTY_CATALOG: Catalog = {
  version: CATALOG_VERSION,
  articleCount: 0,
  disclaimers: { medical: '', sourceNotice: '' },
  provinces: [],
  head: [],
  listShardCount: 0,
  articleShardCount: 0,
  relatedShardCount: 0,
}

/**
 * The catalog of the edition this page runs. The pipeline guarantees its contents; only its
 * presence and version are checked: without it the app still starts (an empty list, articles
 * saying 加载失败), and the failure is reported instead of leaving a blank page.
 */
function readCatalog(): Catalog {
  try {
    const value = loadCatalog() as Partial<Catalog> | null
    if (value && value.version === CATALOG_VERSION && Array.isArray(value.head) && Array.isArray(value.provinces)) return value as Catalog
    reportRecovered(`the catalog is not of version ${CATALOG_VERSION}; showing an empty library`, value && value.version)
  } catch (error) {
    reportRecovered('no catalog; showing an empty library', error)
  }
  return EMPTY_CATALOG
}

const catalog = readCatalog()

export type { ListEntry } from '../core/catalog'

export const disclaimers: Disclaimers = catalog.disclaimers
export const provinces: CatalogProvince[] = catalog.provinces.map(unpackProvince)
export const articleCount: number = catalog.articleCount
/** The newest list entries, there without any fetch. */
export const firstArticles: ListEntry[] = catalog.head

/** One fetch per file at a time; a failed one is forgotten so the next call retries. */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined
  return () => {
    if (!pending) {
      pending = load().catch((error: unknown) => {
        pending = undefined
        throw error
      })
    }
    return pending
  }
}

let fullList: ListEntry[] | undefined
const loadListOnce = once(async () => {
  const names = Array.from({ length: catalog.listShardCount }, (_, n) => listShardName(n))
  const parts = await Promise.all(names.map((name) => loadDataFile(name) as Promise<ListEntry[]>))
  // Shards are id-hash buckets (their membership stays put as the library grows): the order is made here.
  const byId = new Map<string, ListEntry>()
  for (const part of parts) for (const entry of part) byId.set(entry.id, entry)
  fullList = [...byId.values()].sort(newestFirstOrder)
  return fullList
})

/** Every list entry, newest first. */
export function loadArticleList(): Promise<ListEntry[]> {
  if (catalog.listShardCount === 0) return Promise.resolve(catalog.head)
  return loadListOnce()
}

/** The whole list if it is already here (no fetch): the head alone otherwise. */
export function loadedArticleList(): ListEntry[] {
  return fullList ?? catalog.head
}

const shardLoaders = new Map<number, () => Promise<Map<string, StoredArticle>>>()
/** Articles with their related lists, as handed out. */
const loadedArticles: Record<string, Article | undefined> = Object.create(null)
/** Every article of the article shards loaded so far, without related lists. */
const storedArticles: Record<string, StoredArticle | undefined> = Object.create(null)
/** The related shards loaded and checked so far, by number. */
const relatedLoaded = new Map<number, Record<string, string[] | undefined>>()

function loadShard(n: number): Promise<Map<string, StoredArticle>> {
  let load = shardLoaders.get(n)
  if (!load) {
    load = once(async () => {
      const articles = (await loadDataFile(articleShardName(n))) as StoredArticle[]
      const byId = new Map<string, StoredArticle>()
      for (const article of articles) {
        byId.set(article.id, article)
        storedArticles[article.id] = article
      }
      return byId
    })
    shardLoaders.set(n, load)
  }
  return load()
}

const relatedLoaders = new Map<number, () => Promise<Record<string, string[] | undefined>>>()

/**
 * Related shard `n`, checked; null when it cannot load or is not a related shard (reported; its
 * articles open without related lists, and the next article opened asks again).
 */
function loadRelatedShard(n: number): Promise<Record<string, string[] | undefined> | null> {
  let load = relatedLoaders.get(n)
  if (!load) {
    load = once(async () => {
      const shard = relatedShardRecordOf(await loadDataFile(relatedShardName(n)))
      if (!shard) throw new Error(`${relatedShardName(n)} is not a related shard`)
      relatedLoaded.set(n, shard)
      return shard
    })
    relatedLoaders.set(n, load)
  }
  return load().catch((error: unknown) => {
    reportRecovered(`the related shard ${relatedShardName(n)} cannot be read; articles of its regions open without related articles`, error)
    return null
  })
}

function assembled(stored: StoredArticle, lists: Record<string, string[] | undefined>): Article {
  const related = Object.prototype.hasOwnProperty.call(lists, stored.id) ? (lists[stored.id] as string[]) : []
  const article: Article = { ...stored, related }
  loadedArticles[article.id] = article
  return article
}

/**
 * The stored article with its related list from the related shard of its region. When that
 * shard fails, the article without related articles (not kept: the next opening asks again).
 */
async function withRelated(stored: StoredArticle): Promise<Article> {
  const lists = await loadRelatedShard(relatedShardOf(stored.region, catalog.relatedShardCount))
  return lists ? assembled(stored, lists) : { ...stored, related: [] }
}

/** The article at once if its article shard and its related shard are both here already. */
function assembledNow(id: string): Article | undefined {
  const stored = storedArticles[id]
  const lists = stored && relatedLoaded.get(relatedShardOf(stored.region, catalog.relatedShardCount))
  return stored && lists ? assembled(stored, lists) : undefined
}

/** Ids whose embedded record was read already (used, or found broken and reported once). */
const embeddedTried: Record<string, true | undefined> = Object.create(null)

/**
 * The article as the page's HTML holds it (a prerendered H5 article page), checked like any
 * untrusted data; a broken copy is reported and the shard is used instead.
 */
function embeddedArticle(id: string): Article | undefined {
  if (embeddedTried[id]) return undefined
  const text = embeddedArticleText(id)
  if (text === undefined) return undefined
  embeddedTried[id] = true
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    reportRecovered(`the page's embedded article ${id} is not JSON; loading its shard`, error)
    return undefined
  }
  const article = articleRecordOf(value, id)
  if (!article) {
    reportRecovered(`the page's embedded article ${id} is not a valid article; loading its shard`, text.slice(0, 80))
    return undefined
  }
  loadedArticles[id] = article
  return article
}

/**
 * The full article with this id, or undefined when there is none (unknown, malformed, not a
 * string). Rejects only when its shard cannot be loaded.
 */
export async function loadArticle(id: string): Promise<Article | undefined> {
  if (typeof id !== 'string' || !isArticleId(id)) return undefined
  const known = loadedArticles[id] ?? embeddedArticle(id)
  if (known) return known
  const stored = (await loadShard(articleShardOf(id, catalog.articleShardCount))).get(id)
  // The related list is read before the page draws: it never appears late under the article.
  return stored && (loadedArticles[id] ?? withRelated(stored))
}

/** The article if it was loaded already (with its related list): lets a page draw at once when it can. */
export function loadedArticle(id: string): Article | undefined {
  return typeof id === 'string' ? (loadedArticles[id] ?? assembledNow(id) ?? (isArticleId(id) ? embeddedArticle(id) : undefined)) : undefined
}

/** Every article (all shards, with related lists), newest first. */
export const loadAllArticles = once(async () => {
  const shards = await Promise.all(Array.from({ length: catalog.articleShardCount }, (_, n) => loadShard(n)))
  const stored: StoredArticle[] = []
  for (const shard of shards) shard.forEach((article) => stored.push(article))
  const all = await Promise.all(stored.map((article) => loadedArticles[article.id] ?? withRelated(article)))
  return all.sort(newestFirstOrder)
})

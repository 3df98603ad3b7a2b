// What the app knows about the articles. There at once: the catalog (counts, regions,
// disclaimers, the newest list entries; packaged on weapp, the edition's catalog.js on H5).
// Fetched when needed, once each: the list shards and the article shards, through the platform's
// data loader (subpackages on weapp, JSON files of the edition on H5). Every async call rejects when its file cannot load, so a page can
// say 加载失败 and offer 重试; the next call tries again.
import type { Article, Disclaimers } from '../core/article'
import { articleShardName, articleShardOf, CATALOG_VERSION, listShardName, newestFirstOrder, unpackProvince, type Catalog, type CatalogProvince, type ListEntry } from '../core/catalog'
import { articleRecordOf } from '../core/articleRecord'
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
    reportRecovered('the catalog is not of version 2; showing an empty library', value && value.version)
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

const shardLoaders = new Map<number, () => Promise<Map<string, Article>>>()
const loadedArticles: Record<string, Article | undefined> = Object.create(null)

function loadShard(n: number): Promise<Map<string, Article>> {
  let load = shardLoaders.get(n)
  if (!load) {
    load = once(async () => {
      const articles = (await loadDataFile(articleShardName(n))) as Article[]
      const byId = new Map<string, Article>()
      for (const article of articles) {
        byId.set(article.id, article)
        loadedArticles[article.id] = article
      }
      return byId
    })
    shardLoaders.set(n, load)
  }
  return load()
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
  const shard = await loadShard(articleShardOf(id, catalog.articleShardCount))
  return shard.get(id)
}

/** The article if its shard is already loaded: lets a page draw at once when it can. */
export function loadedArticle(id: string): Article | undefined {
  return typeof id === 'string' ? (loadedArticles[id] ?? (isArticleId(id) ? embeddedArticle(id) : undefined)) : undefined
}

/** Every full article (all shards), newest first: what the search engine reads. */
export const loadAllArticles = once(async () => {
  const shards = await Promise.all(Array.from({ length: catalog.articleShardCount }, (_, n) => loadShard(n)))
  const all: Article[] = []
  for (const shard of shards) shard.forEach((article) => all.push(article))
  return all.sort(newestFirstOrder)
})

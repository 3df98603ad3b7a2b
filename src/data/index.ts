// What the app knows about the articles. Packaged with the first screen: catalog.json (counts,
// regions, disclaimers, the newest list entries). Fetched when needed, once each: the rest of
// the list index and the article shards, through the platform's data loader (subpackages on
// weapp, lazy chunks on H5). Every async call rejects when its file cannot load, so a page can
// say 加载失败 and offer 重试; the next call tries again.
import type { Article, Disclaimers } from '../core/article'
import { articleShardName, articleShardOf, newestFirstOrder, type Catalog, type CatalogProvince, type ListEntry } from '../core/catalog'
import { isArticleId } from '../core/ids'
import catalogJson from './catalog.json'
import { loadDataFile } from './loader'

// JSON imports are typed loosely (topics as string[]); the pipeline guarantees the contract.
const catalog = catalogJson as unknown as Catalog

export type { ListEntry } from '../core/catalog'

export const disclaimers: Disclaimers = catalog.disclaimers
export const provinces: CatalogProvince[] = catalog.provinces
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
  const parts = await Promise.all(catalog.listShards.map((name) => loadDataFile(name) as Promise<ListEntry[]>))
  fullList = catalog.head.concat(...parts)
  return fullList
})

/** Every list entry, newest first. Resolves at once when the catalog holds them all. */
export function loadArticleList(): Promise<ListEntry[]> {
  if (catalog.listShards.length === 0) return Promise.resolve(catalog.head)
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

/**
 * The full article with this id, or undefined when there is none (unknown, malformed, not a
 * string). Rejects only when its shard cannot be loaded.
 */
export async function loadArticle(id: string): Promise<Article | undefined> {
  if (typeof id !== 'string' || !isArticleId(id)) return undefined
  const shard = await loadShard(articleShardOf(id, catalog.articleShardCount))
  return shard.get(id)
}

/** The article if its shard is already loaded: lets a page draw at once when it can. */
export function loadedArticle(id: string): Article | undefined {
  return typeof id === 'string' ? loadedArticles[id] : undefined
}

/** Every full article (all shards), newest first: what the search engine reads. */
export const loadAllArticles = once(async () => {
  const shards = await Promise.all(Array.from({ length: catalog.articleShardCount }, (_, n) => loadShard(n)))
  const all: Article[] = []
  for (const shard of shards) shard.forEach((article) => all.push(article))
  return all.sort(newestFirstOrder)
})

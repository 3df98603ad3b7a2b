// Typed access to the whole dataset of record (src/data/articles.json, written by `npm run data`)
// for tools and tests in Node. The app never imports this: it ships the catalog and shards
// instead (src/data/index.ts).
import type { Article, ArticleDataset, Disclaimers, ProvinceEntry } from '../core/article'
import dataset from './articles.json'

// JSON imports are typed loosely (topics as string[]); the pipeline guarantees the contract.
const data = dataset as unknown as ArticleDataset

export const articles: Article[] = data.articles
export const disclaimers: Disclaimers = data.disclaimers
export const provinces: ProvinceEntry[] = data.provinces

// A prototype-free object: ids like "constructor" or "__proto__" from a URL find nothing.
const articlesById: Record<string, Article | undefined> = Object.create(null)
for (const article of articles) articlesById[article.id] = article

/** The article with this id, or undefined for anything else (unknown, empty, not a string). */
export function getArticle(id: string): Article | undefined {
  return typeof id === 'string' ? articlesById[id] : undefined
}

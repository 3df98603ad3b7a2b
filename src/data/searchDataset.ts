// The search engine over the whole dataset of record and the prebuilt index, synchronously, for
// tools and tests in Node (scripts/tools/search.ts, the gold set). The app loads the same engine over
// the list entries (no bodies) through src/data/search.ts: getListSearchEngine() is that one.
import { createSearchEngine, readSearchIndex } from '../core/search/engine'
import type { SearchEngine } from '../core/search/types'
import type { Article } from '../core/article'
import { toListEntry, type ListEntry } from '../core/catalog'
import { articles } from './dataset'
import searchIndex from './search-index.json'

// Checked, not cast: a damaged index file must not take the search page down with it.
const prebuilt = readSearchIndex(searchIndex)

let engine: SearchEngine<Article> | null = null

export function getSearchEngine(): SearchEngine<Article> {
  if (!engine) engine = createSearchEngine(articles, prebuilt)
  return engine
}

let listEngine: SearchEngine<ListEntry> | null = null

/**
 * The engine the search page builds: over the list entries (toListEntry, the records the list
 * shards carry), not the full articles. The gold set is scored on this one.
 */
export function getListSearchEngine(): SearchEngine<ListEntry> {
  if (!listEngine) listEngine = createSearchEngine(articles.map(toListEntry), prebuilt)
  return listEngine
}

/** 大家都在搜: regions and topic phrases derived from the articles at build time. */
export const hotSearchTerms: string[] = prebuilt ? prebuilt.hotSearchTerms.slice() : []

// The search page's engine, loaded with the search page and never with home: on H5 the engine
// code is its own chunk and the search index a data file of the edition; on weapp the index
// comes from its subpackage (the engine's code is small and stays in the main package). The
// shipped index has no per-article part: each list entry carries its title's pinyin key, so one
// added article changes its list shard, not a library-sized index. The engine reads the list index
// (id, title, 120-character excerpt, date, region, topics), never the article bodies: at 10,000
// articles that is about 5 MB instead of about 9 MB of shards, and a smaller engine to build.
import type { SearchEngine } from '../core/search/types'
import { loadArticleList, type ListEntry } from './index'
import { loadDataFile } from './loader'

export interface LoadedSearch {
  engine: SearchEngine<ListEntry>
  /** 大家都在搜 from the prebuilt index ([] when it is missing or damaged). */
  hotSearchTerms: string[]
}

/** The shipped index with the per-article pinyin keys put back from the list entries. */
export function withTitlePinyin(rawIndex: unknown, entries: readonly ListEntry[]): unknown {
  if (typeof rawIndex !== 'object' || rawIndex === null) return rawIndex
  const shipped = (rawIndex as { titlePinyin?: unknown }).titlePinyin
  const titlePinyin: Record<string, string> = Object.create(null)
  if (typeof shipped === 'object' && shipped !== null) Object.assign(titlePinyin, shipped)
  for (const entry of entries) if (typeof entry.pinyin === 'string') titlePinyin[entry.id] = entry.pinyin
  return { ...rawIndex, titlePinyin }
}

let pending: Promise<LoadedSearch> | undefined
let loaded: LoadedSearch | undefined

/** The engine if it is already built: coming back to the search page draws at once. */
export function loadedSearch(): LoadedSearch | undefined {
  return loaded
}

/** The engine, built once. Rejects when a file cannot load; the next call tries again. */
export function loadSearch(): Promise<LoadedSearch> {
  if (!pending) {
    pending = Promise.all([
      import(/* webpackChunkName: "search-engine" */ '../core/search/engine'),
      loadDataFile('search-index'),
      loadArticleList(),
    ]).then(
      ([{ createSearchEngine, readSearchIndex }, rawIndex, articles]) => {
        // Checked, not cast: a damaged index file costs pinyin and hot searches, not the page.
        const prebuilt = readSearchIndex(withTitlePinyin(rawIndex, articles))
        const engine = createSearchEngine(articles, prebuilt)
        loaded = { engine, hotSearchTerms: prebuilt ? prebuilt.hotSearchTerms.slice() : [] }
        return loaded
      },
      (error: unknown) => {
        pending = undefined
        throw error
      },
    )
  }
  return pending
}

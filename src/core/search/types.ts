// Contract between the search engine (src/core/search) and its callers (pages, CLI, benchmark).
import type { Article } from '../article'

/** [start, end) character ranges of the title that matched the query, for highlighting. */
export type MatchRange = [start: number, end: number]

export interface SearchHit {
  article: Article
  /** 0 = perfect, 1 = no match (Fuse.js convention). */
  score: number
  titleRanges: MatchRange[]
}

export interface SearchEngine {
  /** Ranked hits, best first. Never throws: any string (emoji, regex symbols, 500 chars) is safe. */
  search(query: string, options?: { limit?: number }): SearchHit[]
}

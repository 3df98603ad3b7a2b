// Contract between the search engine (src/core/search) and its callers (pages, CLI, benchmark).
import type { Article } from '../article'

/** [start, end) character ranges of the title that matched the query, for highlighting. */
export type MatchRange = [start: number, end: number]

export interface SearchHit {
  article: Article
  /** 0 = perfect, 1 = no match (Fuse.js convention). */
  score: number
  titleRanges: MatchRange[]
  /**
   * True when the article has only some of the query's words: such hits come after every hit
   * that has them all, and only when those are few (a UI may say so). Absent on full matches.
   */
  partial?: boolean
}

export interface SearchEngine {
  /** Ranked hits, best first. Never throws: any string (emoji, regex symbols, 500 chars) is safe. */
  search(query: string, options?: { limit?: number }): SearchHit[]
}

/**
 * The prebuilt part of the search index (src/data/search-index.json, written by
 * scripts/build-search-index.ts): what needs the pinyin library or a look at the whole corpus,
 * computed once at build time so the app ships neither.
 */
export interface SearchIndexData {
  version: 1
  /**
   * Per article id: one toneless syllable per UTF-16 unit of the title, space separated, '' for
   * units without pinyin (digits, punctuation). Lets "shuozhou" find and highlight 朔州.
   */
  titlePinyin: Record<string, string>
  /**
   * Words people search by (regions, topics, synonyms, frequent title phrases) → their syllables,
   * space separated. Also the vocabulary that splits Chinese typed without spaces (扬州断缴).
   */
  words: Record<string, string>
  /** 大家都在搜: regions and topic phrases the articles answer most, best first. */
  hotSearchTerms: string[]
}

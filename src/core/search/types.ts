// Contract between the search engine (src/core/search) and its callers (pages, CLI, benchmark).
import type { Article } from '../article'

/**
 * What the engine reads of an article: the list fields (id, title, summary or a shorter excerpt,
 * date, region, topics), plus the body where the caller has it. Search works on the list fields
 * alone; a body, when given, is searched too (its words count less than the title's). The app's
 * list index is enough: no shard has to be loaded to search.
 */
export type SearchRecord = Pick<Article, 'id' | 'title' | 'summary' | 'date' | 'region' | 'topics'> & {
  body?: Article['body']
}

/** [start, end) character ranges of the title that matched the query, for highlighting. */
export type MatchRange = [start: number, end: number]

export interface SearchHit<R extends SearchRecord = Article> {
  /** The record as the caller passed it in. */
  article: R
  /** 0 = perfect, 1 = no match (Fuse.js convention). */
  score: number
  titleRanges: MatchRange[]
  /**
   * True when the article has only some of the query's words: such hits come after every hit
   * that has them all, and only when those are few (a UI may say so). Absent on full matches.
   */
  partial?: boolean
}

export interface SearchEngine<R extends SearchRecord = Article> {
  /**
   * Ranked hits, best first. Any string (emoji, regex symbols, 500 chars) is valid input. An
   * engine bug does not escape either: it is reported once through `onError` and gives [].
   */
  search(query: string, options?: { limit?: number }): SearchHit<R>[]
}

/**
 * The prebuilt part of the search index (src/data/search-index.json, written by
 * scripts/pipeline/build-search-index.ts): what needs the pinyin library, the traditional-character
 * converter or a look at the whole corpus, computed once at build time so the app ships none.
 */
export interface SearchIndexData {
  version: 2
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
  /**
   * Traditional character → the simplified one the articles use (醫 → 医), only for simplified
   * characters that occur in the articles and traditional ones that do not (made with opencc-js).
   */
  traditional: Record<string, string>
  /**
   * Toneless syllable → the common characters read that way (GB2312 level 1 and every Han
   * character of the articles). A word typed with a wrong character that sounds the same (扬洲)
   * is read by its sound and found as the word it spells (扬州).
   */
  sounds: Record<string, string>
}

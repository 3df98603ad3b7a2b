// The same title on several pages (a page's main article listed as another page's 相关推荐 entry,
// or one entry on two pages) becomes one record.
import { normaliseTitle } from '../ids'
import type { ParsedArticle, ParsedPage } from './page'

export interface DedupedPages {
  /** One record per distinct (normalised) title, in first-seen order. */
  articles: ParsedArticle[]
  /** Per page, the normalised titles of its main article and its entries (the page's own links). */
  pageTitles: { fileName: string; main: string; entries: string[] }[]
}

/**
 * Which of two records with the same title to keep: the full article beats an excerpt; between
 * two excerpts the longer cut keeps more of the source; otherwise the first seen stays, so the
 * result depends only on the (sorted) page order.
 */
function better(kept: ParsedArticle, candidate: ParsedArticle): ParsedArticle {
  if (kept.fullText !== candidate.fullText) return kept.fullText ? kept : candidate
  if (!kept.fullText && candidate.summary.length > kept.summary.length) return candidate
  return kept
}

export function dedupeByTitle(pages: readonly ParsedPage[]): DedupedPages {
  const byTitle = new Map<string, ParsedArticle>()
  const keep = (article: ParsedArticle): string => {
    const key = normaliseTitle(article.title)
    const kept = byTitle.get(key)
    byTitle.set(key, kept ? better(kept, article) : article)
    return key
  }
  const pageTitles = pages.map((page) => ({
    fileName: page.fileName,
    main: keep(page.main),
    entries: page.entries.map(keep),
  }))
  return { articles: [...byTitle.values()], pageTitles }
}

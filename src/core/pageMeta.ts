// What a page says about itself to link previews and search engines (meta description, og:
// tags, the share card picture). The build's prerender step (scripts/prerender.ts) writes it into
// each page's HTML; the H5 app sets the same values when it shows an article.
import type { Article } from './article'

export const SITE_NAME = '健康资讯'
/** The site's own description (home, and any page that is not an article). */
export const SITE_DESCRIPTION = '健康资讯:医保政策、就医指南与常见疾病问答'

/** Longest meta/og description: what chat previews and search results show at most. */
const DESCRIPTION_CHARS = 110

/** The article's excerpt on one line, cut at a character (never inside a surrogate pair). */
export function pageDescription(article: Pick<Article, 'summary'>): string {
  const chars = Array.from(article.summary.replace(/\s+/g, ' ').trim())
  return chars.length > DESCRIPTION_CHARS ? `${chars.slice(0, DESCRIPTION_CHARS).join('')}…` : chars.join('')
}

/** Tab and link title of an article page. */
export function articlePageTitle(article: Pick<Article, 'title'>): string {
  return `${article.title.trim()} - ${SITE_NAME}`
}

/** The article's 5:4 share card, drawn at build time, relative to the site root. */
export function shareCardPath(id: string): string {
  return `share/${id}.png`
}

// What a page says about itself to link previews and search engines (meta description, og:
// tags, the share card picture), decided once for both writers: the build's prerender step
// (scripts/site/prerender.ts) puts it into each page's HTML, and the H5 app sets the same values when
// it shows an article (src/features/share/pageMeta.ts).
import type { Article } from './article'
import { APP_NAME, shortenText } from './text'

/** The site's own description (home, and any page that is not an article). */
export const SITE_DESCRIPTION = `${APP_NAME}:医保政策、就医指南与常见疾病问答`

/** Link previews and search results show about two lines of description. */
const DESCRIPTION_MAX_CHARS = 110

/** The article's excerpt on one line, cut at a character (never inside a surrogate pair). */
export function pageDescription(article: Pick<Article, 'summary'>): string {
  return shortenText(article.summary, DESCRIPTION_MAX_CHARS)
}

/** The article's own title as a link preview shows it (og:title, the JS-SDK card). */
export function articleShareTitle(article: Pick<Article, 'title'>): string {
  return article.title.trim()
}

/** Tab and link title of an article page: the prerendered <title> and what the app sets agree. */
export function articlePageTitle(article: Pick<Article, 'title'>): string {
  return `${articleShareTitle(article)} - ${APP_NAME}`
}

/** The article's 5:4 share card, drawn at build time, relative to the site root. */
export function shareCardPath(id: string): string {
  return `share/${id}.png`
}

// The link share of an article (Web Share API, copy link, WeChat JS-SDK): one builder for all.
import type { Article } from '../../core/article'
import { articleH5Url } from './links'

export interface ArticleLinkShare {
  title: string
  text: string
  url: string
}

/** Said after the link was copied (H5 share fallback, the WeChat guide's copy button). */
export const COPIED_MESSAGE = '链接已复制,可以粘贴发给家人'

const TEXT_MAX_CHARS = 60

/** Title, a short opening line and the article's public H5 link. */
export function articleLinkShare(article: Pick<Article, 'id' | 'title' | 'summary'>, baseUrl?: string): ArticleLinkShare {
  const summary = article.summary.replace(/\s+/g, ' ').trim()
  const chars = Array.from(summary)
  const text = chars.length > TEXT_MAX_CHARS ? `${chars.slice(0, TEXT_MAX_CHARS).join('')}…` : summary
  return { title: article.title.trim(), text, url: articleH5Url(article.id, baseUrl) }
}

/** What lands on the clipboard: a labelled title above the link reads better in a chat than a bare URL. */
export function clipboardText(title: string, url: string): string {
  return `【健康资讯】${title}\n${url}`
}

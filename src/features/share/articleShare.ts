// The link share of an article (Web Share API, copy link, WeChat JS-SDK): one builder for all.
import type { Article } from '../../core/article'
import { APP_NAME, shortenText } from '../../core/text'
import type { TextStep } from '../../core/textScale'
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
export function articleLinkShare(article: Pick<Article, 'id' | 'title' | 'summary'>, baseUrl?: string, step?: TextStep | null): ArticleLinkShare {
  return { title: article.title.trim(), text: shortenText(article.summary, TEXT_MAX_CHARS), url: articleH5Url(article.id, baseUrl, step) }
}

/** What lands on the clipboard: a labelled title above the link reads better in a chat than a bare URL. */
export function clipboardText(title: string, url: string): string {
  return `【${APP_NAME}】${title}\n${url}`
}

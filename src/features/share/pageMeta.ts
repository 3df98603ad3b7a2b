// What a pasted link of an article previews with (H5: title, description and og: tags), and the
// WeChat JS-SDK card inside WeChat's browser. The platform writes the tags (applyPageMeta); the
// words and the choice of picture are decided here.
import type { Article } from '../../core/article'
import { APP_NAME, shortenText } from '../../core/text'
import { applyPageMeta, isWeChatBrowser, releasePageMeta } from '../../platform/share'
import { articleLinkShare } from './articleShare'
import { DEFAULT_SHARE_CARD_URL } from './defaultCard'
import { configureWeChatShare } from './wechatJssdk'

/** Link previews show about two lines of description. */
const DESCRIPTION_MAX_CHARS = 110

function absoluteUrl(url: string): string {
  return typeof window === 'undefined' ? url : new URL(url, window.location.href).href
}

/** The head describes `article`; `null` (an unknown id) gives the page back its own head. */
export function describeArticle(article: Article | null): void {
  if (!article) {
    releasePageMeta(null)
    return
  }
  const link = articleLinkShare(article)
  const description = shortenText(article.summary, DESCRIPTION_MAX_CHARS)
  const image = absoluteUrl(DEFAULT_SHARE_CARD_URL)
  applyPageMeta(article.id, {
    title: `${article.title} - ${APP_NAME}`,
    description,
    og: { title: article.title, description, type: 'article', url: link.url, site_name: APP_NAME, image },
  })
  if (isWeChatBrowser()) void configureWeChatShare({ title: article.title, desc: description, link: link.url, imgUrl: image })
}

/** The page showing `articleId` hides or unloads: drop its description unless another took over. */
export function releaseArticle(articleId: string): void {
  releasePageMeta(articleId)
}

// What WeChat's 转发 and 朋友圈 menus send for an article (the lists' messages: listShare.ts).
import type { ShareAppMessageReturnObject, ShareTimelineReturnObject } from '@tarojs/taro'
import type { Article } from '../../core/article'
import { DRAWS_SHARE_CARDS } from '../../platform/share'
import { loadArticleImages, loadedArticleImages } from './articleImagesLoader'
import { DEFAULT_SHARE_CARD_URL } from './defaultCard'
import { articleSharePath, articleTimelineQuery } from './links'
import { sharedTextStep } from './shareTextStep'

/** onShareAppMessage's answer; `promise` lets WeChat wait (up to 3 s) for the drawn card. */
export interface ArticleShareMessage extends ShareAppMessageReturnObject {
  title: string
  path: string
  imageUrl: string
  promise?: Promise<ShareAppMessageReturnObject>
}

export function articleShareMessage(article: Article): ArticleShareMessage {
  // In a browser the drawing code may not be loaded (nothing drawn then): the default card.
  const drawn = loadedArticleImages()?.drawnImageUrl(article, 'card')
  const message = { title: article.title, path: articleSharePath(article.id, sharedTextStep()), imageUrl: drawn || DEFAULT_SHARE_CARD_URL }
  if (drawn || !DRAWS_SHARE_CARDS) return message
  // Not drawn yet (the reader tapped 转发 right away): answer with the default card now and let
  // WeChat take the drawn one if it arrives in time (shareCardImage never rejects).
  const promise = loadArticleImages()
    .then((images) => images.shareCardImage(article))
    .then((choice) => ({ ...message, imageUrl: choice.url }))
  return { ...message, promise }
}

/** Moments takes a query for the same page and a 1:1 picture; it cannot wait for drawing. */
export function articleTimelineShare(article: Article): ShareTimelineReturnObject & { title: string; query: string } {
  const image = loadedArticleImages()?.drawnImageUrl(article, 'moments')
  return { title: article.title, query: articleTimelineQuery(article.id, sharedTextStep()), ...(image ? { imageUrl: image } : {}) }
}

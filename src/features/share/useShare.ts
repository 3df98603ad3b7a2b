// The article page's share hook: 转发 and 朋友圈 send the article (the lists' hook: listShare.ts).
// Taro ignores it unless the page config enables sharing (enableShareAppMessage /
// enableShareTimeline, Taro #6825).
import { reportRecovered } from '../../core/report'
import { useDidHide, useDidShow, useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import { useEffect } from 'react'
import type { Article } from '../../core/article'
import { DRAWS_SHARE_CARDS } from '../../platform/share'
import { loadArticleImages } from './articleImagesLoader'
import { homeListShare } from './links'
import { listShareMessage, listTimelineShare } from './listShare'
import { describeArticle, releaseArticle } from './pageMeta'
import { articleShareMessage, articleTimelineShare } from './shareMessages'

/** Wait for the page to settle before drawing, so the first screen is not delayed. */
const PREDRAW_DELAY_MS = 400

/**
 * Detail page: forward/Moments send this article (or the home page when the id was not found),
 * the H5 page's title and og: tags describe it, and in WeChat the card is drawn ahead of time.
 */
export function useArticleShare(article: Article | null | undefined): void {
  useShareAppMessage(() => (article ? articleShareMessage(article) : listShareMessage(homeListShare())))
  useShareTimeline(() => (article ? articleTimelineShare(article) : listTimelineShare(homeListShare())))
  const id = article ? article.id : ''
  // Coming back to the page (H5 router) resets document.title: describe the article again;
  // another page on top (or leaving) should not keep this article's description.
  useDidShow(() => describeArticle(article || null))
  useDidHide(() => releaseArticle(id))
  useEffect(() => {
    describeArticle(article || null)
    let timer: ReturnType<typeof setTimeout> | undefined
    if (article && DRAWS_SHARE_CARDS) {
      timer = setTimeout(() => {
        loadArticleImages().then(
          (images) => images.predrawShareImages(article),
          (error) => reportRecovered('loading the share drawing code failed', error),
        )
      }, PREDRAW_DELAY_MS)
    }
    return () => {
      if (timer !== undefined) clearTimeout(timer)
      releaseArticle(id)
    }
    // The article is looked up from `id`; re-run only when the page shows another article.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id])
}

// Sharing in a browser: the Web Share API where the browser has it, otherwise copy the link;
// inside WeChat's own browser (no Web Share API, JS-SDK needs a signed config) point at the ···
// menu. Images are drawn on a <canvas> and handed out as PNG data URLs.
import Taro from '@tarojs/taro'
import type { Article } from '../core/article'
import { articleLinkShare, clipboardText, COPIED_MESSAGE } from '../features/share/articleShare'
import { renderDrawOps, contextMeasurer, type Context2DLike } from '../features/share/renderDrawOps'
import { useShareGuide } from '../features/share/shareGuideState'
import { configureWeChatShare } from '../features/share/wechatJssdk'
import defaultCardImage from '../assets/share/default-card.png'
import { copyText } from './clipboard'
import type {
  ApplyPageMeta,
  IsMomentsSinglePage,
  ReleasePageMeta,
  OpenAlbumSettings,
  RenderShareImage,
  SaveShareImage,
  ShareArticle,
  ShareLink,
} from './shareContract'

/** Shown by the packaged card when drawing fails; on H5 only the JS-SDK card uses it. */
export const DEFAULT_SHARE_CARD_URL: string = defaultCardImage
/** H5 has no native forward button: 转发给家人 calls shareArticle. */
export const NATIVE_FORWARD_BUTTON = false
/** Browsers share links, not cards: no share card is drawn unless the reader asks for a picture. */
export const DRAWS_SHARE_CARDS = false
/** The poster sheet's save button; phones' browsers also save on long-press. */
export const SAVE_IMAGE_LABEL = '下载图片'

export function isWeChatBrowser(): boolean {
  return typeof navigator !== 'undefined' && /MicroMessenger/i.test(navigator.userAgent || '')
}

function toast(title: string): void {
  Taro.showToast({ title, icon: 'none', duration: 2500 })
}

export const shareLink: ShareLink = async (link) => {
  if (isWeChatBrowser()) {
    useShareGuide.getState().show(clipboardText(link.title, link.url))
    return 'guide'
  }
  if (typeof navigator !== 'undefined' && typeof navigator.share === 'function') {
    try {
      await navigator.share({ title: link.title, text: link.text, url: link.url })
      return 'shared'
    } catch (error) {
      if (error && (error as { name?: string }).name === 'AbortError') return 'cancelled'
      // NotAllowedError and friends (no user gesture, blocked by policy): copy instead.
    }
  }
  if (await copyText(clipboardText(link.title, link.url))) {
    toast(COPIED_MESSAGE)
    return 'copied'
  }
  Taro.showModal({ title: '请手动复制链接', content: link.url, showCancel: false, confirmText: '知道了' })
  return 'failed'
}

/** The detail page's share button. Signature kept for the page: (article) => Promise<outcome>. */
export const shareArticle: ShareArticle = (article) => shareLink(articleLinkShare(article))

export const renderShareImage: RenderShareImage = async (build, { pixelRatio }) => {
  const canvas = document.createElement('canvas')
  const context = canvas.getContext('2d')
  if (!context) throw new Error('canvas 2d is not available')
  const ctx = context as unknown as Context2DLike
  const layout = build(contextMeasurer(ctx))
  canvas.width = Math.round(layout.width * pixelRatio)
  canvas.height = Math.round(layout.height * pixelRatio)
  renderDrawOps(ctx, layout, pixelRatio)
  const url = canvas.toDataURL('image/png')
  if (!url.startsWith('data:image/png')) throw new Error('canvas export failed')
  return { url, width: canvas.width, height: canvas.height }
}

export const saveShareImage: SaveShareImage = async (image, fileName) => {
  if (isWeChatBrowser()) {
    // WeChat's browser ignores download links; long-press on the image is its save path.
    toast('请长按图片,选择“保存图片”')
    return 'failed'
  }
  const anchor = document.createElement('a')
  anchor.href = image.url
  anchor.download = fileName
  anchor.rel = 'noopener'
  anchor.style.display = 'none'
  document.body.appendChild(anchor)
  anchor.click()
  document.body.removeChild(anchor)
  return 'downloaded'
}

export const openAlbumSettings: OpenAlbumSettings = async () => false

export const isMomentsSinglePage: IsMomentsSinglePage = () => false

const SITE_NAME = '健康资讯'
let defaultDescription: string | null = null
/** Which article the head tags describe now, if any. */
let describedArticleId: string | null = null

function setMeta(attribute: 'name' | 'property', key: string, content: string): void {
  let tag = document.head.querySelector(`meta[${attribute}="${key}"]`)
  if (!tag) {
    tag = document.createElement('meta')
    tag.setAttribute(attribute, key)
    document.head.appendChild(tag)
  }
  tag.setAttribute('content', content)
}

function description(article: Article): string {
  const text = article.summary.replace(/\s+/g, ' ').trim()
  const chars = Array.from(text)
  return chars.length > 110 ? `${chars.slice(0, 110).join('')}…` : text
}

/**
 * Title, description and og: tags for the article on screen, so a pasted link previews with
 * the article rather than the app's generic blurb. `null` restores the app's defaults.
 */
export const applyArticlePageMeta: ApplyPageMeta = (article) => {
  if (typeof document === 'undefined' || !document.head) return
  const descriptionTag = document.head.querySelector('meta[name="description"]')
  if (defaultDescription === null) defaultDescription = descriptionTag?.getAttribute('content') || ''
  describedArticleId = article ? article.id : null
  if (!article) {
    setMeta('name', 'description', defaultDescription)
    setMeta('property', 'og:title', SITE_NAME)
    setMeta('property', 'og:description', defaultDescription)
    setMeta('property', 'og:type', 'website')
    return
  }
  const link = articleLinkShare(article)
  const pageTitle = `${article.title} - ${SITE_NAME}`
  const text = description(article)
  // Only the tab/link title: the visible title bar keeps the page's own short title. Taro's
  // router resets document.title whenever a page shows, so callers re-apply on show.
  document.title = pageTitle
  setMeta('name', 'description', text)
  setMeta('property', 'og:title', article.title)
  setMeta('property', 'og:description', text)
  setMeta('property', 'og:type', 'article')
  setMeta('property', 'og:url', link.url)
  setMeta('property', 'og:site_name', SITE_NAME)
  const imgUrl = new URL(DEFAULT_SHARE_CARD_URL, window.location.href).href
  setMeta('property', 'og:image', imgUrl)
  if (isWeChatBrowser()) void configureWeChatShare({ title: article.title, desc: text, link: link.url, imgUrl })
}

export const releaseArticlePageMeta: ReleasePageMeta = (articleId) => {
  if (describedArticleId === articleId) applyArticlePageMeta(null)
}

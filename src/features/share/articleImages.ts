// The three pictures of an article (chat card 5:4, Moments 1:1, poster), drawn through the
// platform's canvas and remembered per article so a second tap does not redraw.
import { reportRecovered } from '../../core/report'
import type { Article } from '../../core/article'
import type { TextStep } from '../../core/textScale'
import { disclaimers } from '../../data/index'
import { renderShareImage } from '../../platform/share'
import type { LayoutBuilder, RenderedImage } from '../../platform/shareContract'
import { layoutMomentsImage, layoutShareCard } from './cardLayout'
import { DEFAULT_SHARE_CARD_URL } from './defaultCard'
import { DrawnImageCache, imageOrFallback, withTimeout, type ImageChoice } from './imageFallback'
import { articleH5Url } from './links'
import { layoutPoster } from './posterLayout'
import { qrMatrix } from './qr'
import { posterContent, shareCardContent } from './shareContent'
import { sharedTextStep } from './shareTextStep'

export type ShareImageKind = 'card' | 'moments' | 'poster'

/**
 * Device pixels per layout pixel. Whole numbers keep QR modules and hairlines sharp; the
 * Moments picture shows as a small square, so it needs fewer pixels.
 */
const PIXEL_RATIO: Record<ShareImageKind, number> = { card: 2, moments: 1, poster: 2 }

/**
 * A drawing that has not finished by now never will (an export callback that never came):
 * give up so the poster sheet can say so and the next tap tries again.
 */
const DRAW_TIMEOUT_MS = 8000

const images = new DrawnImageCache<RenderedImage>()

/**
 * The layout of one picture. The date notice is computed when the layout is built (drawing
 * time, `now`); the poster's QR code carries the 大字分享 step when one is chosen.
 */
export function layoutBuilderFor(article: Article, kind: ShareImageKind, step: TextStep | null = null, now: Date = new Date()): LayoutBuilder {
  if (kind === 'card') return (measure) => layoutShareCard(shareCardContent(article, disclaimers, now), measure)
  if (kind === 'moments') return (measure) => layoutMomentsImage(shareCardContent(article, disclaimers, now), measure)
  return (measure) => layoutPoster(posterContent(article, disclaimers, now), qrMatrix(articleH5Url(article.id, undefined, step)), measure)
}

/** Only the poster depends on the step (its QR code); the day is part of every key (the notice). */
function keyOf(article: Article, kind: ShareImageKind, step: TextStep | null): string {
  const day = new Date().toDateString()
  return `${kind}:${article.id}:${kind === 'poster' ? step ?? 0 : 0}:${day}`
}

/** Draws (or reuses) one picture of the article. Rejects when the canvas fails. */
export function drawArticleImage(article: Article, kind: ShareImageKind): Promise<RenderedImage> {
  const step = kind === 'poster' ? sharedTextStep() : null
  return images.get(keyOf(article, kind, step), () =>
    withTimeout(
      renderShareImage(layoutBuilderFor(article, kind, step), { pixelRatio: PIXEL_RATIO[kind], name: `share-${kind}-${article.id}` }),
      DRAW_TIMEOUT_MS,
    ),
  )
}

/** The picture if it has already been drawn, for share handlers that must answer at once. */
export function drawnImageUrl(article: Article, kind: ShareImageKind): string | undefined {
  return images.ready(keyOf(article, kind, kind === 'poster' ? sharedTextStep() : null))?.url
}

/** The chat card, or the packaged default card when drawing fails or misses WeChat's deadline. */
export function shareCardImage(article: Article): Promise<ImageChoice> {
  return imageOrFallback(() => drawArticleImage(article, 'card').then((image) => image.url), DEFAULT_SHARE_CARD_URL)
}

/**
 * Starts drawing the chat card and Moments picture in the background. A failure is reported and
 * forgotten: sharing then draws again or uses the packaged default card.
 */
export function predrawShareImages(article: Article): void {
  const report = (error: unknown) => reportRecovered('drawing a share image ahead of time failed', error)
  drawArticleImage(article, 'card').catch(report)
  drawArticleImage(article, 'moments').catch(report)
}

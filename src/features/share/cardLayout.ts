// The chat share card (5:4, what WeChat shows under a forwarded mini-program page) and the
// Moments image (1:1). Both lead with the title in large type and keep a one-line disclaimer.
import type { DrawOp, ShareImageLayout, TextMeasurer } from '../../core/drawing'
import { pushChip, pushLines, textBlockLines, type TextBlockStyle } from './layoutKit'
import type { ShareCardContent } from './shareContent'
import { estimateTextWidth } from './textWrap'
import { APP_NAME } from '../../core/text'
import { shareTheme as t } from './theme'

export const CARD_SIZE = { width: 500, height: 400 } as const
export const MOMENTS_SIZE = { width: 500, height: 500 } as const

const APP_TAGLINE = '医保政策 · 就医指南 · 常见疾病问答'

/** Meta line under the title: "2025-03-19 · 健康新闻". */
function metaText(content: ShareCardContent): string {
  return [content.date, content.source].filter(Boolean).join(' · ')
}

export function layoutShareCard(content: ShareCardContent, measure: TextMeasurer = estimateTextWidth): ShareImageLayout {
  const { width, height } = CARD_SIZE
  const ops: DrawOp[] = []
  ops.push({ type: 'rect', x: 0, y: 0, w: width, h: height, fill: t.brand })
  ops.push({ type: 'text', text: APP_NAME, x: 28, y: 34, size: 24, weight: 'bold', color: t.paper, align: 'left' })
  ops.push({ type: 'text', text: '医保 · 就医 · 健康问答', x: width - 28, y: 34, size: 18, weight: 'normal', color: t.brandOnDark, align: 'right' })

  const card = { x: 16, y: 64, w: width - 32, h: height - 64 - 16 }
  ops.push({ type: 'rect', x: card.x, y: card.y, w: card.w, h: card.h, fill: t.paper, radius: 18 })

  const inner = { x: card.x + 24, width: card.w - 48 }
  // An old article's date notice takes two lines above the disclaimer; the title gives up one.
  const staleStyle: TextBlockStyle = { size: 17, color: t.noticeInk, lineHeight: 24, maxLines: 2 }
  const staleLines = content.staleNotice ? textBlockLines(content.staleNotice, inner.width, staleStyle, measure) : []
  const titleStyle: TextBlockStyle = { size: 38, weight: 'bold', color: t.ink, lineHeight: 52, maxLines: staleLines.length ? 2 : 3 }
  const titleLines = textBlockLines(content.title, inner.width, titleStyle, measure)
  const metaHeight = 36
  const gap = 14

  // Disclaimer strip pinned to the card's bottom; title and meta centred in the space above it.
  const notice = { x: inner.x - 8, w: inner.width + 16, h: 40, y: card.y + card.h - 16 - 40 }
  const staleTop = notice.y - 8 - staleLines.length * staleStyle.lineHeight
  if (staleLines.length) pushLines(ops, staleLines, { x: inner.x, top: staleTop, width: inner.width }, staleStyle)
  const areaTop = card.y + 20
  const areaBottom = (staleLines.length ? staleTop : notice.y) - 12
  const blockHeight = titleStyle.lineHeight * titleLines.length + gap + metaHeight
  const top = Math.max(areaTop, areaTop + (areaBottom - areaTop - blockHeight) / 2)

  const titleBottom = pushLines(ops, titleLines, { x: inner.x, top, width: inner.width }, titleStyle)
  const metaY = titleBottom + gap + metaHeight / 2
  const chipWidth = pushChip(
    ops,
    content.regionLabel,
    { x: inner.x, centerY: metaY },
    { size: 18, padX: 12, height: 32, fill: t.chipBg, color: t.chipInk },
    measure,
  )
  ops.push({ type: 'text', text: metaText(content), x: inner.x + chipWidth + 12, y: metaY, size: 19, weight: 'normal', color: t.inkSoft, align: 'left' })

  ops.push({ type: 'rect', x: notice.x, y: notice.y, w: notice.w, h: notice.h, fill: t.noticeBg, radius: 10 })
  const noticeStyle: TextBlockStyle = { size: 17, color: t.noticeInk, lineHeight: notice.h, maxLines: 1 }
  pushLines(ops, textBlockLines(content.disclaimer, notice.w - 24, noticeStyle, measure), { x: notice.x + 12, top: notice.y, width: notice.w - 24 }, noticeStyle)

  return { width, height, ops }
}

export function layoutMomentsImage(content: ShareCardContent, measure: TextMeasurer = estimateTextWidth): ShareImageLayout {
  const { width, height } = MOMENTS_SIZE
  const ops: DrawOp[] = []
  ops.push({ type: 'rect', x: 0, y: 0, w: width, h: height, fill: t.brand })
  const card = { x: 24, y: 24, w: width - 48, h: height - 48 }
  ops.push({ type: 'rect', x: card.x, y: card.y, w: card.w, h: card.h, fill: t.paper, radius: 24 })

  const inner = { x: card.x + 28, width: card.w - 56 }
  ops.push({ type: 'text', text: APP_NAME, x: inner.x, y: card.y + 44, size: 24, weight: 'bold', color: t.brand, align: 'left' })
  const chipMeasure = measure(content.regionLabel, 18, 'normal') + 24
  pushChip(
    ops,
    content.regionLabel,
    { x: inner.x + inner.width - chipMeasure, centerY: card.y + 44 },
    { size: 18, padX: 12, height: 32, fill: t.chipBg, color: t.chipInk },
    measure,
  )

  const staleStyle: TextBlockStyle = { size: 16, color: t.noticeInk, lineHeight: 24, maxLines: 2, align: 'center' }
  const staleLines = content.staleNotice ? textBlockLines(content.staleNotice, inner.width, staleStyle, measure) : []
  const staleTop = card.y + card.h - 96 - staleLines.length * staleStyle.lineHeight
  if (staleLines.length) pushLines(ops, staleLines, { x: inner.x, top: staleTop, width: inner.width }, staleStyle)
  const titleStyle: TextBlockStyle = { size: 42, weight: 'bold', color: t.ink, lineHeight: 58, maxLines: staleLines.length ? 3 : 5, align: 'center' }
  const titleLines = textBlockLines(content.title, inner.width, titleStyle, measure)
  const areaTop = card.y + 84
  const areaBottom = staleTop - (staleLines.length ? 8 : 0)
  const top = Math.max(areaTop, areaTop + (areaBottom - areaTop - titleStyle.lineHeight * titleLines.length) / 2)
  pushLines(ops, titleLines, { x: inner.x, top, width: inner.width }, titleStyle)

  ops.push({ type: 'text', text: metaText(content), x: width / 2, y: card.y + card.h - 72, size: 19, weight: 'normal', color: t.inkSoft, align: 'center' })
  const noticeStyle: TextBlockStyle = { size: 16, color: t.noticeInk, lineHeight: 32, maxLines: 1, align: 'center' }
  pushLines(ops, textBlockLines(content.disclaimer, inner.width, noticeStyle, measure), { x: inner.x, top: card.y + card.h - 48, width: inner.width }, noticeStyle)
  return { width, height, ops }
}

/**
 * The packaged fallback card (src/assets/share/default-card.png, drawn by
 * scripts/share-cards/draw-default-share-card.ts): app name, what it covers and the disclaimer, no article.
 */
export function layoutDefaultCard(disclaimer: string, measure: TextMeasurer = estimateTextWidth): ShareImageLayout {
  const { width, height } = CARD_SIZE
  const ops: DrawOp[] = []
  ops.push({ type: 'rect', x: 0, y: 0, w: width, h: height, fill: t.brand })
  const card = { x: 16, y: 16, w: width - 32, h: height - 32 }
  ops.push({ type: 'rect', x: card.x, y: card.y, w: card.w, h: card.h, fill: t.paper, radius: 18 })
  // A simple cross mark: reads as "health" at thumbnail size without any artwork.
  const mark = { cx: width / 2, cy: 118, arm: 22, long: 76 }
  ops.push({ type: 'rect', x: mark.cx - mark.long / 2, y: mark.cy - mark.arm / 2, w: mark.long, h: mark.arm, fill: t.brand, radius: 6 })
  ops.push({ type: 'rect', x: mark.cx - mark.arm / 2, y: mark.cy - mark.long / 2, w: mark.arm, h: mark.long, fill: t.brand, radius: 6 })
  ops.push({ type: 'text', text: APP_NAME, x: width / 2, y: 206, size: 48, weight: 'bold', color: t.ink, align: 'center' })
  ops.push({ type: 'text', text: APP_TAGLINE, x: width / 2, y: 258, size: 22, weight: 'normal', color: t.inkSoft, align: 'center' })
  const notice = { x: card.x + 24, w: card.w - 48, h: 44, y: card.y + card.h - 24 - 44 }
  ops.push({ type: 'rect', x: notice.x, y: notice.y, w: notice.w, h: notice.h, fill: t.noticeBg, radius: 10 })
  const noticeStyle: TextBlockStyle = { size: 17, color: t.noticeInk, lineHeight: notice.h, maxLines: 1, align: 'center' }
  pushLines(ops, textBlockLines(disclaimer, notice.w - 24, noticeStyle, measure), { x: notice.x + 12, top: notice.y, width: notice.w - 24 }, noticeStyle)
  return { width, height, ops }
}

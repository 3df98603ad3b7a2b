// The tall poster behind 生成分享图: title, opening text, date, source, both disclaimers and a QR
// code of the article's H5 link. 750 wide (the design width); height follows the content.
import type { DrawOp, ShareImageLayout, TextMeasurer } from '../../core/drawing'
import { pushChip, pushLines, pushQr, textBlockLines, type TextBlockStyle } from './layoutKit'
import type { QrMatrix } from './qr'
import type { PosterContent } from './shareContent'
import { estimateTextWidth } from './textWrap'
import { APP_NAME } from '../../core/text'
import { shareTheme as t } from './theme'

export const POSTER_WIDTH = 750
/** Never shorter than a phone screen (750×1334 is the classic poster size). */
export const POSTER_MIN_HEIGHT = 1334

const QR_SIDE = 200

export function layoutPoster(content: PosterContent, qr: QrMatrix, measure: TextMeasurer = estimateTextWidth): ShareImageLayout {
  const width = POSTER_WIDTH
  const card = { x: 32, y: 176, w: width - 64 }
  const inner = { x: card.x + 40, width: card.w - 80 }
  const body: DrawOp[] = []
  let y = card.y + 44

  // Region chip and date.
  const chipWidth = pushChip(body, content.regionLabel, { x: inner.x, centerY: y + 22 }, { size: 24, padX: 18, height: 44, fill: t.chipBg, color: t.chipInk }, measure)
  body.push({ type: 'text', text: content.date, x: inner.x + chipWidth + 18, y: y + 22, size: 24, weight: 'normal', color: t.inkSoft, align: 'left' })
  y += 44 + 28

  const titleStyle: TextBlockStyle = { size: 46, weight: 'bold', color: t.ink, lineHeight: 66, maxLines: 4 }
  y = pushLines(body, textBlockLines(content.title, inner.width, titleStyle, measure), { x: inner.x, top: y, width: inner.width }, titleStyle)
  y += 22
  body.push({ type: 'text', text: `来源:${content.source}`, x: inner.x, y: y + 16, size: 24, weight: 'normal', color: t.inkFaint, align: 'left' })
  y += 32 + 28
  if (content.staleNotice) {
    // The date notice of an old article, where the date is read: in a notice panel under the source.
    const staleStyle: TextBlockStyle = { size: 24, color: t.noticeInk, lineHeight: 38, maxLines: 4 }
    const stalePad = 18
    const staleLines = textBlockLines(content.staleNotice, inner.width - stalePad * 2, staleStyle, measure)
    const staleHeight = stalePad * 2 + staleLines.length * staleStyle.lineHeight
    body.push({ type: 'rect', x: inner.x, y, w: inner.width, h: staleHeight, fill: t.noticeBg, radius: 14 })
    pushLines(body, staleLines, { x: inner.x + stalePad, top: y + stalePad, width: inner.width - stalePad * 2 }, staleStyle)
    y += staleHeight + 28
  }
  body.push({ type: 'rect', x: inner.x, y, w: inner.width, h: 2, fill: t.divider })
  y += 2 + 30

  const label = content.excerptOnly ? '内容摘要(原文仅提供摘要)' : '内容节选'
  body.push({ type: 'text', text: label, x: inner.x, y: y + 18, size: 26, weight: 'bold', color: t.brandDeep, align: 'left' })
  y += 36 + 14
  const excerptStyle: TextBlockStyle = { size: 30, color: t.ink, lineHeight: 52, maxLines: 8 }
  y = pushLines(body, textBlockLines(content.excerpt, inner.width, excerptStyle, measure), { x: inner.x, top: y, width: inner.width }, excerptStyle)
  y += 32

  // Disclaimers in a pale panel so they read as a notice, not as body text.
  const noticeStyle: TextBlockStyle = { size: 23, color: t.noticeInk, lineHeight: 38, maxLines: 6 }
  const pad = 22
  const noticeBlocks = content.disclaimers.map((text) => textBlockLines(text, inner.width - pad * 2, noticeStyle, measure))
  const noticeHeight = pad * 2 + noticeBlocks.reduce((sum, lines) => sum + lines.length * noticeStyle.lineHeight, 0) + (noticeBlocks.length - 1) * 10
  body.push({ type: 'rect', x: inner.x, y, w: inner.width, h: noticeHeight, fill: t.noticeBg, radius: 14 })
  let noticeY = y + pad
  for (const lines of noticeBlocks) {
    noticeY = pushLines(body, lines, { x: inner.x + pad, top: noticeY, width: inner.width - pad * 2 }, noticeStyle) + 10
  }
  y += noticeHeight + 36

  // QR code with its explanation beside it.
  const qrSide = pushQr(body, qr, { x: inner.x, y, maxSide: QR_SIDE }, t.qrDark)
  const textX = inner.x + qrSide + 32
  const textWidth = inner.x + inner.width - textX
  body.push({ type: 'text', text: '扫码阅读全文', x: textX, y: y + 40, size: 32, weight: 'bold', color: t.ink, align: 'left' })
  const hintStyle: TextBlockStyle = { size: 24, color: t.inkSoft, lineHeight: 40, maxLines: 3 }
  pushLines(body, textBlockLines('用手机扫一扫或长按识别二维码,打开健康资讯查看全文和更多问答', textWidth, hintStyle, measure), { x: textX, top: y + 76, width: textWidth }, hintStyle)
  y += Math.max(qrSide, 76 + hintStyle.lineHeight * 3) + 44

  const cardHeight = y - card.y
  const footerGap = 96
  const height = Math.max(POSTER_MIN_HEIGHT, card.y + cardHeight + footerGap)

  const ops: DrawOp[] = []
  ops.push({ type: 'rect', x: 0, y: 0, w: width, h: height, fill: t.brandSoft })
  ops.push({ type: 'rect', x: 0, y: 0, w: width, h: 280, fill: t.brand })
  ops.push({ type: 'text', text: APP_NAME, x: 48, y: 76, size: 44, weight: 'bold', color: t.paper, align: 'left' })
  ops.push({ type: 'text', text: '医保政策 · 就医指南 · 常见疾病问答', x: 48, y: 128, size: 26, weight: 'normal', color: t.brandOnDark, align: 'left' })
  ops.push({ type: 'rect', x: card.x, y: card.y, w: card.w, h: cardHeight, fill: t.paper, radius: 24 })
  ops.push(...body)
  ops.push({ type: 'text', text: `${APP_NAME} · 内容仅供参考,以官方公告为准`, x: width / 2, y: height - footerGap / 2, size: 22, weight: 'normal', color: t.inkFaint, align: 'center' })
  return { width, height, ops }
}

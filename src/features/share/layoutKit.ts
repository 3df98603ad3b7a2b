// Small building blocks the share-image layouts are made of: wrapped text blocks, chips and the
// QR code as rectangles. Pure: they append draw operations and return where the next thing goes.
import type { DrawOp, FontWeight, TextMeasurer } from '../../core/drawing'
import type { QrMatrix } from './qr'
import { estimateTextWidth, wrapText } from './textWrap'

export interface TextBlockStyle {
  size: number
  weight?: FontWeight
  color: string
  lineHeight: number
  maxLines: number
  align?: 'left' | 'center'
}

/** Measures the wrapped height of a text block without drawing it. */
export function textBlockLines(text: string, maxWidth: number, style: TextBlockStyle, measure: TextMeasurer): string[] {
  return wrapText(text, { maxWidth, size: style.size, weight: style.weight ?? 'normal', maxLines: style.maxLines, measure }).lines
}

/** Appends one text op per line, top of the first line box at `top`; returns the bottom. */
export function pushLines(
  ops: DrawOp[],
  lines: string[],
  box: { x: number; top: number; width: number },
  style: TextBlockStyle,
): number {
  const align = style.align ?? 'left'
  const x = align === 'center' ? box.x + box.width / 2 : box.x
  lines.forEach((line, index) => {
    ops.push({
      type: 'text',
      text: line,
      x,
      y: box.top + style.lineHeight * index + style.lineHeight / 2,
      size: style.size,
      weight: style.weight ?? 'normal',
      color: style.color,
      align,
    })
  })
  return box.top + style.lineHeight * lines.length
}

/** A rounded label such as the region chip; returns its width so callers can place what follows. */
export function pushChip(
  ops: DrawOp[],
  label: string,
  at: { x: number; centerY: number },
  style: { size: number; padX: number; height: number; fill: string; color: string },
  measure: TextMeasurer = estimateTextWidth,
): number {
  const width = Math.ceil(measure(label, style.size, 'normal') + style.padX * 2)
  ops.push({ type: 'rect', x: at.x, y: at.centerY - style.height / 2, w: width, h: style.height, fill: style.fill, radius: style.height / 2 })
  ops.push({ type: 'text', text: label, x: at.x + style.padX, y: at.centerY, size: style.size, weight: 'normal', color: style.color, align: 'left' })
  return width
}

/**
 * The QR code as dark rectangles, one per horizontal run of dark modules (a few hundred ops
 * instead of a thousand). Modules are whole logical pixels so scaled renders stay crisp.
 * Returns the drawn side length (without quiet zone).
 */
export function pushQr(ops: DrawOp[], qr: QrMatrix, at: { x: number; y: number; maxSide: number }, color: string): number {
  const module = Math.max(1, Math.floor(at.maxSide / qr.size))
  for (let row = 0; row < qr.size; row++) {
    let col = 0
    while (col < qr.size) {
      if (!qr.modules[row][col]) {
        col++
        continue
      }
      const start = col
      while (col < qr.size && qr.modules[row][col]) col++
      ops.push({ type: 'rect', x: at.x + start * module, y: at.y + row * module, w: (col - start) * module, h: module, fill: color })
    }
  }
  return module * qr.size
}

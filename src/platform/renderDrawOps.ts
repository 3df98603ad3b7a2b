// The thin renderer: executes a layout's draw operations on any CanvasRenderingContext2D-like
// context (browser canvas, WeChat Canvas 2D / offscreen canvas). All decisions live in layouts
// (src/features/share); this only draws, so both platform variants and the default-card script
// share it.
import { canvasFont, type ShareImageLayout, type TextMeasurer } from '../core/drawing'

/** The subset of CanvasRenderingContext2D the renderer uses (WeChat's 2D context has all of it). */
export interface Context2DLike {
  fillStyle: unknown
  font: string
  textAlign: string
  textBaseline: string
  save(): void
  restore(): void
  scale(x: number, y: number): void
  fillRect(x: number, y: number, w: number, h: number): void
  fillText(text: string, x: number, y: number): void
  beginPath(): void
  moveTo(x: number, y: number): void
  lineTo(x: number, y: number): void
  arcTo(x1: number, y1: number, x2: number, y2: number, radius: number): void
  closePath(): void
  fill(): void
  measureText(text: string): { width: number }
}

/** A measurer backed by the context itself, so wrapping matches the font that will be drawn. */
export function contextMeasurer(ctx: Context2DLike): TextMeasurer {
  return (text, size, weight) => {
    ctx.font = canvasFont(size, weight)
    return ctx.measureText(text).width
  }
}

function roundedRect(ctx: Context2DLike, x: number, y: number, w: number, h: number, r: number): void {
  // Built from arcTo rather than ctx.roundRect, which older WebViews and base libraries lack.
  const radius = Math.min(r, w / 2, h / 2)
  ctx.beginPath()
  ctx.moveTo(x + radius, y)
  ctx.lineTo(x + w - radius, y)
  ctx.arcTo(x + w, y, x + w, y + radius, radius)
  ctx.lineTo(x + w, y + h - radius)
  ctx.arcTo(x + w, y + h, x + w - radius, y + h, radius)
  ctx.lineTo(x + radius, y + h)
  ctx.arcTo(x, y + h, x, y + h - radius, radius)
  ctx.lineTo(x, y + radius)
  ctx.arcTo(x, y, x + radius, y, radius)
  ctx.closePath()
  ctx.fill()
}

/** Draws `layout` at `pixelRatio` device pixels per logical pixel; the canvas must already be sized. */
export function renderDrawOps(ctx: Context2DLike, layout: ShareImageLayout, pixelRatio: number): void {
  ctx.save()
  ctx.scale(pixelRatio, pixelRatio)
  ctx.textBaseline = 'middle'
  for (const op of layout.ops) {
    ctx.fillStyle = op.type === 'rect' ? op.fill : op.color
    if (op.type === 'rect') {
      if (op.radius) roundedRect(ctx, op.x, op.y, op.w, op.h, op.radius)
      else ctx.fillRect(op.x, op.y, op.w, op.h)
    } else {
      ctx.font = canvasFont(op.size, op.weight)
      ctx.textAlign = op.align
      ctx.fillText(op.text, op.x, op.y)
    }
  }
  ctx.restore()
}

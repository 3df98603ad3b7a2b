// The vocabulary shared by the share-image layouts (src/features/share, pure and Node-testable)
// and the platform's canvas renderer (src/platform/renderDrawOps.ts): a layout is a list of draw
// operations in logical pixels. In core because both layers speak it and neither owns it.

export type FontWeight = 'normal' | 'bold'

export interface RectOp {
  type: 'rect'
  x: number
  y: number
  w: number
  h: number
  fill: string
  /** Corner radius; 0 or absent for square corners. */
  radius?: number
}

export interface TextOp {
  type: 'text'
  text: string
  /** Anchor x (left edge, centre or right edge depending on `align`). */
  x: number
  /** Vertical centre of the line box; rendered with textBaseline 'middle'. */
  y: number
  size: number
  weight: FontWeight
  color: string
  align: 'left' | 'center' | 'right'
}

export type DrawOp = RectOp | TextOp

export interface ShareImageLayout {
  /** Logical size; the renderer multiplies by its pixel ratio. */
  width: number
  height: number
  ops: DrawOp[]
}

/** Measures a single line of text at a font size and weight, in logical pixels. */
export type TextMeasurer = (text: string, size: number, weight: FontWeight) => number

/** Font stack for canvas text; CJK faces first so Chinese never falls back to a Latin face. */
export const FONT_FAMILY =
  '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif'

export function canvasFont(size: number, weight: FontWeight): string {
  return `${weight === 'bold' ? 'bold ' : ''}${size}px ${FONT_FAMILY}`
}

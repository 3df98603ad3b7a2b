// A share image drawn in Node: the app's own layout (src/features/share/cardLayout.ts) executed
// by the app's own renderer (src/platform/renderDrawOps.ts) on a Skia 2D canvas
// (@napi-rs/canvas), then stored as a small palette PNG (scripts/share-cards/palettePng.ts).
// Used by the share cards of the H5 build (scripts/share-cards/shareCards.ts and its workers) and the
// packaged default card (scripts/share-cards/draw-default-share-card.ts).
import { createCanvas, GlobalFonts, type Canvas } from '@napi-rs/canvas'
import fs from 'node:fs'
import type { ShareImageLayout, TextMeasurer } from '../../src/core/drawing'
import { layoutShareCard } from '../../src/features/share/cardLayout'
import type { ShareCardContent } from '../../src/features/share/shareContent'
import { contextMeasurer, renderDrawOps, type Context2DLike } from '../../src/platform/renderDrawOps'
import { encodeCardPng } from './palettePng'

/** Device pixels per layout pixel: the 500×400 card becomes 800×640, sharp where chats show it. */
export const CARD_PIXEL_RATIO = 1.6

/** Families of the app's font stack (src/core/drawing.ts) that can draw Chinese. */
const CJK_FAMILIES = ['PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei']
/** Where Debian's fonts-wqy-microhei puts its face, registered by hand if Skia did not find it. */
const WQY_FILE = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc'

/** The part of @napi-rs/canvas's font registry the check uses. */
export interface FontRegistry {
  has(family: string): boolean
  registerFromPath(file: string, alias?: string): unknown
}

/**
 * Makes sure `fonts` has a CJK face of the app's font stack, registering Debian's WenQuanYi file
 * when it was not found on its own; without one every Chinese character would be drawn as a box,
 * so this stops the build instead, naming the package to install.
 */
export function requireCjkFont(fonts: FontRegistry = GlobalFonts, fallbackFile = WQY_FILE): void {
  const found = () => CJK_FAMILIES.some((family) => fonts.has(family))
  if (found()) return
  if (fs.existsSync(fallbackFile)) fonts.registerFromPath(fallbackFile, 'WenQuanYi Micro Hei')
  if (found()) return
  throw new Error(
    `share cards: no CJK font found (looked for ${CJK_FAMILIES.join(', ')} and ${fallbackFile}); ` +
      "install Debian's fonts-wqy-microhei (apt-get install -y fonts-wqy-microhei) so Chinese text is not drawn as boxes",
  )
}

let fontChecked = false

function ensureCjkFont(): void {
  if (fontChecked) return
  requireCjkFont()
  fontChecked = true
}

// One measuring context for every layout: wrapping must use the font that will be drawn.
let measuringContext: Context2DLike | null = null

/** Measures text with the canvas's own fonts, as the drawing will. */
export function canvasMeasurer(): TextMeasurer {
  ensureCjkFont()
  measuringContext ??= createCanvas(1, 1).getContext('2d') as unknown as Context2DLike
  return contextMeasurer(measuringContext)
}

const canvases = new Map<string, Canvas>()

/** Draws `layout` at `pixelRatio` and returns its opaque RGBA pixels. */
export function drawLayoutPixels(layout: ShareImageLayout, pixelRatio = CARD_PIXEL_RATIO): { width: number; height: number; rgba: Uint8ClampedArray } {
  ensureCjkFont()
  const width = Math.round(layout.width * pixelRatio)
  const height = Math.round(layout.height * pixelRatio)
  // One canvas a size, reused: 10,000 cards are drawn per build.
  const key = `${width}x${height}`
  let canvas = canvases.get(key)
  if (!canvas) canvases.set(key, (canvas = createCanvas(width, height)))
  const ctx = canvas.getContext('2d')
  ctx.clearRect(0, 0, width, height)
  renderDrawOps(ctx as unknown as Context2DLike, layout, pixelRatio)
  return { width, height, rgba: ctx.getImageData(0, 0, width, height).data }
}

/** The layout as the PNG file a chat downloads. */
export function drawLayoutPng(layout: ShareImageLayout, pixelRatio = CARD_PIXEL_RATIO): Buffer {
  return encodeCardPng(drawLayoutPixels(layout, pixelRatio))
}

/** An article's 5:4 share card (its og:image) as its PNG file. */
export function drawShareCardPng(content: ShareCardContent): Buffer {
  return drawLayoutPng(layoutShareCard(content, canvasMeasurer()))
}

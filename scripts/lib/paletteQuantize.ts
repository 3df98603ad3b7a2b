// Opaque RGBA pixels → at most 256 colours and one index per pixel: the half of the palette PNG
// (scripts/lib/palettePng.ts) that needs no Node API, so the prerender can run it in the page
// that drew the card and send 1 byte a pixel to Node instead of 4.

export interface Pixels {
  width: number
  height: number
  rgba: ArrayLike<number>
}

export interface IndexedPixels {
  width: number
  height: number
  /** 0xRRGGBB, in order of first appearance. */
  palette: number[]
  indices: Uint8Array
}

// colour → palette index + 1 (0 = not seen); a flat table is ~20× faster than a Map here.
// One table for every call (32 MB): each call clears what it set.
let seen: Uint16Array | null = null

/**
 * The card is flat colours plus anti-aliased text, so a palette of at most 256 colours loses
 * nothing visible. Channels are rounded more coarsely until the colours fit.
 */
export function quantizePalette({ width, height, rgba }: Pixels): IndexedPixels {
  let step = 1
  let palette: number[] = []
  const indices = new Uint8Array(width * height)
  const table = seen || (seen = new Uint16Array(1 << 24))
  for (;;) {
    const q = new Uint8Array(256)
    for (let v = 0; v < 256; v++) q[v] = Math.min(255, Math.round(v / step) * step)
    palette = []
    let overflow = false
    // Unrounded, a pixel's colour is its first three bytes: read as one 32-bit word when the
    // pixels sit in a typed array (10,000 cards are drawn per build).
    const words = step === 1 && isAlignedBytes(rgba) ? new Uint32Array(rgba.buffer, rgba.byteOffset, width * height) : null
    const littleEndian = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1
    for (let p = 0; p < width * height; p++) {
      let colour: number
      if (words && littleEndian) {
        const v = words[p]
        colour = ((v & 0xff) << 16) | (v & 0xff00) | ((v >>> 16) & 0xff)
      } else colour = (q[rgba[p * 4]] << 16) | (q[rgba[p * 4 + 1]] << 8) | q[rgba[p * 4 + 2]]
      let i = table[colour]
      if (i === 0) {
        if (palette.length === 256) {
          overflow = true
          break
        }
        palette.push(colour)
        i = palette.length
        table[colour] = i
      }
      indices[p] = i - 1
    }
    for (const colour of palette) table[colour] = 0
    if (!overflow) break
    step *= 2
  }
  return { width, height, palette, indices }
}

function isAlignedBytes(data: ArrayLike<number>): data is Uint8Array | Uint8ClampedArray {
  return (data instanceof Uint8Array || data instanceof Uint8ClampedArray) && data.byteOffset % 4 === 0
}

// Opaque RGBA pixels → at most 256 colours and one index per pixel (and, for the share cards,
// fewer: reducePalette), the half of the palette PNG (scripts/lib/palettePng.ts) that needs no
// Node API.

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

/** Every colour of an image and each pixel's index in that list (up to 65,535 colours). */
interface ExactColours {
  width: number
  height: number
  /** 0xRRGGBB, in order of first appearance. */
  palette: number[]
  indices: Uint16Array
}

// colour → palette index + 1 (0 = not seen); a flat table is ~20× faster than a Map here.
// One table for every call (32 MB): each call clears what it set.
let seen: Uint16Array | null = null
const MAX_EXACT_COLOURS = 0xffff
const littleEndian = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1

/**
 * The image in at most `maxColours` colours (at most 256; 16 fits a 4-bit PNG, half the bytes of
 * 8-bit). A card is a few flat colours plus the anti-aliased edges between them (~1,500 colours
 * at 800×640): every colour that fills an area is kept exactly, then the colours that would
 * otherwise be worst matched (pixel count × squared distance to the nearest kept colour), which
 * are the middle steps of the text's anti-aliasing; every pixel then takes the nearest kept
 * colour. Deterministic: ties go to the colour seen first.
 */
export function quantizePalette(pixels: Pixels, maxColours = 256): IndexedPixels {
  return reducePalette(exactColours(pixels), Math.min(256, maxColours))
}

function exactColours({ width, height, rgba }: Pixels): ExactColours {
  const count = width * height
  const indices = new Uint16Array(count)
  const table = seen || (seen = new Uint16Array(1 << 24))
  // Past 65,535 colours (a photograph, never a card) channels are rounded until they fit.
  for (let step = 1; ; step *= 2) {
    // Unrounded, a pixel's key is its first three bytes read as one 32-bit word (little-endian:
    // 0xBBGGRR) when the pixels sit in an aligned typed array: 10,000 cards are drawn per build.
    const wordKeys = step === 1 && littleEndian && isAlignedBytes(rgba)
    const keys = wordKeys ? new Uint32Array(rgba.buffer, rgba.byteOffset, count) : roundedKeys(rgba, count, step)
    const found = indexKeys(keys, indices, table)
    if (found) {
      const palette = wordKeys ? found.map((k) => ((k & 0xff) << 16) | (k & 0xff00) | ((k >>> 16) & 0xff)) : found
      return { width, height, palette, indices }
    }
  }
}

/** Each pixel's colour as 0xRRGGBB with every channel rounded to a multiple of `step`. */
function roundedKeys(rgba: ArrayLike<number>, count: number, step: number): Uint32Array {
  const q = new Uint8Array(256)
  for (let v = 0; v < 256; v++) q[v] = Math.min(255, Math.round(v / step) * step)
  const keys = new Uint32Array(count)
  for (let p = 0; p < count; p++) keys[p] = (q[rgba[p * 4]] << 16) | (q[rgba[p * 4 + 1]] << 8) | q[rgba[p * 4 + 2]]
  return keys
}

/**
 * Writes each pixel's palette index and returns the palette (keys in order of first appearance),
 * or null past MAX_EXACT_COLOURS. `table` maps key → index + 1 and is left cleared.
 */
function indexKeys(keys: Uint32Array, indices: Uint16Array, table: Uint16Array): number[] | null {
  const palette: number[] = []
  // Runs of one colour are most of a card: a pixel like the one before reuses its index.
  let lastKey = -1
  let lastIndex = 0
  let overflow = false
  for (let p = 0; p < keys.length; p++) {
    const raw = keys[p]
    if (raw === lastKey) {
      indices[p] = lastIndex
      continue
    }
    lastKey = raw
    // The alpha byte of a word key is left out (the pixels are opaque).
    const key = raw & 0xffffff
    let i = table[key]
    if (i === 0) {
      if (palette.length === MAX_EXACT_COLOURS) {
        overflow = true
        break
      }
      palette.push(key)
      i = palette.length
      table[key] = i
    }
    lastIndex = i - 1
    indices[p] = lastIndex
  }
  for (const key of palette) table[key] = 0
  return overflow ? null : palette
}

function isAlignedBytes(data: ArrayLike<number>): data is Uint8Array | Uint8ClampedArray {
  return (data instanceof Uint8Array || data instanceof Uint8ClampedArray) && data.byteOffset % 4 === 0
}

/** Pixels of a flat colour area: kept exactly when the palette shrinks (backgrounds, chips, notices). */
const FLAT_AREA_PIXELS = 2000

function reducePalette(image: ExactColours, maxColours: number): IndexedPixels {
  const { palette, indices } = image
  const counts = new Float64Array(palette.length)
  for (let p = 0; p < indices.length; p++) counts[indices[p]]++
  const distance = (a: number, b: number) => {
    // Weighted like the eye (green most, blue least), so the kept steps follow lightness.
    const dr = ((a >> 16) & 255) - ((b >> 16) & 255)
    const dg = ((a >> 8) & 255) - ((b >> 8) & 255)
    const db = (a & 255) - (b & 255)
    return 3 * dr * dr + 4 * dg * dg + 2 * db * db
  }
  const kept: number[] = []
  // Distance of each colour to its nearest kept colour, and which one that is.
  const nearest = new Float64Array(palette.length).fill(Infinity)
  const nearestKept = new Uint8Array(palette.length)
  const keep = (i: number) => {
    const k = kept.length
    kept.push(i)
    for (let j = 0; j < palette.length; j++) {
      const d = distance(palette[j], palette[i])
      if (d < nearest[j]) {
        nearest[j] = d
        nearestKept[j] = k
      }
    }
  }
  const flats = Array.from(palette.keys())
    .filter((i) => counts[i] >= FLAT_AREA_PIXELS)
    .sort((a, b) => counts[b] - counts[a] || a - b)
  for (const i of flats.slice(0, maxColours)) keep(i)
  while (kept.length < maxColours) {
    let best = -1
    let bestScore = 0
    for (let j = 0; j < palette.length; j++) {
      const score = counts[j] * nearest[j]
      if (score > bestScore) {
        bestScore = score
        best = j
      }
    }
    if (best < 0) break
    keep(best)
  }
  const reduced = new Uint8Array(indices.length)
  for (let p = 0; p < indices.length; p++) reduced[p] = nearestKept[indices[p]]
  return { width: image.width, height: image.height, palette: kept.map((i) => palette[i]), indices: reduced }
}

// Opaque canvas pixels → small indexed PNG, for the share cards drawn at build time
// (scripts/draw-default-share-card.ts, scripts/prerender.ts).
import { promisify } from 'node:util'
import zlib from 'node:zlib'
import { quantizePalette, type IndexedPixels, type Pixels } from './paletteQuantize'

export type { Pixels } from './paletteQuantize'

/**
 * Encodes an opaque image as an indexed (palette) PNG: a fraction of the browser's RGBA PNG
 * (quantizePalette says why nothing visible is lost).
 */
export function encodePalettePng(pixels: Pixels): Buffer {
  return encodeIndexedPng(quantizePalette(pixels))
}

/** The PNG file of already indexed pixels, compressed at zlib's highest level. */
export function encodeIndexedPng(pixels: IndexedPixels): Buffer {
  const { raw, file } = pngParts(pixels)
  return file(zlib.deflateSync(raw, { level: 9 }))
}

/**
 * The same file, compressed off the main thread (zlib's thread pool) at `level`. The prerender's
 * 10,000 cards use level 6: measured on the real cards, level 9 takes 150-700 ms a card for
 * 27.3 KB, level 8 60 ms for 27.6 KB, level 6 10 ms for 29.3 KB (+7 %). The pixels are the same.
 */
export async function encodeIndexedPngAsync(pixels: IndexedPixels, level: number): Promise<Buffer> {
  const { raw, file } = pngParts(pixels)
  return file(await deflate(raw, { level }))
}

const deflate = promisify(zlib.deflate)

/** The filtered scanlines to compress, and the file around their compressed form. */
function pngParts({ width, height, palette, indices }: IndexedPixels): { raw: Buffer; file: (idat: Buffer) => Buffer } {
  const raw = Buffer.alloc((width + 1) * height)
  for (let y = 0; y < height; y++) {
    raw[y * (width + 1)] = 0
    Buffer.from(indices.buffer, indices.byteOffset + y * width, width).copy(raw, y * (width + 1) + 1)
  }
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4)
    length.writeUInt32BE(data.length)
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(zlib.crc32(body))
    return Buffer.concat([length, body, crc])
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header[8] = 8 // bit depth
  header[9] = 3 // colour type: indexed
  const plte = Buffer.alloc(palette.length * 3)
  palette.forEach((c, i) => {
    plte[i * 3] = (c >> 16) & 255
    plte[i * 3 + 1] = (c >> 8) & 255
    plte[i * 3 + 2] = c & 255
  })
  const file = (idat: Buffer) =>
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', header),
      chunk('PLTE', plte),
      chunk('IDAT', idat),
      chunk('IEND', Buffer.alloc(0)),
    ])
  return { raw, file }
}


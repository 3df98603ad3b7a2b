// Opaque canvas pixels → small indexed PNG, for the share cards drawn at build time
// (scripts/share-cards/cardCanvas.ts: the articles' cards and the packaged default card).
import zlib from 'node:zlib'
import { quantizePalette, type IndexedPixels, type Pixels } from './paletteQuantize'

export type { Pixels } from './paletteQuantize'

/**
 * Colours of a share card. 16 makes a 4-bit PNG: measured on the 42 real cards at 800×640,
 * 26.3 KB a card with all their ~137 colours (8-bit, level 9) against 18.8 KB with 16; the
 * backgrounds, chip and notice keep their exact colours and the text keeps 3-4 anti-aliasing
 * steps, which reads the same at the size a chat shows it.
 */
export const CARD_COLOURS = 16
/**
 * zlib level of the cards. The 4-bit image is half the bytes to compress, so level 9 costs about
 * what level 6 did on the 8-bit one, and a card is drawn once and then cached.
 */
export const CARD_ZLIB_LEVEL = 7

/** A share card's pixels as its PNG file: at most CARD_COLOURS colours, CARD_ZLIB_LEVEL. */
export function encodeCardPng(pixels: Pixels): Buffer {
  return encodeIndexedPng(quantizePalette(pixels, CARD_COLOURS), CARD_ZLIB_LEVEL)
}

/**
 * The PNG file of already indexed pixels, at the smallest bit depth their palette allows (1, 2,
 * 4 or 8 bits a pixel), each row unfiltered (the filters help photographs, not palette indices).
 */
export function encodeIndexedPng(pixels: IndexedPixels, level = 9): Buffer {
  const { width, height, palette } = pixels
  const depth = palette.length <= 2 ? 1 : palette.length <= 4 ? 2 : palette.length <= 16 ? 4 : 8
  const idat = zlib.deflateSync(scanlines(pixels, depth), { level, memLevel: 9 })
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header[8] = depth
  header[9] = 3 // colour type: indexed
  const plte = Buffer.alloc(palette.length * 3)
  palette.forEach((c, i) => {
    plte[i * 3] = (c >> 16) & 255
    plte[i * 3 + 1] = (c >> 8) & 255
    plte[i * 3 + 2] = c & 255
  })
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('PLTE', plte),
    chunk('IDAT', idat),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

/** Rows of `depth`-bit indices, most significant bits first, each after its filter byte (0). */
function scanlines({ width, height, indices }: IndexedPixels, depth: number): Buffer {
  const stride = Math.ceil((width * depth) / 8)
  const raw = Buffer.alloc((stride + 1) * height)
  const perByte = 8 / depth
  for (let y = 0; y < height; y++) {
    const row = y * (stride + 1) + 1
    const from = y * width
    if (depth === 8) {
      raw.set(indices.subarray(from, from + width), row)
      continue
    }
    if (depth === 4) {
      for (let x = 0; x + 1 < width; x += 2) raw[row + (x >> 1)] = (indices[from + x] << 4) | indices[from + x + 1]
      if (width % 2) raw[row + (width >> 1)] = indices[from + width - 1] << 4
      continue
    }
    for (let x = 0; x < width; x++) {
      const shift = 8 - depth * ((x % perByte) + 1)
      raw[row + Math.floor(x / perByte)] |= indices[from + x] << shift
    }
  }
  return raw
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(zlib.crc32(body))
  return Buffer.concat([length, body, crc])
}

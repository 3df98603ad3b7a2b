// Opaque canvas pixels → small indexed PNG, for the share cards drawn at build time
// (scripts/draw-default-share-card.ts, scripts/prerender.ts).
import zlib from 'node:zlib'

export interface Pixels {
  width: number
  height: number
  rgba: ArrayLike<number>
}

/**
 * Encodes an opaque image as an indexed (palette) PNG. The card is flat colours plus
 * anti-aliased text, so a palette of at most 256 colours loses nothing visible and is a fraction
 * of the browser's RGBA PNG. Channels are rounded more coarsely until the colours fit.
 */
export function encodePalettePng({ width, height, rgba }: Pixels): Buffer {
  let step = 1
  let palette: number[] = []
  const indices = new Uint8Array(width * height)
  // colour → palette index + 1 (0 = not seen); a flat table is ~20× faster than a Map here.
  const seen = new Uint16Array(1 << 24)
  for (;;) {
    const q = new Uint8Array(256)
    for (let v = 0; v < 256; v++) q[v] = Math.min(255, Math.round(v / step) * step)
    palette = []
    let overflow = false
    for (let p = 0; p < width * height; p++) {
      const colour = (q[rgba[p * 4]] << 16) | (q[rgba[p * 4 + 1]] << 8) | q[rgba[p * 4 + 2]]
      let i = seen[colour]
      if (i === 0) {
        if (palette.length === 256) {
          overflow = true
          break
        }
        palette.push(colour)
        i = palette.length
        seen[colour] = i
      }
      indices[p] = i - 1
    }
    for (const colour of palette) seen[colour] = 0
    if (!overflow) break
    step *= 2
  }
  const raw = Buffer.alloc((width + 1) * height)
  for (let y = 0; y < height; y++) {
    raw[y * (width + 1)] = 0
    Buffer.from(indices.buffer, y * width, width).copy(raw, y * (width + 1) + 1)
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
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('PLTE', plte),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}


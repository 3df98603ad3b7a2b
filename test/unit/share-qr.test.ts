import jsQR from 'jsqr'
import { articles, disclaimers } from '../../src/data/dataset'
import type { DrawOp } from '../../src/core/drawing'
import { articleH5Url } from '../../src/features/share/links'
import { layoutPoster } from '../../src/features/share/posterLayout'
import { qrMatrix } from '../../src/features/share/qr'
import { posterContent } from '../../src/features/share/shareContent'

/** The 7×7 finder pattern: dark ring, light ring, dark 3×3 centre. */
function hasFinderAt(modules: boolean[][], top: number, left: number): boolean {
  for (let r = 0; r < 7; r++) {
    for (let c = 0; c < 7; c++) {
      const ring = Math.max(Math.abs(r - 3), Math.abs(c - 3))
      const expected = ring !== 2
      if (modules[top + r][left + c] !== expected) return false
    }
  }
  return true
}

describe('article QR code', () => {
  const url = 'http://127.0.0.1:8080/#/pages/detail/index?id=cjp5g3dra2&from=share'

  it('is a valid square QR symbol with the three finder patterns', () => {
    const { size, modules } = qrMatrix(url)
    expect((size - 17) % 4).toBe(0)
    expect(modules).toHaveLength(size)
    expect(modules.every((row) => row.length === size)).toBe(true)
    expect(hasFinderAt(modules, 0, 0)).toBe(true)
    expect(hasFinderAt(modules, 0, size - 7)).toBe(true)
    expect(hasFinderAt(modules, size - 7, 0)).toBe(true)
    // Timing pattern between the top finders alternates dark/light.
    for (let c = 8; c < size - 8; c++) expect(modules[6][c]).toBe(c % 2 === 0)
  })

  it('is deterministic and grows only when the link does', () => {
    expect(qrMatrix(url)).toEqual(qrMatrix(url))
    expect(qrMatrix(`${url}&x=${'a'.repeat(120)}`).size).toBeGreaterThan(qrMatrix(url).size)
  })

  it('percent-encodes non-ASCII so every byte survives', () => {
    const chinese = 'https://例子.example/#/pages/search/index?q=医保'
    expect(qrMatrix(chinese)).toEqual(qrMatrix(encodeURI(chinese)))
  })
})

describe('the QR code drawn on the poster', () => {
  /**
   * Paints the poster's rectangles (the QR modules among them) onto white pixels, as a canvas
   * would, at `scale` pixels per layout unit.
   */
  function rasterize(ops: DrawOp[], width: number, height: number, scale = 1): Uint8ClampedArray {
    const pixels = new Uint8ClampedArray(width * height * 4).fill(255)
    const words = new Uint32Array(pixels.buffer)
    for (const op of ops) {
      if (op.type !== 'rect') continue
      const hex = /^#([0-9a-f]{6})$/i.exec(op.fill)
      if (!hex) continue
      const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex[1].slice(i, i + 2), 16))
      // RGBA bytes in memory order, as one little-endian word.
      const color = ((255 << 24) | (b << 16) | (g << 8) | r) >>> 0
      const left = Math.max(0, Math.round(op.x * scale))
      const right = Math.min(width, Math.round((op.x + op.w) * scale))
      for (let y = Math.max(0, Math.round(op.y * scale)); y < Math.min(height, Math.round((op.y + op.h) * scale)); y++) {
        words.fill(color, y * width + left, y * width + right)
      }
    }
    return pixels
  }

  it.each([
    ['an article link', articles.find((a) => a.fullText)!],
    ['an excerpt-only article link', articles.find((a) => !a.fullText)!],
  ])('decodes to %s exactly', (_case, article) => {
    const link = articleH5Url(article.id, 'https://example.org/health/')
    const layout = layoutPoster(posterContent(article, disclaimers), qrMatrix(link))
    const width = Math.ceil(layout.width)
    const height = Math.ceil(layout.height)
    const decoded = jsQR(rasterize(layout.ops, width, height), width, height)
    expect(decoded?.data).toBe(link)
  })

  it('decodes a Chinese search link to its percent-encoded form, which opens the same page', () => {
    const link = 'https://example.org/health/#/pages/search/index?q=医保'
    const { size, modules } = qrMatrix(link)
    // Four modules of quiet zone, five pixels a module.
    const scale = 5
    const side = (size + 8) * scale
    const ops: DrawOp[] = []
    modules.forEach((row, r) =>
      row.forEach((dark, c) => dark && ops.push({ type: 'rect', x: (c + 4) * scale, y: (r + 4) * scale, w: scale, h: scale, fill: '#000000' })),
    )
    expect(jsQR(rasterize(ops, side, side), side, side)?.data).toBe(encodeURI(link))
  })
})

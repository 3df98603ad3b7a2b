// Draws src/assets/share/default-card.png: the packaged 5:4 share card WeChat shows when the
// article's own card cannot be drawn in time. It is drawn by the app's own layout and renderer
// (src/features/share) in headless Chromium, so it matches the drawn cards exactly.
//
//   npx tsx scripts/draw-default-share-card.ts
//
// Needs /usr/bin/chromium and a CJK font (scripts/ensure-chromium.sh installs both).
import { buildSync } from 'esbuild'
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import { chromium } from 'playwright-core'

const repoRoot = path.resolve(__dirname, '..')
const outFile = path.join(repoRoot, 'src', 'assets', 'share', 'default-card.png')
/** 800×640: sharp at the size WeChat shows a card, and small once stored as a palette PNG. */
const PIXEL_RATIO = 1.6
const MAX_BYTES = 40 * 1024

// A browser bundle of the layout + renderer, fed the real disclaimer from the packaged data.
const entry = `
  import { layoutDefaultCard } from './src/features/share/cardLayout'
  import { renderDrawOps, contextMeasurer } from './src/platform/renderDrawOps'
  import { oneLineDisclaimer } from './src/features/share/shareContent'
  import data from './src/data/articles.json'
  window.drawDefaultCard = (pixelRatio) => {
    const canvas = document.createElement('canvas')
    const ctx = canvas.getContext('2d')
    const layout = layoutDefaultCard(oneLineDisclaimer(data.disclaimers), contextMeasurer(ctx))
    canvas.width = Math.round(layout.width * pixelRatio)
    canvas.height = Math.round(layout.height * pixelRatio)
    renderDrawOps(ctx, layout, pixelRatio)
    const pixels = ctx.getImageData(0, 0, canvas.width, canvas.height).data
    return { width: canvas.width, height: canvas.height, rgba: Array.from(pixels) }
  }
`

interface Pixels {
  width: number
  height: number
  rgba: number[]
}

/**
 * Encodes an opaque image as an indexed (palette) PNG. The card is flat colours plus
 * anti-aliased text, so a palette of at most 256 colours loses nothing visible and is a fraction
 * of the browser's RGBA PNG. Channels are rounded more coarsely until the colours fit.
 */
function encodePalettePng({ width, height, rgba }: Pixels): Buffer {
  let step = 1
  let palette: number[] = []
  let indices = new Uint8Array(width * height)
  for (;;) {
    const index = new Map<number, number>()
    palette = []
    let overflow = false
    for (let p = 0; p < width * height && !overflow; p++) {
      const q = (v: number) => Math.min(255, Math.round(v / step) * step)
      const colour = (q(rgba[p * 4]) << 16) | (q(rgba[p * 4 + 1]) << 8) | q(rgba[p * 4 + 2])
      let i = index.get(colour)
      if (i === undefined) {
        if (palette.length === 256) overflow = true
        i = palette.length
        index.set(colour, i)
        palette.push(colour)
      }
      indices[p] = i
    }
    if (!overflow) break
    step *= 2
    indices = new Uint8Array(width * height)
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

async function main(): Promise<void> {
  const bundle = buildSync({
    stdin: { contents: entry, resolveDir: repoRoot, loader: 'ts' },
    bundle: true,
    format: 'iife',
    write: false,
    target: 'chrome100',
  }).outputFiles[0].text

  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
  try {
    const page = await browser.newPage()
    await page.setContent('<!doctype html><meta charset="utf-8"><body></body>')
    await page.addScriptTag({ content: bundle })
    const pixels = await page.evaluate((ratio) => (window as unknown as { drawDefaultCard(r: number): Pixels }).drawDefaultCard(ratio), PIXEL_RATIO)
    const png = encodePalettePng(pixels)
    if (png.length > MAX_BYTES) throw new Error(`default card is ${png.length} bytes, over the ${MAX_BYTES}-byte budget`)
    fs.mkdirSync(path.dirname(outFile), { recursive: true })
    fs.writeFileSync(outFile, png)
    const width = png.readUInt32BE(16)
    const height = png.readUInt32BE(20)
    console.log(`wrote ${path.relative(repoRoot, outFile)}: ${width}x${height}, ${png.length} bytes`)
  } finally {
    await browser.close()
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})

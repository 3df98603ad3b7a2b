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
import { chromium } from 'playwright-core'
import { encodePalettePng, type Pixels } from './lib/palettePng'

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

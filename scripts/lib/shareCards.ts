// Each article's 5:4 share card (its og:image, share/<id>.png), drawn at build time for
// scripts/prerender.ts by the app's own layout and renderer (src/features/share/cardLayout.ts +
// src/platform/renderDrawOps.ts) on a canvas in headless Chromium.
//
// Made for 10,000 cards: the page draws a card, reduces it to its palette and one index a pixel
// (scripts/lib/paletteQuantize.ts, the same code the Node encoder uses), and sends those,
// deflated for the trip (~40 KB instead of 2 MB of RGBA); Node wraps them as the PNG, compressing in zlib's thread pool
// while the tabs draw on. The pixels are those one RGBA round trip per card gave; the zlib
// level is 6 instead of 9 (encodeIndexedPngAsync says why).
import { buildSync } from 'esbuild'
import path from 'node:path'
import { promisify } from 'node:util'
import zlib from 'node:zlib'
import type { Browser, Page } from 'playwright-core'
import type { Article } from '../../src/core/article'
import { shareCardPath } from '../../src/core/pageMeta'
import { shareCardContent } from '../../src/features/share/shareContent'
import { encodeIndexedPngAsync } from './palettePng'

const repoRoot = path.resolve(__dirname, '..', '..')
const inflateRaw = promisify(zlib.inflateRaw)
/** The share card at 800×640: sharp where chats show it, ~30 KB as a palette PNG. */
const CARD_PIXEL_RATIO = 1.6
/** Cards drawn per round trip to the page. */
const BATCH = 8
/** zlib level of the cards (encodeIndexedPngAsync has the figures). */
const CARD_ZLIB_LEVEL = 6

interface DrawnCard {
  width: number
  height: number
  palette: number[]
  /** One byte a pixel, raw-deflated by the browser, base64 (a string crosses to Node far faster than an array of numbers). */
  indices: string
}

function pageBundle(): string {
  return buildSync({
    stdin: {
      contents: `
        import { layoutShareCard } from './src/features/share/cardLayout'
        import { renderDrawOps, contextMeasurer } from './src/platform/renderDrawOps'
        import { quantizePalette } from './scripts/lib/paletteQuantize'
        const canvas = document.createElement('canvas')
        // Sent to Node deflated by the browser's own zlib (raw deflate, fast): 1/15 of the bytes
        // to carry. Node inflates them; the PNG's own compression is Node's (encodeIndexedPngAsync).
        const packed = async (bytes) => {
          const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'))
          const deflated = new Uint8Array(await new Response(stream).arrayBuffer())
          let binary = ''
          for (let i = 0; i < deflated.length; i += 0x8000) binary += String.fromCharCode.apply(null, deflated.subarray(i, i + 0x8000))
          return btoa(binary)
        }
        window.drawCards = (contents, pixelRatio) => Promise.all(contents.map((content) => {
          const ctx = canvas.getContext('2d')
          const layout = layoutShareCard(content, contextMeasurer(ctx))
          // Setting the size also clears the canvas and its state for the next card.
          canvas.width = Math.round(layout.width * pixelRatio)
          canvas.height = Math.round(layout.height * pixelRatio)
          renderDrawOps(ctx, layout, pixelRatio)
          const pixels = ctx.getImageData(0, 0, canvas.width, canvas.height)
          const { palette, indices } = quantizePalette({ width: canvas.width, height: canvas.height, rgba: pixels.data })
          return packed(indices).then((deflated) => ({ width: canvas.width, height: canvas.height, palette, indices: deflated }))
        }))`,
      resolveDir: repoRoot,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    write: false,
    target: 'chrome100',
  }).outputFiles[0].text
}

async function drawingPage(browser: Browser, bundle: string): Promise<Page> {
  const page = await browser.newPage()
  await page.setContent('<!doctype html><meta charset="utf-8"><body></body>')
  await page.addScriptTag({ content: bundle })
  return page
}

/**
 * Draws every article's card and hands each PNG, with its path under the site root, to `write`.
 * Returns the cards' bytes.
 */
export async function drawShareCards(
  browser: Browser,
  articles: readonly Article[],
  disclaimers: Parameters<typeof shareCardContent>[1],
  write: (file: string, png: Buffer) => void,
  tabs = 2,
): Promise<number> {
  const bundle = pageBundle()
  let bytes = 0
  let next = 0
  const pending: Promise<void>[] = []
  let failure: unknown = null
  const worker = async () => {
    const page = await drawingPage(browser, bundle)
    try {
      while (next < articles.length) {
        const batch = articles.slice(next, next + BATCH)
        next += batch.length
        const contents = batch.map((article) => shareCardContent(article, disclaimers))
        const drawn = await page.evaluate(
          ([c, r]) => (window as unknown as { drawCards(c: unknown[], r: number): Promise<DrawnCard[]> }).drawCards(c as unknown[], r as number),
          [contents, CARD_PIXEL_RATIO] as const,
        )
        // Compressed in zlib's thread pool while the page draws the next batch.
        pending.push(
          ...drawn.map(async (card, i) => {
            const indices = await inflateRaw(Buffer.from(card.indices, 'base64'))
            const png = await encodeIndexedPngAsync({ width: card.width, height: card.height, palette: card.palette, indices }, CARD_ZLIB_LEVEL)
            write(shareCardPath(batch[i].id), png)
            bytes += png.length
          }).map((encoding) => encoding.catch((error) => void (failure = failure || error))),
        )
        // Not too far ahead of the encoder: each waiting card holds its pixels.
        if (pending.length > 64) await Promise.all(pending.splice(0, pending.length - 32))
      }
    } finally {
      await page.close()
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, tabs) }, worker))
  await Promise.all(pending)
  if (failure) throw failure
  return bytes
}

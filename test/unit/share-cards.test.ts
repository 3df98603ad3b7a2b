// The articles' share cards as the H5 build makes them (scripts/share-cards/shareCards.ts): drawn in Node
// from real articles, read back with an independent PNG decoder (Skia's), and checked for what a
// reader of the card or the build would notice.
import { createCanvas, loadImage } from '@napi-rs/canvas'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Article } from '../../src/core/article'
import type { TextOp } from '../../src/core/drawing'
import { shareCardPath } from '../../src/core/pageMeta'
import { articles, disclaimers } from '../../src/data/dataset'
import { CARD_SIZE, layoutShareCard } from '../../src/features/share/cardLayout'
import { shareCardContent } from '../../src/features/share/shareContent'
import { shareTheme } from '../../src/features/share/theme'
import { canvasMeasurer, CARD_PIXEL_RATIO, requireCjkFont } from '../../scripts/share-cards/cardCanvas'
import { drawShareCards, type ShareCardOptions } from '../../scripts/share-cards/shareCards'

jest.setTimeout(120_000)

const WIDTH = CARD_SIZE.width * CARD_PIXEL_RATIO
const HEIGHT = CARD_SIZE.height * CARD_PIXEL_RATIO
const temporaryDirs: string[] = []
const cacheDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cards-'))
  temporaryDirs.push(dir)
  return dir
}
afterAll(() => temporaryDirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })))

async function draw(list: readonly Article[], options: ShareCardOptions) {
  const files = new Map<string, Buffer>()
  let writes = 0
  const result = await drawShareCards(list, disclaimers, (file, png) => files.set(file, png) && writes++, options)
  // Every card is handed over once.
  expect(writes).toBe(list.length)
  return { ...result, files }
}

async function decode(png: Buffer): Promise<{ width: number; height: number; rgba: Uint8ClampedArray }> {
  const image = await loadImage(png)
  const canvas = createCanvas(image.width, image.height)
  const ctx = canvas.getContext('2d')
  ctx.drawImage(image, 0, 0)
  return { width: image.width, height: image.height, rgba: ctx.getImageData(0, 0, image.width, image.height).data }
}

const hex = (colour: string) => parseInt(colour.slice(1), 16)
const pixel = (image: { width: number; rgba: Uint8ClampedArray }, x: number, y: number) => {
  const p = (Math.round(y) * image.width + Math.round(x)) * 4
  return (image.rgba[p] << 16) | (image.rgba[p + 1] << 8) | image.rgba[p + 2]
}

/** Share of the title's band (where the layout puts its first line) drawn in the title's ink. */
function titleInk(image: { width: number; rgba: Uint8ClampedArray }, article: Article): number {
  const layout = layoutShareCard(shareCardContent(article, disclaimers), canvasMeasurer())
  const title = layout.ops.find((op): op is TextOp => op.type === 'text' && op.size === 38) as TextOp
  const top = Math.round((title.y - title.size / 2) * CARD_PIXEL_RATIO)
  const bottom = Math.round((title.y + title.size / 2) * CARD_PIXEL_RATIO)
  const ink = hex(shareTheme.ink)
  let count = 0
  for (let y = top; y < bottom; y++) for (let x = 0; x < image.width; x++) if (pixel(image, x, y) === ink) count++
  return count / ((bottom - top) * image.width)
}

const some = articles.slice(0, 6)

describe('share cards drawn in Node', () => {
  it('gives every article an 800×640 PNG with its title drawn and the card colours exact', async () => {
    const { files, drawn, cached, bytes } = await draw(some, { cacheDir: cacheDir(), workers: 2 })
    expect({ drawn, cached }).toEqual({ drawn: some.length, cached: 0 })
    expect([...files.keys()].sort()).toEqual(some.map((a) => shareCardPath(a.id)).sort())
    expect(bytes).toBe([...files.values()].reduce((sum, png) => sum + png.length, 0))
    for (const article of some) {
      const image = await decode(files.get(shareCardPath(article.id)) as Buffer)
      expect([image.width, image.height]).toEqual([WIDTH, HEIGHT])
      // Solid title strokes: a blank or boxed-out title would have none in its band.
      expect(titleInk(image, article)).toBeGreaterThan(0.03)
      // The app's colours survive the small palette: header band, card paper, disclaimer strip.
      expect(pixel(image, 4, 4)).toBe(hex(shareTheme.brand))
      expect(pixel(image, WIDTH / 2, 64 * CARD_PIXEL_RATIO + 8)).toBe(hex(shareTheme.paper))
      expect(pixel(image, 44 * CARD_PIXEL_RATIO, (CARD_SIZE.height - 16 - 16 - 4) * CARD_PIXEL_RATIO)).toBe(hex(shareTheme.noticeBg))
    }
  })

  it('keeps every real card small: 4-bit, at most 24 KB', async () => {
    const { files } = await draw(articles, { cacheDir: cacheDir(), workers: 2 })
    const sizes = [...files.values()].map((png) => png.length)
    for (const png of files.values()) expect(png[24]).toBe(4) // bit depth in IHDR
    console.log(`share cards: ${articles.length}, ${(sizes.reduce((a, b) => a + b, 0) / sizes.length / 1024).toFixed(1)} KB on average, largest ${(Math.max(...sizes) / 1024).toFixed(1)} KB`)
    expect(Math.max(...sizes)).toBeLessThanOrEqual(24 * 1024)
  })

  it('gives the same bytes from the cache, from a worker and from this thread', async () => {
    const dir = cacheDir()
    const first = await draw(some, { cacheDir: dir, workers: 1 })
    const again = await draw(some, { cacheDir: dir, workers: 1 })
    const inThread = await draw(some, { cacheDir: cacheDir(), workers: 0 })
    expect({ drawn: again.drawn, cached: again.cached }).toEqual({ drawn: 0, cached: some.length })
    for (const [file, png] of first.files) {
      expect(again.files.get(file)?.equals(png)).toBe(true)
      expect(inThread.files.get(file)?.equals(png)).toBe(true)
    }
  })

  it('redraws only the card whose title changed, and a damaged cached card', async () => {
    const dir = cacheDir()
    const before = await draw(some, { cacheDir: dir, workers: 0 })
    const renamed = some.map((a, i) => (i === 2 ? { ...a, title: `${a.title}（更新）` } : a))
    const after = await draw(renamed, { cacheDir: dir, workers: 0 })
    expect({ drawn: after.drawn, cached: after.cached }).toEqual({ drawn: 1, cached: some.length - 1 })
    const changed = shareCardPath(some[2].id)
    expect(after.files.get(changed)?.equals(before.files.get(changed) as Buffer)).toBe(false)

    // Cut every cached file short, as a full disk would: each is drawn again, the same as before.
    for (const name of fs.readdirSync(dir)) fs.truncateSync(path.join(dir, name), 100)
    const repaired = await draw(renamed, { cacheDir: dir, workers: 0 })
    expect(repaired.drawn).toBe(some.length)
    for (const [file, png] of after.files) expect(repaired.files.get(file)?.equals(png)).toBe(true)
  })

  it('draws a hostile title: control and direction characters, markup, 5,000 characters', async () => {
    const base = articles[0]
    const hostile: Article[] = [
      { ...base, id: 'hostile0001', title: '医保\u0000\u0007\u001b[31m报销\u202e<script>alert(1)</script>\u2066${x}{{y}}\u200d👩‍⚕️' },
      { ...base, id: 'hostile0002', title: '异地就医'.repeat(1250) },
      { ...base, id: 'hostile0003', title: '\n\t\r  ' },
    ]
    const { files, drawn } = await draw(hostile, { cacheDir: cacheDir(), workers: 1 })
    expect(drawn).toBe(hostile.length)
    for (const article of hostile.slice(0, 2)) {
      const image = await decode(files.get(shareCardPath(article.id)) as Buffer)
      expect([image.width, image.height]).toEqual([WIDTH, HEIGHT])
      expect(titleInk(image, article)).toBeGreaterThan(0.02)
    }
    const blank = await decode(files.get(shareCardPath('hostile0003')) as Buffer)
    expect([blank.width, blank.height]).toEqual([WIDTH, HEIGHT])
  })
})

describe('the CJK font the cards need', () => {
  const registry = (families: string[]) => ({
    has: (family: string) => families.includes(family),
    registerFromPath: (_file: string, alias?: string) => families.push(alias as string),
  })

  it('stops with the package to install when no CJK face can be found', () => {
    expect(() => requireCjkFont(registry(['DejaVu Sans']), '/nonexistent/wqy-microhei.ttc')).toThrow(/fonts-wqy-microhei/)
  })

  it("registers Debian's WenQuanYi file when the system fonts did not bring it", () => {
    const fonts = registry([])
    const file = path.join(cacheDir(), 'font.ttc')
    fs.writeFileSync(file, '')
    expect(() => requireCjkFont(fonts, file)).not.toThrow()
    expect(fonts.has('WenQuanYi Micro Hei')).toBe(true)
  })
})

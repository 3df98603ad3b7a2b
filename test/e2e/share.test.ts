// Sharing in the H5 build, in headless Chromium: the poster and the chat card are really drawn
// (PNG of the right shape, not blank), copy-link puts a working link on the clipboard, the Web
// Share API gets title/text/url, WeChat's browser gets the ··· guide, and a shared link lands
// with the banner home. Needs the share modules mounted on the detail page.
import type { Page } from 'playwright-core'
import type { Article, ArticleDataset } from '../../src/core/article'
import datasetJson from '../../src/data/articles.json'
import { publicPath } from '../../src/core/routes'
import { startApp, useH5 } from './support/h5'

jest.setTimeout(90_000)

const { articles } = datasetJson as unknown as ArticleDataset
const article = articles.find((a) => a.fullText) as Article
const excerptOnly = articles.find((a) => !a.fullText) as Article
const detailRoute = (a: Article, from?: string) => `/pages/detail/index?id=${encodeURIComponent(a.id)}${from ? `&from=${from}` : ''}`

const journey = useH5()
/** The live app: until it takes over, the prerendered copy of the page (#hn-prerendered) holds the same texts. */
const app = (page: Page) => page.locator('#app')

async function showsArticle(page: Page, a: Article) {
  await app(page).getByText(a.title, { exact: true }).first().waitFor({ state: 'visible' })
}

interface PngStats {
  width: number
  height: number
  /** Variance of luminance over all pixels: 0 for a blank image. */
  variance: number
  /** Share of pixels far from the most common colour (the text, QR code, chips…). */
  inked: number
}

/** Decodes a PNG data URL in the page and measures it. */
async function pngStats(page: Page, src: string): Promise<PngStats> {
  return page.evaluate(async (url) => {
    const img = new Image()
    img.src = url
    await img.decode()
    const canvas = document.createElement('canvas')
    canvas.width = img.naturalWidth
    canvas.height = img.naturalHeight
    const ctx = canvas.getContext('2d') as CanvasRenderingContext2D
    ctx.drawImage(img, 0, 0)
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height)
    const lum: number[] = []
    const counts = new Map<number, number>()
    for (let i = 0; i < data.length; i += 4) {
      const l = Math.round(0.299 * data[i] + 0.587 * data[i + 1] + 0.114 * data[i + 2])
      lum.push(l)
      counts.set(l, (counts.get(l) ?? 0) + 1)
    }
    const mean = lum.reduce((a, b) => a + b, 0) / lum.length
    const variance = lum.reduce((a, b) => a + (b - mean) ** 2, 0) / lum.length
    const commonest = [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0]
    const inked = lum.filter((l) => Math.abs(l - commonest) > 60).length / lum.length
    return { width: img.naturalWidth, height: img.naturalHeight, variance, inked }
  }, src)
}

async function sheetImageSrc(page: Page, kind: 'poster' | 'card'): Promise<string> {
  const img = page.locator(`.share-sheet__preview--${kind} img`)
  await img.waitFor({ state: 'attached' })
  await page.waitForFunction((sel) => (document.querySelector(sel) as HTMLImageElement | null)?.src.startsWith('data:image/png'), `.share-sheet__preview--${kind} img`)
  return (await img.getAttribute('src')) as string
}

test(
  'a shared link lands on the article with a banner that opens home, and the page describes the article',
  journey('share-landing', async ({ page, visit }) => {
    await visit(detailRoute(article, 'share'))
    await showsArticle(page, article)
    const banner = app(page).getByText('打开首页看更多健康资讯')
    await banner.waitFor({ state: 'visible' })

    // Title and link-preview tags follow the article.
    await page.waitForFunction((title) => document.title.includes(title), article.title)
    const og = await page.evaluate(() => ({
      title: document.querySelector('meta[property="og:title"]')?.getAttribute('content'),
      description: document.querySelector('meta[name="description"]')?.getAttribute('content'),
      ogDescription: document.querySelector('meta[property="og:description"]')?.getAttribute('content'),
    }))
    expect(og.title).toBe(article.title)
    const opening = Array.from(article.summary.replace(/\s+/g, ' ').trim()).slice(0, 20).join('')
    expect(og.description).toContain(opening)
    expect(og.ogDescription).toBe(og.description)

    await banner.click()
    await page.waitForFunction(() => location.pathname === '/')
    await app(page).getByText(articles[0].title).first().waitFor({ state: 'visible' })
    // Leaving the article restores the app's own description.
    await page.waitForFunction(
      (text) => !document.querySelector('meta[name="description"]')?.getAttribute('content')?.includes(text),
      opening,
      { timeout: 5000 },
    )
  }),
)

test(
  'no banner when the article was opened inside the app, and a shared dead link offers a way home',
  journey('share-no-banner', async ({ page, visit }) => {
    await visit(detailRoute(article))
    await showsArticle(page, article)
    await app(page).getByText('转发给家人').waitFor({ state: 'visible' })
    expect(await app(page).getByText('打开首页看更多健康资讯').count()).toBe(0)

    await visit('/pages/detail/index?id=no-such-article&from=share')
    await app(page).getByText('没有找到这篇文章').waitFor({ state: 'visible' })
    await app(page).getByText('返回首页').first().click()
    await page.waitForFunction(() => location.pathname === '/')
  }),
)

test(
  '生成分享图 draws a tall poster and a 5:4 card, both real pictures, and offers a download',
  journey('share-poster', async ({ page, visit }) => {
    await visit(detailRoute(article))
    await showsArticle(page, article)
    await app(page).getByText('生成分享图').click()

    const poster = await pngStats(page, await sheetImageSrc(page, 'poster'))
    expect(poster.width).toBe(1500) // 750 logical px at 2x
    expect(poster.height / poster.width).toBeGreaterThanOrEqual(1334 / 750)
    expect(poster.variance).toBeGreaterThan(300)
    expect(poster.inked).toBeGreaterThan(0.03)
    await app(page).getByText('长按图片可以发送给朋友或保存').waitFor({ state: 'visible' })

    const download = page.waitForEvent('download')
    await app(page).getByText('下载图片').click()
    expect((await download).suggestedFilename()).toMatch(/^健康资讯-.+\.png$/)

    await app(page).getByText('小卡片').click()
    const card = await pngStats(page, await sheetImageSrc(page, 'card'))
    expect(card.width / card.height).toBeCloseTo(5 / 4, 5)
    expect(card.variance).toBeGreaterThan(300)
    expect(card.inked).toBeGreaterThan(0.03)

    await app(page).getByText('关闭').click()
    await page.locator('.share-sheet').waitFor({ state: 'detached' })
  }),
)

test(
  'an excerpt-only article also gets its poster',
  journey('share-poster-excerpt', async ({ page, visit }) => {
    await visit(detailRoute(excerptOnly))
    await showsArticle(page, excerptOnly)
    await app(page).getByText('生成分享图').click()
    const poster = await pngStats(page, await sheetImageSrc(page, 'poster'))
    expect(poster.height).toBeGreaterThan(poster.width)
    expect(poster.variance).toBeGreaterThan(300)
  }),
)

test(
  'without the Web Share API, 转发给家人 copies a link that opens the same article',
  journey('share-copy-link', async ({ page, visit, baseUrl }) => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseUrl).origin })
    await page.addInitScript(() => {
      delete (Navigator.prototype as { share?: unknown }).share
    })
    await visit(detailRoute(article))
    await showsArticle(page, article)
    await app(page).getByText('转发给家人').click()
    await page.getByText('链接已复制,可以粘贴发给家人').waitFor({ state: 'visible' })

    const copied = await page.evaluate(() => navigator.clipboard.readText())
    expect(copied).toContain(article.title)
    const link = copied.match(/https?:\/\/\S+/)?.[0] as string
    expect(link).toBeDefined()
    const url = new URL(link)
    expect(`${url.pathname}${url.search}`).toBe(`/${publicPath(detailRoute(article, 'share'))}`)

    // The H5 base comes from the build (H5_BASE_URL); here the same build is served locally.
    await page.goto(`${baseUrl}${url.pathname.slice(1)}${url.search}`)
    await startApp(page)
    await showsArticle(page, article)
    await app(page).getByText('打开首页看更多健康资讯').waitFor({ state: 'visible' })
  }),
)

test(
  'with the Web Share API, 转发给家人 hands over title, text and link',
  journey('share-web-share', async ({ page, visit }) => {
    await page.addInitScript(() => {
      const calls: unknown[] = []
      ;(window as unknown as { shareCalls: unknown[] }).shareCalls = calls
      Object.defineProperty(Navigator.prototype, 'share', {
        configurable: true,
        value: (data: unknown) => {
          calls.push(data)
          return Promise.resolve()
        },
      })
    })
    await visit(detailRoute(article))
    await showsArticle(page, article)
    await app(page).getByText('转发给家人').click()
    await page.waitForFunction(() => (window as unknown as { shareCalls: unknown[] }).shareCalls.length === 1)
    const [data] = (await page.evaluate(() => (window as unknown as { shareCalls: unknown[] }).shareCalls)) as { title: string; text: string; url: string }[]
    expect(data.title).toBe(article.title)
    expect(article.summary.replace(/\s+/g, ' ')).toContain(data.text.replace(/…$/, ''))
    expect(new URL(data.url).pathname).toBe(`/${publicPath(detailRoute(article))}`)
  }),
)

test(
  "in WeChat's browser, 转发给家人 points at the ··· menu",
  journey('share-wechat-guide', async ({ page, visit }) => {
    await page.addInitScript(() => {
      const ua = `${navigator.userAgent} MicroMessenger/8.0.50.2701(0x28003235) NetType/WIFI Language/zh_CN`
      Object.defineProperty(Navigator.prototype, 'userAgent', { configurable: true, get: () => ua })
      delete (Navigator.prototype as { share?: unknown }).share
    })
    await visit(detailRoute(article))
    await showsArticle(page, article)
    await app(page).getByText('转发给家人').click()
    const guide = app(page).getByText('点击右上角 ··· 发送给朋友')
    await guide.waitFor({ state: 'visible' })
    await app(page).getByText('我知道了').click()
    await guide.waitFor({ state: 'detached' })
  }),
)

// Sharing in the compiled weapp, rendered by miniprogram-simulate with Taro's runtime and a
// stand-in wx that can draw (a recording canvas) and save to the album: what 转发 and
// 朋友圈 send from the article page (title, a path/query that opens the article, the drawn card
// or the packaged default when the canvas fails), Moments' single-page mode, saving the poster
// with album permission, and the home/search shares. Needs the share modules mounted in pages.
import fs from 'node:fs'
import path from 'node:path'
import type { Article, ArticleDataset } from '../../src/core/article'
import datasetJson from '../../src/data/articles.json'
import { weappDir } from './support/dist'
import { openArticlePage, useOneProgram, type SimulatedPage, type SimulatedProgram } from './support/simulate'

jest.setTimeout(60_000)

const { articles, disclaimers } = datasetJson as unknown as ArticleDataset
const DETAIL = 'pages/detail/index'
const HOME = 'pages/index/index'
const SEARCH = 'pages/search/index'
const DEFAULT_CARD = '/assets/share/default-card.png'
const article = articles.find((a) => a.fullText) as Article

type Callbacks = { success?: (r: unknown) => void; fail?: (r: unknown) => void; complete?: (r: unknown) => void }

/** A recording stand-in for WeChat's offscreen Canvas 2D: what was drawn, at what size. */
function fakeCanvasApis(options: { exportFails?: boolean; exportHangs?: boolean } = {}) {
  const canvases: { width: number; height: number; texts: string[] }[] = []
  const exported: string[] = []
  const createOffscreenCanvas = (o: { type: string; width: number; height: number }) => {
    if (o.type !== '2d') throw new Error('only 2d is faked')
    const record = { width: o.width, height: o.height, texts: [] as string[] }
    canvases.push(record)
    let font = '16px sans-serif'
    const ctx = {
      fillStyle: '#000',
      textAlign: 'left',
      textBaseline: 'alphabetic',
      get font() {
        return font
      },
      set font(value: string) {
        font = value
      },
      save() {},
      restore() {},
      scale() {},
      fillRect() {},
      beginPath() {},
      moveTo() {},
      lineTo() {},
      arcTo() {},
      closePath() {},
      fill() {},
      fillText(text: string) {
        record.texts.push(text)
      },
      measureText(text: string) {
        const size = Number(/(\d+(?:\.\d+)?)px/.exec(font)?.[1] ?? 16)
        return { width: Array.from(text).reduce((w, ch) => w + (ch.charCodeAt(0) < 0x2000 ? 0.56 : 1), 0) * size }
      },
    }
    return {
      width: o.width,
      height: o.height,
      getContext: () => ctx,
      createImage: () => ({}),
      toDataURL: () => (options.exportFails ? 'data:,' : 'data:image/png;base64,iVBORw0KGgo='),
    }
  }
  const canvasToTempFilePath = (o: Callbacks & { canvas: { width: number; height: number }; destWidth: number; destHeight: number }) => {
    if (options.exportHangs) return
    setTimeout(() => {
      if (options.exportFails) {
        const res = { errMsg: 'canvasToTempFilePath:fail canvas is empty' }
        o.fail?.(res)
        o.complete?.(res)
        return
      }
      const tempFilePath = `wxfile://tmp/canvas-${o.destWidth}x${o.destHeight}-${exported.length}.png`
      exported.push(tempFilePath)
      o.success?.({ errMsg: 'canvasToTempFilePath:ok', tempFilePath })
      o.complete?.({ errMsg: 'canvasToTempFilePath:ok' })
    }, 5)
  }
  const getFileSystemManager = () => ({
    writeFile: (o: Callbacks) => setTimeout(() => o.fail?.({ errMsg: 'writeFile:fail no such directory' }), 1),
  })
  return { canvases, exported, api: { createOffscreenCanvas, canvasToTempFilePath, getFileSystemManager } }
}

/** Album permission as WeChat keeps it: undefined (never asked), true or false. */
function fakeAlbum(initially: boolean | undefined, grantInSettings: boolean) {
  const state = { permission: initially, saved: [] as string[], openedSettings: 0 }
  const later = (fn: () => void) => setTimeout(fn, 1)
  return {
    state,
    api: {
      getSetting: (o: Callbacks) =>
        later(() => o.success?.({ errMsg: 'getSetting:ok', authSetting: state.permission === undefined ? {} : { 'scope.writePhotosAlbum': state.permission } })),
      authorize: (o: Callbacks) =>
        later(() => {
          state.permission = false
          o.fail?.({ errMsg: 'authorize:fail auth deny' })
        }),
      openSetting: (o: Callbacks) =>
        later(() => {
          state.openedSettings++
          state.permission = grantInSettings
          o.success?.({ errMsg: 'openSetting:ok', authSetting: { 'scope.writePhotosAlbum': grantInSettings } })
        }),
      saveImageToPhotosAlbum: (o: Callbacks & { filePath: string }) =>
        later(() => {
          if (state.permission !== true) return o.fail?.({ errMsg: 'saveImageToPhotosAlbum:fail auth deny' })
          state.saved.push(o.filePath)
          o.success?.({ errMsg: 'saveImageToPhotosAlbum:ok' })
        }),
    },
  }
}

let program: SimulatedProgram | undefined

// One program at a time; a relaunch closes the one before (its storage can be carried over).
const { launch, shutDown } = useOneProgram()
const openArticle = (p: SimulatedProgram, query?: string): Promise<SimulatedPage> => openArticlePage(p, article, query)

interface AppMessage {
  title: string
  path: string
  imageUrl?: string
  promise?: Promise<{ title: string; path: string; imageUrl: string }>
}

test('转发 sends the title, a path that opens the article, and the 5:4 card drawn on the device', async () => {
  const canvas = fakeCanvasApis()
  program = launch({ wx: canvas.api })
  const page = await openArticle(program)
  // The card is drawn in the background after the page opens.
  await program.waitFor(() => canvas.exported.length >= 2)

  const share = page.shareAppMessage() as AppMessage
  expect(share.title).toBe(article.title)
  expect(share.path).toBe(`/${DETAIL}?id=${encodeURIComponent(article.id)}&from=share`)
  expect(share.imageUrl).toMatch(/^wxfile:\/\/tmp\/canvas-1000x800-/)
  expect(share.promise).toBeUndefined()
  const card = canvas.canvases.find((c) => c.width === 1000 && c.height === 800)!
  expect(card.texts.join('')).toContain(article.title.slice(0, 6))
  expect(card.texts.join('')).toContain(article.date)
  expect(card.texts.some((t) => t.includes('不能代替面诊'))).toBe(true)

  // The friend opening the card lands on the article, with the banner home.
  const opened = await program.open(share.path)
  await opened.waitFor((p) => p.texts().includes(article.title))
  expect(opened.texts()).toContain(disclaimers.medical)
  await opened.tap('打开首页看更多健康资讯')
  const home = await program.follow()
  expect(home.route).toBe(HOME)
})

test('when the canvas fails, 转发 uses the packaged default card', async () => {
  program = launch({
    wx: {
      createOffscreenCanvas: () => {
        throw new Error('createOffscreenCanvas:fail not supported')
      },
    },
  })
  const page = await openArticle(program)
  const share = page.shareAppMessage() as AppMessage
  expect(share.title).toBe(article.title)
  expect(share.path).toBe(`/${DETAIL}?id=${encodeURIComponent(article.id)}&from=share`)
  expect(share.imageUrl).toBe(DEFAULT_CARD)
  if (share.promise) expect((await share.promise).imageUrl).toBe(DEFAULT_CARD)
  // The fallback is not silent: the failure is reported where a developer (and this test) sees it.
  expect(program.warnings.some((w) => w.startsWith('[health-news] recovered:') && w.includes('createOffscreenCanvas:fail'))).toBe(true)
  // The default card is really in the package, as a 5:4 PNG.
  const png = fs.readFileSync(path.join(weappDir(), DEFAULT_CARD))
  expect(png.subarray(1, 4).toString()).toBe('PNG')
  expect(png.readUInt32BE(16) / png.readUInt32BE(20)).toBeCloseTo(5 / 4, 5)
})

test('when exporting the card fails or hangs, WeChat still gets the default card in time', async () => {
  for (const failure of [{ exportFails: true }, { exportHangs: true }]) {
    const canvas = fakeCanvasApis(failure)
    program = launch({ wx: canvas.api })
    const page = await openArticle(program)
    const share = page.shareAppMessage() as AppMessage
    expect(share.imageUrl).toBe(DEFAULT_CARD)
    expect(share.promise).toBeDefined()
    const started = Date.now()
    const settled = await share.promise!
    expect(settled.imageUrl).toBe(DEFAULT_CARD)
    expect(settled.title).toBe(article.title)
    // WeChat waits at most 3 s for the promise.
    expect(Date.now() - started).toBeLessThan(3000)
    shutDown()
  }
})

test('朋友圈 sends the title, a query that opens the article, and a 1:1 picture', async () => {
  const canvas = fakeCanvasApis()
  program = launch({ wx: canvas.api })
  const page = await openArticle(program)
  await program.waitFor(() => canvas.exported.length >= 2)
  const moments = page.shareTimeline() as { title: string; query: string; imageUrl?: string }
  expect(moments.title).toBe(article.title)
  expect(moments.query).toBe(`id=${encodeURIComponent(article.id)}&from=timeline`)
  expect(moments.imageUrl).toMatch(/^wxfile:\/\/tmp\/canvas-500x500-/)

  const opened = await program.open(`/${DETAIL}?${moments.query}`)
  await opened.waitFor((p) => p.texts().includes(article.title))
})

test("opened from Moments (single-page mode) the article renders fully and says how to open the app", async () => {
  const moments = { path: DETAIL, scene: 1154, query: {}, referrerInfo: {} }
  program = launch({ wx: { getEnterOptionsSync: () => moments, getLaunchOptionsSync: () => moments } })
  const page = await openArticle(program, `id=${encodeURIComponent(article.id)}&from=timeline`)
  const texts = page.texts()
  expect(texts).toContain(disclaimers.medical)
  expect(texts.join('\n')).toContain('点击下方「前往小程序」')
  // Buttons and navigation do not work in single-page mode, so none are offered.
  expect(texts).not.toContain('转发给家人')
  expect(texts).not.toContain('打开首页看更多健康资讯')
})

test('the poster is saved to the album; when album access was refused before, the page explains and opens settings', async () => {
  const canvas = fakeCanvasApis()
  const album = fakeAlbum(false, true)
  program = launch({ wx: { ...canvas.api, ...album.api } })
  const page = await openArticle(program)
  await page.tap('生成分享图')
  await page.waitFor(() => canvas.canvases.some((c) => c.width === 1500 && c.height > 2000))
  const poster = canvas.canvases.find((c) => c.width === 1500)!
  expect(poster.texts.join('')).toContain(disclaimers.medical.slice(0, 10))
  expect(poster.texts).toContain('扫码阅读全文')

  await page.tap(/^保存到相册$/)
  await page.waitFor((p) => p.texts().join('').includes('您之前没有允许'))
  expect(album.state.saved).toEqual([])

  await page.tap(/^去设置$/)
  await program.waitFor(() => album.state.saved.length === 1)
  expect(album.state.openedSettings).toBe(1)
  expect(album.state.saved[0]).toMatch(/^wxfile:\/\/tmp\/canvas-1500x/)
  expect(program.wx.toasts).toContain('已保存到相册')
})

test('home shares what is on screen: a filtered list reopens with the same filter', async () => {
  program = launch()
  const home = await program.open(`/${HOME}`)
  await home.waitFor((p) => p.texts().includes(articles[0].title))
  const plain = home.shareAppMessage() as AppMessage
  expect(plain.path).toBe(`/${HOME}`)
  expect(plain.title).toContain('健康资讯')

  const province = articles.find((a) => a.region)!.region!.province
  await home.tap(new RegExp(`^${province}$`))
  const filtered = home.shareAppMessage() as AppMessage
  expect(new URLSearchParams(filtered.path.split('?')[1]).get('province')).toBe(province)
  expect(filtered.title).toContain(province)
  const timeline = home.shareTimeline() as { query: string }
  expect(new URLSearchParams(timeline.query).get('province')).toBe(province)
})

test('search shares the search: the recipient sees the same results', async () => {
  program = launch()
  const search = await program.open(`/${SEARCH}?q=${encodeURIComponent('医保')}`)
  await search.waitFor((p) => /找到 \d+ 篇/.test(p.text()))
  const searched = search.shareAppMessage() as AppMessage
  expect(searched.path).toBe(`/${SEARCH}?q=${encodeURIComponent('医保')}`)
  expect(searched.title).toContain('医保')
})

// The H5 build as a website (issue 11), against `npm run serve` (scripts/site/serve.mjs) on the real
// build: each article's own address reads without any script, with its link-preview tags and
// its share card; scripts come compressed; the site opens offline after one visit; old hash
// links land; unknown addresses answer 404 with the 没有找到 page.
import http from 'node:http'
import type { Article, ArticleDataset } from '../../src/core/article'
import { detailRoute, publicPath } from '../../src/core/routes'
import datasetJson from '../../src/data/articles.json'
import { openPhonePage, startApp, describeProblems, useServedSite } from './support/h5'

jest.setTimeout(120_000)

const { articles, disclaimers } = datasetJson as unknown as ArticleDataset
const full = articles.find((a) => a.fullText && a.related.length > 0) as Article
const excerptOnly = articles.find((a) => !a.fullText) as Article

const site = useServedSite()

function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk) => chunks.push(chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }))
      })
      .on('error', reject)
  })
}

const articleUrl = (a: Article) => `${site.server.url}${publicPath(detailRoute(a.id))}`
const meta = (html: string, property: string) => new RegExp(`<meta property="${property}" content="([^"]*)"`).exec(html)?.[1]

test('an article\'s own address holds the article, its disclaimers and preview tags before any script', async () => {
  for (const article of [full, excerptOnly]) {
    const res = await get(articleUrl(article))
    expect(res.status).toBe(200)
    const html = res.body.toString('utf8')
    expect(html).toContain(`<title>${article.title} - 健康资讯</title>`)
    expect(html).toMatch(/<meta name="description" content="[^"]+">/)
    expect(html).toContain(`<link rel="canonical" href="http://127.0.0.1:8080/article/${article.id}/">`)
    expect(meta(html, 'og:title')).toBe(article.title)
    expect(meta(html, 'og:url')).toBe(`http://127.0.0.1:8080/article/${article.id}/`)
    expect(meta(html, 'og:image')).toBe(`http://127.0.0.1:8080/share/${article.id}.png`)
    expect(meta(html, 'og:description')).toBeTruthy()
  }

  // With JavaScript off, what a crawler or a preview bot gets.
  const context = await site.browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } })
  try {
    const page = await context.newPage()
    for (const article of [full, excerptOnly]) {
      await page.goto(articleUrl(article))
      const text = await page.locator('body').innerText()
      expect(text).toContain(article.title)
      expect(text).toContain(article.date)
      expect(text).toContain(`来源：${article.source}`)
      const firstParagraph = (article.body?.find((b) => b.type === 'paragraph')?.text ?? article.summary).trim().slice(0, 30)
      expect(text.replace(/\s+/g, ' ')).toContain(firstParagraph.replace(/\s+/g, ' '))
      if (!article.fullText) expect(text).toContain('仅有摘要')
      expect(text).toContain(disclaimers.medical.slice(0, 20))
      expect(text).toContain(disclaimers.sourceNotice.slice(0, 20))
      // Related articles are real links to their own addresses.
      for (const id of article.related) expect(await page.locator(`a[href="/article/${id}/"]`).count()).toBeGreaterThan(0)
    }
    // The share card named by og:image is this build's 5:4 PNG.
    const card = await get(`${site.server.url}share/${full.id}.png`)
    expect(card.status).toBe(200)
    expect(card.headers['content-type']).toBe('image/png')
    expect(card.body.readUInt32BE(16) * 4).toBe(card.body.readUInt32BE(20) * 5)
    // Home, search and 我的 carry their first screen too.
    await page.goto(site.server.url)
    expect(await page.locator('a.article-card').count()).toBeGreaterThanOrEqual(6)
    expect(await page.locator('.home__mine a[href="/mine/"]').count()).toBe(1)
    await page.goto(`${site.server.url}search/`)
    expect(await page.locator('body').innerText()).toContain('大家都在搜')
    // 我的 has its own address and prerendered first screen as well.
    await page.goto(`${site.server.url}mine/`)
    expect(await page.locator('body').innerText()).toContain('最近浏览')
  } finally {
    await context.close()
  }
})

test('sitemap.xml and robots.txt list every article at its address', async () => {
  const sitemap = (await get(`${site.server.url}sitemap.xml`)).body.toString('utf8')
  for (const article of articles) expect(sitemap).toContain(`<loc>http://127.0.0.1:8080/article/${article.id}/</loc>`)
  const robots = (await get(`${site.server.url}robots.txt`)).body.toString('utf8')
  expect(robots).toContain('Sitemap: http://127.0.0.1:8080/sitemap.xml')
})

test('scripts come compressed when the browser asks, hashed files cache for good and HTML revalidates', async () => {
  const html = (await get(site.server.url)).body.toString('utf8')
  const script = /"\/(js\/app\.[0-9a-f]{8}\.js)"/.exec(html)?.[1] as string
  expect(script).toBeDefined()
  const plain = await get(`${site.server.url}${script}`)
  const br = await get(`${site.server.url}${script}`, { 'Accept-Encoding': 'gzip, deflate, br' })
  const gz = await get(`${site.server.url}${script}`, { 'Accept-Encoding': 'gzip' })
  expect(plain.headers['content-encoding']).toBeUndefined()
  expect(br.headers['content-encoding']).toBe('br')
  expect(gz.headers['content-encoding']).toBe('gzip')
  expect(br.body.length).toBeLessThan(plain.body.length / 2)
  expect(br.headers.vary).toBe('Accept-Encoding')
  expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable')
  expect((await get(articleUrl(full), { 'Accept-Encoding': 'br' })).headers['cache-control']).toBe('no-cache')
  // The app's scripts name no data: the edition's manifest does, and it is never cached long.
  expect(plain.body.toString('utf8')).not.toMatch(/data\/[0-9a-f]{12}\//)
  const manifest = await get(`${site.server.url}/data/edition.json`)
  expect(manifest.headers['cache-control']).toBe('no-cache')
  // The data files sit in the edition's folder, named by its hash: compressed, kept for good.
  const dataFolder = `/data/${(JSON.parse(manifest.body.toString('utf8')) as { version: string }).version}/`
  expect(dataFolder).toMatch(/^\/data\/[0-9a-f]{12}\/$/)
  const shard = await get(`${site.server.url}${dataFolder}articles-000.json`, { 'Accept-Encoding': 'br' })
  expect(shard.headers['content-encoding']).toBe('br')
  expect(shard.headers['cache-control']).toBe('public, max-age=31536000, immutable')
  expect((await get(`${site.server.url}${dataFolder}articles-000.json`)).body.toString('utf8')).toMatch(/^\[\{"id":/)

  // And in a real browser: the page's scripts arrive brotli-encoded.
  const { context, page } = await openPhonePage(site.browser)
  try {
    const encodings: string[] = []
    page.on('response', (response) => {
      if (response.url().endsWith('.js')) encodings.push(response.headers()['content-encoding'] ?? 'none')
    })
    await page.goto(site.server.url)
    await startApp(page)
    await page.locator('#app .home__count').first().waitFor()
    expect(encodings.length).toBeGreaterThan(0)
    expect(new Set(encodings)).toEqual(new Set(['br']))
  } finally {
    await context.close()
  }
})

test('after one visit, home and an article read still show with the network off; one never read says 加载失败', async () => {
  const { context, page, problems } = await openPhonePage(site.browser)
  try {
    await page.goto(site.server.url)
    // The inline loader registers the worker after load, before the reader does anything.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined))
    await page.goto(articleUrl(full))
    await startApp(page)
    await page.locator('#app .detail-article__title').first().waitFor()
    // The worker controls the page once it has claimed it.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null)

    await context.setOffline(true)
    await page.goto(site.server.url)
    await startApp(page)
    await page.locator('#app .home__count').first().waitFor()
    await page.goto(articleUrl(full))
    await page.getByText(full.title).first().waitFor()
    await startApp(page)
    await page.locator('#app .detail-article__title', { hasText: full.title }).waitFor()
    // An article never read: the worker installs no data (only what every page needs), so the
    // shell starts and says the article could not load, with 重试 for when the network is back.
    await page.goto(articleUrl(excerptOnly))
    await startApp(page)
    await page.locator('#app .taro_page', { hasText: '加载失败' }).waitFor()
    await page.getByText('重试').first().waitFor()
    await context.setOffline(false)
    // Going offline makes the browser log failed fetches; only real app errors count.
    problems.consoleErrors = problems.consoleErrors.filter((e) => !/net::ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(e))
    expect(describeProblems(problems)).toEqual([])
  } finally {
    await context.close()
  }
})

test('old hash links land on the same content at the new addresses', async () => {
  const { context, page, problems } = await openPhonePage(site.browser)
  try {
    await page.goto(`${site.server.url}#/pages/detail/index?id=${full.id}&from=share`)
    await page.waitForURL(`${site.server.url}article/${full.id}/?from=share`)
    await startApp(page)
    await page.locator('#app .detail-article__title', { hasText: full.title }).waitFor()

    await page.goto(`${site.server.url}#/pages/search/index?q=${encodeURIComponent('医保')}`)
    await page.waitForURL(/\/search\/\?q=/)
    await startApp(page)
    await page.getByText(/找到 \d+ 篇相关文章/).waitFor()

    const province = articles.find((a) => a.region)?.region?.province as string
    await page.goto(`${site.server.url}#/pages/index/index?province=${encodeURIComponent(province)}`)
    await page.waitForURL(/\/\?province=/)
    await startApp(page)
    await page.locator('#app .filter-tabs__tab--active', { hasText: province }).first().waitFor()
    expect(describeProblems(problems)).toEqual([])
  } finally {
    await context.close()
  }
})

test('unknown addresses answer 404 and show 没有找到 with a way home; broken links throw nothing', async () => {
  const res = await get(`${site.server.url}no/such/page`)
  expect(res.status).toBe(404)
  expect(res.body.toString('utf8')).toContain('没有找到这个页面')

  const { context, page, problems } = await openPhonePage(site.browser)
  try {
    const response = await page.goto(`${site.server.url}no/such/page`)
    expect(response?.status()).toBe(404)
    await startApp(page)
    await page.locator('#app .taro_page', { hasText: '没有找到这个页面' }).waitFor()
    await page.getByText('返回首页').first().click()
    await page.waitForURL(site.server.url)
    await page.locator('#app .home__count').first().waitFor()

    for (const address of [`${site.server.url}#/pages/nope/index`, `${site.server.url}#%%%%`, `${site.server.url}%E0%A4%A/`]) {
      await page.goto(address)
      await startApp(page)
      await page.locator('#app .hn-page').first().waitFor()
    }
    await page.locator('#app .taro_page', { hasText: '没有找到这个页面' }).waitFor()
    // 404 answers are logged by the browser as failed loads; page errors are what must not happen.
    problems.consoleErrors = problems.consoleErrors.filter((e) => !/status of 404/.test(e))
    expect(describeProblems(problems)).toEqual([])
  } finally {
    await context.close()
  }
})

describe('a prerendered page starts the app on the reader\'s intent (scripts/site/pageBoot.ts)', () => {
  // The app's scripts; not the page boot file (js/boot.<hash>.js), which every page runs at once.
  const appScript = (url: string) => /\/js\/[^/]+\.js$/.test(new URL(url).pathname) && !/\/js\/boot\.[0-9a-f]{8}\.js$/.test(new URL(url).pathname)
  const shownStep = (page: import('playwright-core').Page) => page.locator('#app .hn-page').first().getAttribute('data-text-step')

  test('nothing of the app runs at load; the service worker precaches its scripts; the tap on A+ that starts it happens once', async () => {
    const { context, page, problems } = await openPhonePage(site.browser)
    try {
      await page.goto(articleUrl(full), { waitUntil: 'load' })
      await page.evaluate(() => navigator.serviceWorker.ready)
      // The worker holds the app's scripts for the reader's intent, so the page fetches nothing
      // ahead itself (no prefetch: the same bytes twice on a slow line), and nothing has run.
      const precached = await page.evaluate(async () => {
        for (const name of await caches.keys()) {
          const requests = await (await caches.open(name)).keys()
          if (requests.some((r) => /\/js\/app\.[^/]+\.js$/.test(new URL(r.url).pathname))) return true
        }
        return false
      })
      expect(precached).toBe(true)
      expect(await page.locator('link[rel="prefetch"]').count()).toBe(0)
      expect(await page.locator('#hn-prerendered').count()).toBe(1)
      expect(await page.locator('#app .hn-page').count()).toBe(0)

      // The reader's tap on A+ starts the app and, once it has taken over, makes the text larger: once.
      await page.locator('#hn-prerendered .text-size__button').nth(1).click()
      await page.waitForFunction(() => !document.getElementById('hn-prerendered'), null, { timeout: 20_000 })
      await page.locator('#app .hn-page[data-text-step="1"]').waitFor()
      await page.waitForTimeout(500)
      expect(await shownStep(page)).toBe('1')
      expect(await page.locator('#app .text-size__step').first().innerText()).toBe('大')
      expect(describeProblems(problems)).toEqual([])
    } finally {
      await context.close()
    }
  })

  test('in WeChat\'s browser (no service worker) the scripts are prefetched at low priority after load, and none runs', async () => {
    const weChatBrowser = 'Mozilla/5.0 (Linux; Android 12; PHONE) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36 MicroMessenger/8.0.50.2701(0x28003252) NetType/WIFI Language/zh_CN'
    const { context, page, problems } = await openPhonePage(site.browser, { userAgent: weChatBrowser })
    try {
      const fetched: string[] = []
      page.on('request', (request) => appScript(request.url()) && fetched.push(`${request.resourceType()} ${new URL(request.url()).pathname}`))
      await page.goto(articleUrl(full), { waitUntil: 'load' })
      await page.waitForTimeout(1500)
      expect(await page.locator('link[rel="prefetch"]').count()).toBeGreaterThan(0)
      expect(fetched.length).toBeGreaterThan(0)
      expect(fetched.filter((f) => !f.startsWith('other '))).toEqual([])
      expect(await page.locator('#hn-prerendered').count()).toBe(1)
      expect(await page.locator('#app .hn-page').count()).toBe(0)
      expect(describeProblems(problems)).toEqual([])
    } finally {
      await context.close()
    }
  })

  test('keyboard focus on a control of the copy moves to the same control of the app', async () => {
    const { context, page, problems } = await openPhonePage(site.browser)
    try {
      await page.goto(articleUrl(full), { waitUntil: 'load' })
      await page.locator('#hn-prerendered .text-size__button').nth(1).focus()
      await page.waitForFunction(() => !document.getElementById('hn-prerendered'), null, { timeout: 20_000 })
      await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === '放大字号' && !!document.activeElement.closest('#app'))
      // Enter on it now is the app's own.
      await page.keyboard.press('Enter')
      await page.locator('#app .hn-page[data-text-step="1"]').waitFor()
      expect(describeProblems(problems)).toEqual([])
    } finally {
      await context.close()
    }
  })

  test('the saved text step applies before any script: 超大 body text ≥ 30 px, and nothing moves at takeover', async () => {
    const { context, page, problems } = await openPhonePage(site.browser)
    try {
      // The reader chooses 超大 in the app (saved as the app saves it).
      await page.goto(articleUrl(full))
      await startApp(page)
      for (let i = 0; i < 3; i++) await page.locator('#app [aria-label="放大字号"]').first().click()
      await page.locator('#app .hn-page[data-text-step="3"]').waitFor()

      // Next visit, with the app's scripts held back: the prerendered page is at 超大 already.
      let release: () => void = () => undefined
      const held = new Promise<void>((resolve) => (release = resolve))
      await context.route('**/js/**', async (route) => {
        await held
        await route.continue()
      })
      await page.goto(articleUrl(full), { waitUntil: 'domcontentloaded' })
      const copyBody = page.locator('#hn-prerendered .article-body').first()
      await copyBody.waitFor()
      const before = await copyBody.evaluate((el) => ({ px: parseFloat(getComputedStyle(el).fontSize), top: Math.round(el.getBoundingClientRect().top) }))
      expect(before.px).toBeGreaterThanOrEqual(30)
      expect(await page.locator('#hn-prerendered .hn-page').first().getAttribute('data-text-step')).toBe('3')
      expect(await page.locator('#hn-prerendered .text-size__step').first().innerText()).toBe('超大')

      release()
      await startApp(page)
      const after = await page
        .locator('#app .article-body')
        .first()
        .evaluate((el) => ({ px: parseFloat(getComputedStyle(el).fontSize), top: Math.round(el.getBoundingClientRect().top) }))
      expect(after).toEqual(before)
      expect(describeProblems(problems)).toEqual([])
    } finally {
      await context.close()
    }
  })

  test('a 大字分享 link (size=3) shows the prerendered article at 超大 before any script', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: true, viewport: { width: 390, height: 844 } })
    try {
      await context.route('**/js/**', (route) => route.abort())
      const page = await context.newPage()
      await page.goto(`${articleUrl(full)}?from=share&size=3`)
      const px = await page.locator('#hn-prerendered .article-body').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
      expect(px).toBeGreaterThanOrEqual(30)
    } finally {
      await context.close()
    }
  })

  test('taking over an article does not fetch its shard: the page holds the record', async () => {
    const { context, page, problems } = await openPhonePage(site.browser)
    try {
      const requested: string[] = []
      page.on('request', (request) => requested.push(new URL(request.url()).pathname))
      await page.goto(articleUrl(full))
      await startApp(page)
      await page.locator('#app .detail-article__title', { hasText: full.title }).waitFor()
      await page.waitForTimeout(500)
      expect(requested.some((p) => /\/js\/app\.[0-9a-f]{8}\.js$/.test(p))).toBe(true)
      expect(requested.filter((p) => /\/data\/[0-9a-f]+\/articles-/.test(p))).toEqual([])
      expect(describeProblems(problems)).toEqual([])
    } finally {
      await context.close()
    }
  })

  test('a broken embedded record is reported and the shard is used instead', async () => {
    const { context, page, problems } = await openPhonePage(site.browser)
    try {
      const warnings: string[] = []
      page.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()))
      await page.route(articleUrl(full), async (route) => {
        const response = await route.fetch()
        const body = (await response.text()).replace(/(<script type="application\/json" id="hn-article"[^>]*>)\{"id"/, '$1{"id":1,"x"')
        await route.fulfill({ response, body, headers: { ...response.headers(), 'content-encoding': '' } })
      })
      await page.goto(articleUrl(full))
      await startApp(page)
      await page.locator('#app .detail-article__title', { hasText: full.title }).waitFor()
      expect(warnings.join('\n')).toMatch(/embedded article .* not a valid article; loading its shard/)
      expect(describeProblems(problems)).toEqual([])
    } finally {
      await context.close()
    }
  })

  test('reading on (a scroll) starts the app, which records the article in 最近浏览', async () => {
    const { context, page, problems } = await openPhonePage(site.browser)
    try {
      await page.goto(articleUrl(full), { waitUntil: 'load' })
      await page.mouse.move(200, 500)
      await page.mouse.wheel(0, 400)
      await page.waitForFunction(() => !document.getElementById('hn-prerendered'), null, { timeout: 20_000 })
      await page.waitForFunction(
        (id) => {
          const raw = localStorage.getItem('health-news/app-state/history')
          return !!raw && raw.includes(id)
        },
        full.id,
        { timeout: 10_000 },
      )
      expect(describeProblems(problems)).toEqual([])
    } finally {
      await context.close()
    }
  })

  test('the search page starts at once; text typed before the takeover is kept', async () => {
    const { context, page, problems } = await openPhonePage(site.browser)
    try {
      let release: () => void = () => undefined
      const held = new Promise<void>((resolve) => (release = resolve))
      await context.route('**/js/**', async (route) => {
        await held
        await route.continue()
      })
      await page.goto(`${site.server.url}search/`, { waitUntil: 'domcontentloaded' })
      await page.locator('#hn-prerendered input').first().fill('医保')
      release()
      await page.waitForFunction(() => !document.getElementById('hn-prerendered'), null, { timeout: 20_000 })
      expect(await page.locator('#app input').first().inputValue()).toBe('医保')
      await page.getByText(/找到 \d+ 篇相关文章/).waitFor()
      expect(describeProblems(problems)).toEqual([])
    } finally {
      await context.close()
    }
  })

  test('the canonical link and og:url follow in-app navigation', async () => {
    const { context, page, problems } = await openPhonePage(site.browser)
    try {
      const head = () =>
        page.evaluate(() => ({
          canonical: document.querySelector('link[rel="canonical"]')?.getAttribute('href'),
          ogUrl: document.querySelector('meta[property="og:url"]')?.getAttribute('content'),
        }))
      await page.goto(site.server.url)
      await startApp(page)
      await page.locator(`#app [data-article-id="${full.id}"]`).first().click()
      await page.locator('#app .detail-article__title', { hasText: full.title }).waitFor()
      const address = `http://127.0.0.1:8080/article/${full.id}/`
      await page.waitForFunction((a) => document.querySelector('link[rel="canonical"]')?.getAttribute('href') === a, address)
      expect(await head()).toEqual({ canonical: address, ogUrl: address })
      await page.goBack()
      await page.locator('#app .home__count').first().waitFor()
      await page.waitForFunction(() => document.querySelector('link[rel="canonical"]')?.getAttribute('href') === 'http://127.0.0.1:8080/')
      expect(describeProblems(problems)).toEqual([])
    } finally {
      await context.close()
    }
  })

  test('我的 is kept out of search engines and the sitemap', async () => {
    const html = (await get(`${site.server.url}mine/`)).body.toString('utf8')
    expect(html).toContain('<meta name="robots" content="noindex">')
    const sitemap = (await get(`${site.server.url}sitemap.xml`)).body.toString('utf8')
    expect(sitemap).not.toContain('/mine/')
  })
})

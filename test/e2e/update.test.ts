// A new build of the H5 site never strands a reader (scripts/site/serviceWorker.ts and
// serviceWorkerUpdate.ts): home and two articles are read under one build, the site is replaced
// by a second, different build at the same address, the reader comes back once online, and then,
// offline, every page read before still opens and the app starts on it and answers a tap. Also:
// the worker's install downloads only what every page needs (shell, scripts, styles), and the
// data is cached as it is read.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Page } from 'playwright-core'
import type { ArticleDataset } from '../../src/core/article'
import { detailRoute, publicPath } from '../../src/core/routes'
import datasetJson from '../../src/data/articles.json'
import { dropCompressedCopies, writeEdition } from '../../scripts/pipeline/edition'
import type { Catalog } from '../../src/core/catalog'
import { H5_EDITION_GLOBAL } from '../../src/data/h5Edition'
import { describeProblems, h5Dir, launchChromium, openPhonePage, startApp, startH5Server, useServedSite } from './support/h5'
import { nextH5Build } from './support/nextBuild'

jest.setTimeout(20 * 60_000)

const { articles } = datasetJson as unknown as ArticleDataset
const [first, second] = articles.filter((a) => a.fullText)
const PRECACHE_BUDGET_BYTES = 1.5 * 1024 * 1024

/** The page caches the worker holds, by name, with the paths each holds. */
function pageCaches(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(async () => {
    const found: Record<string, string[]> = {}
    for (const name of await caches.keys()) {
      if (!/-pages-/.test(name)) continue
      found[name] = (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname)
    }
    return found
  })
}

/** The app script a build's shell names (its name carries the build's content hash). */
function appScriptOf(dir: string): string {
  const match = /\/js\/app\.[0-9a-f]{8}\.js/.exec(fs.readFileSync(path.join(dir, 'app.html'), 'utf8'))
  if (!match) throw new Error(`no app script named in ${dir}/app.html`)
  return match[0]
}

/** Replaces what the server serves with `from`, in place (same address, same port). */
function swapSite(site: string, from: string): void {
  for (const entry of fs.readdirSync(site)) fs.rmSync(path.join(site, entry), { recursive: true, force: true })
  fs.cpSync(from, site, { recursive: true })
}

const offlineNoise = (e: string) => !/net::ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(e)

describe('across an update', () => {
  let next: Awaited<ReturnType<typeof nextH5Build>>
  let site: string
  let server: Awaited<ReturnType<typeof startH5Server>>
  let browser: Awaited<ReturnType<typeof launchChromium>>

  beforeAll(async () => {
    next = await nextH5Build()
    site = fs.mkdtempSync(path.join(os.tmpdir(), 'health-news-site-'))
    fs.cpSync(h5Dir(), site, { recursive: true })
    server = await startH5Server(site)
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
    if (site) fs.rmSync(site, { recursive: true, force: true })
    next?.remove()
  })

  test('pages read before a new build still open offline afterwards, and the app starts on them and answers', async () => {
    const oldScript = appScriptOf(h5Dir())
    const newScript = appScriptOf(next.dir)
    expect(newScript).not.toBe(oldScript)
    const addresses = ['', publicPath(detailRoute(first.id)), publicPath(detailRoute(second.id))].map((p) => `${server.url}${p}`)
    const { context, page, problems } = await openPhonePage(browser)
    try {
      // Under the first build: the worker installs on the first visit, then each page read is cached.
      await page.goto(addresses[0])
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined))
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null)
      for (const address of addresses) {
        await page.goto(address)
        await startApp(page)
      }
      const before = await pageCaches(page)
      expect(Object.keys(before)).toHaveLength(1)
      const [oldCache] = Object.keys(before)
      expect(before[oldCache].sort()).toEqual(addresses.map((a) => new URL(a).pathname).sort())

      // The second build replaces the first at the same address; the reader comes back once, online.
      swapSite(site, next.dir)
      await page.reload()
      // The new worker has taken over once the older page cache is gone and the new one holds the pages.
      const deadline = Date.now() + 60_000
      let after = await pageCaches(page)
      while (Object.keys(after).length !== 1 || after[oldCache] || Object.values(after)[0].length < addresses.length) {
        if (Date.now() > deadline) throw new Error(`the new worker did not take over: ${JSON.stringify(after)}`)
        await page.waitForTimeout(250)
        after = await pageCaches(page)
      }
      expect(Object.values(after)[0].sort()).toEqual(before[oldCache].sort())

      // Offline: every page read before opens as the new build's copy, the app starts and answers.
      await context.setOffline(true)
      for (const address of addresses) {
        await page.goto(address)
        const html = await page.content()
        expect(html).toContain(newScript)
        expect(html).not.toContain(oldScript)
        await startApp(page)
        if (address === addresses[0]) {
          await page.locator('#app .home__count').first().waitFor()
          // A tap the app answers: 我的 opens, drawn by the app (no network).
          await page.locator('#app .home__mine').first().click()
          await page.waitForURL(/\/mine\/$/)
        } else {
          const article = address.includes(first.id) ? first : second
          await page.locator('#app .detail-article__title', { hasText: article.title }).waitFor()
          // A+ makes the text larger: the app, not the copy, answers.
          const step = await page.locator('#app .hn-page').first().getAttribute('data-text-step')
          await page.locator('#app .text-size__button').nth(1).click()
          await page.locator(`#app .hn-page[data-text-step="${Number(step) + 1}"]`).first().waitFor()
        }
      }
      await context.setOffline(false)
      problems.consoleErrors = problems.consoleErrors.filter(offlineNoise)
      expect(describeProblems(problems)).toEqual([])
    } finally {
      await context.close()
    }
  })
})

describe('a new edition of the library alone (the same scripts and pages)', () => {
  let site: string
  let nextSite: string
  let server: Awaited<ReturnType<typeof startH5Server>>
  let browser: Awaited<ReturnType<typeof launchChromium>>
  const made: string[] = []
  const temp = (name: string) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), name))
    made.push(dir)
    return dir
  }

  beforeAll(async () => {
    site = temp('health-news-site-')
    fs.cpSync(h5Dir(), site, { recursive: true })
    // What publishing another edition writes when no page changed: data/ (a new version folder,
    // data/catalog.js, edition.json). The worker is kept as the reader's browser still runs it:
    // the older worker is in charge when the first page after the deploy loads.
    nextSite = temp('health-news-next-edition-')
    fs.cpSync(h5Dir(), nextSite, { recursive: true })
    const data = temp('health-news-next-data-')
    fs.cpSync(path.join(__dirname, '..', '..', 'src', 'data'), data, { recursive: true })
    const catalog = JSON.parse(fs.readFileSync(path.join(data, 'catalog.json'), 'utf8')) as Catalog
    fs.writeFileSync(path.join(data, 'catalog.json'), JSON.stringify({ ...catalog, head: catalog.head.slice(1) }))
    writeEdition(nextSite, { basePath: '', dataDir: data })
    dropCompressedCopies(nextSite)
    server = await startH5Server(site)
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
    for (const dir of made) fs.rmSync(dir, { recursive: true, force: true })
  })

  test('reaches a reader under the older worker on the next page load, and offline the worker keeps its own edition', async () => {
    const editionOf = (page: Page) => page.evaluate((name) => (window as unknown as Record<string, { version: string }>)[name].version, H5_EDITION_GLOBAL)
    const manifestOf = (dir: string) => (JSON.parse(fs.readFileSync(path.join(dir, 'data', 'edition.json'), 'utf8')) as { version: string }).version
    const [older, newer] = [manifestOf(site), manifestOf(nextSite)]
    expect(newer).not.toBe(older)
    // The pages did not change: only data/ did.
    expect(fs.readFileSync(path.join(nextSite, 'index.html'), 'utf8')).toBe(fs.readFileSync(path.join(site, 'index.html'), 'utf8'))
    const { context, page, problems } = await openPhonePage(browser)
    try {
      await page.goto(server.url)
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined))
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null)
      await page.goto(server.url)
      await startApp(page)
      expect(await editionOf(page)).toBe(older)

      swapSite(site, nextSite)
      await page.goto(server.url)
      await startApp(page)
      expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true)
      expect(await editionOf(page)).toBe(newer)

      // Offline, the worker answers with what it holds: its own edition, never a mix.
      await context.setOffline(true)
      await page.goto(server.url)
      await startApp(page)
      expect(await editionOf(page)).toBe(older)
      await context.setOffline(false)
      problems.consoleErrors = problems.consoleErrors.filter(offlineNoise)
      expect(describeProblems(problems)).toEqual([])
    } finally {
      await context.close()
    }
  })
})

describe('what the worker installs', () => {
  const site = useServedSite()

  test('only the shell, scripts and styles, within budget; data shards and pages are cached as read', async () => {
    const { context, page, problems } = await openPhonePage(site.browser)
    try {
      await page.goto(site.server.url)
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined))
      const precache = await page.evaluate(async () => {
        const name = (await caches.keys()).find((n) => /precache/.test(n)) as string
        const cache = await caches.open(name)
        let bytes = 0
        const paths: string[] = []
        for (const request of await cache.keys()) {
          paths.push(new URL(request.url).pathname)
          bytes += (await (await cache.match(request))!.arrayBuffer()).byteLength
        }
        return { paths, bytes }
      })
      console.log(`service worker install: ${precache.paths.length} files, ${precache.bytes} bytes (budget ${PRECACHE_BUDGET_BYTES})`)
      expect(precache.bytes).toBeLessThanOrEqual(PRECACHE_BUDGET_BYTES)
      expect(precache.paths.some((p) => /\/js\/app\.[0-9a-f]{8}\.js$/.test(p))).toBe(true)
      expect(precache.paths.some((p) => /\/app\.html$/.test(p))).toBe(true)
      // Of the edition, only its catalog script (what every page runs first), never a data file.
      expect(precache.paths.filter((p) => /\/data\/[0-9a-f]{12}\/catalog\.js$/.test(p))).toHaveLength(1)
      expect(precache.paths.filter((p) => /\/data\/.*\.json$|search-index|\/article\//.test(p))).toEqual([])

      // Reading an article that is not embedded in the page (opened from home's list) caches its shard.
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null)
      await page.goto(site.server.url)
      await startApp(page)
      await page.locator('#app .article-card').first().click()
      await page.locator('#app .detail-article__title').first().waitFor()
      const cachedData = await page.evaluate(async () => {
        const paths: string[] = []
        for (const name of await caches.keys()) {
          if (!/-data-/.test(name)) continue
          for (const r of await (await caches.open(name)).keys()) paths.push(new URL(r.url).pathname)
        }
        return paths
      })
      expect(cachedData.some((p) => /\/data\/[0-9a-f]+\/articles-\d+\.json$/.test(p))).toBe(true)
      expect(describeProblems(problems)).toEqual([])
    } finally {
      await context.close()
    }
  })
})

describe('every held link gives a page', () => {
  const site = useServedSite()

  test.each([
    ['a 30,000-character id in an old hash link', (url: string) => `${url}#/pages/detail/index?id=${'a'.repeat(30_000)}`, false],
    ['a well-formed id of no article, in an old hash link', (url: string) => `${url}#/pages/detail/index?id=zzzzzzzzzz`, true],
    ['a well-formed id of no article, at its address', (url: string) => `${url}article/zzzzzzzzzz/`, true],
    ['a cut-off id at its address', (url: string) => `${url}article/abc/`, false],
  ])('%s shows 没有找到', async (_what, address, couldBeArticle) => {
    const { context, page, problems } = await openPhonePage(site.browser)
    try {
      const requests: string[] = []
      page.on('request', (r) => requests.push(new URL(r.url()).pathname))
      await page.goto(address(site.server.url))
      await page.getByText(/没有找到/).first().waitFor()
      await startApp(page)
      await page.locator('#app .taro_page', { hasText: '没有找到' }).first().waitFor()
      // No request ever carried the long id.
      expect(requests.filter((p) => p.length > 2000)).toEqual([])
      // An id that cannot be an article is answered without looking for it in the data.
      if (!couldBeArticle) expect(requests.filter((p) => /\/data\/.*\.json$/.test(p))).toEqual([])
      problems.consoleErrors = problems.consoleErrors.filter((e) => !/status of 404/.test(e))
      expect(describeProblems(problems)).toEqual([])
    } finally {
      await context.close()
    }
  })
})

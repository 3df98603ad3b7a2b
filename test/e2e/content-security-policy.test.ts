// The H5 site under its Content-Security-Policy, on the real build: every HTML file the
// prerender writes carries the one policy site.json names, and that policy allows each inline
// script the files hold; in Chromium an injected inline script is refused and reported (which is
// what makes every journey of test/e2e/support/h5.ts fail on a violation); an article whose
// title is markup shows it as text, in the tab and in Taro's navigation bar, and runs nothing.
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { parse, type DefaultTreeAdapterMap } from 'parse5'
import type { Article, ArticleDataset } from '../../src/core/article'
import { articlePageTitle } from '../../src/core/pageMeta'
import { detailRoute, publicPath } from '../../src/core/routes'
import datasetJson from '../../src/data/articles.json'
import { scriptJson } from '../../scripts/site/pageHtml'
import { h5Dir, openPhonePage, startApp, describeProblems, useServedSite } from './support/h5'

jest.setTimeout(120_000)

type Node = DefaultTreeAdapterMap['node']
type Element = DefaultTreeAdapterMap['element']

const { articles } = datasetJson as unknown as ArticleDataset
const article = articles.find((a) => a.fullText) as Article
const TITLE_PAYLOAD = '"><img src=x onerror="window.__hnRan=1">'

function elementsOf(node: Node): Element[] {
  const children = 'childNodes' in node ? node.childNodes : []
  const own = 'tagName' in node ? [node] : []
  return [...own, ...children.flatMap(elementsOf)]
}
const attr = (e: Element, name: string) => e.attrs.find((a) => a.name === name)?.value
const textOf = (e: Element) => e.childNodes.map((c) => ('value' in c ? c.value : '')).join('')

function htmlFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name)
    if (entry.isDirectory()) return htmlFiles(file)
    return entry.name.endsWith('.html') ? [file] : []
  })
}

test('every HTML file carries the site\'s one policy, ahead of its scripts, allowing each of them', () => {
  const dist = h5Dir()
  const policy = (JSON.parse(fs.readFileSync(path.join(dist, 'site.json'), 'utf8')) as { contentSecurityPolicy: string }).contentSecurityPolicy
  expect(policy).toMatch(/^default-src 'self'; script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+;/)
  expect(policy).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/)
  const files = htmlFiles(dist).map((file) => path.relative(dist, file))
  for (const expected of ['index.html', 'app.html', '404.html', 'search/index.html', 'mine/index.html', `article/${article.id}/index.html`]) {
    expect(files).toContain(expected)
  }
  const allowed = new Set(policy.split(';').find((d) => d.trim().startsWith('script-src'))!.trim().split(/\s+/).slice(1))
  for (const file of files) {
    const elements = elementsOf(parse(fs.readFileSync(path.join(dist, file), 'utf8')))
    const metas = elements.filter((e) => e.tagName === 'meta' && attr(e, 'http-equiv')?.toLowerCase() === 'content-security-policy')
    expect({ file, policies: metas.map((m) => attr(m, 'content')) }).toEqual({ file, policies: [policy] })
    const scripts = elements.filter((e) => e.tagName === 'script')
    expect(elements.indexOf(metas[0])).toBeLessThan(elements.indexOf(scripts[0]))
    for (const script of scripts.filter((s) => !attr(s, 'type') && !attr(s, 'src'))) {
      const hash = `'sha256-${crypto.createHash('sha256').update(textOf(script)).digest('base64')}'`
      expect({ file, allowed: allowed.has(hash) }).toEqual({ file, allowed: true })
    }
  }
})

describe('in Chromium', () => {
  const site = useServedSite()

  test('the page\'s own scripts run; an injected inline script and handler are refused and reported', async () => {
    const { context, page, problems } = await openPhonePage(site.browser)
    try {
      await page.goto(`${site.server.url}${publicPath(detailRoute(article.id))}`)
      await startApp(page)
      expect(describeProblems(problems)).toEqual([])
      await page.evaluate(() => {
        const script = document.createElement('script')
        script.textContent = 'window.__hnRan = 1'
        document.head.appendChild(script)
        const img = document.createElement('img')
        img.setAttribute('onerror', 'window.__hnRan = 2')
        img.src = 'data:,'
        document.body.appendChild(img)
      })
      // Reports arrive through the binding, after the browser refused.
      for (let tries = 0; tries < 50 && problems.policyViolations.length < 2; tries++) await page.waitForTimeout(100)
      expect(await page.evaluate(() => (window as unknown as { __hnRan?: number }).__hnRan)).toBeUndefined()
      expect(problems.policyViolations.join('\n')).toMatch(/script-src-elem refused inline/)
      expect(problems.policyViolations.join('\n')).toMatch(/script-src-attr refused inline/)
    } finally {
      await context.close()
    }
  })

  test('a title that is markup is text in the tab and in Taro\'s navigation bar, and runs nothing', async () => {
    const { context, page, problems } = await openPhonePage(site.browser)
    const dialogs: string[] = []
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message())
      void dialog.dismiss()
    })
    const hostile: Article = { ...article, title: TITLE_PAYLOAD }
    const textEscaped = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    try {
      // The page as the prerender writes it for such a title: its <title> (what Taro's bar falls
      // back to) and the record the app reads. Only text changes, so the scripts' hashes hold.
      await page.route(`${site.server.url}${publicPath(detailRoute(article.id))}`, async (route) => {
        const response = await route.fetch()
        const original = await response.text()
        const html = original
          .split(`<title>${textEscaped(articlePageTitle(article))}</title>`)
          .join(`<title>${textEscaped(articlePageTitle(hostile))}</title>`)
          .split(`"title":${scriptJson(article.title)}`)
          .join(`"title":${scriptJson(hostile.title)}`)
        expect(html.length - original.length).toBeGreaterThan(2 * (TITLE_PAYLOAD.length - article.title.length))
        await route.fulfill({ response, body: html })
      })
      await page.goto(`${site.server.url}${publicPath(detailRoute(article.id))}`)
      expect(await page.title()).toBe(articlePageTitle(hostile))
      await startApp(page)
      await page.mouse.wheel(0, 400)
      await page.waitForTimeout(300)
      // The app shows the title as text and sets the same tab title the page had.
      await page.waitForFunction((title) => document.querySelector('.detail-article__title')?.textContent?.trim() === title, TITLE_PAYLOAD)
      expect(await page.title()).toBe(articlePageTitle(hostile))
      const bar = await page.evaluate(() => {
        const title = document.querySelector('.taro-navigation-bar-title')
        return title ? { text: title.textContent, elements: title.children.length } : null
      })
      expect(bar).not.toBeNull()
      expect(bar!.elements).toBe(0)
      expect(await page.evaluate(() => document.querySelectorAll('img[src="x"]').length)).toBe(0)
      expect(await page.evaluate(() => (window as unknown as { __hnRan?: number }).__hnRan)).toBeUndefined()
      expect(dialogs).toEqual([])
      expect(describeProblems(problems)).toEqual([])
    } finally {
      await context.close()
    }
  })
})

// How scripts/prerender.ts gets each page's first frame out of the built app in headless
// Chromium, fast enough for 10,000 articles.
//
// A full page.goto per page costs ~0.8 s (document, app boot, then waiting for the network to
// go quiet). Here each tab boots the app once, on its first article, and goes from article to
// article inside it: the address is replaced and a popstate sent, which Taro's router handles
// as a step in the history, unloading the page and loading the next one (the stack stays one
// page deep, exactly as when a shared link opens the article, so the page shows its 返回首页
// bar as it does on a fresh load). Each step waits on a precise signal: THAT article's title
// on the only page, no loader, all its related cards, the home bar; then the app's own
// scheduled work (effects, low-priority renders) is let run before the copy is taken.
// The other pages (home, search, 我的, not-found) are few and each gets a fresh load.
//
// Why the output is the same as a fresh load: a fresh load was the reference (scripts/prerender.ts
// before this module); `npm run prerender -- --check` and the byte comparison against a copy of
// that output are how it was proved (see the issue note).
import type { Browser, BrowserContext, Page } from 'playwright-core'

export interface PageSnapshot {
  /** The text of the <style> elements Taro injected before / after the build's stylesheet link. */
  before: string[]
  after: string[]
  /** The rendered page as static markup. */
  body: string
}

/** What tells that an article page shows that article, completely. */
export interface ArticleSignal {
  title: string
  relatedCount: number
}

export interface SnapshotTarget {
  /** Path under the site root, as routes.ts writes it ('' for home). */
  path: string
  /** Present for an article page: such pages may be reached inside a running app. */
  article?: ArticleSignal
}

/** How long one page may take to become ready before the prerender gives up on it. */
const READY_TIMEOUT_MS = 30_000

/** Runs in the page: the rendered page as static markup, and the styles Taro injected. */
function snapshotInPage(): PageSnapshot {
  const link = document.head.querySelector('link[rel="stylesheet"]')
  const before: string[] = []
  const after: string[] = []
  let seenLink = false
  for (const element of Array.from(document.head.children)) {
    if (element === link) seenLink = true
    if (element.tagName !== 'STYLE' || element.hasAttribute('data-shell')) continue
    ;(seenLink ? after : before).push(element.textContent || '')
  }
  const holder = document.createElement('div')
  for (const element of Array.from(document.body.children)) {
    if (element.tagName === 'SCRIPT') continue
    holder.appendChild(element.cloneNode(true))
  }
  // Ids belong to the live app (Taro finds its page containers by id); comments are React's.
  holder.querySelectorAll('[id]').forEach((element) => element.removeAttribute('id'))
  const walker = document.createTreeWalker(holder, NodeFilter.SHOW_COMMENT)
  const comments: Node[] = []
  while (walker.nextNode()) comments.push(walker.currentNode)
  comments.forEach((node) => node.parentNode?.removeChild(node))
  // An article card is a tap target in the app; in the HTML it is a real link.
  holder.querySelectorAll('[data-article-id]').forEach((card) => {
    const anchor = document.createElement('a')
    for (const attribute of Array.from(card.attributes)) anchor.setAttribute(attribute.name, attribute.value)
    anchor.setAttribute('href', `${(window as unknown as { __hnBase: string }).__hnBase}/article/${card.getAttribute('data-article-id')}/`)
    while (card.firstChild) anchor.appendChild(card.firstChild)
    card.replaceWith(anchor)
  })
  // 返回首页, the home search bar and 我的 lead somewhere without the app too.
  const base = (window as unknown as { __hnBase: string }).__hnBase
  // The link wraps the element's content with no box of its own (display: contents), so the
  // page lays out exactly as the app's. (No named helper: this runs in the page as written.)
  const links: [Element, string][] = []
  holder.querySelectorAll('.detail-home-bar__button, .empty-state__action').forEach((element) => {
    if ((element.textContent || '').trim() === '返回首页') links.push([element, `${base}/`])
  })
  holder.querySelectorAll('.search-bar').forEach((element) => links.push([element, `${base}/search/`]))
  holder.querySelectorAll('.home__mine').forEach((element) => links.push([element, `${base}/mine/`]))
  for (const [element, href] of links) {
    // In the HTML the control is a link: a button role would make the link inside it a nested
    // control (axe nested-interactive); a link role keeps the element's tab stop, whose focus
    // starts the app as before.
    if (element.getAttribute('role') === 'button') element.setAttribute('role', 'link')
    const anchor = document.createElement('a')
    anchor.setAttribute('href', href)
    anchor.setAttribute('style', 'display:contents;color:inherit;text-decoration:none')
    while (element.firstChild) anchor.appendChild(element.firstChild)
    element.appendChild(anchor)
  }
  holder.querySelectorAll('[style=""]').forEach((element) => element.removeAttribute('style'))
  return { before, after, body: holder.innerHTML }
}

/** After a fresh load: the page has content and the network (lazy chunks, data) is quiet. */
async function waitForLoadedPage(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const root = document.querySelector('#app .taro_page .hn-page')
    return !!root && root.children.length > 0
  }, null, { timeout: READY_TIMEOUT_MS })
  // Low-priority updates (the rest of the home list, the home bar of a first page) settle first.
  await page.waitForLoadState('networkidle', { timeout: READY_TIMEOUT_MS })
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 150)))
}

/**
 * Runs in the page: what the article page still lacks before it completely shows the article
 * of `signal` ('' when nothing): that article's title on the only page, no loader, all its
 * related cards, its 返回首页 bar. Self-contained, as it is sent to the page as text.
 */
function articleMissingInPage(signal: ArticleSignal): string {
  const pages = document.querySelectorAll('#app .taro_page')
  if (pages.length !== 1) return `${pages.length} pages in the app`
  const root = pages[0].querySelector('.hn-page')
  if (!root || root.children.length === 0) return 'no page content'
  if (root.querySelector('.detail-loading')) return 'still loading the article'
  const title = root.querySelector('.detail-article__title')
  if (!title || (title.textContent || '').trim() !== signal.title) return `title "${title ? (title.textContent || '').trim() : ''}" shown`
  const related = root.querySelectorAll('.detail-related [data-article-id]').length
  if (related !== signal.relatedCount) return `${related} of ${signal.relatedCount} related cards shown`
  if (!root.querySelector('.detail-home-bar')) return 'no 返回首页 bar'
  return ''
}

/**
 * Runs in the page: moves the running app to `href` (replace + popstate, handled by Taro's router
 * like a step in the history; null: stays on the page just loaded), resolves once the article is completely shown, then with its
 * snapshot. Rejects with what was missing when it is not shown within `timeout` ms.
 * Self-contained (it is sent to the page as text): no helpers from outside.
 */
function goToArticleInPage(href: string | null, signal: ArticleSignal, timeout: number): Promise<PageSnapshot | string> {
  const missing = () => (window as unknown as { __hnMissing: typeof articleMissingInPage }).__hnMissing(signal)
  return new Promise((resolve) => {
    const started = Date.now()
    // A task after the app's own queued work: React's scheduler and Taro's timers post tasks,
    // so two rounds of a zero timeout let effects and their renders finish.
    const settle = (then: () => void) => setTimeout(() => setTimeout(then, 0), 0)
    const check = () => {
      const why = missing()
      if (!why) {
        // Taro's components are Stencil web components: they reflect their props (type="" on a
        // button) once upgraded, which componentOnReady() waits for, and Stencil writes its
        // updates in an animation frame, whose callbacks run before ours in the same frame.
        const components = Array.from(document.querySelectorAll('#app *')).filter(
          (element) => typeof (element as unknown as { componentOnReady?: unknown }).componentOnReady === 'function',
        ) as unknown as { componentOnReady(): Promise<unknown> }[]
        Promise.all(components.map((element) => element.componentOnReady())).then(() => requestAnimationFrame(() => settle(() => {
          // Still complete after the app's queued work: that is the frame to copy.
          if (missing()) return check()
          resolve((window as unknown as { __hnSnapshot: () => PageSnapshot }).__hnSnapshot())
        })))
        return
      }
      if (Date.now() - started > timeout) return resolve(`never became ready within ${timeout} ms: ${why}`)
      setTimeout(check, 4)
    }
    // A fresh load shows the shell's title until the page sets its own, and Taro's title bar
    // takes document.title when the page loads: give it the same starting point.
    if (href !== null) {
      document.title = (window as unknown as { __hnShellTitle: string }).__hnShellTitle
      window.history.replaceState(window.history.state, '', href)
      window.dispatchEvent(new PopStateEvent('popstate', { state: window.history.state }))
    }
    check()
  })
}

/** A snapshot as a tab sends it: without its styles when they are those it sent last. */
type SentSnapshot = PageSnapshot | { body: string; before?: undefined; after?: undefined }

/**
 * Runs in the page: goToArticleInPage for each of `items` in turn (one round trip to Node for a
 * batch). Stops at the first page that is not shown or that throws, naming it.
 */
async function goToArticlesInPage(items: [string, ArticleSignal][], timeout: number): Promise<{ snapshots: SentSnapshot[]; error?: string }> {
  const snapshots: SentSnapshot[] = []
  const thrown: string[] = []
  const onError = (event: ErrorEvent) => thrown.push(event.message)
  const onRejection = (event: PromiseRejectionEvent) => thrown.push(String(event.reason instanceof Error ? event.reason.message : event.reason))
  window.addEventListener('error', onError)
  window.addEventListener('unhandledrejection', onRejection)
  try {
    for (const [href, signal] of items) {
      const got = await (window as unknown as { __hnGo: typeof goToArticleInPage }).__hnGo(href, signal, timeout)
      if (thrown.length) return { snapshots, error: `${href} threw in the browser: ${thrown.join('; ')}` }
      if (typeof got === 'string') return { snapshots, error: `${href} ${got}` }
      // The styles are the same on nearly every page (~24 KB): sent again only when they change.
      const key = JSON.stringify([got.before, got.after])
      const w = window as unknown as { __hnSentStyles?: string }
      snapshots.push(key === w.__hnSentStyles ? { body: got.body } : got)
      w.__hnSentStyles = key
    }
    return { snapshots }
  } finally {
    window.removeEventListener('error', onError)
    window.removeEventListener('unhandledrejection', onRejection)
  }
}

const GO_TO_ARTICLE_SCRIPT = `window.__hnMissing = ${articleMissingInPage.toString()}; window.__hnGo = ${goToArticleInPage.toString()}; window.__hnGoAll = ${goToArticlesInPage.toString()}`
/** Article pages per round trip to the page (~50 KB of markup and styles each). */
const BATCH = 16

async function newTab(context: BrowserContext, basePath: string, errors: string[]): Promise<Page> {
  const page = await context.newPage()
  // tsx (esbuild) may wrap named functions in __name(); the page has no such helper.
  await page.addInitScript('window.__name = window.__name || function (f) { return f }')
  await page.addInitScript((base) => ((window as unknown as { __hnBase: string }).__hnBase = base), basePath)
  await page.addInitScript(`window.__hnSnapshot = ${snapshotInPage.toString()}`)
  await page.addInitScript(GO_TO_ARTICLE_SCRIPT)
  await page.addInitScript(() =>
    document.addEventListener('DOMContentLoaded', () => ((window as unknown as { __hnShellTitle: string }).__hnShellTitle = document.title)),
  )
  page.on('pageerror', (error) => errors.push(error.message))
  return page
}

function failIfThrew(target: SnapshotTarget, errors: string[]): void {
  if (errors.length) throw new Error(`prerender: ${target.path || '/'} threw in the browser: ${errors.join('; ')}`)
}

/**
 * Snapshots each of `targets` and hands it to `take` with its index. Pages without `article`
 * are loaded afresh, one after another, in one context (so storage carries over from page to
 * page, as it always has). Runs of article pages are split over `tabs` tabs (each its own
 * context), each booted once. Throws, naming the page, when a page throws or never becomes ready.
 */
export async function snapshotPages(
  browser: Browser,
  options: { serverUrl: string; basePath: string; contextOptions: Parameters<Browser['newContext']>[0]; tabs: number },
  targets: SnapshotTarget[],
  take: (index: number, snapshot: PageSnapshot) => void,
): Promise<void> {
  const url = (target: SnapshotTarget) => `${options.serverUrl}${target.path}`
  const freshContext = await browser.newContext(options.contextOptions)
  const freshErrors: string[] = []
  const freshPage = await newTab(freshContext, options.basePath, freshErrors)
  const fresh = async (index: number) => {
    const target = targets[index]
    // The bare shell for every page, so no earlier snapshot leaks into the next.
    await freshPage.goto(url(target))
    try {
      await waitForLoadedPage(freshPage)
    } catch (error) {
      failIfThrew(target, freshErrors)
      throw new Error(`prerender: ${target.path || '/'} never became ready: ${error instanceof Error ? error.message.split('\n')[0] : error}`)
    }
    failIfThrew(target, freshErrors)
    take(index, await freshPage.evaluate(() => (window as unknown as { __hnSnapshot: () => PageSnapshot }).__hnSnapshot()))
  }
  const inApp = async (indices: number[]) => {
    if (indices.length === 0) return
    // Pixel density changes no markup, only how much the browser rasterises for every page:
    // 1 instead of the phone's 2 is a quarter of the pixels (compare-sites.ts shows the same HTML).
    const context = await browser.newContext({ ...options.contextOptions, deviceScaleFactor: 1 })
    const errors: string[] = []
    try {
      const page = await newTab(context, options.basePath, errors)
      // The first article boots the app, as a shared link would; the rest follow inside it.
      const first = targets[indices[0]]
      await page.goto(url(first))
      try {
        await waitForLoadedPage(page)
      } catch (error) {
        failIfThrew(first, errors)
        throw new Error(`prerender: ${first.path} never became ready: ${error instanceof Error ? error.message.split('\n')[0] : error}`)
      }
      failIfThrew(first, errors)
      // At 10,000 articles the list index (for the related cards) can still be arriving when
      // the network goes quiet: wait for the same complete article as every other step.
      const firstShown = await page.evaluate(
        async ([s, t]) => {
          const snapshot = await (window as unknown as { __hnGo: typeof goToArticleInPage }).__hnGo(null, s, t)
          if (typeof snapshot !== 'string') (window as unknown as { __hnSentStyles?: string }).__hnSentStyles = JSON.stringify([snapshot.before, snapshot.after])
          return snapshot
        },
        [first.article as ArticleSignal, READY_TIMEOUT_MS] as const,
      )
      failIfThrew(first, errors)
      if (typeof firstShown === 'string') throw new Error(`prerender: ${first.path} ${firstShown}`)
      let styles: PageSnapshot = firstShown
      take(indices[0], styles)
      for (let n = 1; n < indices.length; n += BATCH) {
        const batch = indices.slice(n, n + BATCH)
        const items = batch.map((index): [string, ArticleSignal] => [`${options.basePath}/${targets[index].path}`, targets[index].article as ArticleSignal])
        const got = await page.evaluate(
          ([i, t]) => (window as unknown as { __hnGoAll: typeof goToArticlesInPage }).__hnGoAll(i, t),
          [items, READY_TIMEOUT_MS] as const,
        )
        got.snapshots.forEach((sent, k) => {
          const snapshot = sent.before ? sent : { before: styles.before, after: styles.after, body: sent.body }
          styles = snapshot
          take(batch[k], snapshot)
        })
        if (got.error) throw new Error(`prerender: ${got.error}`)
        failIfThrew(targets[batch[batch.length - 1]], errors)
      }
    } finally {
      await context.close()
    }
  }

  try {
    let i = 0
    while (i < targets.length) {
      if (!targets[i].article) {
        await fresh(i++)
        continue
      }
      const run: number[] = []
      while (i < targets.length && targets[i].article) run.push(i++)
      // Contiguous slices, so each tab reads the shards of its part of the list in order.
      const per = Math.ceil(run.length / Math.max(1, options.tabs))
      const slices = Array.from({ length: Math.ceil(run.length / per) }, (_, k) => run.slice(k * per, (k + 1) * per))
      await Promise.all(slices.map(inApp))
    }
  } finally {
    await freshContext.close()
  }
}


// Hostile content through the real pipeline and both builds: a copy of the repository gets the
// saved pages of test/fixtures/hostile (every payload in a title, paragraphs, list items, the
// 提示 line and a 相关推荐 entry), runs `npm run data` and both builds, and then:
//   - every HTML file the H5 build wrote is one document (one <html>, one doctype), holds no
//     element or attribute from a payload, and an article's <title> is its title as text;
//   - headless Chromium opens every hostile article, home, search (each payload typed, and in
//     ?q=), 我的 after 收藏, and old hash links carrying payloads; on each it scrolls, taps the
//     first controls and types; no dialog opens, no payload becomes an element or attribute, no
//     page error happens, and the titles read as text;
//   - the compiled mini-program in miniprogram-simulate shows each hostile article and search
//     results with the payloads as text, with no extra element, template warning or error.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Parser } from 'htmlparser2'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import type { Article, ArticleDataset } from '../../src/core/article'
import { articlePageTitle } from '../../src/core/pageMeta'
import { detailRoute, publicPath, searchRoute } from '../../src/core/routes'
import { entryFor } from '../../src/core/readingLists'
import { MAX_QUERY_LENGTH, takeChars } from '../../src/core/text'
import { INJECTED_SELECTOR, MARKER_ATTRIBUTE, MARKER_TAG, PAYLOADS, URL_PAYLOADS, shownText } from '../fixtures/hostile/payloads'
import { hostilePages, shownTitles, writeHostilePages, type HostilePage } from '../fixtures/hostile/pages'
import { launchSimulated } from '../weapp/support/simulate'
import { describeProblems, launchChromium, openPhonePage, repoRoot, startApp, startH5Server, type Problems } from './support/h5'

jest.setTimeout(300_000)

let copy = ''
let articles: Article[] = []
let pages: HostilePage[] = []
/** The hostile pages' articles: each page's main article and its 相关推荐 entry. */
let hostile: Article[] = []
let server: Awaited<ReturnType<typeof startH5Server>> | undefined
let browser: Browser | undefined
const buildLog: string[] = []

/** What the Chromium part tried and found, printed at the end. */
const tally = { visits: 0, dialogs: [] as string[], injected: [] as string[], pageErrors: [] as string[] }

function run(command: string, args: string[]): void {
  const started = Date.now()
  const result = spawnSync(command, args, {
    cwd: copy,
    encoding: 'utf8',
    env: { ...process.env, TARO_BUILD_CACHE: '0', NODE_ENV: 'production' },
    maxBuffer: 64 * 1024 * 1024,
  })
  buildLog.push(`${command} ${args.join(' ')}: ${((Date.now() - started) / 1000).toFixed(1)} s`)
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed in the hostile copy ${copy}:\n${result.stdout.slice(-4000)}\n${result.stderr.slice(-4000)}`)
  }
}

/** The repository without node_modules (linked), dist, .git and test output. */
function copyRepository(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'health-news-hostile-'))
  const skipped = new Set(['node_modules', 'dist', '.git', 'test-results', '.swc'])
  fs.cpSync(repoRoot, dir, { recursive: true, filter: (source) => source === repoRoot || !skipped.has(path.relative(repoRoot, source).split(path.sep)[0]) })
  fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'))
  return dir
}

/** HOSTILE_COPY=<dir> reuses a copy an earlier run built and kept (for working on this test). */
const reused = process.env.HOSTILE_COPY ? path.resolve(process.env.HOSTILE_COPY) : ''

beforeAll(async () => {
  if (reused) {
    copy = reused
    pages = hostilePages()
  } else {
    copy = copyRepository()
    pages = writeHostilePages(path.join(copy, 'assets/articles'))
    run('npm', ['run', '--silent', 'data'])
    run('npm', ['run', '--silent', 'build:weapp'])
    run('npm', ['run', '--silent', 'build:h5'])
  }
  const dataset = JSON.parse(fs.readFileSync(path.join(copy, 'src/data/articles.json'), 'utf8')) as ArticleDataset
  articles = dataset.articles
  const byTitle = new Map(articles.map((a) => [a.title, a]))
  hostile = pages.flatMap((page) => {
    const { title, entryTitle } = shownTitles(page)
    return [title, entryTitle].map((t) => {
      const article = byTitle.get(t)
      if (!article) throw new Error(`the pipeline lost the article "${t.slice(0, 80)}" of ${page.fileName}`)
      return article
    })
  })
}, 600_000)

afterAll(async () => {
  await shared?.context.close()
  await browser?.close()
  await server?.stop()
  console.log(
    `hostile content: ${PAYLOADS.length} payloads (+${URL_PAYLOADS.length} in addresses) × ${tally.visits} pages tried, ` +
      `${tally.dialogs.length} dialogs, ${tally.injected.length} injected elements, ${tally.pageErrors.length} page errors` +
      (buildLog.length ? `\n${buildLog.join('\n')}` : ''),
  )
  if (copy && !reused) fs.rmSync(copy, { recursive: true, force: true })
})

const short = (text: string, max = 60) => (text.length > max ? `${text.slice(0, max)}…` : text)

// ---------------------------------------------------------------------------------------------
// Served HTML

interface HtmlFacts {
  htmlTags: number
  doctypes: number
  title: string
  injected: string[]
  embeddedRecord: string | null
}

function readHtml(source: string): HtmlFacts {
  const facts: HtmlFacts = { htmlTags: 0, doctypes: 0, title: '', injected: [], embeddedRecord: null }
  let inTitle = false
  let inRecord = false
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (name === 'html') facts.htmlTags++
        if (name === 'title') inTitle = true
        if (name === 'script' && attribs.id === 'hn-article') {
          inRecord = true
          facts.embeddedRecord = ''
        }
        const names = Object.keys(attribs)
        if (name === MARKER_TAG || names.includes(MARKER_ATTRIBUTE) || (name === 'img' && attribs.src === 'x') || name === 'iframe') {
          facts.injected.push(`<${name} ${names.join(' ')}>`)
        }
        for (const attribute of names) {
          if (/^on/i.test(attribute) || /pwn/i.test(attribute) || /^\s*javascript:/i.test(attribs[attribute])) facts.injected.push(`<${name} ${attribute}="${short(attribs[attribute])}">`)
        }
      },
      ontext(text) {
        if (inTitle) facts.title += text
        if (inRecord) facts.embeddedRecord += text
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false
        if (name === 'script') inRecord = false
      },
      onprocessinginstruction(name) {
        if (name.toLowerCase() === '!doctype') facts.doctypes++
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  )
  parser.write(source)
  parser.end()
  return facts
}

function htmlFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return htmlFiles(full)
    return entry.name.endsWith('.html') ? [full] : []
  })
}

test('every served HTML file is one document without injected markup; an article page is titled with its title as text', () => {
  const h5 = path.join(copy, 'dist/h5')
  const files = htmlFiles(h5)
  const problems: string[] = []
  for (const file of files) {
    const name = path.relative(h5, file)
    const facts = readHtml(fs.readFileSync(file, 'utf8'))
    if (facts.htmlTags !== 1) problems.push(`${name}: ${facts.htmlTags} <html> tags`)
    if (facts.doctypes !== 1) problems.push(`${name}: ${facts.doctypes} doctypes`)
    for (const found of facts.injected) problems.push(`${name}: ${found}`)
  }
  for (const article of hostile) {
    const file = path.join(h5, publicPath(detailRoute(article.id)), 'index.html')
    if (!fs.existsSync(file)) {
      problems.push(`no page for "${short(article.title)}" at ${path.relative(h5, file)}`)
      continue
    }
    const facts = readHtml(fs.readFileSync(file, 'utf8'))
    if (facts.title !== articlePageTitle(article)) problems.push(`${path.relative(h5, file)}: <title> is "${short(facts.title, 200)}", expected "${short(articlePageTitle(article), 200)}"`)
    const record = facts.embeddedRecord === null ? null : (JSON.parse(facts.embeddedRecord) as Article)
    if (record?.title !== article.title || JSON.stringify(record?.body) !== JSON.stringify(article.body)) problems.push(`${path.relative(h5, file)}: the embedded record is not the article`)
  }
  tally.injected.push(...problems.filter((p) => !/tags$|doctypes$|title>|record/.test(p)))
  expect(problems).toEqual([])
  expect(files.length).toBeGreaterThan(hostile.length)
})

// ---------------------------------------------------------------------------------------------
// Chromium

/** Elements and attributes a payload would have created, anywhere in the document. */
async function injectedIn(page: Page): Promise<string[]> {
  return page.evaluate(
    ({ selector }) => {
      const found: string[] = []
      for (const el of Array.from(document.querySelectorAll(selector))) found.push(el.outerHTML.slice(0, 120))
      for (const el of Array.from(document.querySelectorAll('*'))) {
        for (const attribute of Array.from(el.attributes)) {
          const injected =
            /pwn/i.test(attribute.name) ||
            (/^on/i.test(attribute.name) && /alert|pwn/i.test(attribute.value)) ||
            (/^(href|src|srcdoc|action|formaction|xlink:href)$/i.test(attribute.name) && /^\s*javascript:/i.test(attribute.value))
          if (injected) found.push(`<${el.tagName.toLowerCase()} ${attribute.name}="${attribute.value.slice(0, 60)}">`)
        }
      }
      return found
    },
    { selector: INJECTED_SELECTOR },
  )
}

interface Tab {
  context: BrowserContext
  page: Page
  problems: Problems
  /** Runs a step on the page and records what it found under `where`. */
  check: (where: string) => Promise<void>
}

async function openTab(): Promise<Tab> {
  const { context, page, problems } = await openPhonePage(browser!)
  page.setDefaultTimeout(15_000)
  const dialogs: string[] = []
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()} "${dialog.message()}"`)
    void dialog.dismiss().catch(() => undefined)
  })
  let seenErrors = 0
  const check = async (where: string) => {
    tally.visits++
    const before = tally.dialogs.length + tally.injected.length + tally.pageErrors.length
    for (const found of await injectedIn(page)) tally.injected.push(`${where}: ${found}`)
    for (const dialog of dialogs.splice(0)) tally.dialogs.push(`${where}: ${dialog}`)
    for (const error of problems.pageErrors.slice(seenErrors)) tally.pageErrors.push(`${where}: ${error.split('\n')[0]}`)
    seenErrors = problems.pageErrors.length
    if (process.env.HOSTILE_PROGRESS && tally.dialogs.length + tally.injected.length + tally.pageErrors.length > before) {
      process.stderr.write(`  found on ${where}: ${[...tally.dialogs, ...tally.injected, ...tally.pageErrors].slice(-3).join(' | ')}\n`)
    }
  }
  return { context, page, problems, check }
}

/** One tab for all the Chromium tests: what the article test 收藏-ed is in 我的 later. */
let shared: Tab | undefined
async function sharedTab(): Promise<Tab> {
  server ??= await startH5Server(path.join(copy, 'dist/h5'))
  browser ??= await launchChromium()
  shared ??= await openTab()
  return shared
}

/** The browser's own log line for a document answered 404 (the not-found page, sent as a 404). */
const NOT_FOUND_LOAD = /Failed to load resource: the server responded with a status of 404/

function expectClean(tab: Tab, { notFoundPages = false } = {}): void {
  const consoleErrors = notFoundPages ? tab.problems.consoleErrors.filter((e) => !NOT_FOUND_LOAD.test(e)) : tab.problems.consoleErrors
  expect({ dialogs: tally.dialogs, injected: tally.injected, pageErrors: tally.pageErrors, other: describeProblems({ ...tab.problems, consoleErrors, pageErrors: [] }) }).toEqual({
    dialogs: [],
    injected: [],
    pageErrors: [],
    other: [],
  })
}

const url = (route: string) => `${server!.url}${publicPath(route)}`

/** Scrolls the page (window and Taro's scrolling panels) to the end and back. */
async function scroll(page: Page): Promise<void> {
  await page.mouse.wheel(0, 4000)
  await page.keyboard.press('End')
  await page.evaluate(() => {
    for (const el of [document.scrollingElement, ...Array.from(document.querySelectorAll('.taro_page, .taro-tabbar__panel'))]) {
      if (el) el.scrollTop = el.scrollHeight
    }
  })
  await page.mouse.wheel(0, -4000)
}

/** The text of the first element on screen matching `selector` inside the app. */
async function appText(page: Page, selector: string): Promise<string> {
  const locator = page.locator(`#app ${selector}`).filter({ visible: true }).first()
  await locator.waitFor({ timeout: 15_000 })
  return (await locator.textContent()) ?? ''
}

/**
 * Runs `step` for each case, recording a failure under the case's name and going on with the
 * next case, so one run shows every payload that breaks something.
 */
async function eachCase<T>(cases: readonly T[], name: (item: T) => string, step: (item: T, where: string) => Promise<void>): Promise<string[]> {
  const failures: string[] = []
  for (const item of cases) {
    const where = name(item)
    if (process.env.HOSTILE_PROGRESS) process.stderr.write(`… ${where}\n`)
    try {
      await step(item, where)
    } catch (error) {
      failures.push(`${where}: ${(error instanceof Error ? error.message : String(error)).split('\n').slice(0, 6).join(' ')}`)
      if (process.env.HOSTILE_PROGRESS) process.stderr.write(`  failed: ${failures[failures.length - 1]}\n`)
    }
  }
  return failures
}

/** document.title as a browser reports it: ASCII whitespace collapsed and trimmed (HTML's rule). */
const asDocumentTitle = (title: string) => title.replace(/[\t\n\f\r ]+/g, ' ').trim()

/** Fails with both values shortened (a 5,000-character title would bury the message). */
function same(what: string, actual: string | null, expected: string): void {
  if (actual !== expected) throw new Error(`${what} is "${short(actual ?? 'null', 160)}", expected "${short(expected, 160)}"`)
}

test('each hostile article page in Chromium: titled with its title, drawn as text, controls and typing do nothing unexpected', async () => {
  const tab = await sharedTab()
  const { page } = tab
  const failures = await eachCase(hostile, (a) => `article "${short(a.title, 40)}"`, async (article, where) => {
    await page.goto(url(detailRoute(article.id)))
    await page.waitForLoadState('domcontentloaded')
    await tab.check(`${where} (prerendered)`)
    same('the prerendered <title>', await page.title(), asDocumentTitle(articlePageTitle(article)))
    same('the prerendered heading', await page.locator('#hn-prerendered .detail-article__title').first().textContent(), article.title)

    await startApp(page)
    same('the heading', await appText(page, '.detail-article__title'), article.title)
    // The app has taken over the head: the title is still the article's, as text.
    const title = asDocumentTitle(articlePageTitle(article))
    await page.waitForFunction((expected) => document.title === expected, title, { timeout: 5_000 }).catch(() => undefined)
    same('the app\'s <title>', await page.title(), title)
    const shown = article.fullText ? await appText(page, '.detail-article') : await appText(page, '.detail-excerpt')
    for (const text of article.fullText ? (article.body ?? []).map((b) => b.text) : [article.summary]) {
      if (!shown.includes(text)) throw new Error(`the page does not show "${short(text)}"`)
    }
    await scroll(page)
    // The first controls: A− or A+ (whichever the remembered size still allows), then 收藏
    // (the articles stay in 我的 for the test below).
    await page.locator('#app .text-size__button:not([aria-disabled="true"])').filter({ visible: true }).first().click()
    await page.locator('#app .detail-tools__favorite').filter({ visible: true }).first().click()
    await page.locator('#app .detail-tools__favorite--on').filter({ visible: true }).first().waitFor()
    await page.keyboard.type(takeChars(shownText(pages[0].payload), MAX_QUERY_LENGTH))
    await tab.check(where)
  })
  expect(failures).toEqual([])
  expectClean(tab)
})

test('home in Chromium lists the hostile articles (the newest) with their titles as text; scrolling and the first card work', async () => {
  const tab = await sharedTab()
  const { page } = tab
  await page.goto(server!.url)
  await tab.check('home (prerendered)')
  await startApp(page)
  await page.locator('#app .article-card').filter({ visible: true }).first().waitFor()
  const byId = new Map(articles.map((a) => [a.id, a]))
  const cards = await page.locator('#app .article-card').filter({ visible: true }).evaluateAll((els) =>
    els.map((el) => ({ id: el.getAttribute('data-article-id') ?? '', title: el.querySelector('.article-card__title')?.textContent ?? '' })),
  )
  const wrong = cards.filter((card) => byId.get(card.id)?.title !== card.title).map((card) => `card ${card.id}: "${short(card.title)}"`)
  expect(wrong).toEqual([])
  // Hostile pages are dated after every saved page: they open the list.
  expect(cards.filter((card) => hostile.some((a) => a.id === card.id)).length).toBeGreaterThan(0)
  await scroll(page)
  await tab.check('home (scrolled)')
  const first = byId.get(cards[0].id)!
  await page.locator('#app .article-card').filter({ visible: true }).first().click()
  same('the opened article', await appText(page, '.detail-article__title'), first.title)
  await tab.check('home → first card')
  expectClean(tab)
})

test('search in Chromium: each payload typed into the box, and each in the address (?q=)', async () => {
  const tab = await sharedTab()
  const { page } = tab
  const input = () => page.locator('#app input').filter({ visible: true }).first()
  /** Waits until the page has answered `query`: its results or its 没有找到 note name it. */
  const answered = (query: string) =>
    page.waitForFunction(
      (q) => Array.from(document.querySelectorAll('#app .search__results, #app .search__none')).some((el) => (el.getAttribute('data-query') ?? '').trim() === q.trim()),
      query,
      { timeout: 15_000 },
    )

  const typed = await eachCase(PAYLOADS.filter((p) => !p.noTyping), (p) => `search typed: ${p.name}`, async (payload, where) => {
    await page.goto(url(searchRoute()))
    await startApp(page)
    // What a reader can type is what the page showed them: the payload after the pipeline.
    const query = takeChars(shownText(payload), MAX_QUERY_LENGTH)
    await input().click()
    await input().pressSequentially(query)
    same('the search box', await input().inputValue(), query)
    await answered(query)
    await scroll(page)
    await tab.check(where)
  })

  // Addresses carry the payload as saved (control characters and all), and broken encodings.
  const addressed = [
    ...PAYLOADS.map((p) => ({ name: p.name, q: encodeURIComponent(takeChars(shownText(p) === p.text ? p.text : shownText(p), 200)) })),
    ...URL_PAYLOADS.map((raw) => ({ name: `raw ${raw}`, q: raw })),
  ]
  const inAddress = await eachCase(addressed, (c) => `search ?q=: ${c.name}`, async ({ q }, where) => {
    await page.goto(`${server!.url}${publicPath('/pages/search/index')}?q=${q}`)
    await startApp(page)
    await input().waitFor()
    const value = await input().inputValue()
    if (value.trim()) await answered(value)
    await page.keyboard.type('医保')
    await tab.check(where)
  })
  expect([...typed, ...inAddress]).toEqual([])
  expectClean(tab)
})

test('我的 in Chromium lists every 收藏-ed hostile article by its title, as text', async () => {
  const tab = await sharedTab()
  const { page } = tab
  await page.goto(url('/pages/mine/index'))
  await startApp(page)
  await page.locator('#app [data-list=favorites] .mine-entry__title').first().waitFor()
  const titles = await page.locator('#app [data-list=favorites] .mine-entry__title').allTextContents()
  const missing = hostile.map((a) => entryFor(a, 0).title).filter((title) => !titles.includes(title))
  expect(missing.map((t) => short(t))).toEqual([])
  await scroll(page)
  await tab.check('我的')
  await page.locator('#app [data-list=favorites] .mine-entry__main').first().click()
  await page.locator('#app .detail-article__title').filter({ visible: true }).first().waitFor()
  await tab.check('我的 → first favourite')
  expectClean(tab)
})

test('old hash links carrying payloads land on a page that shows them as text, or on 没有找到', async () => {
  const tab = await sharedTab()
  const { page } = tab
  const values = [...PAYLOADS.map((p) => encodeURIComponent(takeChars(shownText(p), 200))), ...URL_PAYLOADS]
  const links = values.flatMap((value) => [`#/pages/detail/index?id=${value}`, `#/pages/search/index?q=${value}`])
  const failures = await eachCase(links, (link) => `old link ${short(link, 70)}`, async (link, where) => {
    await page.goto(`${server!.url}${link}`)
    await page.waitForURL((address) => !address.hash.startsWith('#/pages'), { timeout: 10_000 })
    await page.waitForLoadState('domcontentloaded')
    await startApp(page)
    // An id that could be an article opens the article page's 没有找到这篇文章; one that cannot
    // (wrong length or characters) is sent straight to the not-found page.
    if (link.includes('detail')) await page.getByText(/没有找到这(篇文章|个页面)/).filter({ visible: true }).first().waitFor({ timeout: 15_000 })
    else await page.locator('#app input').filter({ visible: true }).first().waitFor()
    await scroll(page)
    await page.keyboard.type('医保')
    await tab.check(where)
  })
  expect(failures).toEqual([])
  // Ids that cannot be an article are sent to the not-found page, which the server answers with 404.
  expectClean(tab, { notFoundPages: true })
})

// ---------------------------------------------------------------------------------------------
// The compiled mini-program

test('the compiled mini-program shows each hostile article and search results with the payloads as text', async () => {
  const program = launchSimulated(path.join(copy, 'dist/weapp'))
  const noCanvas = /^\[health-news\] recovered: drawing a share image ahead of time failed/
  const tagNames = new Set<string>()
  try {
    const failures = await eachCase(hostile, (a) => `weapp article "${short(a.title, 40)}"`, async (article) => {
      const page = await program.open(`/pages/detail/index?id=${encodeURIComponent(article.id)}`)
      try {
        await page.waitFor((p) => p.texts().includes(article.title), 10_000)
        const texts = page.texts()
        for (const text of article.fullText ? (article.body ?? []).map((b) => b.text) : [article.summary]) {
          if (!texts.includes(text)) throw new Error(`no text node reads "${short(text)}"`)
        }
        const injected = page.root.querySelector(INJECTED_SELECTOR.replace(/, a\[href\^="javascript:"\]/, ''))
        if (injected) throw new Error(`an element from a payload: ${injected.outerHTML.slice(0, 120)}`)
        for (const el of Array.from(page.root.querySelectorAll('*'))) tagNames.add(el.tagName.toLowerCase())
      } finally {
        page.unload()
      }
    })

    const searched = await eachCase(PAYLOADS.filter((p) => !p.noTyping), (p) => `weapp search: ${p.name}`, async (payload) => {
      const page = await program.open('/pages/search/index')
      try {
        const query = takeChars(shownText(payload), MAX_QUERY_LENGTH)
        await page.waitFor((p) => p.root.querySelector('input, wx-input'), 10_000)
        await page.input(query)
        await page.waitFor((p) => /找到 \d+ 篇|没有找到/.test(p.text()), 10_000)
        for (const el of Array.from(page.root.querySelectorAll('*'))) tagNames.add(el.tagName.toLowerCase())
      } finally {
        page.unload()
      }
    })
    expect([...failures, ...searched]).toEqual([])
    // Only WeChat's own components (and simulate's wrappers of them) make up the pages.
    expect([...tagNames].filter((name) => name === MARKER_TAG || /^(script|img|svg|iframe|a|html|body|style|title|textarea)$/.test(name))).toEqual([])
    expect(program.warnings.filter((w) => !noCanvas.test(w))).toEqual([])
    expect(program.errors).toEqual([])
    console.log(`weapp: ${hostile.length} hostile articles and ${PAYLOADS.length - 1} searches rendered; element names ${[...tagNames].sort().join(' ')}`)
  } finally {
    program.close()
  }
})

// What WeChat's screen reader (VoiceOver / TalkBack in 读屏模式) gets from the compiled
// mini-program, against what a browser's gets from the H5 site. The components write `role` and
// `aria-*` once; config/ariaPlugin.ts carries them into Taro's templates, where `role` becomes
// WeChat's `aria-role`. Each page is rendered twice: by miniprogram-simulate from dist/weapp
// (the attributes read from the compiled WXML's output) and by Chromium from dist/h5 (the app
// started on the prerendered page). Both sides list every element that has a role with its
// name, and the two lists must be equal: a label lost on either side fails the test.
// Needs both builds (npm run build:weapp && npm run build:h5).
import fs from 'node:fs'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import type { Article, ArticleDataset } from '../../src/core/article'
import { LIST_PAGE_SIZE, newestFirst } from '../../src/core/filters'
import { publicPath } from '../../src/core/routes'
import datasetJson from '../../src/data/articles.json'
import ariaAttributes from '../../src/platform/ariaAttributes.json'
import { weappDir } from './support/dist'
import { launchChromium, openPhonePage, startApp, startH5Server, describeProblems } from '../e2e/support/h5'
import { launchSimulated, wxmlAttributes, type AccessibleNode, type SimulatedPage, type SimulatedProgram } from './support/simulate'

jest.setTimeout(120_000)

const { articles } = datasetJson as unknown as ArticleDataset
const fullArticle = articles.find((a) => a.fullText && a.related.length > 0) as Article

/**
 * Roles whose name a screen reader takes from the content when no label is given (WAI-ARIA 1.2,
 * "name from content"); other roles (dialog, group, list, note, status…) are named by a label only.
 */
const NAME_FROM_CONTENT = ['button', 'link', 'tab', 'radio', 'checkbox', 'switch', 'heading', 'option', 'menuitem', 'treeitem', 'cell']

interface Named {
  role: string
  name: string
}

const key = (n: Named) => `${n.role} | ${n.name}`
const sorted = (list: Named[]) => list.map(key).sort()

/** The weapp side: every element with an aria-role, named as a screen reader names it. */
function weappRoles(page: SimulatedPage): Named[] {
  const nodes = page.accessibleNodes()
  const byId = new Map<string, AccessibleNode>()
  for (const node of nodes) {
    const id = String(wxmlAttributes(node.element).id ?? '')
    if (id) byId.set(id, node)
  }
  return nodes
    .filter((node) => node.role && !node.hidden)
    .map((node) => {
      const labelledBy = (node.aria['aria-labelledby'] ?? '').split(/\s+/).filter(Boolean)
      const name =
        node.label ||
        labelledBy.map((id) => byId.get(id)?.text ?? '').join(' ').trim() ||
        (NAME_FROM_CONTENT.includes(node.role) ? node.text : '')
      return { role: node.role, name }
    })
}

let server: Awaited<ReturnType<typeof startH5Server>>
let browser: Browser
let program: SimulatedProgram
const compared: string[] = []

beforeAll(async () => {
  server = await startH5Server()
  browser = await launchChromium()
})
// A fresh program for each page, as the browser side gets a fresh profile: what one test reads
// (最近浏览) must not show on the next test's 我的.
beforeEach(() => {
  program = launchSimulated()
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
  console.log(`aria parity, weapp vs H5:\n${compared.join('\n')}`)
})
afterEach(() => {
  // simulate has no canvas, so the article page's background drawing of its share card fails and
  // says so (core/report.ts); that one report is expected here.
  const noCanvas = /^\[health-news\] recovered: drawing a share image ahead of time failed/
  expect(program.warnings.filter((w) => !noCanvas.test(w))).toEqual([])
  program.warnings.length = 0
  expect(program.errors).toEqual([])
  program.stack().forEach((page) => page.unload())
  program.close()
})

/** The H5 side: the app started on the page at `route`, every [role] element of the page named. */
async function h5Roles(route: string, ready: string): Promise<Named[]> {
  const { context, page, problems } = await openPhonePage(browser)
  try {
    await page.goto(`${server.url}${publicPath(route)}`)
    await startApp(page)
    await page.getByText(ready, { exact: false }).first().waitFor({ timeout: 20_000 })
    const found = await settled(() => page.evaluate((fromContent) => {
      const hiddenFromReaders = (el: Element | null): boolean => !!el?.closest('[aria-hidden="true"]')
      const textOf = (el: Element): string => {
        const parts: string[] = []
        const walk = (node: Node) => {
          if (node.nodeType === 3) parts.push(node.textContent ?? '')
          else if (node.nodeType === 1 && (node as Element).getAttribute('aria-hidden') !== 'true') node.childNodes.forEach(walk)
        }
        el.childNodes.forEach(walk)
        return parts.join('').replace(/\s+/g, ' ').trim()
      }
      // The page Taro's router shows (earlier pages of the session stay in the DOM, hidden).
      const pages = [...document.querySelectorAll('.taro_page')].filter((p) => (p as HTMLElement).offsetParent !== null || getComputedStyle(p).display !== 'none')
      const root = pages[pages.length - 1] ?? document.body
      return [...root.querySelectorAll('[role]')]
        .filter((el) => !hiddenFromReaders(el))
        .map((el) => {
          const role = el.getAttribute('role') ?? ''
          const labelledBy = (el.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean)
          const name =
            (el.getAttribute('aria-label') ?? '').trim() ||
            labelledBy.map((id) => { const ref = document.getElementById(id); return ref ? textOf(ref) : '' }).join(' ').trim() ||
            (fromContent.includes(role) ? textOf(el) : '')
          return { role, name }
        })
    }, NAME_FROM_CONTENT))
    const trouble = describeProblems(problems)
    if (trouble.length) throw new Error(`H5 ${route} misbehaved:\n${trouble.join('\n')}`)
    return found
  } finally {
    await context.close()
  }
}

async function weappPage(route: string, ready: string): Promise<SimulatedPage> {
  const page = await program.open(route)
  await page.waitFor((p) => p.text().includes(ready), 20_000)
  return page
}

/**
 * Reads until three reads 200 ms apart agree: lists and results are drawn over a few renders
 * (a first screen of cards, then the rest), more slowly on a busy machine.
 */
async function settled(read: () => Promise<Named[]> | Named[]): Promise<Named[]> {
  let last = ''
  let same = 0
  let named: Named[] = []
  for (const start = Date.now(); same < 2 && Date.now() - start < 20_000; ) {
    await new Promise((resolve) => setTimeout(resolve, 200))
    named = await read()
    const now = sorted(named).join('\n')
    same = now === last ? same + 1 : 0
    last = now
  }
  return named
}

/**
 * Every element that handles a tap says what it is and what it does. Taro gives a view or text
 * the template variant with bindtap only when the element has listeners, so there a bindtap is a
 * control. scroll-view, input and button carry bindtap in every Taro template: a scroll-view is
 * a container, not a control; WeChat announces its own input (by its placeholder) and button
 * (by its text) with their native roles, as the browser does on H5.
 */
function unnamedControls(page: SimulatedPage): string[] {
  return page
    .accessibleNodes()
    .filter((node) => node.tappable && !node.hidden)
    .filter((node) => {
      const tag = node.element.tagName.toLowerCase()
      if (tag === 'wx-scroll-view') return false
      if (tag === 'wx-button') return !(node.label || node.text)
      if (tag === 'wx-input') return !(node.label || String(wxmlAttributes(node.element).placeholder ?? '').trim())
      return !node.role || !(node.label || node.text)
    })
    .map((node) => `<${node.element.tagName.toLowerCase()} class="${String(wxmlAttributes(node.element).class ?? '')}"> role="${node.role}" label="${node.label}" text="${node.text.slice(0, 40)}"`)
}

const PAGES: [string, string, string][] = [
  // The last card of home's first page: the first screen draws a few cards, then the rest.
  ['home', '/pages/index/index', newestFirst(articles)[LIST_PAGE_SIZE - 1].title],
  ['search with results', `/pages/search/index?q=${encodeURIComponent('医保')}`, '找到'],
  ['an article', `/pages/detail/index?id=${encodeURIComponent(fullArticle.id)}`, '相关推荐'],
  ['我的', '/pages/mine/index', '关于'],
  ['not found', '/pages/detail/index?id=no-such-article', '没有找到这篇文章'],
]


test.each(PAGES)('%s: every control has a role and a name, the same ones as on H5', async (name, route, ready) => {
  const weapp = await weappPage(route, ready)
  const weappNamed = await settled(() => weappRoles(weapp))
  expect(unnamedControls(weapp)).toEqual([])
  // A page without roles would make the comparison below pass on nothing.
  expect(weappNamed.filter((n) => n.role === 'button' || n.role === 'link').length).toBeGreaterThan(0)

  const h5Named = await h5Roles(route, ready)
  compared.push(`  ${name}: ${weappNamed.length} roles on weapp, ${h5Named.length} on H5, ${weappNamed.filter((n) => n.name).length} named`)
  expect(sorted(weappNamed)).toEqual(sorted(h5Named))
})

test('state reaches the screen reader: the chosen tab is selected, and A− is disabled at the smallest step', async () => {
  const home = await weappPage('/pages/index/index', newestFirst(articles)[0].title)
  const tabs = home.accessibleNodes().filter((n) => n.role === 'tab')
  expect(tabs.length).toBeGreaterThan(2)
  const selected = () => home.accessibleNodes().filter((n) => n.role === 'tab' && n.aria['aria-selected'] === 'true').map((n) => n.label)
  const allRegions = () => selected().some((label) => label.startsWith('全部地区'))
  expect(allRegions()).toBe(true)
  const province = articles.find((a) => a.region)!.region!.province
  await home.tap(new RegExp(`^${province}$`))
  await home.waitFor(() => selected().some((label) => label.startsWith(province)))
  expect(allRegions()).toBe(false)
  // The choice is stored for the next visit: put it back.
  await home.tap(/^全部地区$/)
  await home.waitFor(allRegions)

  const mine = await weappPage('/pages/mine/index', '关于')
  const smaller = () => mine.accessibleNodes().find((n) => n.label === '缩小字号')!
  expect(smaller().role).toBe('button')
  expect(smaller().aria['aria-disabled']).toBe('true')
  // The A− / A+ marks are decoration: hidden from the reader, who hears the label instead.
  expect(mine.accessibleNodes().filter((n) => n.hidden && n.text === 'A−').length).toBeGreaterThan(0)
  await mine.tap('A+')
  await mine.waitFor(() => smaller().aria['aria-disabled'] !== 'true')
  await mine.tap('A−')
})

test("base.wxml: every template of a view, text and scroll-view carries the injected attributes; prints their cost", () => {
  const wxml = fs.readFileSync(path.join(weappDir(), 'base.wxml'), 'utf8')
  const tags: Record<string, string> = { View: 'view', Text: 'text', ScrollView: 'scroll-view' }
  let bytes = 0
  let count = 0
  for (const [component, attributes] of Object.entries(ariaAttributes as Record<string, Record<string, string>>)) {
    const tag = tags[component]
    expect(tag).toBeDefined()
    // pure-view and click-view (class and style only) are for views without any other prop; a
    // view with a role or an aria-* prop always gets a full template.
    const opened = [...wxml.matchAll(new RegExp(`<${tag} [^>]*>`, 'g'))].map((m) => m[0]).filter((t) => tag !== 'view' || t.includes('hover-class='))
    expect(opened.length).toBeGreaterThan(0)
    for (const element of opened) {
      for (const name of Object.keys(attributes)) {
        const wxmlName = name === 'role' ? 'aria-role' : name
        const attribute = new RegExp(` ${wxmlName}="\\{\\{i\\.p\\d+\\}\\}"`).exec(element)
        expect({ element: element.slice(0, 60), attribute: wxmlName, found: !!attribute }).toEqual({ element: element.slice(0, 60), attribute: wxmlName, found: true })
        bytes += attribute![0].length
        count++
      }
    }
  }
  console.log(`base.wxml: ${wxml.length} bytes, of which ${bytes} are ${count} injected aria attributes (${((bytes / wxml.length) * 100).toFixed(1)}%)`)
})

// The site's Node renderer (scripts/site/renderer.ts) draws every page the way the build writes
// it: each page ready, with every part of the page contract it owes (src/core/pageContract.ts),
// the data as text, the links that work without the app, and Taro's frame around it.
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5'
import type { Article, ArticleDataset } from '../../src/core/article'
import { PART, PART_ATTRIBUTE, READY_ATTRIBUTE, type PagePart } from '../../src/core/pageContract'
import { PAGE_PARTS } from '../../src/core/pageParts'
import dataset from '../../src/data/articles.json'
import { loadRenderer, type SiteRenderer } from '../../scripts/site/renderer'

type Element = DefaultTreeAdapterMap['element']
type Node = DefaultTreeAdapterMap['node']

const { articles } = dataset as unknown as ArticleDataset

function elementsOf(html: string): Element[] {
  const out: Element[] = []
  const walk = (node: Node) => {
    if ('tagName' in node) out.push(node)
    for (const child of 'childNodes' in node ? node.childNodes : []) walk(child)
  }
  walk(parseFragment(html) as unknown as Node)
  return out
}
const attr = (e: Element, name: string) => e.attrs.find((a) => a.name === name)?.value
function textOf(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value
  return ('childNodes' in node ? node.childNodes : []).map(textOf).join('')
}
const part = (all: Element[], name: PagePart) => all.filter((e) => attr(e, PART_ATTRIBUTE) === name)
const missing = (all: Element[], parts: readonly PagePart[]) => parts.filter((p) => part(all, p).length === 0)

let renderer: SiteRenderer
beforeAll(async () => {
  renderer = await loadRenderer('http://127.0.0.1:8080/health/')
  await renderer.prepare()
}, 60_000)

const withRelated = articles.find((a) => a.related.length > 0 && a.fullText) as Article
const embed = (a: Article) => ({ id: a.id, text: JSON.stringify(a) })

describe('the site renderer', () => {
  test('an article page: ready, every contract part, its title as text, related cards as links', () => {
    const all = elementsOf(renderer.renderPage('article', { id: withRelated.id }, embed(withRelated)))
    expect(missing(all, PAGE_PARTS.article)).toEqual([])
    const [root] = part(all, PART.page)
    expect(attr(root, READY_ATTRIBUTE)).toBe('true')
    expect(textOf(part(all, PART.articleTitle)[0]).trim()).toBe(withRelated.title)
    const cards = part(all, PART.articleCard)
    expect(cards.map((c) => [c.tagName, attr(c, 'href')])).toEqual(
      withRelated.related.filter((id) => articles.some((a) => a.id === id)).map((id) => ['a', `/health/article/${id}/`]),
    )
    // 返回首页 works without the app: a link to home inside the control.
    const home = part(all, PART.homeLink)[0]
    expect(home.childNodes.some((c) => 'tagName' in c && c.tagName === 'a' && attr(c, 'href') === '/health/')).toBe(true)
  })

  test('Taro\'s frame: the navigation bar with the page\'s title, then .taro_router > .taro_page > the page', () => {
    const all = elementsOf(renderer.renderPage('mine', {}))
    const title = all.find((e) => attr(e, 'class') === 'taro-navigation-bar-title') as Element
    expect(textOf(title)).toBe('我的')
    const [root] = part(all, PART.page)
    const page = root.parentNode as Element
    expect(attr(page, 'class')?.split(' ')).toContain('taro_page')
    expect(attr(page.parentNode as Element, 'class')).toBe('taro_router')
  })

  test('home, search, 我的 and not-found each carry their parts, ready', () => {
    for (const [kind, parts] of [['home', PAGE_PARTS.home], ['search', PAGE_PARTS.search], ['mine', PAGE_PARTS.mine], ['notFound', PAGE_PARTS.notFound]] as const) {
      const all = elementsOf(renderer.renderPage(kind, {}))
      expect({ kind, missing: missing(all, parts), ready: attr(part(all, PART.page)[0], READY_ATTRIBUTE) }).toEqual({ kind, missing: [], ready: 'true' })
    }
  })

  test('markup in article text stays text', () => {
    const hostile: Article = { ...withRelated, id: 'hostile001', title: '<img src=x onerror=alert(1)>标题</div>', summary: '"><script>alert(1)</script>' }
    const html = renderer.renderPage('article', { id: hostile.id }, embed(hostile))
    const all = elementsOf(html)
    expect(all.filter((e) => e.tagName === 'script' || e.tagName === 'img')).toEqual([])
    expect(all.flatMap((e) => e.attrs).filter((a) => a.name.startsWith('on'))).toEqual([])
    expect(textOf(part(all, PART.articleTitle)[0]).trim()).toBe(hostile.title)
  })
})

// How the prerender composes an H5 page (scripts/site/pageHtml.ts) when the article's text is
// hostile: titles, summaries and bodies come from a third-party site. Each composed page is read
// back with parse5 (the HTML standard's parsing algorithm, as a browser parses) and must have
// exactly the shell's elements plus the prerender's own: nothing the data says becomes markup.
import fc from 'fast-check'
import { parse, type DefaultTreeAdapterMap } from 'parse5'
import type { Article } from '../../src/core/article'
import { articlePageTitle, articleShareTitle, pageDescription } from '../../src/core/pageMeta'
import {
  assertInertMarkup,
  composePage,
  escapeHtml,
  pageStartScript,
  parseShell,
  robotsTxt,
  scriptJson,
  shellHtml,
  sitemapXml,
  type PageParts,
  type SitePage,
} from '../../scripts/site/pageHtml'
import { anyText, checkProperty } from './support/property'

type Node = DefaultTreeAdapterMap['node']
type Element = DefaultTreeAdapterMap['element']

// Taro's built index.html in its shape, attributes in an order of their own (href before rel).
const SHELL = [
  '<!DOCTYPE html>',
  '<html lang="zh-CN">',
  '<head>',
  '  <meta charset="utf-8">',
  '  <meta content="width=device-width,initial-scale=1" name="viewport">',
  '  <meta name="description" content="健康资讯:医保政策、就医指南与常见疾病问答">',
  '  <title>健康资讯</title>',
  '  <style>html,body{height:100%}</style>',
  '  <script>!function(n){n.documentElement.style.fontSize="20px"}(document)</script>',
  '<script defer="defer" src="/js/runtime.1a2b3c4d.js"></script><script src="/js/app.5e6f7a8b.js" defer="defer"></script>',
  '<link href="/css/app.9c0d1e2f.css" rel="stylesheet"></head>',
  '<body>',
  '  <div id="app"></div>',
  '</body>',
  '</html>',
].join('\n')

const TITLE_PAYLOAD = '"><img src=x onerror=alert(1)>'
const BODY_PAYLOAD = "费用$'报销$&比例$1与$`说明</script><script>alert(1)</script><!--注释]]>结束\u2028下一行\u2029"
const BOOT_OPTIONS = '__HN_BOOT_OPTIONS__'
const PAGE_BOOT = `!function(){bootPage(${BOOT_OPTIONS})}()`
const POLICY = "default-src 'self'; script-src 'self' 'sha256-x'"

function hostileArticle(title = TITLE_PAYLOAD, text = BODY_PAYLOAD): Article {
  return {
    id: 'abc123',
    title,
    summary: `${text} 摘要`,
    body: [
      { type: 'heading', text },
      { type: 'paragraph', text: `<p onclick="x()">${text}</p>` },
      { type: 'listItem', text, ordered: true, marker: '1.' },
    ],
    fullText: true,
    date: '2026-12-01',
    source: '健康新闻',
    region: { province: '山西', city: '朔州' },
    topics: ['医保'],
    related: [],
  }
}

function articlePage(article: Article): SitePage {
  return {
    path: `article/${article.id}/`,
    file: `article/${article.id}/index.html`,
    title: articlePageTitle(article),
    ogTitle: articleShareTitle(article),
    description: pageDescription(article),
    canonical: `https://example.org/health/article/${article.id}/`,
    image: `https://example.org/health/share/${article.id}.png`,
    type: 'article',
    article,
  }
}

/** The page body as React's server renderer writes it: text escaped. */
function bodyOf(article: Article) {
  const text = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;')
  return `<div class="hn-page"><h1 class="detail-article__title">${text(article.title)}</h1>${(article.body || []).map((b) => `<p>${text(b.text)}</p>`).join('')}</div>`
}

function compose(article: Article, shell = SHELL): string {
  const template = parseShell(shell)
  const parts: PageParts = {
    page: articlePage(article),
    siteName: '健康资讯',
    policy: POLICY,
    body: bodyOf(article),
    stylesheet: '/health/css/site.0123abcd.css',
    forwarder: 'forwardOldLink("/health")',
    start: pageStartScript(PAGE_BOOT, BOOT_OPTIONS, { sources: template.sources, now: false, sharedStep: true, boot: '/health/js/boot.0123abcd.js' }),
    recordId: 'hn-article',
    overlayId: 'hn-prerendered',
  }
  return composePage(template, parts)
}

function allNodes(node: Node): Node[] {
  const children = 'childNodes' in node ? node.childNodes : []
  return [node, ...children.flatMap(allNodes)]
}
const isElement = (node: Node): node is Element => 'tagName' in node
const attr = (e: Element, name: string) => e.attrs.find((a) => a.name === name)?.value
const text = (e: Element) => e.childNodes.map((c) => ('value' in c ? c.value : '')).join('')

function read(html: string) {
  const document = parse(html)
  const nodes = allNodes(document)
  const elements = nodes.filter(isElement)
  return {
    document,
    nodes,
    elements,
    /** Tag names and attribute names in document order: the page's structure, without its data. */
    shape: elements.map((e) => `${e.tagName}[${e.attrs.map((a) => a.name).join(',')}]`),
    byTag: (tag: string) => elements.filter((e) => e.tagName === tag),
  }
}

describe('composePage with hostile article text', () => {
  const article = hostileArticle()
  const html = compose(article)
  const page = read(html)

  test('one document: one doctype, one <html>, <head>, <body>', () => {
    expect(html.match(/<!doctype/gi)).toHaveLength(1)
    expect(page.document.childNodes.filter((n) => n.nodeName === '#documentType')).toHaveLength(1)
    for (const tag of ['html', 'head', 'body', 'title']) expect(page.byTag(tag)).toHaveLength(1)
  })

  test('no element or attribute comes from the data', () => {
    expect(page.byTag('img')).toHaveLength(0)
    expect(page.byTag('p')).toHaveLength(3)
    expect(page.elements.flatMap((e) => e.attrs.map((a) => a.name)).filter((name) => /^on/.test(name))).toEqual([])
    // The shell's own inline script, the forwarder, the record and the start script (which loads
    // the page boot file after the first paint): nothing else.
    const scripts = page.byTag('script')
    expect(scripts.map((s) => attr(s, 'type') || 'classic')).toEqual(['classic', 'classic', 'application/json', 'classic'])
    expect(scripts.flatMap((s) => attr(s, 'src') ?? [])).toEqual([])
    expect(scripts.map(text).filter((t) => t.includes('alert'))).toHaveLength(1)
    expect(attr(scripts[2], 'id')).toBe('hn-article')
    // The same structure as a page of harmless text.
    expect(page.shape).toEqual(read(compose(hostileArticle('医保报销', '普通的说明'))).shape)
  })

  test('title, description and og: tags carry the text exactly, as the app sets it', () => {
    expect(text(page.byTag('title')[0])).toBe(`${TITLE_PAYLOAD} - 健康资讯`)
    expect(text(page.byTag('title')[0])).toBe(articlePageTitle(article))
    const meta = (key: string, value: string) => page.byTag('meta').find((m) => attr(m, key) === value)
    expect(attr(meta('property', 'og:title') as Element, 'content')).toBe(TITLE_PAYLOAD)
    expect(attr(meta('name', 'description') as Element, 'content')).toBe(pageDescription(article))
    expect(page.byTag('meta').filter((m) => attr(m, 'name') === 'description')).toHaveLength(1)
    // The visible title is the snapshot's text node, still the title.
    expect(text(page.elements.find((e) => attr(e, 'class') === 'detail-article__title') as Element)).toBe(TITLE_PAYLOAD)
  })

  test('the embedded record round-trips and its text has no `<`, `>`, `&` or line separator raw', () => {
    const record = text(page.byTag('script')[2])
    expect(JSON.parse(record)).toEqual(article)
    expect(record).not.toMatch(/[<>&\u2028\u2029]/)
  })

  test('no `$` in the data acts as a replacement pattern', () => {
    expect(html).toContain("费用$'报销$&amp;比例$1与$`说明")
    expect(html.indexOf('<html')).toBe(html.lastIndexOf('<html'))
    expect(html.length).toBeLessThan(SHELL.length + 6000)
  })

  test('the policy comes before any script, and the app scripts move into the start options', () => {
    const first = page.elements.findIndex((e) => e.tagName === 'meta' && attr(e, 'http-equiv') === 'Content-Security-Policy')
    const firstScript = page.elements.findIndex((e) => e.tagName === 'script')
    expect(first).toBeGreaterThan(-1)
    expect(first).toBeLessThan(firstScript)
    expect(attr(page.elements[first], 'content')).toBe(POLICY)
    // No script of the site's loads by itself: the start script loads the page boot file after the
    // first paint, and the boot the app's scripts on the reader's intent.
    expect(page.byTag('script').flatMap((s) => attr(s, 'src') ?? [])).toEqual([])
    const start = text(page.byTag('script')[3])
    expect(JSON.parse(start.slice('!function(){bootPage('.length, -')}()'.length))).toEqual({
      sources: ['/js/runtime.1a2b3c4d.js', '/js/app.5e6f7a8b.js'],
      now: false,
      sharedStep: true,
      boot: '/health/js/boot.0123abcd.js',
    })
    expect(attr(page.byTag('html')[0], 'data-prerendered')).toBe('')
  })

  test('the page loads the site stylesheet in place of the app\'s, its address escaped', () => {
    const template = parseShell(SHELL)
    const out = composePage(template, {
      page: articlePage(article),
      siteName: '健康资讯',
      policy: POLICY,
      body: '',
      stylesheet: '/x"><script>alert(1)</script>.css',
      forwarder: '',
      start: '',
      recordId: 'hn-article',
      overlayId: 'hn-prerendered',
    })
    const runnable = read(out).byTag('script').filter((e) => !attr(e, 'type'))
    expect(runnable.map(text).filter((t) => t.includes('alert'))).toEqual([])
    const links = read(out).byTag('link').filter((e) => attr(e, 'rel') === 'stylesheet')
    expect(links.map((e) => attr(e, 'href'))).toEqual(['/x"><script>alert(1)</script>.css'])
  })

  test('any text at all leaves the page shape as it is', () => {
    const shape = read(compose(hostileArticle('标题', '正文'))).shape
    const fragments = fc.constantFrom("$'", '$&', '$1', '$`', '$$', '</script>', '<script>', '<!--', '-->', ']]>', '"', "'", '<', '>', '&amp;', '\u2028', '\u0000', '</title>', '<img src=x onerror=alert(1)>')
    const hostile = fc.array(fc.oneof(anyText(20), fragments), { maxLength: 8 }).map((parts) => parts.join(''))
    checkProperty('composed page shape under any title and text', [hostile, hostile], (title, body) => {
      const article = hostileArticle(title, body)
      const html = compose(article)
      const out = read(html)
      expect(out.shape).toEqual(shape)
      expect(JSON.parse(text(out.byTag('script')[2]))).toEqual(article)
    }, 200)
  })
})

describe('the bare shell', () => {
  test('keeps the app scripts and gains the policy; a second run starts from the same shell', () => {
    const once = shellHtml(parseShell(SHELL), POLICY)
    const shell = read(once)
    expect(shell.byTag('script').filter((s) => attr(s, 'src'))).toHaveLength(2)
    expect(shell.byTag('meta').filter((m) => attr(m, 'http-equiv') === 'Content-Security-Policy')).toHaveLength(1)
    expect(shell.byTag('style').every((s) => attr(s, 'data-shell') === '')).toBe(true)
    expect(shellHtml(parseShell(once), POLICY)).toBe(once)
    // A page composed from the marked shell is the page composed from Taro's own.
    expect(compose(hostileArticle(), once)).toBe(compose(hostileArticle()))
  })

  test('a shell without the parts a page needs is an error, not a page', () => {
    expect(() => parseShell(SHELL.replace('<div id="app"></div>', ''))).toThrow(/app/)
    expect(() => parseShell(SHELL.replace(/<script[^>]*src[^>]*><\/script>/g, ''))).toThrow(/no scripts/)
  })
})

describe('escaping helpers', () => {
  test('scriptJson cannot end or bend a script element and parses back', () => {
    const value = { a: '</script><!--x-->]]>&amp;\u2028\u2029', b: ["$'"] }
    const json = scriptJson(value)
    expect(json).not.toMatch(/<|>|&|\u2028|\u2029/)
    expect(JSON.parse(json)).toEqual(value)
  })

  test('escapeHtml leaves no double quote, angle bracket or bare ampersand', () => {
    expect(escapeHtml(`"'<>&`)).toBe('&quot;\'&lt;&gt;&amp;')
  })

  test('sitemap.xml escapes and drops what XML 1.0 forbids', () => {
    const xml = sitemapXml([{ url: 'https://example.org/a?x=1&y=<2>\u0001\u000b\ud800', lastmod: '2026-12-01' }])
    expect(xml).toContain('<loc>https://example.org/a?x=1&amp;y=&lt;2&gt;</loc><lastmod>2026-12-01</lastmod>')
    expect(sitemapXml([{ url: "https://example.org/it's" }])).toContain('<loc>https://example.org/it&apos;s</loc>')
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]|[\ud800-\udfff]/)
  })

  test('robots.txt values cannot start a line of their own', () => {
    expect(robotsTxt('/a\nDisallow: /', 'https://example.org/sitemap.xml').split('\n')).toEqual([
      'User-agent: *',
      'Allow: /',
      'Disallow: /aDisallow: //pages/',
      'Sitemap: https://example.org/sitemap.xml',
      '',
    ])
  })

  test('pageStartScript puts the options in as JSON, `$` and all', () => {
    const out = pageStartScript(PAGE_BOOT, BOOT_OPTIONS, { sources: ["/js/$'.js", '/js/$&.js'] })
    expect(out).toBe('!function(){bootPage({"sources":["/js/$\'.js","/js/$&.js"]})}()'.replace('&', '\\u0026'))
  })
})

describe('assertInertMarkup', () => {
  test('passes escaped text, fails markup that could run', () => {
    expect(() => assertInertMarkup(`<p>${escapeHtml(TITLE_PAYLOAD)}</p><a href="/article/x/">x</a>`, 'page')).not.toThrow()
    expect(() => assertInertMarkup('<p><img src=x onerror=alert(1)></p>', 'page')).toThrow(/onerror/)
    expect(() => assertInertMarkup('<a href=" javascript:alert(1)">x</a>', 'page')).toThrow(/href/)
    expect(() => assertInertMarkup('<div><script>alert(1)</script></div>', 'page')).toThrow(/script/)
    expect(() => assertInertMarkup('<a href="java\tscr\nipt:alert(1)">x</a>', 'page')).toThrow(/href/)
    expect(() => assertInertMarkup('<div ONCLICK = "x()">x</div>', 'page')).toThrow(/onclick/)
  })
})

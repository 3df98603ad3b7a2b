// How scripts/site/prerender.ts turns Taro's index.html shell, a page's rendered markup and its data into
// the HTML file a static host serves.
//
// Article titles, summaries and bodies come from saved pages of a third-party site: every piece
// of data that reaches the HTML is escaped for the place it lands in (element text, attribute
// value, JSON inside <script>, XML), and the shell is never edited with regular expressions or
// String.replace patterns. It is parsed once with parse5 (the HTML standard's own parsing
// algorithm), and each page is the shell's text with insertions and removals at the offsets
// parse5 reports, so no attribute order or spelling in Taro's template is assumed.
import { parse, parseFragment, type DefaultTreeAdapterMap } from 'parse5'
import type { Article } from '../../src/core/article'

type Node = DefaultTreeAdapterMap['node']
type Element = DefaultTreeAdapterMap['element']

/** Marks a file the prerender wrote, so a second run starts again from the bare shell. */
export const PRERENDERED_MARK = 'data-prerendered'
/** Marks the shell's own <style> elements, which a snapshot must not copy a second time. */
export const SHELL_STYLE_MARK = 'data-shell'

export interface SitePage {
  /** Path under the site root, as routes.ts writes it ('' for home). */
  path: string
  /** Output file under dist. */
  file: string
  /** The tab and link title: for an article, exactly what the app sets (articlePageTitle). */
  title: string
  /** og:title when it differs from the title: an article's own title, as the app sets it. */
  ogTitle?: string
  description: string
  /** Absent for the not-found page: it is no address of its own. */
  canonical?: string
  image: string
  type: 'website' | 'article'
  /** Personal pages (我的): kept out of search engines and the sitemap. */
  noindex?: boolean
  /** The article an article page shows, embedded in its HTML for the app. */
  article?: Article
}

/** Text for element content or a double-quoted attribute value. */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' }

/** Every attribute here is double-quoted, so a `'` (as in a policy's 'self') stays as it is. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ENTITIES[c])
}

/**
 * JSON that is safe inside a <script> element: no `</script>`, `<!--`, `]]>` or `&` entity can
 * end or bend the element, and U+2028/2029 cannot end a line in older JavaScript parsers.
 * JSON.parse of the element's text gives back the value exactly.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

/**
 * Text for an XML 1.0 document (sitemap.xml): escaped, and without the characters XML 1.0
 * forbids (most C0 controls, lone surrogates, U+FFFE/FFFF), which would make the whole file
 * unreadable to a crawler.
 */
export function xmlText(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
    .replace(/[&<>"']/g, (c) => ENTITIES[c])
}

/** One element as text: a tag name and attributes the caller wrote, every value escaped. */
function tag(name: string, attributes: Record<string, string>, content?: string): string {
  const attrs = Object.entries(attributes)
    .map(([key, value]) => ` ${key}="${escapeHtml(value)}"`)
    .join('')
  return content === undefined ? `<${name}${attrs}>` : `<${name}${attrs}>${content}</${name}>`
}

/** The head tags a link preview or search engine reads, for one page. */
export function headTags(page: SitePage, siteName: string): string {
  const tags = [
    tag('title', {}, escapeHtml(page.title)),
    tag('meta', { name: 'description', content: page.description }),
    page.canonical ? tag('link', { rel: 'canonical', href: page.canonical }) : '',
    !page.canonical || page.noindex ? tag('meta', { name: 'robots', content: 'noindex' }) : '',
    tag('meta', { property: 'og:site_name', content: siteName }),
    tag('meta', { property: 'og:type', content: page.type }),
    tag('meta', { property: 'og:title', content: page.ogTitle ?? page.title }),
    tag('meta', { property: 'og:description', content: page.description }),
    tag('meta', { property: 'og:image', content: page.image }),
    tag('meta', { property: 'og:image:width', content: '800' }),
    tag('meta', { property: 'og:image:height', content: '640' }),
    page.canonical ? tag('meta', { property: 'og:url', content: page.canonical }) : '',
  ]
  return tags.join('')
}

/** A change to the shell's text: `text` replaces [start, end). */
interface Edit {
  start: number
  end: number
  text: string
}

function applyEdits(source: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end)
  let out = ''
  let at = 0
  for (const edit of sorted) {
    if (edit.start < at) throw new Error('page html: overlapping edits of the shell')
    out += source.slice(at, edit.start) + edit.text
    at = edit.end
  }
  return out + source.slice(at)
}

function attr(element: Element, name: string): string | undefined {
  const found = element.attrs.find((a) => a.name === name)
  return found ? found.value : undefined
}

function* elements(node: Node): Generator<Element> {
  if ('tagName' in node) yield node
  const children = 'childNodes' in node ? node.childNodes : []
  for (const child of children) yield* elements(child)
  if ('content' in node && node.content) yield* elements(node.content)
}

function textOf(element: Element): string {
  return element.childNodes.map((child) => ('value' in child && child.nodeName === '#text' ? child.value : '')).join('')
}

function isDataScript(element: Element): boolean {
  const type = (attr(element, 'type') || '').trim().toLowerCase()
  return type !== '' && !/^(text|application)\/(javascript|ecmascript)$/.test(type) && type !== 'module'
}

/** Taro's index.html, parsed once: where each page's parts go. */
export interface ShellTemplate {
  source: string
  /** The app's own scripts, in order (src of each external <script>). */
  sources: string[]
  /** The text of each inline script the shell runs (each needs its hash in the policy). */
  inlineScripts: string[]
  /** Removals of what a page replaces: the app scripts (started by the page boot), title, description. */
  pageRemovals: Edit[]
  /** Removals of what an earlier run added: a policy and marks. */
  markRemovals: Edit[]
  /** Where the html start tag's attributes end. */
  htmlTagEnd: number
  /** Right after <meta charset>. */
  afterCharset: number
  /** The build's stylesheet link, and the address it loads (the app's CSS). */
  stylesheet: { start: number; end: number; href: string }
  /** Right after <div id="app"></div>. */
  afterApp: number
  /** Where a ` data-shell` attribute goes in each of the shell's own <style> start tags. */
  shellStyleAttrAt: number[]
}

function located(element: Element, what: string): NonNullable<Element['sourceCodeLocation']> {
  const location = element.sourceCodeLocation
  if (!location) throw new Error(`page html: ${what} has no source location in the shell`)
  return location
}

/** Parses Taro's built index.html (or a shell this module wrote before: its marks are undone). */
export function parseShell(source: string): ShellTemplate {
  const document = parse(source, { sourceCodeLocationInfo: true })
  const all = [...elements(document)]
  const one = (what: string, test: (e: Element) => boolean): Element => {
    const found = all.filter(test)
    if (found.length !== 1) throw new Error(`page html: the shell has ${found.length} ${what}, expected one; has Taro's index.html changed?`)
    return found[0]
  }
  const html = one('<html> elements', (e) => e.tagName === 'html')
  const charset = one('<meta charset> elements', (e) => e.tagName === 'meta' && attr(e, 'charset') !== undefined)
  const stylesheet = one('stylesheet links', (e) => e.tagName === 'link' && (attr(e, 'rel') || '').toLowerCase() === 'stylesheet')
  const app = one('<div id="app"> elements', (e) => e.tagName === 'div' && attr(e, 'id') === 'app')

  const pageRemovals: Edit[] = []
  const markRemovals: Edit[] = []
  const removeElement = (e: Element, what: string, into = pageRemovals) => {
    const at = located(e, what)
    into.push({ start: at.startOffset, end: at.endOffset, text: '' })
  }
  const removeAttribute = (e: Element, name: string) => {
    const at = located(e, name).attrs?.[name]
    // The space before the attribute goes with it.
    if (at) markRemovals.push({ start: at.startOffset - 1, end: at.endOffset, text: '' })
  }
  const sources: string[] = []
  const inlineScripts: string[] = []
  for (const e of all) {
    if (e.tagName === 'script' && !isDataScript(e)) {
      const src = attr(e, 'src')
      if (src !== undefined) {
        sources.push(src)
        removeElement(e, 'an app script')
      } else {
        inlineScripts.push(textOf(e))
      }
    }
    if (e.tagName === 'title') removeElement(e, '<title>')
    if (e.tagName === 'meta' && (attr(e, 'name') || '').toLowerCase() === 'description') removeElement(e, 'the description')
    if (e.tagName === 'meta' && (attr(e, 'http-equiv') || '').toLowerCase() === 'content-security-policy') removeElement(e, 'a policy', markRemovals)
  }
  if (sources.length === 0) throw new Error("page html: the shell loads no scripts; has Taro's index.html changed?")
  removeAttribute(html, PRERENDERED_MARK)
  const shellStyleAttrAt: number[] = []
  for (const e of all) {
    if (e.tagName !== 'style') continue
    removeAttribute(e, SHELL_STYLE_MARK)
    shellStyleAttrAt.push(located(e, '<style>').startOffset + '<style'.length)
  }
  const htmlAt = located(html, '<html>')
  const appAt = located(app, '<div id="app">')
  const linkAt = located(stylesheet, 'the stylesheet link')
  return {
    source,
    sources,
    inlineScripts,
    pageRemovals,
    markRemovals,
    htmlTagEnd: htmlAt.startTag ? htmlAt.startTag.endOffset - 1 : htmlAt.startOffset + '<html'.length,
    afterCharset: located(charset, '<meta charset>').endOffset,
    stylesheet: { start: linkAt.startOffset, end: linkAt.endOffset, href: attr(stylesheet, 'href') || '' },
    afterApp: appAt.endOffset,
    shellStyleAttrAt,
  }
}

function policyMeta(policy: string): string {
  return tag('meta', { 'http-equiv': 'Content-Security-Policy', content: policy })
}

/**
 * The bare shell (app.html, and index.html while the snapshots are taken): the app as Taro
 * built it, under the site's policy, its own styles marked.
 */
export function shellHtml(template: ShellTemplate, policy: string): string {
  return applyEdits(template.source, [
    ...template.markRemovals,
    { start: template.afterCharset, end: template.afterCharset, text: policyMeta(policy) },
    ...template.shellStyleAttrAt.map((at) => ({ start: at, end: at, text: ` ${SHELL_STYLE_MARK}` })),
  ])
}

/** What one page adds to the shell. */
export interface PageParts {
  page: SitePage
  siteName: string
  policy: string
  /** The page's first screen as static markup (scripts/site/renderer.ts), text escaped. */
  body: string
  /** The site's one stylesheet (scripts/site/siteStyles.ts), in place of the app's link. */
  stylesheet: string
  /** The old-link forwarder, run first ('' for none). */
  forwarder: string
  /**
   * The page's inline start script (pageStartScript), run after the first screen, before its paint;
   * it loads the page boot file (scripts/site/pageBoot.ts) once that screen is painted.
   */
  start: string
  /** The id of the <script type="application/json"> holding an article page's record. */
  recordId: string
  /** The overlay's element id: it holds the first screen above the app until it takes over. */
  overlayId: string
}

/** The inline start bundle (scripts/lib/pagePaint.ts) with this page's options where its placeholder stands. */
export function pageStartScript(pageBoot: string, placeholder: string, options: unknown): string {
  const parts = pageBoot.split(placeholder)
  if (parts.length !== 2) throw new Error(`page html: the page boot script holds its options placeholder ${parts.length - 1} times, expected once`)
  return parts.join(scriptJson(options))
}

export function composePage(template: ShellTemplate, parts: PageParts): string {
  const { page } = parts
  const record = page.article ? tag('script', { type: 'application/json', id: parts.recordId, 'data-id': page.article.id }, scriptJson(page.article)) : ''
  // An empty icon: without an icon link the browser asks for /favicon.ico while the first screen
  // is drawn, and Lighthouse's simulation (Lantern) makes the LCP wait for every request that
  // starts before it is observed (one more slow-4G round trip: LCP 0.92 s instead of 0.77 s).
  const icon = tag('link', { rel: 'icon', href: 'data:,' })
  const head = `${policyMeta(parts.policy)}${icon}${parts.forwarder ? `<script>${parts.forwarder}</script>` : ''}${headTags(page, parts.siteName)}`
  return applyEdits(template.source, [
    ...template.pageRemovals,
    ...template.markRemovals,
    { start: template.htmlTagEnd, end: template.htmlTagEnd, text: ` ${PRERENDERED_MARK}=""` },
    { start: template.afterCharset, end: template.afterCharset, text: head },
    { start: template.stylesheet.start, end: template.stylesheet.end, text: tag('link', { rel: 'stylesheet', href: parts.stylesheet }) },
    { start: template.afterApp, end: template.afterApp, text: `<div id="${escapeHtml(parts.overlayId)}">${parts.body}</div>${record}<script>${parts.start}</script>` },
  ])
}

/**
 * Fails when a snapshot's markup could run anything: a script element, an inline handler, a
 * `javascript:` address. The app renders text only, so this is a broken build, never a page.
 */
export function assertInertMarkup(html: string, what: string): void {
  // Parsing costs ~3 ms a page; markup that could run always has one of these in its text (URL
  // parsers drop tabs and line breaks anywhere in a scheme), so most pages need no parse at all.
  const suspicious = /<(?:script|iframe|object|embed)\b|\son[a-z]+\s*=/i.test(html) || /(?:script|data):/i.test(html.replace(/[\t\n\r]/g, ''))
  if (!suspicious) return
  for (const e of elements(parseFragment(html))) {
    if (e.tagName === 'script' || e.tagName === 'iframe' || e.tagName === 'object' || e.tagName === 'embed') throw new Error(`page html: ${what} contains a <${e.tagName}>`)
    for (const a of e.attrs) {
      if (/^on/i.test(a.name)) throw new Error(`page html: ${what} has an inline handler (${a.name})`)
      if (/^(href|src|action|formaction|xlink:href)$/i.test(a.name) && /^\s*(javascript|vbscript|data):/i.test(a.value.replace(/[\u0000-\u001f]/g, ''))) {
        throw new Error(`page html: ${what} has a script address in ${a.name}`)
      }
    }
  }
}

/** sitemap.xml: each URL with its date when it has one. */
export function sitemapXml(entries: readonly { url: string; lastmod?: string }[]): string {
  const urls = entries.map((entry) => `  <url><loc>${xmlText(entry.url)}</loc>${entry.lastmod ? `<lastmod>${xmlText(entry.lastmod)}</lastmod>` : ''}</url>`)
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`
}

/** robots.txt: one value a line, so no value may carry a line break or other control. */
export function robotsTxt(basePath: string, sitemapUrl: string): string {
  const line = (value: string) => value.replace(/[\u0000-\u001f\u007f]/g, '')
  return `User-agent: *\nAllow: /\nDisallow: ${line(basePath)}/pages/\nSitemap: ${line(sitemapUrl)}\n`
}

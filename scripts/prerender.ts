// The H5 site's pages as HTML files, written after `taro build --type h5` (npm run build:h5):
//   index.html, search/index.html, mine/index.html, article/<id>/index.html, 404.html  (each page's first screen)
//   share/<id>.png    each article's 5:4 share card (its og:image), drawn by the app's own layout
//   sitemap.xml, robots.txt, site.json (base path for scripts/serve.mjs), app.html (bare shell)
// then precompresses every text file (.br and .gz beside it) and generates the service worker.
//
// Why snapshots of the built app rather than a second renderer of the data: the HTML must be
// the app's own first frame, element for element, so that when the scripts arrive and the app
// takes over there is nothing to move (CLS) and nothing that a second set of templates could
// get subtly wrong. Each page is loaded from this very build in headless Chromium, its DOM and
// the styles Taro injects are copied, ids and comments dropped, and article cards turned into
// real links. The output is byte-identical from run to run (prerender twice and compare with
// scripts/compare-sites.ts), so it stays as deterministic as a plain renderer. How pages and cards
// are produced fast enough for 10,000 articles: scripts/lib/pageSnapshots.ts, shareCards.ts.
//
//   npx tsx scripts/prerender.ts [dist/h5]        (H5_BASE_URL as for the build)
import { buildSync } from 'esbuild'
import fs from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import type { Browser } from 'playwright-core'
import type { Article, ArticleDataset } from '../src/core/article'
import { articlePageTitle, pageDescription, shareCardPath, SITE_DESCRIPTION } from '../src/core/pageMeta'
import { APP_NAME as SITE_NAME } from '../src/core/text'
import { PAGE_PATHS, publicPath, siteUrl } from '../src/core/routes'
// The pipeline's output of record (what the app's shards are made from), read at build time.
import dataset from '../src/data/articles.json'
import type { BootOptions } from './lib/pageBoot'
import { EMBEDDED_ARTICLE_ID } from '../src/data/embedded'
import { snapshotPages, type PageSnapshot } from './lib/pageSnapshots'
import { precompressDir } from './lib/precompress'
import { drawShareCards } from './lib/shareCards'
import { StagedFiles } from './lib/stagedFiles'
import { generateServiceWorker } from './lib/serviceWorker'

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { launchChromium, PHONE } = require('./chromium.cjs') as {
  launchChromium: () => Promise<Browser>
  PHONE: Parameters<Browser['newContext']>[0]
}

const repoRoot = path.resolve(__dirname, '..')
const { articles, disclaimers } = dataset as unknown as ArticleDataset
const dist = path.resolve(process.argv[2] || path.join(repoRoot, 'dist', 'h5'))
const baseUrl = process.env.H5_BASE_URL || 'http://127.0.0.1:8080/'
const basePath = new URL(baseUrl).pathname.replace(/\/+$/, '')
/** Marks a file this step wrote, so a second run starts again from the bare shell. */
const MARK = 'data-prerendered'
/** Tabs that snapshot article pages side by side (PRERENDER_TABS): the machine has 2 cores. */
const PRERENDER_TABS = Number(process.env.PRERENDER_TABS) || 2

interface SitePage {
  /** Path under the site root, as routes.ts writes it ('' for home). */
  path: string
  /** Output file under dist. */
  file: string
  title: string
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

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

function readShell(): string {
  const shellFile = path.join(dist, 'app.html')
  const indexFile = path.join(dist, 'index.html')
  if (!fs.existsSync(indexFile)) throw new Error(`prerender: ${indexFile} is missing; run "taro build --type h5" first.`)
  const index = fs.readFileSync(indexFile, 'utf8')
  if (!index.includes(MARK) && !index.includes('data-shell')) return index
  if (!fs.existsSync(shellFile)) throw new Error(`prerender: ${indexFile} was already prerendered and ${shellFile} is gone; rebuild H5.`)
  return fs.readFileSync(shellFile, 'utf8').replace('<style data-shell>', '<style>')
}

/** The packaged default card as built (under static/), for pages that are no article. */
function defaultCardUrl(): string {
  const found = walkFiles(path.join(dist, 'static')).find((file) => /default-card[^/]*\.png$/.test(file))
  if (!found) throw new Error(`prerender: the default share card is missing from ${path.join(dist, 'static')}`)
  return siteUrl(baseUrl, path.relative(dist, found).split(path.sep).join('/'))
}

function walkFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return []
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name)
    return entry.isDirectory() ? walkFiles(file) : [file]
  })
}

function sitePages(): SitePage[] {
  const defaultImage = defaultCardUrl()
  const home: SitePage = {
    path: '',
    file: 'index.html',
    title: `${SITE_NAME}:医保政策、就医指南与常见疾病问答`,
    description: SITE_DESCRIPTION,
    canonical: siteUrl(baseUrl, ''),
    image: defaultImage,
    type: 'website',
  }
  const search: SitePage = {
    path: publicPath(PAGE_PATHS.search),
    file: 'search/index.html',
    title: `搜索医保、就医与健康问答 - ${SITE_NAME}`,
    description: '搜索医保政策、就医指南与常见疾病问答,支持拼音和地名。',
    canonical: siteUrl(baseUrl, publicPath(PAGE_PATHS.search)),
    image: defaultImage,
    type: 'website',
  }
  const mine: SitePage = {
    path: publicPath(PAGE_PATHS.mine),
    file: 'mine/index.html',
    title: `我的:收藏、阅读记录与字号 - ${SITE_NAME}`,
    description: SITE_DESCRIPTION,
    canonical: siteUrl(baseUrl, publicPath(PAGE_PATHS.mine)),
    image: defaultImage,
    type: 'website',
    noindex: true,
  }
  const articlePages = articles.map((article: Article): SitePage => {
    const p = publicPath(`${PAGE_PATHS.detail}?id=${article.id}`)
    return {
      path: p,
      file: `${p}index.html`,
      title: articlePageTitle(article),
      description: pageDescription(article),
      canonical: siteUrl(baseUrl, p),
      image: siteUrl(baseUrl, shareCardPath(article.id)),
      type: 'article',
      article,
    }
  })
  const notFound: SitePage = {
    path: 'pages/not-found/index',
    file: '404.html',
    title: `没有找到页面 - ${SITE_NAME}`,
    description: home.description,
    image: defaultImage,
    type: 'website',
  }
  return [home, search, mine, ...articlePages, notFound]
}

/** The head tags a link preview or search engine reads, for one page. */
function headTags(page: SitePage): string {
  const tags = [
    `<title>${escapeHtml(page.title)}</title>`,
    `<meta name="description" content="${escapeHtml(page.description)}">`,
    page.canonical ? `<link rel="canonical" href="${escapeHtml(page.canonical)}">` : '',
    !page.canonical || page.noindex ? '<meta name="robots" content="noindex">' : '',
    `<meta property="og:site_name" content="${SITE_NAME}">`,
    `<meta property="og:type" content="${page.type}">`,
    `<meta property="og:title" content="${escapeHtml(page.type === 'article' ? page.title.replace(/ - [^-]+$/, '') : page.title)}">`,
    `<meta property="og:description" content="${escapeHtml(page.description)}">`,
    `<meta property="og:image" content="${escapeHtml(page.image)}">`,
    `<meta property="og:image:width" content="800">`,
    `<meta property="og:image:height" content="640">`,
  ]
  if (page.canonical) tags.push(`<meta property="og:url" content="${escapeHtml(page.canonical)}">`)
  return tags.filter(Boolean).join('')
}


const OVERLAY_CSS = `#hn-prerendered{position:fixed;left:0;top:0;right:0;bottom:0;z-index:2000;overflow:hidden;background:#f2f5f5}#hn-prerendered a[data-article-id]{display:block;color:inherit;text-decoration:none}`

function bootScript(): string {
  const entry = `
    import { forwardOldLink } from './scripts/lib/bootRedirect'
    forwardOldLink(${JSON.stringify(basePath)})
  `
  return buildSync({ stdin: { contents: entry, resolveDir: repoRoot, loader: 'ts' }, bundle: true, minify: true, format: 'iife', write: false, target: 'es2015' }).outputFiles[0].text.trim()
}

/** Stands for each page's own BootOptions in the one bundle of scripts/lib/pageBoot.ts. */
const BOOT_OPTIONS = '__HN_BOOT_OPTIONS__'

/**
 * How the page starts the app (scripts/lib/pageBoot.ts: text step before the first paint, the
 * app's scripts on the reader's first intent, the hand-over, the service worker), built once.
 */
function pageBootScript(): string {
  const entry = `
    import { bootPage } from './scripts/lib/pageBoot'
    bootPage(${BOOT_OPTIONS})
  `
  const code = buildSync({
    stdin: { contents: entry, resolveDir: repoRoot, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'iife',
    write: false,
    target: 'es2015',
    define: { H5_BASE_URL: JSON.stringify(baseUrl) },
  }).outputFiles[0].text.trim()
  if (!code.includes(BOOT_OPTIONS)) throw new Error('prerender: the page boot bundle lost its options placeholder')
  return code
}

/** JSON that is safe inside a <script> element: no `</script>` or `<!--` can end or bend it. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')
}

function composeHtml(shell: string, page: SitePage, snapshot: PageSnapshot, boot: string, pageBoot: string): string {
  const sources = [...shell.matchAll(/<script defer="defer" src="([^"]+)"><\/script>/g)].map((m) => m[1])
  if (sources.length === 0) throw new Error('prerender: the shell loads no deferred scripts; has Taro\'s index.html changed?')
  let html = shell.replace(/<script defer="defer" src="[^"]+"><\/script>/g, '')
  html = html.replace(/<title>[^<]*<\/title>/, '').replace(/<meta name="description"[^>]*>/, '')
  html = html.replace('<html lang="zh-CN">', `<html lang="zh-CN" ${MARK}="">`)
  // Forward old #/pages/... links before the router starts (the app scripts are deferred).
  html = html.replace('<head>', `<head><script>${boot}</script>`)
  html = html.replace(/(<meta charset="utf-8">)/, `$1${headTags(page)}`)
  const style = (css: string) => `<style>${css}</style>`
  html = html.replace(/(<link [^>]*rel="stylesheet"[^>]*>)/, `${snapshot.before.map(style).join('')}$1${snapshot.after.map(style).join('')}${style(OVERLAY_CSS)}`)
  // The article's record, so the app taking over does not fetch what the page already holds
  // (src/data/loader.h5.ts reads it for this id).
  const record = page.article ? `<script type="application/json" id="${EMBEDDED_ARTICLE_ID}" data-id="${escapeHtml(page.article.id)}">${scriptJson(page.article)}</script>` : ''
  const options: BootOptions = { sources, now: page.path === publicPath(PAGE_PATHS.search), sharedStep: page.type === 'article' }
  // A function, so no `$` in the options is read as a replacement pattern.
  const start = `<script>${pageBoot.replace(BOOT_OPTIONS, () => JSON.stringify(options))}</script>`
  html = html.replace('<div id="app"></div>', `<div id="app"></div><div id="hn-prerendered">${snapshot.body}</div>${record}${start}`)
  return html
}

function writeSitemap(pages: SitePage[]): void {
  const byPath = new Map(articles.map((a) => [publicPath(`${PAGE_PATHS.detail}?id=${a.id}`), a.date]))
  const urls = pages
    .filter((p) => p.canonical && !p.noindex)
    .map((p) => `  <url><loc>${escapeHtml(p.canonical as string)}</loc>${byPath.has(p.path) ? `<lastmod>${byPath.get(p.path)}</lastmod>` : ''}</url>`)
  fs.writeFileSync(path.join(dist, 'sitemap.xml'), `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`)
  fs.writeFileSync(path.join(dist, 'robots.txt'), `User-agent: *\nAllow: /\nDisallow: ${basePath}/pages/\nSitemap: ${siteUrl(baseUrl, 'sitemap.xml')}\n`)
}

async function main(): Promise<void> {
  const started = Date.now()
  const timing = (label: string) => process.env.PRERENDER_TIMING && console.log(`${label}: ${((Date.now() - started) / 1000).toFixed(1)} s`)
  const shell = readShell()
  // The shell's own style must not be copied a second time.
  const markedShell = shell.replace('<style>html,body{height:100%}</style>', '<style data-shell>html,body{height:100%}</style>')
  fs.writeFileSync(path.join(dist, 'index.html'), markedShell)
  fs.writeFileSync(path.join(dist, 'app.html'), markedShell)
  const appPages = [PAGE_PATHS.home, PAGE_PATHS.search, PAGE_PATHS.detail, PAGE_PATHS.mine]
  fs.writeFileSync(path.join(dist, 'site.json'), `${JSON.stringify({ basePath, appPages }, null, 2)}\n`)
  const pages = sitePages()
  const boot = bootScript()
  const pageBoot = pageBootScript()
  console.log(`page boot script: ${Buffer.byteLength(pageBoot)} bytes inline (${gzipSync(pageBoot).length} gzip), in every page`)

  // eslint-disable-next-line @typescript-eslint/ban-ts-comment
  // @ts-ignore serve.mjs is plain ESM without types
  const { startServer } = (await import('./serve.mjs')) as {
    startServer(o: { root: string; basePath?: string; htmlFile?: string }): Promise<{ url: string; close(): Promise<void> }>
  }
  const server = await startServer({ root: dist, basePath, htmlFile: 'app.html' })
  const browser = await launchChromium()
  // Everything is staged beside the site and moved in only after every page and card
  // succeeded: a failure leaves no half-prerendered site.
  const staged = new StagedFiles(dist)
  let htmlBytes = 0
  let cardBytes = 0
  try {
    const byId = new Map(articles.map((a) => [a.id, a]))
    const targets = pages.map((p) => {
      if (p.type !== 'article') return { path: p.path }
      const article = byId.get(p.path.split('/')[1]) as Article
      return { path: p.path, article: { title: article.title, relatedCount: article.related.filter((id) => byId.has(id)).length } }
    })
    const snapshotOptions = { serverUrl: server.url, basePath, contextOptions: PHONE, tabs: PRERENDER_TABS }
    await snapshotPages(browser, snapshotOptions, targets, (i, snapshot) => {
      const html = composeHtml(shell, pages[i], snapshot, boot, pageBoot)
      htmlBytes += Buffer.byteLength(html)
      staged.write(pages[i].file, html)
    })
    timing('pages')
    cardBytes = await drawShareCards(browser, articles, disclaimers, (file, png) => staged.write(file, png), PRERENDER_TABS)
    timing('cards')
    staged.commit()
  } catch (error) {
    staged.discard()
    throw error
  } finally {
    await browser.close()
    await server.close()
  }
  writeSitemap(pages)
  const sw = await generateServiceWorker(dist, basePath)
  timing('service worker')
  const compressed = await precompressDir(dist)
  timing('precompress')
  console.log(
    `prerendered ${pages.length} pages (${Math.round(htmlBytes / 1024)} KB HTML), ${articles.length} share cards (${Math.round(cardBytes / 1024)} KB), ` +
      `sitemap ${pages.filter((p) => p.canonical && !p.noindex).length} URLs, service worker precaches ${sw.count} files (${sw.size} bytes; build ${sw.version}), ` +
      `${compressed.files} files precompressed (${Math.round(compressed.raw / 1024)} KB → br ${Math.round(compressed.br / 1024)} KB, gz ${Math.round(compressed.gz / 1024)} KB) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  )
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})

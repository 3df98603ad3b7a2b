// The H5 site's pages as HTML files, written after `taro build --type h5` (npm run build:h5):
//   index.html, search/index.html, mine/index.html, article/<id>/index.html, 404.html  (each page's first screen)
//   share/<id>.png    each article's 5:4 share card (its og:image), drawn by the app's own layout
//   sitemap.xml, robots.txt, site.json (base path for scripts/site/serve.mjs), app.html (bare shell)
// then precompresses every text file (.br and .gz beside it) and generates the service worker.
//
// How: the pages are rendered in Node from the app's own React components and packaged data
// (scripts/site/renderer.ts), inside Taro's frame, as each looks once loaded; the styles they
// need are one hashed, immutable stylesheet (scripts/site/siteStyles.ts). The app then takes over
// each page in place (scripts/site/pageBoot.ts) with nothing to move. No browser is involved, and
// a file whose bytes did not change is not rewritten (scripts/site/writeSite.ts), so its
// compressed copies are not redone either.
//
//   npx tsx scripts/site/prerender.ts [dist/h5]        (H5_BASE_URL as for the build)
import { buildSync } from 'esbuild'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import type { Article, ArticleDataset } from '../../src/core/article'
import { articlePageTitle, articleShareTitle, pageDescription, shareCardPath, SITE_DESCRIPTION } from '../../src/core/pageMeta'
import { APP_NAME as SITE_NAME } from '../../src/core/text'
import { PAGE_PATHS, publicPath, siteUrl } from '../../src/core/routes'
// The pipeline's output of record (what the app's shards are made from), read at build time.
import dataset from '../../src/data/articles.json'
import type { BootOptions } from './pagePaint'
import { EMBEDDED_ARTICLE_ID } from '../../src/data/embedded'
import { contentSecurityPolicy } from './contentSecurityPolicy'
import { shellWithEditionScripts, siteEditionScripts } from '../pipeline/edition'
import {
  assertInertMarkup,
  composePage,
  pageStartScript,
  parseShell,
  PRERENDERED_MARK,
  robotsTxt,
  SHELL_STYLE_MARK,
  shellHtml,
  sitemapXml,
  type SitePage,
} from './pageHtml'
import { OVERLAY_ID } from './pagePaint'
import { loadRenderer, rendererBundle } from './renderer'
import { PageCache, pageKey, sourceFingerprint } from './pageCache'
import type { PageKind } from './renderEntry'
import { siteStylesheet } from './siteStyles'
import { precompressDir } from './precompress'
import { drawShareCards } from '../share-cards/shareCards'
import { StagedFiles } from './stagedFiles'
import { generateServiceWorker } from './serviceWorker'

const repoRoot = path.resolve(__dirname, '..', '..')
const { articles, disclaimers } = dataset as unknown as ArticleDataset
const dist = path.resolve(process.argv[2] || path.join(repoRoot, 'dist', 'h5'))
const baseUrl = process.env.H5_BASE_URL || 'http://127.0.0.1:8080/'
const basePath = new URL(baseUrl).pathname.replace(/\/+$/, '')
/**
 * Where drawn share cards are kept between builds: beside the rest of the build cache
 * (HN_BUILD_CACHE, set by scripts/site/build.ts), or shareCards.ts's own default.
 */
function cardCacheDir(): string | undefined {
  const configured = process.env.HN_BUILD_CACHE
  return configured && configured !== 'off' ? path.join(configured, 'cards') : undefined
}

function readShell(): string {
  const shellFile = path.join(dist, 'app.html')
  const indexFile = path.join(dist, 'index.html')
  if (!fs.existsSync(indexFile)) throw new Error(`prerender: ${indexFile} is missing; run "taro build --type h5" first.`)
  const index = fs.readFileSync(indexFile, 'utf8')
  if (!index.includes(PRERENDERED_MARK) && !index.includes(SHELL_STYLE_MARK)) return index
  if (!fs.existsSync(shellFile)) throw new Error(`prerender: ${indexFile} was already prerendered and ${shellFile} is gone; rebuild H5.`)
  // parseShell undoes the marks and the policy a run added to it.
  return fs.readFileSync(shellFile, 'utf8')
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
      ogTitle: articleShareTitle(article),
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

const OVERLAY_CSS = `#hn-prerendered{position:fixed;left:0;top:0;right:0;bottom:0;z-index:2000;overflow:hidden;background:var(--hn-bg)}#hn-prerendered a[data-article-id]{display:block;color:inherit;text-decoration:none}`

function bootScript(): string {
  const entry = `
    import { forwardOldLink } from './scripts/site/bootRedirect'
    forwardOldLink(${JSON.stringify(basePath)})
  `
  return buildSync({ stdin: { contents: entry, resolveDir: repoRoot, loader: 'ts' }, bundle: true, minify: true, format: 'iife', write: false, target: 'es2015' }).outputFiles[0].text.trim()
}

/** Stands for each page's own BootOptions in the one bundle of scripts/site/pagePaint.ts. */
const BOOT_OPTIONS = '__HN_BOOT_OPTIONS__'

function bundle(entry: string): string {
  return buildSync({
    stdin: { contents: entry, resolveDir: repoRoot, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'iife',
    write: false,
    target: 'es2015',
    // Chinese labels as UTF-8 (as the page is), not as \uXXXX escapes twice their size.
    charset: 'utf8',
    define: { H5_BASE_URL: JSON.stringify(baseUrl) },
  }).outputFiles[0].text.trim()
}

/**
 * What a page runs inline before its first paint (scripts/site/pagePaint.ts: the reader's text
 * size, A−/A+ until the boot file runs), built once with a placeholder for each page's options.
 */
function pagePaintScript(): string {
  const code = bundle(`import { paintPage } from './scripts/site/pagePaint'\npaintPage(${BOOT_OPTIONS})`)
  if (!code.includes(BOOT_OPTIONS)) throw new Error('prerender: the page paint bundle lost its options placeholder')
  return code
}

/**
 * How the page starts the app (scripts/site/pageBoot.ts: the app's scripts on the reader's first
 * intent, the hand-over, the service worker): one file for every page, loaded by the inline part once the first screen is painted.
 */
function pageBootFile(): { file: string; code: string } {
  const code = `${bundle(`import { bootPage } from './scripts/site/pageBoot'\nbootPage()`)}\n`
  return { file: `js/boot.${createHash('sha256').update(code).digest('hex').slice(0, 8)}.js`, code }
}

function pageKind(page: SitePage): PageKind {
  if (page.article) return 'article'
  if (page.file === '404.html') return 'notFound'
  if (page.path === publicPath(PAGE_PATHS.search)) return 'search'
  if (page.path === publicPath(PAGE_PATHS.mine)) return 'mine'
  return 'home'
}

/** The route params the page is opened with (an article page: its id). */
function pageParams(page: SitePage): Record<string, string> {
  return page.article ? { id: page.article.id } : {}
}

function bootOptions(page: SitePage, sources: string[], boot: string): BootOptions {
  return { sources, now: page.path === publicPath(PAGE_PATHS.search), sharedStep: page.type === 'article', boot }
}

/**
 * Deletes the pages (and cards) of articles the library no longer has, left by an earlier build
 * of this site: an incremental build keeps the site's files, so what is gone must go explicitly.
 */
function removeStalePages(pages: SitePage[], cssFile: string, bootFile: string): void {
  // Site stylesheets and page boot files of earlier builds.
  for (const [file, prefix] of [[cssFile, 'site.'], [bootFile, 'boot.']]) {
    const dir = path.join(dist, path.dirname(file))
    for (const name of fs.readdirSync(dir)) {
      if (name.startsWith(prefix) && !name.startsWith(path.basename(file))) fs.rmSync(path.join(dir, name), { force: true })
    }
  }
  const kept = new Set(pages.filter((p) => p.article).map((p) => (p.article as Article).id))
  const articleDir = path.join(dist, 'article')
  if (fs.existsSync(articleDir)) {
    for (const id of fs.readdirSync(articleDir)) if (!kept.has(id)) fs.rmSync(path.join(articleDir, id), { recursive: true, force: true })
  }
  for (const article of articles) kept.add(path.basename(shareCardPath(article.id)))
  const shareDir = path.join(dist, path.dirname(shareCardPath('x')))
  if (fs.existsSync(shareDir)) {
    for (const name of fs.readdirSync(shareDir)) {
      const card = name.replace(/\.(br|gz)$/, '')
      if (!kept.has(card)) fs.rmSync(path.join(shareDir, name), { force: true })
    }
  }
}

function writeSitemap(pages: SitePage[]): void {
  const byPath = new Map(articles.map((a) => [publicPath(`${PAGE_PATHS.detail}?id=${a.id}`), a.date]))
  const entries = pages.filter((p) => p.canonical && !p.noindex).map((p) => ({ url: p.canonical as string, lastmod: byPath.get(p.path) }))
  fs.writeFileSync(path.join(dist, 'sitemap.xml'), sitemapXml(entries))
  fs.writeFileSync(path.join(dist, 'robots.txt'), robotsTxt(basePath, siteUrl(baseUrl, 'sitemap.xml')))
}

/** The build cache (HN_BUILD_CACHE, set by scripts/site/build.ts), if any. */
const cacheDir = process.env.HN_BUILD_CACHE && process.env.HN_BUILD_CACHE !== 'off' ? process.env.HN_BUILD_CACHE : undefined

async function main(): Promise<void> {
  const started = Date.now()
  const timing = (label: string) => process.env.PRERENDER_TIMING && console.log(`${label}: ${((Date.now() - started) / 1000).toFixed(1)} s`)
  // The edition's catalog script loads first of the app's scripts (scripts/pipeline/edition.ts).
  const shell = parseShell(shellWithEditionScripts(readShell(), siteEditionScripts(dist, basePath)))
  // The edition's data files depend on no page: with the build cache, their compressed copies
  // are made now, on one worker thread while this one renders, and the pass over the whole site
  // at the end takes them from the cache (the same bytes, by content hash).
  const dataCompressed = cacheDir ? precompressDir(path.join(dist, 'data'), 1, cacheDir) : undefined
  const pages = sitePages()
  const forwarder = bootScript()
  const pagePaint = pagePaintScript()
  const pageBoot = pageBootFile()
  console.log(
    `page boot: ${Buffer.byteLength(pagePaint)} bytes inline (${gzipSync(pagePaint).length} gzip) in every page, ` +
      `${pageBoot.file} ${Buffer.byteLength(pageBoot.code)} bytes (${gzipSync(pageBoot.code).length} gzip), loaded after the first paint`,
  )
  // Every inline script any page runs is known before the first page is written (the page boot
  // differs only by its options, a handful of variants), so one policy covers the whole site.
  const startScripts = new Map(pages.map((p) => [p.file, pageStartScript(pagePaint, BOOT_OPTIONS, bootOptions(p, shell.sources, `${basePath}/${pageBoot.file}`))]))
  const policy = contentSecurityPolicy({
    inlineScripts: [...shell.inlineScripts, forwarder, ...startScripts.values()],
    baseUrl,
    wechatJssdkSignatureUrl: process.env.WECHAT_JSSDK_SIGNATURE_URL || '',
  })
  // The bare shell: what the snapshots load, and app.html for the app's own page paths.
  const bareShell = shellHtml(shell, policy)
  fs.writeFileSync(path.join(dist, 'index.html'), bareShell)
  fs.writeFileSync(path.join(dist, 'app.html'), bareShell)
  const appPages = [PAGE_PATHS.home, PAGE_PATHS.search, PAGE_PATHS.detail, PAGE_PATHS.mine]
  fs.writeFileSync(path.join(dist, 'site.json'), `${JSON.stringify({ basePath, appPages, contentSecurityPolicy: policy }, null, 2)}\n`)

  // The site's stylesheet: Taro's styles, the app's CSS as built, Taro's frame, the overlay.
  const appCss = fs.readFileSync(path.join(dist, shell.stylesheet.href.slice(basePath.length).replace(/^\//, '')), 'utf8')
  const css = await siteStylesheet(appCss, OVERLAY_CSS)
  const cssFile = `css/site.${createHash('sha256').update(css).digest('hex').slice(0, 8)}.css`
  const stylesheet = `${basePath}/${cssFile}`

  const bundle = await rendererBundle(baseUrl)
  const renderer = await loadRenderer(baseUrl, bundle)
  await renderer.prepare()
  timing('renderer')
  // What every page's HTML is made with besides its own data: the renderer, the code that
  // writes pages, and the parts every page carries.
  const siteParts = pageKey(
    createHash('sha256').update(bundle).digest('hex'),
    sourceFingerprint([__filename, path.join(__dirname, 'pageHtml.ts'), path.join(__dirname, 'pageCache.ts')]),
    // The shell as this run writes it (app.html), not as read: a first run reads Taro's index.html,
    // later runs the app.html an earlier run wrote; both give the same pages.
    bareShell,
    policy,
    stylesheet,
    pageBoot.file,
    forwarder,
    SITE_NAME,
    EMBEDDED_ARTICLE_ID,
    OVERLAY_ID,
  )
  const pageCache = new PageCache(dist, cacheDir)
  // Everything is staged beside the site and moved in only after every page and card
  // succeeded: a failure leaves no half-prerendered site. Unchanged files are left alone.
  const staged = new StagedFiles(dist)
  let htmlBytes = 0
  let cardBytes = 0
  try {
    staged.write(cssFile, css)
    staged.write(pageBoot.file, pageBoot.code)
    for (const page of pages) {
      const start = startScripts.get(page.file) as string
      // Article pages are cached by what they are made of; the few others read the whole
      // library (home's list and counts, search's index) and are always rendered.
      const key = page.article ? pageKey(siteParts, start, page, renderer.articlePageInputs(page.article.related)) : undefined
      if (key && pageCache.current(page.file, key)) {
        staged.unchanged++
        continue
      }
      const body = renderer.renderPage(pageKind(page), pageParams(page), page.article ? { id: page.article.id, text: JSON.stringify(page.article) } : undefined)
      assertInertMarkup(body, page.file)
      const html = composePage(shell, {
        page,
        siteName: SITE_NAME,
        policy,
        body,
        stylesheet,
        // Old hash links (#/pages/…) only ever reach the site's root; an article has its own address.
        forwarder: page.article ? '' : forwarder,
        start,
        recordId: EMBEDDED_ARTICLE_ID,
        overlayId: OVERLAY_ID,
      })
      htmlBytes += Buffer.byteLength(html)
      staged.write(page.file, html)
      if (key) pageCache.rendered(page.file, key)
    }
    timing('pages')
    if (process.env.PRERENDER_CARDS !== '0') {
      cardBytes = (await drawShareCards(articles, disclaimers, (file, png) => staged.write(file, png), { cacheDir: cardCacheDir() })).bytes
      timing('cards')
    }
    staged.commit()
  } catch (error) {
    staged.discard()
    throw error
  }
  removeStalePages(pages, cssFile, pageBoot.file)
  pageCache.save()
  writeSitemap(pages)
  // The build cache (scripts/site/build.ts): compressed copies of unchanged bytes are reused.
  const sw = await generateServiceWorker(dist, basePath, cacheDir)
  timing('service worker')
  const early = await dataCompressed
  const compressed = await precompressDir(dist, undefined, cacheDir)
  timing('precompress')
  console.log(
    `prerendered ${pages.length} pages (${Math.round((htmlBytes + pageCache.reusedBytes) / 1024)} KB HTML; ${pages.length - pageCache.reused} rendered, ${pageCache.reused} current), ${articles.length} share cards (${Math.round(cardBytes / 1024)} KB), ` +
      `sitemap ${pages.filter((p) => p.canonical && !p.noindex).length} URLs, service worker precaches ${sw.count} files (${sw.size} bytes; build ${sw.version}), ` +
      `pages: ${staged.changed} files written, ${staged.unchanged} unchanged; ${compressed.files} files precompressed, ${(compressed.compressed ?? compressed.files) + (early?.compressed ?? 0)} compressed now (${Math.round(compressed.raw / 1024)} KB → br ${Math.round(compressed.br / 1024)} KB, gz ${Math.round(compressed.gz / 1024)} KB) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  )
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})

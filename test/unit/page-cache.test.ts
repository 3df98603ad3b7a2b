// The prerender's page cache (scripts/site/pageCache.ts): an article page is rendered again
// exactly when what its HTML is made of changed. Its key covers what the renderer reads for it
// besides its own record (scripts/site/renderEntry.tsx articlePageInputs): here a related
// article's title and excerpt change in the library (its id kept), and the pages listing it get
// new keys and new HTML, while a page that does not list it keeps both.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { buildLayoutFiles } from '../../scripts/pipeline/data-layout'
import { PageCache, pageKey } from '../../scripts/site/pageCache'
import { loadRenderer, rendererBundle, type SiteRenderer } from '../../scripts/site/renderer'
import type { Article, ArticleDataset } from '../../src/core/article'
import type { SearchIndexData } from '../../src/core/search/types'
import datasetJson from '../../src/data/articles.json'
import searchIndexJson from '../../src/data/search-index.json'

const dataset = datasetJson as unknown as ArticleDataset
const { articles } = dataset
const BASE_URL = 'http://127.0.0.1:8080/'
const temporary: string[] = []
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'page-cache-'))
  temporary.push(dir)
  return dir
}
afterAll(() => temporary.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })))

describe('PageCache', () => {
  test('a page is current only for the key it was written with, while its file is as written', () => {
    const dist = tempDir()
    const cacheDir = tempDir()
    fs.mkdirSync(path.join(dist, 'article', 'a'), { recursive: true })
    const file = 'article/a/index.html'
    fs.writeFileSync(path.join(dist, file), '<p>one</p>')

    const first = new PageCache(dist, cacheDir)
    expect(first.current(file, 'k1')).toBe(false)
    first.rendered(file, 'k1')
    first.save()

    const second = new PageCache(dist, cacheDir)
    expect(second.current(file, 'k2')).toBe(false)
    expect(second.current(file, 'k1')).toBe(true)
    expect(second.reusedBytes).toBe('<p>one</p>'.length)
    second.save()

    // The file changed behind the cache's back (another size): rendered again.
    fs.writeFileSync(path.join(dist, file), '<p>other</p>')
    expect(new PageCache(dist, cacheDir).current(file, 'k1')).toBe(false)
    // Gone: rendered again.
    fs.rmSync(path.join(dist, file))
    expect(new PageCache(dist, cacheDir).current(file, 'k1')).toBe(false)
    // Without a cache folder nothing is ever current.
    fs.writeFileSync(path.join(dist, file), '<p>one</p>')
    const none = new PageCache(dist, undefined)
    none.rendered(file, 'k1')
    none.save()
    expect(new PageCache(dist, undefined).current(file, 'k1')).toBe(false)
  })

  test('a page not rendered or found current in a build is forgotten', () => {
    const dist = tempDir()
    const cacheDir = tempDir()
    fs.writeFileSync(path.join(dist, 'x.html'), 'x')
    const first = new PageCache(dist, cacheDir)
    first.rendered('x.html', 'k')
    first.save()
    new PageCache(dist, cacheDir).save()
    expect(new PageCache(dist, cacheDir).current('x.html', 'k')).toBe(false)
  })
})

describe('article page keys', () => {
  // B is listed as related by `listing`; `other` neither lists B nor is B.
  const listing = articles.find((a) => a.fullText && a.related.length > 0) as Article
  const changedId = listing.related[0]
  const other = articles.find((a) => a.id !== changedId && a.id !== listing.id && !a.related.includes(changedId)) as Article
  let before: SiteRenderer
  let after: SiteRenderer

  beforeAll(async () => {
    // The same library with B's title and excerpt edited, its id kept.
    const edited: ArticleDataset = {
      ...dataset,
      articles: articles.map((a) => (a.id === changedId ? { ...a, title: `${a.title}（更新）`, summary: `更新：${a.summary}` } : a)),
    }
    const dataDir = tempDir()
    for (const [file, text] of buildLayoutFiles(edited, searchIndexJson as unknown as SearchIndexData)) {
      fs.mkdirSync(path.dirname(path.join(dataDir, file)), { recursive: true })
      fs.writeFileSync(path.join(dataDir, file), text)
    }
    before = await loadRenderer(BASE_URL)
    after = await loadRenderer(BASE_URL, await rendererBundle(BASE_URL, dataDir))
    await before.prepare()
    await after.prepare()
  }, 120_000)

  const keyOf = (renderer: SiteRenderer, article: Article) => pageKey('site', article, renderer.articlePageInputs(article.related))
  const html = (renderer: SiteRenderer, article: Article) => renderer.renderPage('article', { id: article.id }, { id: article.id, text: JSON.stringify(article) })

  test('a page listing the edited article gets a new key, and its HTML does change', () => {
    expect(other).toBeDefined()
    expect(keyOf(after, listing)).not.toBe(keyOf(before, listing))
    expect(html(after, listing)).not.toBe(html(before, listing))
    expect(html(after, listing)).toContain('（更新）')
  })

  test('a page that does not list it keeps its key, and its HTML is indeed the same', () => {
    expect(keyOf(after, other)).toBe(keyOf(before, other))
    expect(html(after, other)).toBe(html(before, other))
  })
})

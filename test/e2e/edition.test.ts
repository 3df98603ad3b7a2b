// The H5 app reads the library from its edition at run time (scripts/pipeline/edition.ts,
// src/data/loader.h5.ts): the app's scripts and styles hold no article and no edition version,
// the page loads data/catalog.js before them (one address for every edition, so a page's bytes
// do not change with the library; the script carries its edition's version and folder), and
// home, search (its index and the pinyin keys in the list shards) and an article all come from
// the edition data/edition.json names.
import fs from 'node:fs'
import path from 'node:path'
import type { Article, ArticleDataset } from '../../src/core/article'
import datasetJson from '../../src/data/articles.json'
import searchIndexJson from '../../src/data/search-index.json'
import { H5_EDITION_GLOBAL } from '../../src/data/h5Edition'
import { h5Dir, useH5 } from './support/h5'

jest.setTimeout(60_000)

const { articles } = datasetJson as unknown as ArticleDataset
const fullArticle = articles.find((a) => a.fullText) as Article
const journey = useH5()

interface Manifest {
  version: string
  articleCount: number
  files: Array<{ name: string; path: string }>
}
const manifest = () => JSON.parse(fs.readFileSync(path.join(h5Dir(), 'data', 'edition.json'), 'utf8')) as Manifest

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name)
    return entry.isDirectory() ? filesUnder(file) : [file]
  })
}

test("the app's scripts and styles hold no article, no catalog and no edition version", () => {
  const { version } = manifest()
  const files = ['js', 'css'].flatMap((dir) => filesUnder(path.join(h5Dir(), dir))).filter((f) => !/\.(br|gz)$/.test(f))
  expect(files.length).toBeGreaterThan(2)
  const disclaimer = (datasetJson as unknown as ArticleDataset).disclaimers.medical
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8')
    const found = [version, disclaimer, ...articles.map((a) => a.title)].filter((needle) => text.includes(needle))
    expect([path.relative(h5Dir(), file), found]).toEqual([path.relative(h5Dir(), file), []])
  }
})

test(
  'home, a pinyin search and an article come from the edition data/edition.json names',
  journey('edition-home-search-article', async ({ page, visit }) => {
    const { version, articleCount, files } = manifest()
    const requested: string[] = []
    page.on('request', (request) => requested.push(new URL(request.url()).pathname))

    await visit()
    await page.getByText(`共 ${articleCount} 篇`, { exact: true }).filter({ visible: true }).first().waitFor()
    // The edition's catalog script loads before the app's own, and is of the current edition.
    const catalogAt = requested.indexOf('/data/catalog.js')
    const appAt = requested.findIndex((p) => /^\/js\/app\.[0-9a-f]{8}\.js$/.test(p))
    expect(catalogAt).toBeGreaterThanOrEqual(0)
    expect(appAt).toBeGreaterThan(catalogAt)
    expect(await page.evaluate((name) => (window as unknown as Record<string, { version: string }>)[name].version, H5_EDITION_GLOBAL)).toBe(version)
    // No page names an edition's folder: a new edition leaves the pages' bytes as they were.
    for (const file of ['index.html', 'app.html', path.join('article', fullArticle.id, 'index.html')]) {
      expect(fs.readFileSync(path.join(h5Dir(), file), 'utf8')).not.toContain(version)
    }

    // Pinyin of the title's first syllables: found only through the shipped index and the keys
    // the list shards carry.
    const spaced = (searchIndexJson as { titlePinyin: Record<string, string> }).titlePinyin[fullArticle.id]
    const query = spaced.split(' ').filter(Boolean).slice(0, 4).join('')
    await page.getByText('搜索医保、医院、疾病', { exact: true }).filter({ visible: true }).first().click()
    const input = page.locator('input').filter({ visible: true }).first()
    await input.waitFor()
    await input.pressSequentially(query)
    const card = page.locator(`.article-card[data-article-id="${fullArticle.id}"]`).filter({ visible: true }).first()
    await card.waitFor()
    const listFiles = files.filter((f) => f.name.startsWith('list-')).map((f) => `/data/${f.path}`)
    expect(requested).toEqual(expect.arrayContaining([`/data/${version}/search-index.json`, ...listFiles]))
    // Nothing of another edition: only this edition's folder, and the catalog's one address.
    expect(requested.filter((p) => p.startsWith('/data/') && !p.startsWith(`/data/${version}/`) && p !== '/data/catalog.js')).toEqual([])

    await card.click()
    await page.getByText(fullArticle.title, { exact: true }).filter({ visible: true }).first().waitFor()
    expect(new URL(page.url()).pathname).toBe(`/article/${fullArticle.id}/`)
  }),
)

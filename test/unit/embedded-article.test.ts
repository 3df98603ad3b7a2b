/**
 * @jest-environment jsdom
 */
// A prerendered H5 article page holds its article's record (scripts/site/prerender.ts): the app uses
// it for that id without loading the shard, checks it like any untrusted data, and falls back to
// the shard, reporting it, when the copy is broken.
import type { Article, ArticleDataset } from '../../src/core/article'
import { articleRecordOf, relatedShardRecordOf } from '../../src/core/articleRecord'
import { articleShardName, articleShardOf, relatedShardName, relatedShardOf, type Catalog } from '../../src/core/catalog'
import catalogJson from '../../src/data/catalog.json'
import { RECOVERED_PREFIX } from '../../src/core/report'
import { EMBEDDED_ARTICLE_ID } from '../../src/data/embedded'
import datasetJson from '../../src/data/articles.json'

const { articles } = datasetJson as unknown as ArticleDataset
const full = articles.find((a) => a.fullText) as Article
const other = articles.find((a) => a.id !== full.id && a.related.length > 0) as Article
const catalog = catalogJson as unknown as Catalog
const relatedFileOf = (article: Article) => relatedShardName(relatedShardOf(article.region, catalog.relatedShardCount))

function embed(id: string, text: string) {
  document.body.innerHTML = ''
  const script = document.createElement('script')
  script.type = 'application/json'
  script.id = EMBEDDED_ARTICLE_ID
  script.setAttribute('data-id', id)
  script.textContent = text
  document.body.appendChild(script)
}

describe('articleRecordOf', () => {
  test('every packaged article is a record of its own id, and of no other', () => {
    for (const article of articles) {
      expect(articleRecordOf(JSON.parse(JSON.stringify(article)), article.id)).toEqual(article)
      expect(articleRecordOf(article, other.id === article.id ? full.id : other.id)).toBeNull()
    }
  })

  test('a missing or wrong field is no record', () => {
    const broken: unknown[] = [
      null,
      [],
      { ...full, title: '' },
      { ...full, date: '2025/03/19' },
      { ...full, body: [{ type: 'image', text: 'x' }] },
      { ...full, body: null },
      { ...full, topics: ['别的'] },
      { ...full, related: [1] },
      { ...full, region: { city: '朔州' } },
      { ...full, fullText: 'yes' },
    ]
    for (const value of broken) expect(articleRecordOf(value, full.id)).toBeNull()
  })
})

describe('relatedShardRecordOf', () => {
  test('takes a related shard, and nothing else', () => {
    expect(relatedShardRecordOf({ [full.id]: full.related, [other.id]: [] })?.[full.id]).toEqual(full.related)
    for (const value of [null, [], 'x', { [full.id]: 'x' }, { [full.id]: [1] }, { 'not an id': [] }, { [full.id]: ['<script>'] }]) {
      expect(relatedShardRecordOf(value)).toBeNull()
    }
    expect(relatedShardRecordOf({})?.constructor).toBeUndefined()
  })
})

describe('the data layer and the related shards', () => {
  let warn: jest.SpyInstance
  beforeEach(() => {
    jest.resetModules()
    document.body.innerHTML = ''
    warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined)
  })
  afterEach(() => {
    jest.dontMock('../../src/data/loader')
    warn.mockRestore()
  })

  /** The data layer with `relatedShard`'s file answered by `answer` (every other file as packaged). */
  async function dataWith(answer: (actual: Promise<unknown>) => Promise<unknown>) {
    jest.doMock('../../src/data/loader', () => {
      const actual = jest.requireActual('../../src/data/loader')
      return { ...actual, loadDataFile: (name: string) => (name.startsWith('related-') ? answer(actual.loadDataFile(name)) : actual.loadDataFile(name)) }
    })
    return import('../../src/data/index')
  }

  test('an article comes with the related list its region\'s related shard holds, before it is handed over', async () => {
    expect(other.related.length).toBeGreaterThan(0)
    const data = await dataWith((actual) => actual)
    const article = await data.loadArticle(other.id)
    expect(article?.related).toEqual(other.related)
    expect(article).toEqual(other)
    expect(data.loadedArticle(other.id)).toEqual(other)
    expect(warn).not.toHaveBeenCalled()
  })

  test('a garbled, foreign or missing related shard: the article still opens, without related articles, and developers get a report', async () => {
    const answers: Array<[string, () => Promise<unknown>]> = [
      ['garbled', () => Promise.resolve({ [other.id]: 'x' })],
      ['a list shard', () => Promise.resolve([{ id: other.id }])],
      ['missing', () => Promise.reject(new Error('download failed'))],
    ]
    for (const [what, answer] of answers) {
      jest.resetModules()
      warn.mockClear()
      const data = await dataWith(answer)
      const article = await data.loadArticle(other.id)
      expect([what, article && { ...article, related: other.related }]).toEqual([what, other])
      expect([what, article?.related]).toEqual([what, []])
      expect(warn).toHaveBeenCalledTimes(1)
      expect(String(warn.mock.calls[0][0])).toContain(`${RECOVERED_PREFIX} the related shard ${relatedFileOf(other)} cannot be read`)
    }
  })
})

describe('the data layer and the embedded record', () => {
  let warn: jest.SpyInstance
  beforeEach(() => {
    jest.resetModules()
    warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined)
  })
  afterEach(() => warn.mockRestore())

  test('the article is there at once for its id, without its shard', async () => {
    embed(full.id, JSON.stringify(full))
    const loaded: string[] = []
    jest.doMock('../../src/data/loader', () => {
      const actual = jest.requireActual('../../src/data/loader')
      return { ...actual, loadDataFile: (name: string) => (loaded.push(name), actual.loadDataFile(name)) }
    })
    const data = await import('../../src/data/index')
    expect(data.loadedArticle(full.id)).toEqual(full)
    expect(await data.loadArticle(full.id)).toEqual(full)
    expect(loaded).toEqual([])
    // Another id still comes from its shard.
    expect(data.loadedArticle(other.id)).toBeUndefined()
    expect(await data.loadArticle(other.id)).toEqual(other)
    // Its article shard, then the related shard of its region.
    expect(loaded).toEqual([articleShardName(articleShardOf(other.id, catalog.articleShardCount)), relatedFileOf(other)])
    jest.dontMock('../../src/data/loader')
    expect(warn).not.toHaveBeenCalled()
  })

  test('a broken copy is reported once and the shard answers', async () => {
    for (const text of ['{"id":', JSON.stringify({ ...full, related: 'x' })]) {
      jest.resetModules()
      warn.mockClear()
      embed(full.id, text)
      const data = await import('../../src/data/index')
      expect(data.loadedArticle(full.id)).toBeUndefined()
      expect(await data.loadArticle(full.id)).toEqual(full)
      expect(warn).toHaveBeenCalledTimes(1)
      expect(String(warn.mock.calls[0][0])).toContain(`${RECOVERED_PREFIX} the page's embedded article ${full.id}`)
    }
  })
})

/**
 * @jest-environment jsdom
 */
// A prerendered H5 article page holds its article's record (scripts/site/prerender.ts): the app uses
// it for that id without loading the shard, checks it like any untrusted data, and falls back to
// the shard, reporting it, when the copy is broken.
import type { Article, ArticleDataset } from '../../src/core/article'
import { articleRecordOf } from '../../src/core/articleRecord'
import { RECOVERED_PREFIX } from '../../src/core/report'
import { EMBEDDED_ARTICLE_ID } from '../../src/data/embedded'
import datasetJson from '../../src/data/articles.json'

const { articles } = datasetJson as unknown as ArticleDataset
const full = articles.find((a) => a.fullText) as Article
const other = articles.find((a) => a.id !== full.id) as Article

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
    expect(loaded).toHaveLength(1)
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

// src/data on H5: the catalog and the data folder come from the page's edition global (set by
// data/<version>/catalog.js); the search page gets the shipped index plus the pinyin keys the
// list shards carry. test/support/h5DataFiles.ts plays the page and the site.
import datasetJson from '../../src/data/articles.json'
import type { ArticleDataset } from '../../src/core/article'
import { H5_EDITION_GLOBAL } from '../../src/data/h5Edition'

const { articles } = datasetJson as unknown as ArticleDataset
const globals = globalThis as unknown as Record<string, unknown>

describe('the H5 data loader', () => {
  it('hands over the edition catalog synchronously and fetches every other data file from its folder', async () => {
    const loader = await import('../../src/data/loader.h5')
    const catalog = loader.loadCatalog() as { articleCount: number }
    expect(catalog.articleCount).toBe(articles.length)
    await expect(loader.loadDataFile('catalog')).resolves.toBe(catalog)
    const index = (await loader.loadDataFile('search-index')) as { version: number; titlePinyin: Record<string, string> }
    expect(index.version).toBe(2)
    // The per-article part travels in the list entries, not in the index.
    expect(index.titlePinyin).toEqual({})
    const list = (await loader.loadDataFile('list-000')) as Array<{ id: string; pinyin?: string }>
    expect(list.every((entry) => typeof entry.pinyin === 'string')).toBe(true)
    await expect(loader.loadDataFile('../secret')).rejects.toThrow('unknown data file ../secret')
  })

  it('finds an article by the pinyin of its title, which only the list shards carry', async () => {
    const { loadSearch } = await import('../../src/data/search')
    const { loadDataFile } = await import('../../src/data/loader.h5')
    const { loadArticleList } = await import('../../src/data/index')
    const { createSearchEngine } = await import('../../src/core/search/engine')
    const { engine } = await loadSearch()
    // The same list with the shipped index alone: what search would be without the entries' keys.
    const withoutKeys = createSearchEngine(await loadArticleList(), await loadDataFile('search-index'))
    const index = (await import('../../src/data/search-index.json')) as unknown as { titlePinyin: Record<string, string> }
    let found: { query: string; id: string } | undefined
    for (const article of articles) {
      const syllables = (index.titlePinyin[article.id] ?? '').split(' ').filter(Boolean)
      for (let start = 0; !found && start + 3 <= syllables.length; start++) {
        const query = syllables.slice(start, start + 3).join('')
        const ids = (e: typeof engine) => e.search(query).map((hit) => hit.article.id)
        if (!ids(withoutKeys).includes(article.id) && ids(engine).includes(article.id)) found = { query, id: article.id }
      }
      if (found) break
    }
    expect(found).toBeDefined()
  })

  it('without its edition script a page starts with an empty library and says why on the console', () => {
    const saved = globals[H5_EDITION_GLOBAL]
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined)
    try {
      delete globals[H5_EDITION_GLOBAL]
      jest.isolateModules(() => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const data = require('../../src/data/index') as typeof import('../../src/data/index')
        expect(data.articleCount).toBe(0)
        expect(data.firstArticles).toEqual([])
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const loader = require('../../src/data/loader.h5') as typeof import('../../src/data/loader.h5')
        expect(() => loader.loadCatalog()).toThrow("the edition's catalog.js did not run before the app's scripts")
      })
      expect(warn.mock.calls.map((call) => String(call[0])).join('\n')).toMatch(/no catalog; showing an empty library/)
    } finally {
      globals[H5_EDITION_GLOBAL] = saved
      warn.mockRestore()
    }
  })
})

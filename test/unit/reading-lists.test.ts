import { dataFacts, dateRangeText } from '../../src/core/dataFacts'
import { entryFor, FAVORITES_LIMIT, HISTORY_LIMIT, putFirst, restoreEntries, TITLE_MAX_CHARS, type ReadingEntry } from '../../src/core/readingLists'
import { articles } from '../../src/data/dataset'

const WECHAT_KEY_LIMIT = 1024 * 1024

describe('reading lists', () => {
  it('puts an entry first, once per article, within the limit', () => {
    let list: ReadingEntry[] = []
    for (let i = 0; i < HISTORY_LIMIT + 5; i++) list = putFirst(list, entryFor({ id: `a${i}`, title: `文章${i}`, date: '2025-03-19' }, i), HISTORY_LIMIT)
    list = putFirst(list, entryFor({ id: 'a20', title: '文章20', date: '2025-03-19' }, 100), HISTORY_LIMIT)
    expect(list).toHaveLength(HISTORY_LIMIT)
    expect(list[0]).toMatchObject({ id: 'a20', at: 100 })
    expect(list.filter((e) => e.id === 'a20')).toHaveLength(1)
  })

  it('keeps each valid saved entry and drops only the broken ones, newest first', () => {
    const good = (id: string, at: number) => ({ id, title: `标题${id}`, date: '2025-03-19', at })
    const restored = restoreEntries(
      [good('a', 1), null, 'x', { ...good('b', 3), title: 7 }, { ...good('c', 5), date: '3月' }, good('d', 4), good('a', 2), { ...good('e', 6), id: '../x' }],
      10,
    )
    expect(restored.map((e) => e.id)).toEqual(['d', 'a'])
    expect(restored[1].at).toBe(2)
    expect(restoreEntries('not a list', 10)).toEqual([])
  })

  it('stays far inside WeChat’s 1 MB per key at the cap, with the longest titles', () => {
    const longTitle = '医'.repeat(TITLE_MAX_CHARS * 3)
    const list = Array.from({ length: FAVORITES_LIMIT }, (_, i) => entryFor({ id: `id${String(i).padStart(8, '0')}`, title: longTitle, date: '2025-03-19' }, 1.7e12 + i))
    const bytes = Buffer.byteLength(JSON.stringify({ version: 1, entries: list }), 'utf8')
    console.log(`favourites at the cap (${FAVORITES_LIMIT} entries, ${TITLE_MAX_CHARS}-character titles): ${bytes} bytes of JSON`)
    expect(bytes).toBeLessThan(WECHAT_KEY_LIMIT / 8)
    expect(Array.from(list[0].title)).toHaveLength(TITLE_MAX_CHARS)
  })
})

describe('关于: facts from the data', () => {
  it('counts the articles and names their sources and date range', () => {
    const facts = dataFacts(articles)
    expect(facts.count).toBe(articles.length)
    expect(facts.sources).toEqual([...new Set(articles.map((a) => a.source))].sort((a, b) => articles.filter((x) => x.source === b).length - articles.filter((x) => x.source === a).length))
    const dates = articles.map((a) => a.date).sort()
    expect(dateRangeText(facts)).toBe(dates[0] === dates[dates.length - 1] ? dates[0] : `${dates[0]} 至 ${dates[dates.length - 1]}`)
    expect(dateRangeText(dataFacts([]))).toBe('暂无')
  })
})

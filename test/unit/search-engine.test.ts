// The engine the app runs, on the packaged articles: what a person searching would notice.
import Fuse from 'fuse.js'
import type { Article } from '../../src/core/article'
import { FULL_SCAN_LIMIT, createSearchEngine } from '../../src/core/search/engine'
import type { SearchHit } from '../../src/core/search/types'
import { articles } from '../../src/data/dataset'
import { getSearchEngine, hotSearchTerms } from '../../src/data/searchDataset'
import { syntheticCollection } from '../../scripts/bench/bench-search'
import { buildSearchIndex } from '../../scripts/pipeline/build-search-index'

const engine = getSearchEngine()
const titleOf = (title: string): Article => {
  const found = articles.find((a) => a.title === title)
  if (!found) throw new Error(`no article titled ${title}`)
  return found
}
const titles = (hits: SearchHit[]) => hits.map((h) => h.article.title)
/** The highlighted parts of a hit's title, in order. */
const highlighted = (hit: SearchHit) => hit.titleRanges.map(([start, end]) => hit.article.title.slice(start, end))
const fullText = (a: Article) =>
  [a.title, a.summary, a.region ? a.region.province + (a.region.city || '') : '', a.topics.join(' ')]
    .concat(a.body ? a.body.map((b) => b.text) : [])
    .join('\n')

describe('any input is safe', () => {
  // An engine failure is reported through console.error and gives []: every test here fails
  // when the engine throws, not only the ones that expect results.
  let reported: jest.SpyInstance
  beforeEach(() => {
    reported = jest.spyOn(console, 'error').mockImplementation(() => undefined)
  })
  afterEach(() => {
    expect(reported).not.toHaveBeenCalled()
    reported.mockRestore()
  })

  /** Input with nothing searchable in it: no hits, and no failure either. */
  const nothing = ['', ' ', '          ', '\t\n', '😀', '😀🏥💊', '.*+?[](){}|\\', '^$', '(((((', '\\', '\u0000\u0001', '\uD800\uDC00\uD800']
  it.each(nothing.map((q) => [JSON.stringify(q), q]))('%s finds nothing', (_, query) => {
    expect(engine.search(query)).toEqual([])
  })

  /** Odd input around real words: the words are still found, the rest changes nothing. */
  const around: Array<[string, RegExp]> = [
    ['😀扬州😀', /扬州/],
    ['(扬州) [断缴]', /扬州.*断缴/],
    ['.*医保卡.*', /医保卡/],
    ['<script>alert(1)</script>扬州', /扬州/],
    ['扬州 '.repeat(100), /扬州/],
    ['扬州'.repeat(300), /扬州/],
    ['\u0000朔州\u0001头痛', /朔州.*头痛/],
    ['ＹＩＢＡＯ', /医保/],
  ]
  it.each(around.map(([q, title]) => [JSON.stringify(q).slice(0, 40), q, title] as const))('%s finds its words', (_, query, title) => {
    const hits = engine.search(query)
    expect(hits.length).toBeGreaterThan(0)
    expect(hits[0].article.title).toMatch(title)
    for (const hit of hits) {
      expect(hit.score).toBeGreaterThanOrEqual(0)
      expect(hit.score).toBeLessThanOrEqual(1)
    }
  })

  /** Long or strange input that names no article: nothing, and no failure either. */
  const noArticle = ['医'.repeat(500), 'a'.repeat(500), 'a b c d e f g h i j k l m n o p q r s t u v w x y z', 'constructor', '__proto__', 'hasOwnProperty']
  it.each(noArticle.map((q) => [JSON.stringify(q).slice(0, 40), q]))('%s finds nothing', (_, query) => {
    expect(engine.search(query)).toEqual([])
  })

  it('answers a still percent-encoded query (%E6%89%AC) with articles of the collection', () => {
    const hits = engine.search('%E6%89%AC')
    expect(hits.every((hit) => articles.indexOf(hit.article) >= 0)).toBe(true)
  })

  it('tolerates odd options', () => {
    expect(engine.search('扬州', { limit: 0 })).toEqual([])
    expect(engine.search('扬州', { limit: -5 })).toEqual([])
    expect(engine.search('扬州', { limit: 2.7 })).toHaveLength(2)
    expect(engine.search('扬州', { limit: Number.NaN })).toEqual([])
    expect(engine.search('扬州', { limit: 1e9 }).length).toBeGreaterThan(0)
  })

  it('treats a non-string query (from untyped callers) as nothing to search', () => {
    for (const query of [null, undefined, 42, {}, ['扬州']]) expect(engine.search(query as never)).toEqual([])
  })
})

describe('when the engine itself fails', () => {
  afterEach(() => jest.restoreAllMocks())

  it('reports the failure once, with the query length and not its text, and gives []', () => {
    const reported = jest.spyOn(console, 'error').mockImplementation(() => undefined)
    const own = createSearchEngine(articles, null)
    expect(own.search('扬州 断缴').length).toBeGreaterThan(0)
    jest.spyOn(Fuse.prototype, 'search').mockImplementation(() => {
      throw new Error('broken scorer')
    })
    // Words not scored before (the engine remembers what a word scored in each article).
    expect(own.search('舟山 家人')).toEqual([])
    expect(reported).toHaveBeenCalledTimes(1)
    const message = reported.mock.calls[0].map(String).join(' ')
    expect(message).toContain('5 characters')
    expect(message).toContain('broken scorer')
    expect(message).not.toContain('舟山')
  })

  it('hands the failure to onError instead, when given', () => {
    const seen: Array<[unknown, number]> = []
    const own = createSearchEngine(articles, null, { onError: (error, length) => seen.push([error, length]) })
    jest.spyOn(Fuse.prototype, 'search').mockImplementation(() => {
      throw new Error('broken scorer')
    })
    expect(own.search('医保')).toEqual([])
    expect(seen).toHaveLength(1)
    expect(seen[0][1]).toBe(2)
  })

  it('makes the safety tests fail: a failing engine is reported even for odd input', () => {
    const reported = jest.spyOn(console, 'error').mockImplementation(() => undefined)
    jest.spyOn(Fuse.prototype, 'search').mockImplementation(() => {
      throw new Error('broken scorer')
    })
    // A fresh engine: the shared one may remember 扬州 from the tests above.
    expect(createSearchEngine(articles, buildSearchIndex(articles)).search('😀扬州😀')).toEqual([])
    expect(reported).toHaveBeenCalledTimes(1)
  })
})

describe('typing a query keystroke by keystroke', () => {
  it('gives every prefix the results a fresh engine gives it (what a word scored is remembered, never stale)', () => {
    const { articles: large } = syntheticCollection(articles, 2000)
    const index = buildSearchIndex(large)
    const typing = createSearchEngine(large, index)
    const shown = (hits: SearchHit[]) => hits.map((h) => [h.article.id, h.score, h.titleRanges, !!h.partial])
    for (const query of ['扬州 断缴', 'shuozhou jiaolv', '朔州哪家医院治焦虑', '医保卡 清零']) {
      for (let i = 1; i <= query.length; i++) {
        const prefix = query.slice(0, i)
        expect([prefix, shown(typing.search(prefix))]).toEqual([prefix, shown(createSearchEngine(large, index).search(prefix))])
      }
    }
  })
})

describe('ranking', () => {
  it('returns at most `limit` hits, best first, every one an article of the collection', () => {
    const hits = engine.search('医保', { limit: 5 })
    expect(hits).toHaveLength(5)
    for (let i = 1; i < hits.length; i++) expect(hits[i].score).toBeGreaterThanOrEqual(hits[i - 1].score)
    for (const hit of hits) expect(articles).toContain(hit.article)
  })

  it('puts an article whose title holds the words above one that only mentions them in its text', () => {
    const hits = engine.search('断缴')
    expect(titles(hits).slice(0, 2).sort()).toEqual(['2025江苏扬州医保断缴影响报销吗', '2025江苏扬州自由职业者医保断缴怎么补划算'])
    expect(hits.length).toBeGreaterThan(2)
  })

  it('finds an exact title first', () => {
    for (const article of articles) expect(engine.search(article.title)[0].article).toBe(article)
  })

  it('finds an article first from the start of its title, as soon as no other title has it', () => {
    // What is in the box while typing: 医保个人账户能 is only in 医保个人账户能自己充钱吗, even
    // though 能 is a word the engine does not look for on its own.
    for (const article of articles) {
      let typed = article.title
      for (let length = 4; length <= article.title.length; length++) {
        typed = article.title.slice(0, length)
        if (articles.every((other) => other === article || !other.title.includes(typed))) break
      }
      expect([typed, engine.search(typed)[0].article.title]).toEqual([typed, article.title])
    }
  })
})

describe('several words (扬州 断缴): articles with every word first', () => {
  it('puts the articles that have both words first, as the only full matches', () => {
    const hits = engine.search('扬州 断缴')
    const both = ['2025江苏扬州医保断缴影响报销吗', '2025江苏扬州自由职业者医保断缴怎么补划算']
    expect(titles(hits).slice(0, 2).sort()).toEqual(both)
    expect(titles(hits.filter((h) => !h.partial)).sort()).toEqual(both)
    for (const hit of hits.slice(0, 2)) {
      expect(fullText(hit.article)).toContain('扬州')
      expect(fullText(hit.article)).toContain('断缴')
    }
  })

  it('fills in after them, marked partial, with articles that have one of the words', () => {
    const hits = engine.search('扬州 断缴')
    const partial = hits.filter((h) => h.partial)
    expect(partial.length).toBeGreaterThan(0)
    expect(hits.findIndex((h) => h.partial)).toBe(2)
    for (const hit of partial) expect(fullText(hit.article)).toMatch(/扬州|断缴/)
  })

  it('has fewer full matches than either word alone finds', () => {
    const either = new Set([...titles(engine.search('扬州', { limit: 50 })), ...titles(engine.search('断缴', { limit: 50 }))])
    const both = engine.search('扬州 断缴', { limit: 50 }).filter((h) => !h.partial)
    expect(either.size).toBeGreaterThan(both.length)
  })

  it('offers articles with one of the words, all marked partial, when no article has them all', () => {
    const hits = engine.search('扬州 甲状腺')
    expect(hits.length).toBeGreaterThan(0)
    for (const hit of hits) {
      expect(hit.partial).toBe(true)
      expect(fullText(hit.article)).toMatch(/扬州|甲状腺/)
    }
  })

  it('reads words typed without a space the same way (扬州断缴)', () => {
    const spaced = titles(engine.search('扬州 断缴'))
    expect(spaced.length).toBeGreaterThan(1)
    expect(titles(engine.search('扬州断缴')).sort()).toEqual(spaced.sort())
  })
})

describe('typos and missing characters', () => {
  it('finds 2025年山西朔州治疗听力下降的医院有哪些 for 朔州听力下将 and highlights what matched', () => {
    const [top] = engine.search('朔州听力下将')
    expect(top.article).toBe(titleOf('2025年山西朔州治疗听力下降的医院有哪些'))
    expect(highlighted(top)).toEqual(['朔州', '听力下降'])
  })

  it('finds swapped and missing characters', () => {
    expect(engine.search('新农合案备成功')[0].article).toBe(titleOf('新农合备案成功就可以报销了吗'))
    expect(engine.search('外省户可以在本地买医保')[0].article).toBe(titleOf('外省户籍可以在本地买医保吗'))
  })
})

describe('highlighting (titleRanges)', () => {
  it('marks each word where it stands in the title', () => {
    const [top] = engine.search('扬州 断缴')
    expect(highlighted(top)).toEqual(['扬州', '断缴'])
    for (const [start, end] of top.titleRanges) {
      expect(start).toBeGreaterThanOrEqual(0)
      expect(end).toBeGreaterThan(start)
      expect(end).toBeLessThanOrEqual(top.article.title.length)
    }
  })

  it('marks the title characters a pinyin or initials query spelled', () => {
    expect(highlighted(engine.search('shuozhou jiaolv')[0])).toEqual(['朔州', '焦虑'])
    expect(highlighted(engine.search('sz tt')[0])).toEqual(['朔州', '头痛'])
    expect(highlighted(engine.search('朔州 jiaolv')[0])).toEqual(['朔州', '焦虑'])
  })

  it('marks the word a synonym stood for', () => {
    const [top] = engine.search('北医三院')
    expect(top.article).toBe(titleOf('北京大学第三医院试管谁最有名'))
    expect(highlighted(top)).toEqual(['北京大学第三医院'])
    expect(highlighted(engine.search('心跳过慢')[0])).toEqual(['心跳过缓'])
  })

  it('returns ranges sorted and not overlapping', () => {
    const hits = engine.search('医保卡 个人账户 余额', { limit: 20 })
    expect(hits.length).toBeGreaterThan(3)
    for (const hit of hits) {
      for (let i = 1; i < hit.titleRanges.length; i++) expect(hit.titleRanges[i][0]).toBeGreaterThan(hit.titleRanges[i - 1][1])
    }
  })
})

describe('pinyin, initials and synonyms', () => {
  it('reads yibao and yb as 医保', () => {
    for (const query of ['yibao', 'yb', 'YiBao', 'ｙｉｂａｏ']) {
      const [top] = engine.search(query)
      expect(top.article.title).toContain('医保')
    }
  })

  it('applies the synonym table', () => {
    expect(engine.search('社保卡')[0].article.title).toContain('医保卡')
    expect(titles(engine.search('居民医保', { limit: 10 }))).toEqual(
      expect.arrayContaining(['农村新农合有门槛费么', '2025江苏扬州灵活就业交医保还是居民医保好']),
    )
    expect(engine.search('生育险')[0].article.title).toMatch(/生育(险|保险)/)
  })
})

describe('大家都在搜', () => {
  it('is derived from the data and every entry finds articles', () => {
    expect(hotSearchTerms.length).toBeGreaterThanOrEqual(6)
    expect(new Set(hotSearchTerms).size).toBe(hotSearchTerms.length)
    for (const term of hotSearchTerms) {
      expect(articles.some((a) => fullText(a).includes(term))).toBe(true)
      expect(engine.search(term).length).toBeGreaterThan(0)
    }
  })
})

describe('over list records only (no body: what the list index holds)', () => {
  it('searches them and hands back the very records it was given', () => {
    const records = articles.map(({ id, title, summary, date, region, topics }) => ({ id, title, summary, date, region, topics }))
    const lists = createSearchEngine(records, buildSearchIndex(articles))
    const hits = lists.search('扬州 断缴')
    expect(hits.filter((hit) => !hit.partial)).toHaveLength(2)
    for (const hit of hits) expect(records).toContain(hit.article)
    expect(lists.search('醫保卡 清零')[0].article.title).toMatch(/医保卡.*清零/)
  })
})

describe('without a usable prebuilt index', () => {
  it('still searches Chinese (no pinyin, no hot searches)', () => {
    const damaged = [null, {}, { version: 1 }, { version: 2, titlePinyin: 'x', words: {}, hotSearchTerms: [], traditional: {}, sounds: {} }]
    for (const index of damaged) {
      const bare = createSearchEngine(articles, index as never)
      expect(bare.search('扬州 断缴').filter((hit) => !hit.partial)).toHaveLength(2)
      expect(bare.search('yibao')).toEqual([])
    }
  })
})

describe(`a collection larger than ${FULL_SCAN_LIMIT} articles (n-gram candidates)`, () => {
  const { articles: large } = syntheticCollection(articles, 2000)
  const big = createSearchEngine(large, buildSearchIndex(large))

  it('keeps every real article findable by its exact title', () => {
    for (const article of articles) expect(titles(big.search(article.title, { limit: 5 }))).toContain(article.title)
  })

  it('keeps multi-word AND semantics, typos, pinyin and highlighting', () => {
    const both = big.search('扬州 断缴', { limit: 20 })
    // Plenty of articles have both words here, so nothing partial fills in.
    expect(both.length).toBeGreaterThan(2)
    expect(both.some((hit) => hit.partial)).toBe(false)
    for (const hit of both) {
      expect(fullText(hit.article)).toContain('扬州')
      expect(fullText(hit.article)).toContain('断缴')
    }
    expect(big.search('朔州听力下将')[0].article.title).toMatch(/朔州.*听力下降/)
    expect(highlighted(big.search('shuozhou jiaolv')[0])).toEqual(['朔州', '焦虑'])
  })

  it('offers partial matches, after any full ones, when no article has every word', () => {
    // No article is about both places.
    const hits = big.search('朔州 舟山', { limit: 20 })
    expect(hits.length).toBeGreaterThan(0)
    for (const hit of hits) {
      expect(hit.partial).toBe(true)
      expect(fullText(hit.article)).toMatch(/朔州|舟山/)
    }
    expect(big.search('朔州哪家医院治焦虑')[0].article.title).toMatch(/朔州.*焦虑/)
    expect(big.search('飞机大炮')).toEqual([])
  })

  it('is safe with any input', () => {
    const reported = jest.spyOn(console, 'error').mockImplementation(() => undefined)
    for (const query of ['', '😀', '.*+?[](){}|\\', '医'.repeat(500)]) expect(big.search(query)).toEqual([])
    expect(big.search('yb '.repeat(30))[0].article.title).toContain('医保')
    expect(big.search('😀扬州😀')[0].article.title).toContain('扬州')
    expect(reported).not.toHaveBeenCalled()
    reported.mockRestore()
  })
})

describe('10,000 articles (the benchmark\'s synthetic collection)', () => {
  const { articles: large } = syntheticCollection(articles, 10000)
  const big = createSearchEngine(large, buildSearchIndex(large))
  const top = (query: string) => {
    const hits = big.search(query, { limit: 5 })
    expect(hits.length).toBeGreaterThan(0)
    return hits[0].article.title
  }

  it('still reads a wrong character that sounds the same as the word it spells (扬洲 → 扬州)', () => {
    expect(top('扬洲 断缴')).toMatch(/扬州.*断缴/)
    expect(top('扬洲断缴')).toMatch(/扬州.*断缴/)
    expect(top('朔洲头痛')).toMatch(/朔州.*头痛/)
    expect(top('辽远结膜炎')).toMatch(/辽源.*结膜炎/)
  })

  it('still reads traditional characters and lay words', () => {
    expect(top('揚州 斷繳')).toMatch(/扬州.*断缴/)
    expect(top('醫保卡 清零')).toMatch(/医保卡.*清零/)
    expect(top('朔州 耳朵听不见')).toMatch(/朔州.*听力下降/)
  })
})

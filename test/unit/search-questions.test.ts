// Questions typed the way people ask them (朔州哪家医院治焦虑), and the rule that makes them work:
// articles with every word first; when those are few, articles with most of the words after them.
import type { Article, Region } from '../../src/core/article'
import { createSearchEngine, RELAX_BELOW } from '../../src/core/search/engine'
import { createQuestionSplitter, type Piece } from '../../src/core/search/query'
import type { SearchHit } from '../../src/core/search/types'
import { getSearchEngine } from '../../src/data/searchDataset'

const engine = getSearchEngine()
const titles = (hits: SearchHit[]) => hits.map((h) => h.article.title)
const textOf = (a: Article) =>
  [a.title, a.summary, a.region ? a.region.province + (a.region.city || '') : ''].concat(a.body ? a.body.map((b) => b.text) : []).join('\n')

describe('splitting a question into what it asks about', () => {
  const words = new Set(['朔州', '医院', '焦虑', '医保', '个人账户', '钱', '清零', '异地', '就医', '异地就医', '报销', '外地人'])
  // What "some article has it as typed" answers here: only these.
  const inArticles = ['社会保险', '本地买']
  const split = createQuestionSplitter({
    words,
    places: new Set(['朔州']),
    occurs: (text) => inArticles.some((t) => t.indexOf(text) >= 0),
  })
  const show = (pieces: Piece[]) => pieces.map((p) => (p.kind === 'hint' ? `(${p.text})` : p.text))

  it('leaves out question words and particles, keeps a lone character as a hint', () => {
    expect(show(split('朔州哪家医院治焦虑'))).toEqual(['朔州', '医院', '(治)', '焦虑'])
    expect(show(split('医保个人账户的钱会清零吗'))).toEqual(['医保', '个人账户', '钱', '清零'])
  })

  it('drops function characters from unknown text that no article has as typed', () => {
    expect(show(split('外地人能买医保吗'))).toEqual(['外地人', '(买)', '医保'])
  })

  it('keeps unknown text whole when an article has it (社会保险 is not 社 + 保险)', () => {
    expect(show(split('社会保险'))).toEqual(['社会保险'])
  })

  it('looks for a known phrase as its words, and as a hint where it stands whole', () => {
    expect(show(split('异地就医怎么报销'))).toEqual(['异地', '就医', '报销', '(异地就医)'])
  })

  it('finds nothing to ask in question words alone', () => {
    expect(split('怎么')).toEqual([])
    expect(split('我想问一下')).toEqual([])
  })
})

describe('full matches first, partial ones only after them', () => {
  const yangzhou: Region = { province: '江苏', city: '扬州' }
  const article = (id: string, title: string, summary: string, region: Region | null): Article => ({
    id,
    title,
    summary,
    body: null,
    fullText: false,
    date: '2025-01-01',
    source: '测试',
    region,
    topics: ['医保'],
    related: [],
  })
  // Only `both` has 扬州 and 断缴, and weakly (断缴 deep in its text); `strong` is all about 扬州.
  const both = article('both', '医保缴费常见问题', '很多人关心医保的事。在扬州,如果医保断缴三个月以上,报销会受影响。', yangzhou)
  const strong = article('strong', '扬州医保', '扬州医保的办理地点和电话。', yangzhou)
  const other = article('other', '断缴以后怎么补缴', '断缴后可以补缴,具体以当地为准。', null)
  const unrelated = article('unrelated', '体检前要注意什么', '体检前一天清淡饮食。', null)
  const small = createSearchEngine([unrelated, strong, other, both])

  it('ranks an article with every word above any article with some, however strong', () => {
    const hits = small.search('扬州 断缴')
    expect(hits[0].article.id).toBe('both')
    expect(hits[0].partial).toBeUndefined()
    expect(hits.slice(1).map((h) => h.article.id).sort()).toEqual(['other', 'strong'])
    for (const hit of hits.slice(1)) expect(hit.partial).toBe(true)
    for (let i = 1; i < hits.length; i++) expect(hits[i].score).toBeGreaterThanOrEqual(hits[i - 1].score)
  })

  it('never lets a partial match above a full one, on the real articles either', () => {
    for (const query of ['扬州 断缴', '异地就医怎么报销', '朔州哪家医院治焦虑', '辽源眼睛过敏看哪个医院', '拔牙能报销吗', '医保 报销']) {
      const hits = engine.search(query, { limit: 20 })
      const firstPartial = hits.findIndex((h) => h.partial)
      if (firstPartial >= 0) expect(hits.slice(firstPartial).every((h) => h.partial)).toBe(true)
    }
  })

  it(`adds partial matches only when there are fewer than ${RELAX_BELOW} full ones`, () => {
    const hits = engine.search('医保 报销', { limit: 20 })
    expect(hits.filter((h) => !h.partial).length).toBeGreaterThanOrEqual(RELAX_BELOW)
    expect(hits.some((h) => h.partial)).toBe(false)
  })

  it('does not count a very common word alone as a partial answer (生孩子报销 is not any 报销 article)', () => {
    const hits = engine.search('生孩子报销', { limit: 20 })
    expect(titles(hits.filter((h) => !h.partial)).sort()).toEqual(['生育保险比例怎么计算', '生育险在哪个险种里'])
    for (const hit of hits.filter((h) => h.partial)) expect(textOf(hit.article)).toMatch(/生育|孩子/)
  })
})

describe('unknown words and garbage', () => {
  it('still returns what the known word finds when one word is in no article', () => {
    expect(titles(engine.search('扬州 火星')).sort()).toEqual(titles(engine.search('扬州')).sort())
    expect(titles(engine.search('火星扬州')).sort()).toEqual(titles(engine.search('扬州')).sort())
  })

  it('returns nothing rather than random articles when nothing typed is in any article', () => {
    for (const query of ['飞机大炮', '哈哈哈哈', 'qwertyuiop', '的', '吗 呢 了', '我想问一下', '火星 飞机']) {
      expect(engine.search(query)).toEqual([])
    }
  })

  it('does not let a particle change what is found', () => {
    expect(titles(engine.search('扬州的')).sort()).toEqual(titles(engine.search('扬州')).sort())
    expect(titles(engine.search('断缴了吗')).slice(0, 2).sort()).toEqual(titles(engine.search('断缴')).slice(0, 2).sort())
  })
})

describe('questions people type', () => {
  const top = (query: string) => engine.search(query, { limit: 5 })[0].article.title

  it('answers the headline question (朔州哪家医院治焦虑), then other 朔州 hospitals', () => {
    const hits = engine.search('朔州哪家医院治焦虑')
    expect(hits[0].article.title).toBe('2025年山西朔州治疗焦虑的医院有哪些')
    expect(hits.length).toBeGreaterThan(1)
    for (const hit of hits) expect(hit.article.title).toContain('朔州')
  })

  it('puts articles whose titles hold the question words first', () => {
    const hits = engine.search('异地就医怎么报销', { limit: 5 })
    expect(titles(hits).slice(0, 2)).toEqual(['2025江苏扬州急诊异地就医医保报销流程', '2025浙江舟山医保可以异地报销吗'])
    expect(titles(hits)).toContain('河北省新农合异地住院报销比例')
  })

  it('reads everyday words as the words the articles use', () => {
    expect(top('孩子电子医保卡怎么弄')).toMatch(/子女电子医保卡/)
    expect(top('生孩子报销')).toMatch(/生育/)
    expect(top('外地人能买医保吗')).toBe('外省户籍可以在本地买医保吗')
    expect(top('医保个人账户的钱会清零吗')).toBe('医保卡个人账户余额每年都清零吗')
    expect(top('辽源眼睛过敏看哪个医院')).toMatch(/辽源治疗过敏性眼睑皮肤炎/)
  })

  it('keeps both 断缴 articles for 断缴了怎么补, the one about 补 first', () => {
    expect(titles(engine.search('断缴了怎么补')).slice(0, 2)).toEqual([
      '2025江苏扬州自由职业者医保断缴怎么补划算',
      '2025江苏扬州医保断缴影响报销吗',
    ])
  })
})

import { buildDataset, readSourcePages } from '../../scripts/pipeline/build-data'
import type { Article } from '../../src/core/article'
import { RELATED_LIMIT, relatedArticles, titleBigrams, type RelatedCandidate } from '../../src/core/related'

const { articles } = buildDataset(readSourcePages()).dataset
const byId = new Map(articles.map((a) => [a.id, a]))
const byTitle = (title: string) => {
  const found = articles.find((a) => a.title === title)
  if (!found) throw new Error(`no article titled ${title}`)
  return found
}
const relatedOf = (article: Article) => article.related.map((id) => byId.get(id)!)

describe('related articles in the packaged data', () => {
  it('a 舟山 医保住院报销 article leads with its 舟山 siblings', () => {
    const article = byTitle('2025浙江舟山医保交三个月住院可以报销多少')
    const siblings = articles.filter((a) => a !== article && a.region?.city === '舟山')
    expect(siblings).toHaveLength(3)
    const lead = relatedOf(article).slice(0, siblings.length)
    expect(lead.every((a) => a.region?.city === '舟山')).toBe(true)
    // The closest sibling shares the most words: 医保交三个月住院可以报销.
    expect(lead[0].title).toBe('2025浙江舟山医保交三个月住院可以报销吗')
  })

  it('a 朔州 hospital article leads with the other 朔州 hospital articles', () => {
    const article = byTitle('2025年山西朔州治疗头痛的医院有哪些')
    const siblings = articles.filter((a) => a !== article && a.region?.city === '朔州' && a.topics.includes('找医院'))
    expect(siblings).toHaveLength(3)
    const lead = relatedOf(article).slice(0, siblings.length)
    expect(new Set(lead)).toEqual(new Set(siblings))
  })

  it('every related id resolves, is never the article itself and never repeats', () => {
    for (const article of articles) {
      expect(article.related.length).toBeGreaterThan(0)
      expect(article.related.length).toBeLessThanOrEqual(RELATED_LIMIT)
      expect(new Set(article.related).size).toBe(article.related.length)
      expect(article.related).not.toContain(article.id)
      for (const id of article.related) expect(byId.has(id)).toBe(true)
    }
  })
})

describe('relatedArticles scoring', () => {
  const candidate = (id: string, title: string, extra: Partial<RelatedCandidate> = {}): RelatedCandidate => ({
    id, title, date: '2025-03-04', region: null, topics: ['医保'], ...extra,
  })

  it('ranks same city above same province above neither', () => {
    const items = [
      candidate('a', '扬州医保断缴', { region: { province: '江苏', city: '扬州' } }),
      candidate('b', '苏州异地就医', { region: { province: '江苏', city: '苏州' } }),
      candidate('c', '扬州灵活就业', { region: { province: '江苏', city: '扬州' } }),
      candidate('d', '农村新农合门槛'),
    ]
    expect(relatedArticles(items, []).get('a')).toEqual(['c', 'b', 'd'])
  })

  it("uses the page's own 相关推荐 links: its main article comes before an unlinked equal", () => {
    const items = [candidate('m', '甲甲'), candidate('x', '乙乙'), candidate('y', '丙丙')]
    expect(relatedArticles(items, [{ mainId: 'm', entryIds: ['y'] }]).get('m')).toEqual(['y', 'x'])
    expect(relatedArticles(items, [{ mainId: 'm', entryIds: ['x'] }]).get('m')).toEqual(['x', 'y'])
  })

  it('breaks ties by newer date, then title, so the order never depends on input order', () => {
    const items = [
      candidate('old', '乙乙', { date: '2025-03-04' }),
      candidate('new', '丙丙', { date: '2025-03-19' }),
      candidate('self', '甲甲'),
      candidate('same-day', '丁丁', { date: '2025-03-19' }),
    ]
    const forward = relatedArticles(items, []).get('self')
    const backward = relatedArticles([...items].reverse(), []).get('self')
    // Same score: 2025-03-19 before 2025-03-04; on one day, title order (丁 U+4E01 before 丙 U+4E19).
    expect(forward).toEqual(['same-day', 'new', 'old'])
    expect(backward).toEqual(forward)
  })

  it('leaves out articles that share nothing and respects the limit', () => {
    const items = [
      candidate('a', '甲乙', { topics: ['疾病'] }),
      candidate('b', '丙丁', { topics: ['家庭'] }),
      ...Array.from({ length: 8 }, (_, i) => candidate(`s${i}`, `甲乙${i}`, { topics: ['疾病'] })),
    ]
    const related = relatedArticles(items, [], 6)
    expect(related.get('b')).toEqual([])
    expect(related.get('a')).toHaveLength(6)
  })

  it('title terms ignore years, numbers and question words', () => {
    expect([...titleBigrams('2025年山西朔州治疗头痛的医院有哪些')]).not.toContain('20')
    expect(titleBigrams('有哪些').size).toBe(0)
    expect(titleBigrams('2025浙江舟山').has('舟山')).toBe(true)
  })
})

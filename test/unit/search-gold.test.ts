// Quality floor on the gold queries (test/gold/queries.json): hit@1 ≥ 0.95 and hit@5 = 1.
import { articles } from '../../src/data'
import { getSearchEngine } from '../../src/data/search'
import { loadGoldQueries, resolveGoldQueries, scoreGold } from '../gold/gold'

const gold = resolveGoldQueries(loadGoldQueries(), articles)
const engine = getSearchEngine()
const score = scoreGold(gold, (query) => engine.search(query, { limit: 10 }).map((hit) => hit.article.id))

describe('gold queries on the real articles', () => {
  it('has at least 30 queries covering every kind', () => {
    expect(gold.length).toBeGreaterThanOrEqual(30)
    const kinds = new Set(gold.map((q) => q.kind))
    for (const kind of ['exact', 'typo', 'multi-word', 'region+topic', 'synonym', 'pinyin', 'initials', 'mixed', 'question']) {
      expect(kinds).toContain(kind)
    }
    // Questions as people type them (朔州哪家医院治焦虑), not keyword lists.
    expect(gold.filter((q) => q.kind === 'question').length).toBeGreaterThanOrEqual(10)
  })

  it('finds an expected article within the first five results for every query (hit@5 = 1)', () => {
    expect(score.missesAt5).toEqual([])
    expect(score.hitAt5).toBe(1)
  })

  it('puts an expected article first for at least 95% of queries (hit@1 ≥ 0.95)', () => {
    expect(score.hitAt1).toBeGreaterThanOrEqual(0.95)
  })
})

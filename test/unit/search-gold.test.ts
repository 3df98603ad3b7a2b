// Quality floor on the gold queries (test/gold/queries.json): hit@1 ≥ 0.95 and hit@5 = 1, on
// the records the search page searches (list entries with their 120-character excerpt, no body).
import { articles } from '../../src/data/dataset'
import { getListSearchEngine } from '../../src/data/searchDataset'
import { loadGoldQueries, resolveGoldQueries, scoreGold } from '../gold/gold'

const gold = resolveGoldQueries(loadGoldQueries(), articles)
const engine = getListSearchEngine()
const score = scoreGold(gold, (query) => engine.search(query, { limit: 10 }).map((hit) => hit.article.id))

describe('gold queries on the real articles, as the search page holds them', () => {
  beforeAll(() => {
    // The figures, every run: a drop shows before it fails.
    const kinds = new Set(gold.map((q) => q.kind))
    process.stdout.write(
      `gold set: ${gold.length} queries in ${kinds.size} kinds on ${articles.length} articles: ` +
        `hit@1 ${score.hitAt1.toFixed(3)}, hit@5 ${score.hitAt5.toFixed(3)}` +
        (score.missesAt1.length ? ` (not first: ${score.missesAt1.join(' / ')})` : '') +
        '\n',
    )
  })

  it('has at least 30 queries covering every kind', () => {
    expect(gold.length).toBeGreaterThanOrEqual(30)
    const kinds = new Set(gold.map((q) => q.kind))
    const every = ['exact', 'typo', 'multi-word', 'region+topic', 'synonym', 'pinyin', 'initials', 'mixed', 'question']
    // Ways of asking beyond the typed keyword: traditional characters, spoken paraphrases of a
    // title's question, lay words for a symptom, a wrong character that sounds right.
    every.push('traditional', 'paraphrase', 'lay-symptom', 'homophone')
    for (const kind of every) expect(kinds).toContain(kind)
    for (const kind of ['traditional', 'paraphrase', 'lay-symptom', 'homophone']) {
      expect(gold.filter((q) => q.kind === kind).length).toBeGreaterThanOrEqual(5)
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

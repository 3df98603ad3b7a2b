// Search on any string: the app's engine over the packaged articles never throws, returns hits
// that are real articles, and answers each query within a (generous) time budget. The observed
// maximum is printed; speed itself is measured by `npm run bench:search`, not here.
import fc from 'fast-check'
import { articles } from '../../src/data/dataset'
import { getSearchEngine } from '../../src/data/searchDataset'
import { anyText, checkProperty, typedText } from './support/property'

/** Per query: generous, because the machine running the tests may be shared and busy. */
const BUDGET_MS = 2000

const ids = new Set(articles.map((a) => a.id))
/** Queries built from the articles' own words, mixed with noise, so that some of them match. */
const words = Array.from(new Set(articles.flatMap((a) => a.title.match(/[\u4e00-\u9fff]{2,4}/g) ?? []))).slice(0, 200)
const mixedQuery = fc
  .array(fc.oneof(fc.constantFrom(...words), fc.constantFrom(' ', '　', '%', '*', '(', '?', '\\', 'yibao', 'ZHUYUAN', '😀', '醫保'), typedText(5)), { maxLength: 12 })
  .map((parts) => parts.join(''))

test('search never throws, returns real articles, and stays inside its time budget', () => {
  const engine = getSearchEngine()
  engine.search('医保') // first use builds the engine; that is not a query's cost
  // The engine catches its own bugs and answers [] (src/core/search/engine.ts), logging them with
  // console.error: a logged failure is a failure here, or "never throws" would prove nothing.
  const logged = jest.spyOn(console, 'error')
  let slowest = 0
  let withHits = 0
  checkProperty('search on any string', [fc.oneof(anyText(200), mixedQuery, typedText(300))], (query) => {
    const started = performance.now()
    const hits = engine.search(query)
    const took = performance.now() - started
    slowest = Math.max(slowest, took)
    expect(took).toBeLessThan(BUDGET_MS)
    expect(Array.isArray(hits)).toBe(true)
    if (hits.length) withHits++
    for (const hit of hits) {
      expect(ids.has(hit.article.id)).toBe(true)
      for (const [start, end] of hit.titleRanges) {
        expect(0 <= start && start < end && end <= hit.article.title.length).toBe(true)
      }
    }
  }, 600)
  expect(logged).not.toHaveBeenCalled()
  logged.mockRestore()
  console.log(`fast-check: search timing — slowest query ${slowest.toFixed(1)} ms (budget ${BUDGET_MS} ms), ${withHits} queries with hits`)
  expect(withHits).toBeGreaterThan(0)
})

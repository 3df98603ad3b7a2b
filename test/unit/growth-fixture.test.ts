// The growth benchmark's fixture generator (scripts/bench/growth-fixture.ts): pages in the real format,
// moved to other real cities, each with titles (and so ids) of its own.
import { buildDataset, readSourcePages } from '../../scripts/pipeline/build-data'
import { gazetteerCities, growthPages } from '../../scripts/bench/growth-fixture'

const real = readSourcePages()

describe('growth fixture pages', () => {
  const pages = growthPages(real, 300)
  const { dataset } = buildDataset(pages)

  it('parse with the real pipeline and reach the asked-for number of distinct articles', () => {
    expect(dataset.articles.length).toBeGreaterThanOrEqual(300)
    expect(new Set(dataset.articles.map((a) => a.id)).size).toBe(dataset.articles.length)
  })

  it('keep the real texts and dates, only moved to real gazetteer cities', () => {
    const realDates = new Set(buildDataset(real).dataset.articles.map((a) => a.date))
    for (const article of dataset.articles) expect(realDates.has(article.date)).toBe(true)
    // Spread over many real cities, not piled on the few the real pages name.
    const cities = new Set(dataset.articles.filter((a) => a.region?.city).map((a) => a.region!.city))
    expect(cities.size).toBeGreaterThan(40)
    expect(gazetteerCities().length).toBeGreaterThan(300)
    // A generated page reads like its source with the places swapped.
    const generated = pages[real.length]
    expect(generated.text.split('\n').length).toBe(real[0].text.split('\n').length)
  })

  it('is deterministic', () => {
    expect(growthPages(real, 300)).toEqual(pages)
  })
})

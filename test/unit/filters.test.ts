import type { Article, ProvinceEntry } from '../../src/core/article'
import {
  citiesOf,
  countArticles,
  countByRegion,
  mostArticlesFirst,
  regionCount,
  filterArticles,
  hasActiveFilters,
  newestFirst,
  NO_FILTERS,
  normalizeFilters,
  regionLabel,
} from '../../src/core/filters'
import { articles, provinces } from '../../src/data/dataset'
import { gazetteerCities, syntheticLibrary } from '../support/synthetic-library'

// Minimal records for the rules; the real dataset is checked further down.
function article(id: string, fields: Partial<Article>): Article {
  return { id, title: id, summary: '', body: null, fullText: false, date: '2025-03-04', source: '健康新闻', region: null, topics: ['医保'], related: [], ...fields }
}
const sample: Article[] = [
  article('nation', { region: null, topics: ['医保'] }),
  article('shuangheA', { region: { province: '新疆', city: '双河' }, topics: ['医保', '疾病'] }),
  article('tiemenguan', { region: { province: '新疆', city: '铁门关' }, topics: ['医保'] }),
  article('xinjiang', { region: { province: '新疆' }, topics: ['找医院'] }),
  article('beijing', { region: { province: '北京' }, topics: ['找医院', '家庭'], date: '2025-03-19' }),
]
const sampleProvinces: ProvinceEntry[] = [
  { province: '北京', cities: [] },
  { province: '山西', cities: ['朔州'] },
  { province: '新疆', cities: ['铁门关', '双河'] },
]
const ids = (list: Article[]) => list.map((a) => a.id)

describe('filterArticles', () => {
  it('keeps everything without filters', () => {
    expect(ids(filterArticles(sample, NO_FILTERS))).toEqual(ids(sample))
  })

  it('narrows by province strictly: nationwide articles are not a place', () => {
    expect(ids(filterArticles(sample, { ...NO_FILTERS, province: '新疆' }))).toEqual(['shuangheA', 'tiemenguan', 'xinjiang'])
  })

  it('narrows by city within the province', () => {
    expect(ids(filterArticles(sample, { province: '新疆', city: '双河', topic: null }))).toEqual(['shuangheA'])
  })

  it('combines region and topic', () => {
    expect(ids(filterArticles(sample, { province: '新疆', city: null, topic: '医保' }))).toEqual(['shuangheA', 'tiemenguan'])
    expect(countArticles(sample, { province: '北京', city: null, topic: '医保' })).toBe(0)
    expect(countArticles(sample, { ...NO_FILTERS, topic: '找医院' })).toBe(2)
  })

  it('knows when any filter is active', () => {
    expect(hasActiveFilters(NO_FILTERS)).toBe(false)
    expect(hasActiveFilters({ ...NO_FILTERS, topic: '家庭' })).toBe(true)
    expect(hasActiveFilters({ ...NO_FILTERS, province: '北京' })).toBe(true)
  })
})

describe('normalizeFilters', () => {
  it('keeps values that exist', () => {
    expect(normalizeFilters({ province: '新疆', city: '双河', topic: '疾病' }, sampleProvinces)).toEqual({ province: '新疆', city: '双河', topic: '疾病' })
  })

  it('finds the province of a link that names only a city, when one province has it', () => {
    expect(normalizeFilters({ city: '双河' }, sampleProvinces)).toEqual({ province: '新疆', city: '双河', topic: null })
    expect(normalizeFilters({ province: '', city: '朔州', topic: '医保' }, sampleProvinces)).toEqual({ province: '山西', city: '朔州', topic: '医保' })
    const twice: ProvinceEntry[] = [...sampleProvinces, { province: '吉林', cities: ['双河'] }]
    expect(normalizeFilters({ city: '双河' }, twice)).toEqual(NO_FILTERS)
    expect(normalizeFilters({ city: '火星' }, sampleProvinces)).toEqual(NO_FILTERS)
  })

  it('drops unknown provinces, cities of another province, unknown topics and junk', () => {
    expect(normalizeFilters({ province: '火星', city: '双河', topic: '美食' }, sampleProvinces)).toEqual(NO_FILTERS)
    expect(normalizeFilters({ province: '山西', city: '双河' }, sampleProvinces)).toEqual({ province: '山西', city: null, topic: null })
    expect(normalizeFilters('山西', sampleProvinces)).toEqual(NO_FILTERS)
    expect(normalizeFilters(null, sampleProvinces)).toEqual(NO_FILTERS)
    expect(normalizeFilters({ province: 3, topic: ['医保'] }, sampleProvinces)).toEqual(NO_FILTERS)
  })
})

describe('helpers', () => {
  it('offers a city row only for provinces with several cities', () => {
    expect(citiesOf(sampleProvinces, '新疆')).toEqual(['铁门关', '双河'])
    expect(citiesOf(sampleProvinces, '山西')).toEqual([])
    expect(citiesOf(sampleProvinces, null)).toEqual([])
  })

  it('labels regions the way people say them', () => {
    expect(regionLabel(null)).toBe('全国')
    expect(regionLabel({ province: '北京' })).toBe('北京')
    expect(regionLabel({ province: '山西', city: '朔州' })).toBe('山西 · 朔州')
  })

  it('sorts newest first and keeps the source order within a day', () => {
    expect(ids(newestFirst(sample))).toEqual(['beijing', 'nation', 'shuangheA', 'tiemenguan', 'xinjiang'])
  })
})

describe('countByRegion', () => {
  it('counts every article, each province with or without a city, and each city, in gazetteer order', () => {
    expect(countByRegion(sample, sampleProvinces)).toEqual({
      total: 5,
      provinces: [
        { province: '北京', count: 1, cities: [] },
        { province: '新疆', count: 3, cities: [{ city: '铁门关', count: 1 }, { city: '双河', count: 1 }] },
      ],
    })
  })

  it('counts only the chosen topic, so a count is what choosing the place lists', () => {
    const counts = countByRegion(sample, sampleProvinces, '找医院')
    expect(counts.total).toBe(2)
    expect(counts.provinces).toEqual([
      { province: '北京', count: 1, cities: [] },
      { province: '新疆', count: 1, cities: [] },
    ])
    for (const filters of [
      { province: '新疆', city: null, topic: '医保' as const },
      { province: '新疆', city: '双河', topic: '医保' as const },
      { province: '北京', city: null, topic: '医保' as const },
      { province: null, city: null, topic: '疾病' as const },
    ]) {
      expect(regionCount(countByRegion(sample, sampleProvinces, filters.topic), filters.province, filters.city)).toBe(
        countArticles(sample, filters),
      )
    }
  })

  it('still counts a place the province list does not know, after the known ones', () => {
    const extra = [...sample, article('hainan', { region: { province: '海南', city: '三亚' } })]
    expect(countByRegion(extra, sampleProvinces).provinces.map((p) => p.province)).toEqual(['北京', '新疆', '海南'])
    expect(regionCount(countByRegion(extra, sampleProvinces), '海南', '三亚')).toBe(1)
    expect(regionCount(countByRegion(extra, sampleProvinces), '西藏')).toBe(0)
  })

  it('orders most articles first and keeps the given order on ties', () => {
    const entries = [
      { name: 'a', count: 1 },
      { name: 'b', count: 3 },
      { name: 'c', count: 1 },
      { name: 'd', count: 3 },
    ]
    expect(mostArticlesFirst(entries).map((e) => e.name)).toEqual(['b', 'd', 'a', 'c'])
    expect(entries.map((e) => e.name)).toEqual(['a', 'b', 'c', 'd'])
  })

  it('at 10,000 articles over every province and hundreds of cities, the counts add up', () => {
    const library = syntheticLibrary(10_000)
    const counts = countByRegion(library.articles, library.provinces)
    expect(counts.total).toBe(10_000)
    expect(counts.provinces).toHaveLength(34)
    const cities = counts.provinces.reduce((sum, p) => sum + p.cities.length, 0)
    expect(cities).toBeGreaterThan(300)
    expect(cities).toBeLessThanOrEqual(gazetteerCities.length)
    const nationwide = library.articles.filter((a) => a.region === null).length
    expect(counts.provinces.reduce((sum, p) => sum + p.count, 0)).toBe(10_000 - nationwide)
    for (const p of counts.provinces) {
      expect(p.count).toBe(countArticles(library.articles, { province: p.province, city: null, topic: null }))
      expect(p.cities.reduce((sum, c) => sum + c.count, 0)).toBeLessThanOrEqual(p.count)
      for (const c of p.cities) expect(c.count).toBe(countArticles(library.articles, { province: p.province, city: c.city, topic: null }))
    }
    // The province row's order: never fewer articles before more.
    const row = mostArticlesFirst(counts.provinces)
    for (let i = 1; i < row.length; i++) expect(row[i - 1].count).toBeGreaterThanOrEqual(row[i].count)
    expect(row[0].count).toBeGreaterThan(row[row.length - 1].count)
  })
})

describe('on the packaged dataset', () => {
  it('the region counts match filtering for every province and city', () => {
    const counts = countByRegion(articles, provinces)
    expect(counts.total).toBe(articles.length)
    expect(counts.provinces.map((p) => p.province)).toEqual(provinces.map((p) => p.province))
    for (const p of counts.provinces) {
      expect(p.cities.map((c) => c.city)).toEqual(provinces.find((e) => e.province === p.province)?.cities)
      expect(p.count).toBe(countArticles(articles, { province: p.province, city: null, topic: null }))
    }
  })

  it('every province tab finds articles, and its cities add up within it', () => {
    for (const entry of provinces) {
      const inProvince = countArticles(articles, { ...NO_FILTERS, province: entry.province })
      expect(inProvince).toBeGreaterThan(0)
      const inCities = entry.cities.reduce((sum, city) => sum + countArticles(articles, { province: entry.province, city, topic: null }), 0)
      expect(inCities).toBeLessThanOrEqual(inProvince)
    }
  })

  it('the topic tabs together cover every article', () => {
    const covered = new Set<string>()
    for (const topic of ['医保', '找医院', '疾病', '家庭'] as const) {
      for (const a of filterArticles(articles, { ...NO_FILTERS, topic })) covered.add(a.id)
    }
    expect(covered.size).toBe(articles.length)
  })
})

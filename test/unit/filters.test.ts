import type { Article, ProvinceEntry } from '../../src/core/article'
import {
  citiesOf,
  countArticles,
  filterArticles,
  hasActiveFilters,
  newestFirst,
  NO_FILTERS,
  normalizeFilters,
  regionLabel,
} from '../../src/core/filters'
import { articles, provinces } from '../../src/data/dataset'

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

describe('on the packaged dataset', () => {
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

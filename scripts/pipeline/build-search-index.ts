// Builds src/data/search-index.json from src/data/articles.json (run after build-data.ts by
// `npm run data`). Everything that needs the pinyin library, the traditional-character converter
// or a view of the whole corpus happens here, once, so the app ships none of them: title pinyin,
// pinyin of the words people search by, 大家都在搜, the traditional → simplified table and the
// sounds of common characters. Output is deterministic (sorted keys, no timestamps):
// regenerating gives the same bytes.
import { readFileSync, writeFileSync } from 'fs'
import { join } from 'path'
import * as OpenCC from 'opencc-js'
import { pinyin } from 'pinyin-pro'
import { TOPICS, type Article, type ArticleDataset } from '../../src/core/article'
import { COMMON_WORDS, TOPIC_PHRASES } from '../../src/core/search/glossary'
import { isHan } from '../../src/core/search/normalize'
import { synonymWords } from '../../src/core/search/synonyms'
import { compareCodePoints } from '../../src/core/text'
import type { SearchIndexData } from '../../src/core/search/types'

const ROOT = join(__dirname, '..', '..')
export const ARTICLES_PATH = join(ROOT, 'src/data/articles.json')
export const INDEX_PATH = join(ROOT, 'src/data/search-index.json')

/** How many 大家都在搜 entries the search page shows. */
export const HOT_SEARCH_COUNT = 10

/** Toneless syllables, ü as v: what people type on a phone keyboard (jiaolv, nv). */
function syllables(text: string): string[] {
  return pinyin(text, { type: 'array', toneType: 'none', v: true }).map((s) => s.toLowerCase())
}

/**
 * One entry per UTF-16 unit of `text`: the syllable of each Han character (read in context, so
 * polyphones come out as in the phrase), '' for everything else.
 */
export function unitPinyin(text: string): string[] {
  const points = Array.from(text)
  let read = syllables(text)
  if (read.length !== points.length) read = points.map((point) => syllables(point)[0] || '')
  const units: string[] = []
  points.forEach((point, i) => {
    units.push(isHan(point.charCodeAt(0)) ? read[i] : '')
    if (point.length === 2) units.push('')
  })
  return units
}

function sortedRecord(entries: Array<[string, string]>): Record<string, string> {
  entries.sort((a, b) => compareCodePoints(a[0], b[0]))
  const record: Record<string, string> = {}
  for (const [key, value] of entries) record[key] = value
  return record
}

function articleText(article: Article): string {
  const body = article.body ? article.body.map((block) => block.text).join('\n') : ''
  return article.title + '\n' + article.summary + '\n' + body
}

/**
 * 大家都在搜: the places with most articles (city if known, else province) and the topic
 * phrases most articles answer, alternating, most asked first. A phrase counts double when it is
 * in a title (that is what the article answers); it must be in a title and in at least two
 * articles. Ties keep the glossary / data order.
 */
export function deriveHotSearchTerms(articles: readonly Article[], count = HOT_SEARCH_COUNT): string[] {
  const placeCounts = new Map<string, number>()
  for (const article of articles) {
    if (!article.region) continue
    const place = article.region.city || article.region.province
    placeCounts.set(place, (placeCounts.get(place) || 0) + 1)
  }
  const places = Array.from(placeCounts.entries())
    .filter(([, n]) => n >= 2)
    // Ties by name, so the order of the articles never matters.
    .sort((a, b) => b[1] - a[1] || compareCodePoints(a[0], b[0]))
    .map(([place]) => place)

  const texts = articles.map(articleText)
  const phrases = TOPIC_PHRASES.map((phrase, order) => {
      let inTitles = 0
      let inArticles = 0
      articles.forEach((article, i) => {
        if (article.title.indexOf(phrase) >= 0) inTitles++
        if (texts[i].indexOf(phrase) >= 0) inArticles++
      })
      return { phrase, order, inTitles, inArticles, weight: 2 * inTitles + inArticles }
    })
    .filter((p) => p.inArticles >= 2 && p.inTitles >= 1)
    .sort((a, b) => b.weight - a.weight || a.order - b.order)
    .map((p) => p.phrase)
  // A phrase inside a better-ranked one adds little (个人账户 after 个人账户余额); drop it.
  const distinctPhrases = phrases.filter(
    (phrase, i) => !phrases.slice(0, i).some((better) => better.indexOf(phrase) >= 0 || phrase.indexOf(better) >= 0),
  )

  // Mostly questions, some places: a place alone is a broad search.
  const placeSlots = Math.min(places.length, Math.floor(count * 0.4))
  const hot: string[] = []
  for (let i = 0; hot.length < count && (i < placeSlots || i < distinctPhrases.length); i++) {
    if (i < distinctPhrases.length) hot.push(distinctPhrases[i])
    if (i < placeSlots && hot.length < count) hot.push(places[i])
  }
  return hot
}

/** Every Han character of the articles' searchable text (title, summary, body, region), sorted. */
function articleCharacters(articles: readonly Article[]): string[] {
  const seen = new Set<string>()
  for (const article of articles) {
    const text = articleText(article) + (article.region ? article.region.province + (article.region.city || '') : '')
    for (let i = 0; i < text.length; i++) if (isHan(text.charCodeAt(i))) seen.add(text.charAt(i))
  }
  return Array.from(seen).sort()
}

/** opencc-js, from each traditional variant it knows (generic, Taiwan, Hong Kong) to mainland simplified. */
const TO_SIMPLIFIED = (['t', 'tw', 'twp', 'hk'] as const).map((from) => OpenCC.Converter({ from, to: 'cn' }))

/**
 * Traditional → simplified, one character each, limited to what helps here: the simplified
 * character occurs in the articles and the traditional one does not (a character the articles
 * use is never rewritten). Every unified Han character is put through each converter; one per
 * line, so the converters' phrase rules never join neighbours.
 */
export function traditionalTable(characters: readonly string[]): Record<string, string> {
  const used = new Set(characters)
  const all: string[] = []
  for (let code = 0x4e00; code <= 0x9fff; code++) all.push(String.fromCharCode(code))
  const converted = TO_SIMPLIFIED.map((convert) => convert(all.join('\n')).split('\n'))
  const entries: Array<[string, string]> = []
  all.forEach((traditional, i) => {
    if (used.has(traditional)) return
    for (const output of converted) {
      const simplified = output[i]
      if (simplified && simplified.length === 1 && simplified !== traditional && used.has(simplified)) {
        entries.push([traditional, simplified])
        return
      }
    }
  })
  return sortedRecord(entries)
}

/** GB2312 level 1: the 3,755 most common characters, read straight out of the encoding. */
function commonCharacters(): string[] {
  const bytes: number[] = []
  for (let row = 0xb0; row <= 0xd7; row++) {
    for (let cell = 0xa1; cell <= 0xfe; cell++) if (row < 0xd7 || cell <= 0xf9) bytes.push(row, cell)
  }
  return Array.from(new TextDecoder('gb18030').decode(Uint8Array.from(bytes)))
}

/**
 * Syllable → characters read that way (every reading of a polyphone), for the common characters
 * and the articles' own. A wrong character that sounds right (扬洲) is then read by its sound.
 * Only syllables some searchable word has (`inUse`): another sound can spell no word.
 */
export function soundTable(characters: readonly string[], inUse: ReadonlySet<string>): Record<string, string> {
  const bySyllable = new Map<string, string[]>()
  const all = new Set(commonCharacters().concat(characters))
  Array.from(all)
    .sort()
    .forEach((character) => {
      const readings = pinyin(character, { type: 'array', toneType: 'none', v: true, multiple: true })
      for (const reading of new Set(readings.map((r) => r.toLowerCase()))) {
        if (!inUse.has(reading)) continue
        let list = bySyllable.get(reading)
        if (!list) bySyllable.set(reading, (list = []))
        list.push(character)
      }
    })
  return sortedRecord(Array.from(bySyllable.entries()).map(([syllable, list]) => [syllable, list.join('')]))
}

/** The prebuilt search index for `articles`: pure, deterministic. */
export function buildSearchIndex(articles: readonly Article[]): SearchIndexData {
  // Titles repeat across a large collection; read each once.
  const readings = new Map<string, string>()
  const titlePinyin: Array<[string, string]> = articles.map((article) => {
    let spaced = readings.get(article.title)
    if (spaced === undefined) readings.set(article.title, (spaced = unitPinyin(article.title).join(' ')))
    return [article.id, spaced]
  })

  const hotSearchTerms = deriveHotSearchTerms(articles)
  const words = new Set<string>([...TOPIC_PHRASES, ...COMMON_WORDS, ...synonymWords(), ...TOPICS, ...hotSearchTerms])
  for (const article of articles) {
    if (!article.region) continue
    words.add(article.region.province)
    if (article.region.city) words.add(article.region.city)
  }
  const wordPinyin: Array<[string, string]> = []
  words.forEach((word) => {
    const units = unitPinyin(word)
    // Only all-Han words can be spelled in pinyin.
    if (units.length && units.every((u) => u)) wordPinyin.push([word, units.join(' ')])
  })

  const characters = articleCharacters(articles)
  const syllablesInUse = new Set<string>()
  for (const [, spaced] of titlePinyin.concat(wordPinyin)) for (const syllable of spaced.split(' ')) if (syllable) syllablesInUse.add(syllable)
  return {
    version: 2,
    titlePinyin: sortedRecord(titlePinyin),
    words: sortedRecord(wordPinyin),
    hotSearchTerms,
    traditional: traditionalTable(characters),
    sounds: soundTable(characters, syllablesInUse),
  }
}

/** The exact bytes written: compact JSON, one trailing newline. */
export function serializeSearchIndex(index: SearchIndexData): string {
  return JSON.stringify(index) + '\n'
}

export function main(): void {
  const dataset = JSON.parse(readFileSync(ARTICLES_PATH, 'utf8')) as ArticleDataset
  const index = buildSearchIndex(dataset.articles)
  const text = serializeSearchIndex(index)
  writeFileSync(INDEX_PATH, text)
  const kb = (Buffer.byteLength(text) / 1024).toFixed(1)
  console.log(
    `search index: ${dataset.articles.length} articles, ${Object.keys(index.words).length} words, ` +
      `${Object.keys(index.traditional).length} traditional characters, ${kb} KB → src/data/search-index.json`,
  )
  console.log(`大家都在搜: ${index.hotSearchTerms.join(' / ')}`)
}

if (require.main === module) main()

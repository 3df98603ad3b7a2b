// Pinyin and initials matching against keys computed at build time (scripts/pipeline/build-search-index.ts),
// so the app carries no pinyin dictionary. A latin token such as "yibao", "yb", "shuozhoujiaolv"
// is turned into the Chinese words it spells (医保, 朔州 + 焦虑); those words are then searched
// like typed ones, which also highlights exactly the title characters whose pinyin matched.
import { foldText } from './normalize'
import type { SearchIndexData, SearchRecord } from './types'

/** Title n-grams up to this length become pinyin words (longer phrases are found in parts). */
const MAX_TITLE_WORD = 4

export interface PinyinWord {
  word: string
  /** One toneless syllable per character, ü written as v (lv, nv) as people type it. */
  syllables: string[]
  /** How many titles contain the word: common words win ties. */
  frequency: number
  /** A word people search by (place, topic, glossary, synonym), not just characters of a title. */
  known: boolean
}

export interface SpelledWord {
  word: string
  /** 1 = every syllable typed in full, lower for initials and unfinished syllables. */
  quality: number
}

/** Quality of one character typed as its full syllable, its initial, or an unfinished syllable. */
const FULL = 1
const PREFIX = 0.9
const INITIAL = 0.75
/** A token that ends part-way through a word ("yi" for 医保) is a weaker reading. */
const UNFINISHED_WORD = 0.6
/**
 * Characters that merely sit next to each other in a title (炎的 in …结膜炎的医院) are a weaker
 * reading than a word people search by (异地), when both spell the token equally well.
 */
const TITLE_FRAGMENT = 0.85

const TWO_LETTER_INITIALS = ['zh', 'ch', 'sh']

interface Reach {
  /** Summed per-character quality. */
  quality: number
  /** Characters of the word spelled. */
  used: number
  /** Of those, spelled with their full syllable. */
  full: number
  /** Token position after the last letter used. */
  end: number
}

/**
 * How far and how well `token` from `start` spells `syllables` from syllable `index` on, or null
 * when it cannot. The token may run out before the word does (used < syllables.length).
 */
function spell(
  token: string,
  start: number,
  syllables: readonly string[],
  index: number,
  memo: Map<number, Reach | null>,
): Reach | null {
  if (index === syllables.length || start === token.length) {
    return index > 0 ? { quality: 0, used: 0, full: 0, end: start } : null
  }
  const key = index * 128 + start
  const known = memo.get(key)
  if (known !== undefined) return known
  const syllable = syllables[index]
  let best: Reach | null = null
  const consider = (quality: number, next: number) => {
    const rest = spell(token, next, syllables, index + 1, memo)
    if (!rest) return
    const candidate = {
      quality: quality + rest.quality,
      used: rest.used + 1,
      full: rest.full + (quality === FULL ? 1 : 0),
      end: rest.end,
    }
    if (!best || better(candidate, best)) best = candidate
  }
  if (syllable && token.charCodeAt(start) === syllable.charCodeAt(0)) {
    if (token.startsWith(syllable, start)) consider(FULL, start + syllable.length)
    // The token's last letters start this syllable: "yib" for 医保, typed so far.
    if (token.length - start < syllable.length && syllable.startsWith(token.slice(start))) {
      consider(PREFIX, token.length)
    }
    consider(INITIAL, start + 1)
    for (const initial of TWO_LETTER_INITIALS) {
      if (syllable !== initial && syllable.startsWith(initial) && token.startsWith(initial, start)) {
        consider(INITIAL, start + 2)
      }
    }
  }
  memo.set(key, best)
  return best
}

/** Further into the token first, then more of the word, then better typed. */
function better(a: Reach, b: Reach): boolean {
  if (a.end !== b.end) return a.end > b.end
  if (a.used !== b.used) return a.used > b.used
  return a.quality > b.quality
}

/**
 * The words of the corpus that `token` spells, best first. A token must spell a whole word
 * (initials, full syllables or a mix, the last one possibly unfinished) or run out inside a
 * word after at least one full syllable.
 */
export class PinyinVocabulary {
  private readonly byFirstLetter = new Map<string, PinyinWord[]>()

  constructor(words: Iterable<PinyinWord>) {
    for (const entry of words) {
      if (entry.syllables.length < 2 || !entry.syllables[0]) continue
      const letter = entry.syllables[0].charAt(0)
      let bucket = this.byFirstLetter.get(letter)
      if (!bucket) this.byFirstLetter.set(letter, (bucket = []))
      bucket.push(entry)
    }
  }

  /** Words spelled by the whole of `token`. */
  wordsFor(token: string, limit: number): SpelledWord[] {
    return this.scan(token, 0, true, limit).words
  }

  /**
   * Splits a token that spells no single word ("shuozhoujiaolv") into parts that each do
   * (朔州, 焦虑), taking the longest spelled part at each step. Null when some part spells nothing.
   */
  split(token: string, limit: number): SpelledWord[][] | null {
    const parts: SpelledWord[][] = []
    let start = 0
    while (start < token.length) {
      const { words, end } = this.scan(token, start, false, limit)
      if (!words.length || end <= start) return null
      parts.push(words)
      start = end
    }
    return parts.length > 1 ? parts : null
  }

  /**
   * Words spelled from `start`. With `whole`, only those reaching the token's end; otherwise
   * those reaching furthest (the greedy step of `split`). Quality is per character.
   */
  private scan(
    token: string,
    start: number,
    whole: boolean,
    limit: number,
  ): { words: SpelledWord[]; end: number } {
    const bucket = this.byFirstLetter.get(token.charAt(start))
    if (!bucket || token.length - start < 2) return { words: [], end: start }
    const found: Array<SpelledWord & { entry: PinyinWord; end: number }> = []
    const memo = new Map<number, Reach | null>()
    let furthest = start
    for (const entry of bucket) {
      memo.clear()
      const reach = spell(token, start, entry.syllables, 0, memo)
      if (!reach || reach.end - start < 2) continue
      if (whole && reach.end !== token.length) continue
      const finished = reach.used === entry.syllables.length
      // An unfinished word needs a full syllable typed, or "y" alone would spell every 医… word.
      if (!finished && reach.full === 0) continue
      const quality =
        (reach.quality / reach.used) * (finished ? 1 : UNFINISHED_WORD) * (entry.known ? 1 : TITLE_FRAGMENT)
      found.push({ word: entry.word, quality, entry, end: reach.end })
      if (reach.end > furthest) furthest = reach.end
    }
    const reached = whole ? found : found.filter((f) => f.end === furthest)
    reached.sort(
      (a, b) =>
        b.quality - a.quality ||
        Number(b.entry.known) - Number(a.entry.known) ||
        b.entry.frequency - a.entry.frequency ||
        a.word.length - b.word.length ||
        (a.word < b.word ? -1 : 1),
    )
    // A word containing a better one adds nothing: every article with 账户余额 has 账户. And
    // once a known word fits, fragments that fit less well are noise.
    const kept: typeof reached = []
    const bestKnown = reached.find((f) => f.entry.known)
    for (const candidate of reached) {
      if (kept.length >= limit) break
      if (bestKnown && !candidate.entry.known && candidate.quality < bestKnown.quality) continue
      if (!kept.some((k) => candidate.word.indexOf(k.word) >= 0)) kept.push(candidate)
    }
    return { words: kept.map(({ word, quality }) => ({ word, quality })), end: furthest }
  }
}

/** Readings tried per word typed with wrong characters: enough for a polyphone or two. */
const MAX_READINGS = 8

/**
 * Character → its syllables, from the build-time table of syllable → characters
 * (SearchIndexData.sounds).
 */
export function readingsFromSounds(sounds: Readonly<Record<string, string>>): Map<string, string[]> {
  const readings = new Map<string, string[]>()
  for (const syllable of Object.keys(sounds)) {
    const characters = sounds[syllable]
    for (let i = 0; i < characters.length; i++) {
      const ch = characters.charAt(i)
      const known = readings.get(ch)
      if (known) known.push(syllable)
      else readings.set(ch, [syllable])
    }
  }
  return readings
}

/**
 * How a run of Han characters sounds, as the pinyin strings it may be read as (every reading of
 * a polyphone, at most MAX_READINGS); [] when a character's sound is unknown.
 */
export function soundsOf(text: string, readings: ReadonlyMap<string, readonly string[]>): string[] {
  let spelled = ['']
  for (let i = 0; i < text.length; i++) {
    const options = readings.get(text.charAt(i))
    if (!options) return []
    const next: string[] = []
    for (const start of spelled) for (const option of options) if (next.length < MAX_READINGS) next.push(start + option)
    spelled = next
  }
  return spelled
}

function syllablesOf(spaced: string): string[] {
  return spaced.split(' ')
}

/**
 * The vocabulary a collection can be searched by in pinyin: every Han n-gram (2-4 characters) of
 * every title, with syllables from the prebuilt index, plus the index's named words.
 */
export function vocabularyFromIndex(articles: readonly SearchRecord[], data: SearchIndexData): PinyinVocabulary {
  const words = new Map<string, PinyinWord>()
  const seenTitles = new Set<string>()
  for (const article of articles) {
    const spaced = data.titlePinyin[article.id]
    if (!spaced || seenTitles.has(article.title)) continue
    seenTitles.add(article.title)
    const syllables = syllablesOf(spaced)
    const title = article.title
    if (syllables.length !== title.length) continue
    const inThisTitle = new Set<string>()
    for (let start = 0; start < title.length; start++) {
      if (!syllables[start]) continue
      for (let length = 2; length <= MAX_TITLE_WORD && start + length <= title.length; length++) {
        // A word is Han characters only: stop at the first digit or punctuation mark.
        if (!syllables[start + length - 1]) break
        const word = foldText(title.substr(start, length))
        if (inThisTitle.has(word)) continue
        inThisTitle.add(word)
        const known = words.get(word)
        if (known) known.frequency++
        else words.set(word, { word, syllables: syllables.slice(start, start + length), frequency: 1, known: false })
      }
    }
  }
  for (const word of Object.keys(data.words)) {
    const titled = words.get(word)
    if (titled) titled.known = true
    else words.set(word, { word, syllables: syllablesOf(data.words[word]), frequency: 0, known: true })
  }
  return new PinyinVocabulary(words.values())
}

// A typed query → what to look for. Tokens are what the user separated with spaces (扬州 断缴).
// Each token is read as the parts it asks about: Chinese split at known words, with question
// words and particles left out (朔州哪家医院治焦虑 → 朔州, 医院, 治, 焦虑); pinyin as the words
// it spells (shuozhoujiaolv → 朔州, 焦虑). Each part may be found as any of its alternatives
// (the word as typed, its synonyms, the words a pinyin spelling stands for). How many parts an
// article must have is the engine's decision (engine.ts): all of them first, then most of them.
import { FUNCTION_CHARACTERS, PARTICLES, QUESTION_WORDS } from './glossary'
import { isHanToken, isLatinToken, splitTokens } from './normalize'
import type { PinyinVocabulary, SpelledWord } from './pinyin'
import { SYNONYMS, synonymVariants } from './synonyms'

export interface Alternative {
  /** Folded text to search for (no spaces). */
  text: string
  /** 1 for the word as typed; less for synonyms and pinyin readings. */
  weight: number
}

/**
 * How a part counts. 'word': something the query is about; a full match has every word.
 * 'hint': ranks the articles that have it higher, but is never required and never makes an
 * article a partial match: a lone character between known words (治, 补, 好), or a known phrase
 * searched as its words (异地报销 as 异地 + 报销), where it also stands whole. In a query of
 * nothing but lone characters (补), they are what must be found.
 */
export type PartKind = 'word' | 'hint'

/** One thing the query asks for: found when any alternative is. */
export interface Part {
  alternatives: Alternative[]
  kind: PartKind
  /** Share of relevance next to the group's other parts: 1, or LONE_CHARACTER_WEIGHT. */
  weight: number
}

/** A lone character says little (补 could be 补缴 or 补充): it counts this much next to a word. */
export const LONE_CHARACTER_WEIGHT = 0.3

/** One typed token. */
export interface Group {
  token: string
  /**
   * The token as typed, when it was split or shortened: a typo can defeat the split
   * (新农合案备成功), and a title asking the very same question should rank first. Found as a
   * whole, it stands for all the group's parts.
   */
  phrase: Alternative | null
  parts: Part[]
  /** Relevance factor for the parts against the phrase (1 when there is no phrase). */
  partsWeight: number
}

/** A piece of a Chinese token, before synonyms. */
export interface Piece {
  text: string
  kind: PartKind
  weight: number
}

/** A synonym is a good answer, but the word as typed, where present, is a better one. */
export const SYNONYM_WEIGHT = 0.85
/** 扬洲 read by its sound as 扬州: a good guess, below any word found as typed. */
export const SOUND_ALIKE_WEIGHT = 0.8
/** Splitting 朔州焦虑 into 朔州 + 焦虑 finds more; the unsplit phrase, where present, is better. */
export const SPLIT_WEIGHT = 0.9

/** Bounds that keep a pathological query (64 one-letter words) cheap. */
const MAX_GROUPS = 6
const MAX_PARTS_PER_GROUP = 8
const MAX_PINYIN_WORDS = 4

export interface PlanContext {
  /** A run of Han characters → the pieces it asks about (see createQuestionSplitter). */
  split(token: string): Piece[]
  pinyin: PinyinVocabulary | null
  /**
   * Known words that sound like `text` (扬洲 → 扬州), for a word no article has as typed; [] when
   * some article has it, or without a prebuilt index.
   */
  soundAlike(text: string): string[]
}

export interface Vocabulary {
  /** Words people search by: places, topics, glossary and synonym words. */
  words: ReadonlySet<string>
  places: ReadonlySet<string>
  /** True when some article contains `text` as typed. */
  occurs(text: string): boolean
}

const QUESTION_SET = new Set(QUESTION_WORDS)
const isParticle = (text: string) => text.length === 1 && PARTICLES.indexOf(text) >= 0
const isFunctionCharacter = (text: string) => text.length === 1 && FUNCTION_CHARACTERS.indexOf(text) >= 0

const loneCharacter = (text: string): Piece => ({ text, kind: 'hint', weight: LONE_CHARACTER_WEIGHT })

/** `text` cut at function characters, which are dropped (人能买 → 人, 买). */
function withoutFunctionCharacters(text: string): string[] {
  const bits: string[] = []
  let bit = ''
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i)
    if (isFunctionCharacter(ch)) {
      if (bit) bits.push(bit)
      bit = ''
    } else bit += ch
  }
  if (bit) bits.push(bit)
  return bits
}

/**
 * The splitter the engine plans Chinese tokens with. A token is split at known words, question
 * words and particles (segmentWithLexicon); then:
 * - question words and particles are dropped (哪家, 怎么, 吗, 的);
 * - a known word made only of other known words is looked for as those words (异地就医 → 异地,
 *   就医), so an article on 异地住院报销 still has two of 异地就医怎么报销's three words, and as a
 *   hint where it stands whole; synonym entries stay whole, their table row applies to them as
 *   a unit;
 * - unknown text stays one piece, typos and all (听力下将, 社会保险), unless no article has it
 *   as typed or it begins or ends with a function character: then it is read without its
 *   function characters (人能买 → 人, 买; 能买 → 买; 能给 → nothing);
 * - a lone unknown character is a hint (治, 补), or dropped when it is a function character
 *   (会, 能).
 */
export function createQuestionSplitter(vocabulary: Vocabulary): (token: string) => Piece[] {
  const { words, places } = vocabulary
  const lexicon = new Set<string>(words)
  QUESTION_WORDS.forEach((word) => lexicon.add(word))
  for (let i = 0; i < PARTICLES.length; i++) lexicon.add(PARTICLES.charAt(i))
  let maxWordLength = 2
  lexicon.forEach((word) => {
    if (word.length > maxWordLength) maxWordLength = word.length
  })

  const compounds = new Map<string, string[] | null>()
  const compoundParts = (word: string): string[] | null => {
    let parts = compounds.get(word)
    if (parts !== undefined) return parts
    parts = null
    if (word.length >= 4 && !Object.prototype.hasOwnProperty.call(SYNONYMS, word)) {
      const found: string[] = []
      let i = 0
      while (i < word.length) {
        let part = ''
        for (let length = Math.min(word.length - 1, word.length - i); length >= 2; length--) {
          const candidate = word.substr(i, length)
          if (words.has(candidate) && !QUESTION_SET.has(candidate)) {
            part = candidate
            break
          }
        }
        if (!part) break
        found.push(part)
        i += part.length
      }
      if (i === word.length && found.length >= 2) parts = found
    }
    compounds.set(word, parts)
    return parts
  }

  return (token: string): Piece[] => {
    const pieces: Piece[] = []
    const wholes: Piece[] = []
    const add = (text: string) => pieces.push(text.length === 1 ? loneCharacter(text) : { text, kind: 'word', weight: 1 })
    for (const piece of segmentWithLexicon(token, lexicon, places, maxWordLength)) {
      if (QUESTION_SET.has(piece) || isParticle(piece)) continue
      if (words.has(piece)) {
        const parts = compoundParts(piece)
        if (!parts) {
          // A known word, even of one character (钱), is a word.
          pieces.push({ text: piece, kind: 'word', weight: 1 })
          continue
        }
        for (const part of parts) pieces.push({ text: part, kind: 'word', weight: 1 })
        wholes.push({ text: piece, kind: 'hint', weight: 1 })
      } else if (piece.length === 1) {
        if (!isFunctionCharacter(piece)) add(piece)
      } else if (!isFunctionCharacter(piece.charAt(0)) && !isFunctionCharacter(piece.charAt(piece.length - 1)) && vocabulary.occurs(piece)) {
        add(piece)
      } else {
        for (const bit of withoutFunctionCharacters(piece)) add(bit)
      }
    }
    // Wholes last: when a long question is cut to MAX_PARTS_PER_GROUP, its words matter more.
    return pieces.concat(wholes)
  }
}

function alternativesFor(text: string, weight: number, context?: PlanContext): Alternative[] {
  const alternatives: Alternative[] = [{ text, weight }]
  for (const variant of synonymVariants(text)) alternatives.push({ text: variant, weight: weight * SYNONYM_WEIGHT })
  if (context && text.length >= 2) {
    for (const word of context.soundAlike(text)) {
      if (alternatives.some((a) => a.text === word)) continue
      alternatives.push({ text: word, weight: weight * SOUND_ALIKE_WEIGHT })
      for (const variant of synonymVariants(word)) alternatives.push({ text: variant, weight: weight * SOUND_ALIKE_WEIGHT * SYNONYM_WEIGHT })
    }
  }
  return alternatives
}

function spelledAlternatives(words: SpelledWord[], into: Alternative[] = []): Alternative[] {
  for (const spelled of words) {
    for (const alternative of alternativesFor(spelled.word, spelled.quality)) {
      if (!into.some((a) => a.text === alternative.text)) into.push(alternative)
    }
  }
  return into
}

function single(token: string, piece: Piece, context: PlanContext): Group {
  const alternatives = isHanToken(token) ? alternativesFor(token, 1, context) : alternativesFor(token, 1)
  return { token, phrase: null, parts: [{ alternatives, kind: piece.kind, weight: piece.weight }], partsWeight: 1 }
}

function groupFor(token: string, context: PlanContext): Group | null {
  if (isHanToken(token)) {
    const pieces = context.split(token)
    if (!pieces.length) {
      // Only question words (怎么办, 为什么 are in titles): look for them as typed. A lone
      // particle (吗) is nothing to look for.
      return token.length >= 2 ? single(token, { text: token, kind: 'word', weight: 1 }, context) : null
    }
    if (pieces.length === 1 && pieces[0].text === token) return single(token, pieces[0], context)
    // A known phrase typed on its own (异地就医) is already the group's phrase.
    const parts = pieces.filter((piece) => piece.kind === 'word' || piece.text !== token)
    return {
      token,
      // Synonyms are left to the parts, which apply them word by word.
      phrase: { text: token, weight: 1 },
      parts: parts.slice(0, MAX_PARTS_PER_GROUP).map((piece) => ({
        alternatives: piece.kind === 'word' ? alternativesFor(piece.text, 1, context) : alternativesFor(piece.text, 1),
        kind: piece.kind,
        weight: piece.weight,
      })),
      partsWeight: SPLIT_WEIGHT,
    }
  }
  if (isLatinToken(token) && token.length >= 2 && context.pinyin) {
    const words = context.pinyin.wordsFor(token, MAX_PINYIN_WORDS)
    if (words.length) {
      const alternatives = spelledAlternatives(words, [{ text: token, weight: 1 }])
      return { token, phrase: null, parts: [{ alternatives, kind: 'word', weight: 1 }], partsWeight: 1 }
    }
    const spelled = context.pinyin.split(token, MAX_PINYIN_WORDS)
    if (spelled) {
      return {
        token,
        phrase: { text: token, weight: 1 },
        parts: spelled.slice(0, MAX_PARTS_PER_GROUP).map((options): Part => ({ alternatives: spelledAlternatives(options), kind: 'word', weight: 1 })),
        partsWeight: SPLIT_WEIGHT,
      }
    }
  }
  return single(token, token.length === 1 ? loneCharacter(token) : { text: token, kind: 'word', weight: 1 }, context)
}

/** The plan for a normalised query; [] when nothing searchable is left. */
export function planQuery(normalized: string, context: PlanContext): Group[] {
  const tokens = splitTokens(normalized)
  const unique: string[] = []
  for (const token of tokens) if (unique.indexOf(token) < 0) unique.push(token)
  const groups: Group[] = []
  for (const token of unique.slice(0, MAX_GROUPS)) {
    const group = groupFor(token, context)
    if (group) groups.push(group)
  }
  return groups
}

/**
 * Forward maximum matching against `lexicon`: 扬州断缴 → 扬州, 断缴; text between known words
 * stays one piece (朔州听力下将 → 朔州, 听力下将), so a typo inside it is still one word to Fuse.
 * One-character lexicon entries (钱, 的) split too, when no longer word starts there.
 * A 市/省/县/区 right after a place name is dropped: 扬州市 is 扬州.
 */
export function segmentWithLexicon(
  token: string,
  lexicon: ReadonlySet<string>,
  places: ReadonlySet<string>,
  maxWordLength: number,
): string[] {
  const segments: string[] = []
  let pending = ''
  let i = 0
  while (i < token.length) {
    let found = ''
    for (let length = Math.min(maxWordLength, token.length - i); length >= 1; length--) {
      const candidate = token.substr(i, length)
      if (lexicon.has(candidate)) {
        found = candidate
        break
      }
    }
    if (!found) {
      pending += token.charAt(i)
      i++
      continue
    }
    if (pending) segments.push(pending)
    pending = ''
    segments.push(found)
    i += found.length
    if (places.has(found) && '市省县区'.indexOf(token.charAt(i)) >= 0 && i < token.length) i++
  }
  if (pending) segments.push(pending)
  return segments
}

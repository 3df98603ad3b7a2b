// Share-image text wrapping on any text and any box: it never throws, keeps to the line limit and
// the width, never splits a character (surrogate pairs stay whole), and drops nothing but spaces
// unless it says it cut the text (then the last line ends with an ellipsis).
import fc from 'fast-check'
import { ELLIPSIS, estimateTextWidth, wrapText } from '../../src/features/share/textWrap'
import { anyText, checkProperty, typedText } from './support/property'

/** Half of a surrogate pair on its own: a character was split. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
const squeeze = (s: string) => s.replace(/\s+/g, '')
/** Text like the articles': CJK, punctuation, numbers and dates, Latin words, emoji, spaces. */
const articleLike = fc
  .array(
    fc.oneof(
      fc.constantFrom('医保', '报销', '异地就医', '，', '。', '、', '（', '）', '「', '」', '《', '》', '“', '”', '2025-03-19', '3.5%', 'WeChat', ' ', '\n', '😀', '👨‍👩‍👧'),
      typedText(6),
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''))
const box = fc.record({
  size: fc.integer({ min: 12, max: 64 }),
  chars: fc.integer({ min: 4, max: 30 }),
  maxLines: fc.integer({ min: 1, max: 6 }),
  weight: fc.constantFrom('normal' as const, 'bold' as const),
})

test('wrapText keeps every character, the line limit and the width', () => {
  checkProperty('text wrapping (article-like and any well-formed text)', [fc.oneof(articleLike, typedText(300)), box], (text, b) => {
    const maxWidth = b.chars * b.size
    const { lines, truncated } = wrapText(text, { maxWidth, size: b.size, weight: b.weight, maxLines: b.maxLines })
    expect(lines.length).toBeLessThanOrEqual(b.maxLines)
    for (const line of lines) {
      expect(LONE_SURROGATE.test(line)).toBe(false)
      expect(line).toBe(line.trim())
      expect(line).not.toBe('')
    }
    const shown = squeeze(lines.join(''))
    if (!truncated) {
      expect(shown).toBe(squeeze(text))
    } else {
      expect(lines[lines.length - 1].endsWith(ELLIPSIS)).toBe(true)
      // What is shown is the start of the text (the ellipsis and trimmed punctuation aside).
      expect(squeeze(text).startsWith(shown.slice(0, -ELLIPSIS.length).slice(0, -2))).toBe(true)
    }
    // Each line fits, give or take one carried punctuation mark (a line may not start with
    // "，" or end with "（": the rule moves one more character down, see textWrap.ts).
    for (const line of lines) expect(estimateTextWidth(line, b.size, b.weight)).toBeLessThanOrEqual(maxWidth + 2.1 * b.size)
  }, 1200)
})

test('wrapText never throws on any text, including lone surrogates and control characters', () => {
  checkProperty('text wrapping (any text, any box)', [anyText(300), fc.integer({ min: 0, max: 2000 }), fc.integer({ min: -1, max: 8 })], (text, maxWidth, maxLines) => {
    const { lines } = wrapText(text, { maxWidth, size: 20, weight: 'normal', maxLines })
    expect(lines.length).toBeLessThanOrEqual(Math.max(0, maxLines))
  }, 500)
})

// Query handling before any article is looked at: normalisation, tokens, synonyms, word splits.
import { MAX_QUERY_LENGTH, foldText, normalizeQuery, splitTokens } from '../../src/core/search/normalize'
import { segmentWithLexicon } from '../../src/core/search/query'
import { SYNONYMS, synonymVariants } from '../../src/core/search/synonyms'

describe('normalizeQuery', () => {
  it('folds full-width characters and case, and collapses spaces', () => {
    expect(normalizeQuery('  ＹＩＢＡＯ　　扬州   ２０２５ ')).toBe('yibao 扬州 2025')
  })

  it('keeps Han, letters and digits only; everything else separates words', () => {
    expect(normalizeQuery('扬州,断缴!!')).toBe('扬州 断缴')
    expect(normalizeQuery('.*+?[](){}|\\^$')).toBe('')
    expect(normalizeQuery('医保😀卡')).toBe('医保 卡')
    expect(normalizeQuery('👨‍👩‍👧')).toBe('')
  })

  it('returns "" for blank and non-string input', () => {
    expect(normalizeQuery('')).toBe('')
    expect(normalizeQuery('   \t\n  ')).toBe('')
    expect(normalizeQuery(undefined)).toBe('')
    expect(normalizeQuery(42)).toBe('')
  })

  it(`caps the query at ${MAX_QUERY_LENGTH} characters without splitting a surrogate pair`, () => {
    expect(normalizeQuery('医'.repeat(500))).toHaveLength(MAX_QUERY_LENGTH)
    const astral = '𠀀'.repeat(40) // U+20000, two UTF-16 units each
    const capped = normalizeQuery(astral)
    expect(capped.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH)
    expect(capped.length % 2).toBe(0)
    expect(normalizeQuery('a'.repeat(10) + '\uD800' + 'b')).toBe('aaaaaaaaaa b')
  })
})

describe('splitTokens', () => {
  it('splits at spaces and where Latin letters meet Han text', () => {
    expect(splitTokens('朔州jiaolv')).toEqual(['朔州', 'jiaolv'])
    expect(splitTokens('扬州 断缴')).toEqual(['扬州', '断缴'])
  })

  it('keeps digits with the Han text they belong to', () => {
    expect(splitTokens('统筹支付0元')).toEqual(['统筹支付0元'])
    expect(splitTokens('2025扬州')).toEqual(['2025扬州'])
  })
})

describe('foldText', () => {
  it('keeps every position, so title ranges still point into the original title', () => {
    const title = '１-５岁儿童（造影剂）ABC'
    const folded = foldText(title)
    expect(folded).toHaveLength(title.length)
    expect(folded).toBe('1-5岁儿童(造影剂)abc')
  })
})

describe('synonyms', () => {
  it('maps the everyday words of the brief to the words the articles use', () => {
    expect(synonymVariants('社保卡')).toContain('医保卡')
    expect(synonymVariants('居民医保')).toEqual(expect.arrayContaining(['新农合', '城乡居民医保']))
    expect(synonymVariants('北医三院')).toContain('北京大学第三医院')
    expect(synonymVariants('心跳过慢')).toEqual(expect.arrayContaining(['心跳过缓', '心动过缓']))
    expect(synonymVariants('生育险')).toContain('生育保险')
    expect(synonymVariants('看病')).toContain('就医')
    expect(synonymVariants('报账')).toContain('报销')
    expect(synonymVariants('小孩')).toEqual(expect.arrayContaining(['儿童', '子女']))
  })

  it('maps the words of plain questions (钱, 孩子, 生孩子, 外地, 眼睛)', () => {
    expect(synonymVariants('钱')).toEqual(expect.arrayContaining(['余额', '个人账户']))
    expect(synonymVariants('孩子')).toEqual(expect.arrayContaining(['儿童', '子女']))
    expect(synonymVariants('生孩子')).toEqual(['生育'])
    expect(synonymVariants('外地')).toEqual(expect.arrayContaining(['异地', '外省']))
    expect(synonymVariants('眼睛')).toEqual(['眼'])
  })

  it('applies a one-character entry only to the word on its own (多少钱 is not 多少余额)', () => {
    expect(synonymVariants('多少钱')).toEqual([])
    expect(synonymVariants('充钱')).toEqual([])
  })

  it('applies inside longer words, longest key first', () => {
    expect(synonymVariants('电子社保卡')).toContain('电子医保卡')
    // 城乡居民医保 is its own entry; it must not also be read as 城乡 + 居民医保 → 城乡新农合.
    expect(synonymVariants('城乡居民医保')).not.toContain('城乡新农合')
    expect(synonymVariants('城乡居民医保')).toContain('新农合')
  })

  it('has no entry that maps a word to itself or to nothing', () => {
    for (const [word, targets] of Object.entries(SYNONYMS)) {
      expect(targets.length).toBeGreaterThan(0)
      expect(targets).not.toContain(word)
    }
  })

  it('leaves words without synonyms alone', () => {
    expect(synonymVariants('朔州')).toEqual([])
    expect(synonymVariants('')).toEqual([])
  })
})

describe('segmentWithLexicon', () => {
  const lexicon = new Set(['扬州', '朔州', '断缴', '住院', '报销', '舟山'])
  const places = new Set(['扬州', '朔州', '舟山'])
  const split = (token: string) => segmentWithLexicon(token, lexicon, places, 4)

  it('splits Chinese typed without spaces at known words', () => {
    expect(split('扬州断缴')).toEqual(['扬州', '断缴'])
    expect(split('舟山住院报销')).toEqual(['舟山', '住院', '报销'])
  })

  it('keeps unknown text between known words as one piece, typos and all', () => {
    expect(split('朔州听力下将')).toEqual(['朔州', '听力下将'])
  })

  it('splits at one-character entries too, when no longer word starts there', () => {
    const withMoney = new Set(['个人账户', '钱', '充钱', '清零'])
    expect(segmentWithLexicon('个人账户钱清零', withMoney, places, 4)).toEqual(['个人账户', '钱', '清零'])
    expect(segmentWithLexicon('个人账户充钱', withMoney, places, 4)).toEqual(['个人账户', '充钱'])
  })

  it('drops 市/省/县/区 after a place name', () => {
    expect(split('扬州市断缴')).toEqual(['扬州', '断缴'])
    expect(split('扬州')).toEqual(['扬州'])
  })
})

// Pinyin and initials against build-time keys: the runtime matcher needs no dictionary.
import { PinyinVocabulary, type PinyinWord } from '../../src/core/search/pinyin'

const word = (text: string, syllables: string, known = true, frequency = 1): PinyinWord => ({
  word: text,
  syllables: syllables.split(' '),
  known,
  frequency,
})

const vocabulary = new PinyinVocabulary([
  word('医保', 'yi bao', true, 20),
  word('医保卡', 'yi bao ka', true, 7),
  word('朔州', 'shuo zhou'),
  word('焦虑', 'jiao lv'),
  word('头痛', 'tou tong'),
  word('异地', 'yi di'),
  word('炎的', 'yan de', false, 9),
  word('西安', 'xi an'),
])
const spelled = (token: string) => vocabulary.wordsFor(token, 4).map((w) => w.word)

describe('PinyinVocabulary', () => {
  it('reads full pinyin', () => {
    expect(spelled('yibao')[0]).toBe('医保')
    expect(spelled('shuozhou')).toEqual(['朔州'])
    expect(spelled('jiaolv')).toEqual(['焦虑'])
  })

  it('reads initials, including zh/ch/sh', () => {
    expect(spelled('yb')[0]).toBe('医保')
    expect(spelled('sz')).toEqual(['朔州'])
    expect(spelled('shzh')).toEqual(['朔州'])
    expect(spelled('tt')).toEqual(['头痛'])
  })

  it('reads a mix of syllables and initials, and an unfinished last syllable', () => {
    expect(spelled('shuoz')).toEqual(['朔州'])
    expect(spelled('yib')[0]).toBe('医保')
    expect(spelled('xian')).toEqual(['西安'])
  })

  it('drops a longer word when a shorter one it contains already fits', () => {
    expect(spelled('yibao')).not.toContain('医保卡')
    expect(spelled('yibaoka')).toEqual(['医保卡'])
  })

  it('prefers words people search by over characters that merely sit together in a title', () => {
    expect(spelled('yd')).toEqual(['异地'])
  })

  it('splits a run of pinyin into the words it spells', () => {
    const parts = vocabulary.split('shuozhoujiaolv', 4)
    expect(parts && parts.map((p) => p[0].word)).toEqual(['朔州', '焦虑'])
    expect(vocabulary.split('shuozhouxyzq', 4)).toBeNull()
  })

  it('does not read single letters or letters that spell nothing', () => {
    expect(spelled('y')).toEqual([])
    expect(spelled('qqqq')).toEqual([])
    expect(spelled('x'.repeat(64))).toEqual([])
  })
})

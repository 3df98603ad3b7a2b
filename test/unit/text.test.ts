import { appendQuery } from '../../src/core/routes'
import { APP_NAME, clipText, collapseWhitespace, compareCodePoints, ELLIPSIS, MAX_QUERY_LENGTH, newerFirst, shortenText, takeChars } from '../../src/core/text'
import { MAX_QUERY_LENGTH as ENGINE_MAX_QUERY_LENGTH } from '../../src/core/search/normalize'

const GRIN = '😀' // U+1F600: two UTF-16 units

describe('collapseWhitespace', () => {
  it('folds newlines, tabs and full-width spaces into one space and trims', () => {
    expect(collapseWhitespace('  医保\n\t个人\u3000账户  ')).toBe('医保 个人 账户')
  })
})

describe('cutting text never splits a surrogate pair', () => {
  it('takeChars counts an emoji as one character', () => {
    expect(takeChars(`${GRIN}${GRIN}${GRIN}`, 2)).toBe(`${GRIN}${GRIN}`)
    // Cut right after the first unit of a pair by a naive slice; here the pair stays whole.
    expect(takeChars(`医${GRIN}保`, 2)).toBe(`医${GRIN}`)
    expect(takeChars('医保', 5)).toBe('医保')
  })

  it('shortenText adds an ellipsis only when it cut', () => {
    expect(shortenText('异地就医怎么报销', 4)).toBe(`异地就医${ELLIPSIS}`)
    expect(shortenText('异地就医', 4)).toBe('异地就医')
    const cut = shortenText(`${'医'.repeat(15)}${GRIN}${GRIN}`, 16)
    expect(cut).toBe(`${'医'.repeat(15)}${GRIN}${ELLIPSIS}`)
    // No lone surrogate anywhere in the result.
    expect(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(cut)).toBe(false)
  })

  it('clipText collapses and cuts without an ellipsis', () => {
    expect(clipText(`  a \n b ${GRIN}`, 4)).toBe(`a b`)
    expect(clipText(`ab${GRIN}`, 3)).toBe(`ab${GRIN}`)
  })
})

describe('compareCodePoints', () => {
  it('orders by code point, not by UTF-16 unit', () => {
    // `<` says U+1F600 (high surrogate 0xD83D) comes before U+FFFD; code points say after.
    expect(GRIN < '\ufffd').toBe(true)
    expect(compareCodePoints(GRIN, '\ufffd')).toBe(1)
    expect(compareCodePoints('\ufffd', GRIN)).toBe(-1)
  })

  it('is a total order usable by sort', () => {
    expect(['朔州', 'b', 'a', '', 'ab', GRIN, '山西'].sort(compareCodePoints)).toEqual(['', 'a', 'ab', 'b', '山西', '朔州', GRIN])
    expect(compareCodePoints('医保', '医保')).toBe(0)
  })
})

it('newerFirst puts later dates first and ties at 0', () => {
  const list = [{ date: '2024-01-02' }, { date: '2025-03-19' }, { date: '2024-12-31' }]
  expect([...list].sort(newerFirst).map((x) => x.date)).toEqual(['2025-03-19', '2024-12-31', '2024-01-02'])
  expect(newerFirst({ date: '2025-01-01' }, { date: '2025-01-01' })).toBe(0)
})

describe('appendQuery', () => {
  it('starts a query or extends one, encoding values and skipping empty ones', () => {
    expect(appendQuery('/pages/search/index', { q: '医保 报销' })).toBe('/pages/search/index?q=%E5%8C%BB%E4%BF%9D%20%E6%8A%A5%E9%94%80')
    expect(appendQuery('/pages/detail/index?id=x', { from: 'share' })).toBe('/pages/detail/index?id=x&from=share')
    expect(appendQuery('https://example.org/sign', { url: 'https://a.b/c?d=1' })).toBe('https://example.org/sign?url=https%3A%2F%2Fa.b%2Fc%3Fd%3D1')
    expect(appendQuery('/p', { a: '', b: null, c: undefined })).toBe('/p')
  })
})

it('one app name and one query length limit', () => {
  expect(APP_NAME).toBe('健康资讯')
  expect(ENGINE_MAX_QUERY_LENGTH).toBe(MAX_QUERY_LENGTH)
})

import { ELLIPSIS, estimateTextWidth, tokenize, wrapText } from '../../src/features/share/textWrap'

const size = 20
const measure = estimateTextWidth
const widthOf = (s: string) => measure(s, size, 'normal')

describe('share text wrapping (CJK)', () => {
  it('breaks Chinese between any two characters and fills each line', () => {
    const { lines, truncated } = wrapText('医保个人账户余额没使用会累计吗', { maxWidth: 100, size, weight: 'normal', maxLines: 5 })
    expect(truncated).toBe(false)
    expect(lines.join('')).toBe('医保个人账户余额没使用会累计吗')
    expect(lines.slice(0, -1).every((l) => Array.from(l).length === 5)).toBe(true)
    for (const line of lines) expect(widthOf(line)).toBeLessThanOrEqual(100)
  })

  it('keeps numbers and Latin words whole', () => {
    expect(tokenize('2025-03-19 起,3.5% 报销')).toEqual(['2025-03-19', ' ', '起', ',', '3.5%', ' ', '报', '销'])
    const { lines } = wrapText('2025江苏扬州灵活就业交医保还是居民医保好', { maxWidth: 110, size, weight: 'normal', maxLines: 6 })
    expect(lines.some((l) => l.includes('2025'))).toBe(true)
    expect(lines.every((l) => !/^\d/.test(l) || l.startsWith('2025'))).toBe(true)
  })

  it('never starts a line with closing punctuation or ends one with opening punctuation', () => {
    const text = '在参保人员正常参保缴费的情况下,即使账户余额未使用,其账户资金也会不断累积。「家庭共济」可以用。'
    for (let maxWidth = 60; maxWidth <= 240; maxWidth += 10) {
      const { lines } = wrapText(text, { maxWidth, size, weight: 'normal', maxLines: 40 })
      expect(lines.join('')).toBe(text)
      for (const line of lines.slice(1)) expect(line[0]).not.toMatch(/[,。、;:!?」』》)]/)
      for (const line of lines.slice(0, -1)) expect(line[line.length - 1]).not.toMatch(/[「『《(]/)
    }
  })

  it('cuts to maxLines with an ellipsis that still fits', () => {
    const long = '根据搜索结果,2025年山西朔州地区治疗听力下降的医院及相关信息如下:一、专业听力医疗机构'
    const { lines, truncated } = wrapText(long, { maxWidth: 150, size, weight: 'bold', maxLines: 2 })
    expect(truncated).toBe(true)
    expect(lines).toHaveLength(2)
    expect(lines[1].endsWith(ELLIPSIS)).toBe(true)
    expect(lines[1]).not.toMatch(/[,。、:]…$/)
    expect(measure(lines[1], size, 'bold')).toBeLessThanOrEqual(150)
  })

  it('does not leave a single character alone on the last line', () => {
    // 20 characters on 5-character lines would end "…哪些" split as "哪" / "些" at 19+1.
    const title = '2025年山西朔州治疗听力下降的医院有哪些'
    for (let maxWidth = 80; maxWidth <= 400; maxWidth += 4) {
      const { lines } = wrapText(title, { maxWidth, size, weight: 'bold', maxLines: 10 })
      if (lines.length > 1) expect(Array.from(lines[lines.length - 1]).length).toBeGreaterThan(1)
    }
  })

  it('handles empty, blank and odd input without throwing', () => {
    expect(wrapText('', { maxWidth: 100, size, weight: 'normal', maxLines: 2 }).lines).toEqual([])
    expect(wrapText('   \n ', { maxWidth: 100, size, weight: 'normal', maxLines: 2 }).lines).toEqual([])
    expect(wrapText('看病', { maxWidth: 100, size, weight: 'normal', maxLines: 0 }).lines).toEqual([])
    const emoji = wrapText('😀👍医保😀'.repeat(10), { maxWidth: 50, size, weight: 'normal', maxLines: 3 })
    expect(emoji.lines).toHaveLength(3)
    // Surrogate pairs are never split into broken halves.
    expect(emoji.lines.join('')).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/)
    const url = wrapText('http://127.0.0.1:8080/#/pages/detail/index?id=cjp5g3dra2', { maxWidth: 80, size, weight: 'normal', maxLines: 20 })
    for (const line of url.lines) expect(widthOf(line)).toBeLessThanOrEqual(80)
  })
})

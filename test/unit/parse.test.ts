import { readFileSync, readdirSync } from 'fs'
import { join } from 'path'
import { linesToBlocks } from '../../src/core/parse/blocks'
import { PageFormatError } from '../../src/core/parse/errors'
import { parsePage } from '../../src/core/parse/page'

const PAGES = join(__dirname, '../../assets/articles')
const FIXTURES = join(__dirname, '../fixtures/pages')
const read = (dir: string, name: string) => readFileSync(join(dir, name), 'utf8')
const DATE_LINE = /^健康新闻 \d{4}-\d{2}-\d{2}$/

describe('parsePage on the saved source pages', () => {
  const files = readdirSync(PAGES).filter((f) => f.endsWith('.txt')).sort()

  it.each(files)('%s: one record per 相关推荐 entry, excerpts exactly as the page cut them', (file) => {
    const text = read(PAGES, file)
    const lines = text.split('\n')
    const page = parsePage(text, file)

    expect(page.main.title).toBe(lines[0])
    expect(page.main.fullText).toBe(true)
    expect(page.main.body!.length).toBeGreaterThan(0)

    // Counted from the page itself: every date line closes one entry.
    const dateLineIndexes = lines.flatMap((l, i) => (DATE_LINE.test(l) ? [i] : []))
    expect(page.entries).toHaveLength(dateLineIndexes.length)
    page.entries.forEach((entry, n) => {
      const dateIndex = dateLineIndexes[n]
      const [excerpt, title] = lines.slice(0, dateIndex).filter((l) => l.trim() !== '').slice(-2).reverse()
      expect(entry).toEqual({
        title,
        summary: excerpt,
        body: null,
        fullText: false,
        date: lines[dateIndex].slice('健康新闻 '.length),
        source: '健康新闻',
      })
    })
    // The page prints no date for its main article: it takes the one its entries share.
    expect(page.main.date).toBe(page.entries[0].date)
    expect(page.main.source).toBe('健康新闻')
    expect(page.medicalDisclaimer.startsWith('提示:本内容不能代替面诊')).toBe(true)
  })

  it('keeps the structure of 医保卡个人账户余额每年都清零吗 and moves the notice out of the body', () => {
    const page = parsePage(read(PAGES, '001_e3d49ff24130ec50.txt'), '001')
    const body = page.main.body!
    expect(page.sourceNotice).toMatch(/^本信息整理自互联网公开渠道.*我们将及时核查并更新。$/)
    expect(body.some((b) => b.text.includes('本信息整理自'))).toBe(false)
    expect(page.main.summary).toBe('医保卡个人账户余额 不会 在每年年末被强制清零。具体来说:')
    expect(body.map((b) => b.type)).toEqual([
      'paragraph', 'heading', 'listItem', 'listItem', 'listItem', 'heading', 'listItem', 'listItem', 'paragraph',
    ])
    expect(body[1]).toEqual({ type: 'heading', text: '1. 职工基本医疗保险' })
    expect(body[2]).toEqual({ type: 'listItem', text: '个人账户由当年度资金和往年累计结余组成。', ordered: false, marker: '•' })
    expect(page.main.date).toBe('2025-03-04')
  })

  it('reads the page without notice, 大家都在搜 or footer (000) just as well', () => {
    const page = parsePage(read(PAGES, '000_e1d8f12af82495a8.txt'), '000')
    expect(page.sourceNotice).toBeNull()
    expect(page.main.body!.every((b) => b.type === 'paragraph')).toBe(true)
    expect(page.main.body).toHaveLength(4)
    expect(page.main.date).toBe('2025-03-19')
    expect(page.medicalDisclaimer).toBe('提示:本内容不能代替面诊,如有不适请尽快就医。')
  })

  it('accepts a short page with the footer, CRLF line ends and a BOM', () => {
    const text = read(FIXTURES, 'valid-short-page.txt')
    const page = parsePage(`\uFEFF${text.replace(/\n/g, '\r\n')}`, 'valid-short-page.txt')
    expect(page.main.title).toBe('医保卡个人账户余额每年都清零吗')
    expect(page.entries.map((e) => e.title)).toEqual(['生育保险比例怎么计算', '辽源治疗甲状腺相关眼病哪个医院比较好'])
  })
})

describe('linesToBlocks', () => {
  const blocks = (...texts: string[]) => linesToBlocks(texts.map((text, i) => ({ text, line: i + 1 })))

  it('makes 一、资金来源 a heading', () => {
    expect(blocks('一、资金来源')).toEqual([{ type: 'heading', text: '一、资金来源' }])
  })

  it('keeps a numbered line that does not introduce bullets as an ordered item with its marker', () => {
    expect(blocks('1. 药物治疗:适用于症状较轻的患者。', '2、起搏治疗')).toEqual([
      { type: 'listItem', text: '药物治疗:适用于症状较轻的患者。', ordered: true, marker: '1.' },
      { type: 'listItem', text: '起搏治疗', ordered: true, marker: '2、' },
    ])
  })

  it('does not take a decimal number for a list marker', () => {
    expect(blocks('3.5%的参保人选择了职工医保')).toEqual([{ type: 'paragraph', text: '3.5%的参保人选择了职工医保' }])
  })

  it('keeps a long numbered sentence before bullets as a list item, not a heading', () => {
    const long = '1. 这是一个很长的编号句子,它本身就是完整的说明而不是小标题,后面才跟着要点。'
    expect(blocks(long, '• 要点')[0]).toMatchObject({ type: 'listItem', ordered: true })
  })
})

describe('malformed pages fail with file name, line number and what was expected', () => {
  const cases: [file: string, line: number, expected: RegExp][] = [
    ['empty-title.txt', 1, /the article title on the first line/],
    ['missing-date-line.txt', 30, /a date line like "健康新闻 2025-03-19" for the entry "生育保险比例怎么计算" \(line 25\), found "辽源/],
    ['entry-cut-off.txt', 33, /a date line .* after the excerpt of the entry "辽源治疗甲状腺相关眼病哪个医院比较好" \(line 31\): the entry is cut off/],
    ['entry-title-only.txt', 31, /an excerpt and a date line .* after the entry title "辽源治疗甲状腺相关眼病哪个医院比较好" \(line 31\): the entry is cut off/],
    ['entry-without-title.txt', 35, /the excerpt of the entry .*found a date line: the entry is missing its title or its excerpt/],
    ['no-disclaimer.txt', 22, /the disclaimer line "提示:本内容不能代替面诊…" before 相关推荐/],
    ['no-related-heading.txt', 21, /a "相关推荐" line after the article, reached the end of the file/],
    ['no-entries.txt', 23, /at least one 相关推荐 entry/],
    ['impossible-date.txt', 29, /a real calendar date, found "2025-02-30"/],
  ]

  it.each(cases)('%s → line %i', (file, line, expected) => {
    let error: unknown
    try {
      parsePage(read(FIXTURES, file), file)
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(PageFormatError)
    const formatError = error as PageFormatError
    expect(formatError.fileName).toBe(file)
    expect(formatError.line).toBe(line)
    expect(formatError.expected).toMatch(expected)
    expect(formatError.message).toBe(`${file}:${line}: expected ${formatError.expected}`)
  })

  it('covers every fixture in test/fixtures/pages', () => {
    const fixtures = readdirSync(FIXTURES).filter((f) => f.endsWith('.txt') && f !== 'valid-short-page.txt')
    expect(fixtures.sort()).toEqual(cases.map(([file]) => file).sort())
  })
})

// The data pipeline on saved pages carrying hostile text (test/fixtures/hostile): every page is
// accepted and every payload comes out as the plain text of its article (title, paragraphs, list
// items, 相关推荐 entry), with control and bidirectional-override characters gone. The same
// payload in a place the format gives a meaning (the date line) is rejected with file:line.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Article } from '../../src/core/article'
import { PageFormatError } from '../../src/core/parse/errors'
import { parsePage } from '../../src/core/parse/page'
import { buildDataset, readSourcePages } from '../../scripts/pipeline/build-data'
import { PAYLOADS, shownText } from '../fixtures/hostile/payloads'
import { shownTitles, writeHostilePages } from '../fixtures/hostile/pages'

const ASSETS = path.join(__dirname, '../../assets/articles')
/** Characters no article text may hold: C0/C1 controls, DEL, bidirectional embeddings, overrides and isolates. */
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/

let dir: string
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hostile-pages-'))
  for (const name of fs.readdirSync(ASSETS)) fs.copyFileSync(path.join(ASSETS, name), path.join(dir, name))
})
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

test('every hostile page is accepted and each payload reaches its article as text', () => {
  const pages = writeHostilePages(dir)
  const { dataset } = buildDataset(readSourcePages(dir))
  const byTitle = new Map(dataset.articles.map((a) => [a.title, a]))
  let places = 0
  for (const page of pages) {
    const shown = shownText(page.payload)
    const { title, entryTitle } = shownTitles(page)
    const main = byTitle.get(title) as Article
    expect({ payload: page.payload.name, found: !!main }).toEqual({ payload: page.payload.name, found: true })
    expect(main.body).toEqual([
      { type: 'paragraph', text: `正文第一段:${shown}` },
      { type: 'paragraph', text: shown },
      { type: 'listItem', text: `要点:${shown}`, ordered: false, marker: '•' },
      { type: 'listItem', text: `条目:${shown}`, ordered: true, marker: '1.' },
    ])
    const entry = byTitle.get(entryTitle) as Article
    expect(entry.summary).toBe(`摘要:${shown}`)
    places += 7
  }
  // The fullest 提示 line becomes the app's disclaimer: here one carrying a payload.
  expect(dataset.disclaimers.medical.startsWith('提示:本内容不能代替面诊')).toBe(true)
  const texts = dataset.articles.flatMap((a) => [a.title, a.summary, ...(a.body ?? []).map((b) => b.text)])
  expect(texts.concat(dataset.disclaimers.medical).filter((t) => FORBIDDEN.test(t))).toEqual([])
  console.log(`hostile pipeline: ${PAYLOADS.length} payloads × ${places / PAYLOADS.length} places in ${pages.length} pages accepted as text`)
})

test('control characters are dropped and tab-like ones become spaces, line numbers unchanged', () => {
  const page = ['标题\u0000一\t二', '', '正文\u0007段\u000b落\u202e', '提示:本内容\u0085不能代替面诊', '相关推荐', '推荐\u001b标题', '摘要\u007f', '健康新闻 2025-03-21'].join('\n')
  const parsed = parsePage(page, 'controls.txt')
  expect(parsed.main.title).toBe('标题一 二')
  expect(parsed.main.body).toEqual([{ type: 'paragraph', text: '正文段 落' }])
  expect(parsed.medicalDisclaimer).toBe('提示:本内容不能代替面诊')
  expect(parsed.entries.map((e) => [e.title, e.summary])).toEqual([['推荐标题', '摘要']])
  // A control character is no line break: a bad date further down still names its own line.
  expect(() => parsePage(`${page}\n推荐\u0000二\n摘要\n健康新闻 2025-02-30`, 'controls.txt')).toThrow('controls.txt:11: expected a real calendar date')
})

test('a payload where the format expects a date is rejected with file, line and what was expected', () => {
  for (const payload of PAYLOADS.slice(0, 8)) {
    const page = ['标题', '正文', '提示:本内容不能代替面诊', '相关推荐', '推荐', '摘要', `健康新闻 ${payload.text}`].join('\n')
    let error: unknown
    try {
      parsePage(page, 'bad-date.txt')
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(PageFormatError)
    expect((error as PageFormatError).message).toMatch(/^bad-date\.txt:7: expected a date line like "健康新闻 2025-03-19" for the entry "推荐" \(line 5\), found "/)
  }
})

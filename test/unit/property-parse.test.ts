// The page parser on mutated real pages (assets/articles): lines deleted, duplicated, garbled,
// swapped or blanked. Each result is either a correct parse, with every dated entry of the page
// kept, or a PageFormatError pointing at "file:line" inside the page. Never a crash (any other
// error) and never a silent drop of an article.
import fs from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { PageFormatError } from '../../src/core/parse/errors'
import { parsePage } from '../../src/core/parse/page'
import { checkProperty, typedText } from './support/property'

const PAGES = path.join(__dirname, '../../assets/articles')
const pages = fs
  .readdirSync(PAGES)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((file) => ({ file, lines: fs.readFileSync(path.join(PAGES, file), 'utf8').split('\n') }))
const DATE_LINE = /^(\S{1,20})\s+(\d{4}-\d{2}-\d{2})$/

type Mutation =
  | { kind: 'delete' | 'duplicate' | 'blank'; at: number }
  | { kind: 'garble'; at: number; text: string }
  | { kind: 'swap'; at: number; with: number }

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom('delete' as const, 'duplicate' as const, 'blank' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('garble' as const), at: fc.nat(), text: fc.oneof(typedText(40), fc.constantFrom('相关推荐', '提示:本内容不能代替面诊', '健康新闻 2025-02-30', '健康新闻 2025-03-19', '首页 顶部', '大家都在搜')) }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), with: fc.nat() }),
)

function mutate(lines: string[], mutations: Mutation[]): string[] {
  const out = lines.slice()
  for (const m of mutations) {
    if (out.length === 0) break
    const at = m.at % out.length
    if (m.kind === 'delete') out.splice(at, 1)
    else if (m.kind === 'duplicate') out.splice(at, 0, out[at])
    else if (m.kind === 'blank') out[at] = ''
    else if (m.kind === 'garble') out[at] = m.text
    else if (m.kind === 'swap') {
      const other = m.with % out.length
      ;[out[at], out[other]] = [out[other], out[at]]
    }
  }
  return out
}

test('a mutated page parses correctly or fails with file:line, never anything else', () => {
  let parsed = 0
  let rejected = 0
  const page = fc.constantFrom(...pages)
  checkProperty('page parser on mutated real pages', [page, fc.array(mutation, { minLength: 1, maxLength: 4 })], (source, mutations) => {
    const lines = mutate(source.lines, mutations)
    const text = lines.join('\n')
    let result: ReturnType<typeof parsePage>
    try {
      result = parsePage(text, source.file)
    } catch (error) {
      // A crash would be any other error type: it propagates and fails the property.
      if (!(error instanceof PageFormatError)) throw error
      expect(error.message).toMatch(new RegExp(`^${source.file.replace('.', '\\.')}:\\d+: expected `))
      expect(error.line).toBeGreaterThanOrEqual(1)
      expect(error.line).toBeLessThanOrEqual(Math.max(1, lines.length))
      rejected++
      return
    }
    parsed++
    // Correct: the title is the first line and every date line after 相关推荐 closed one entry,
    // with the title and excerpt above it, so no article of the page went missing.
    const trimmed = lines.map((l) => l.trim())
    expect(result.main.title).toBe(trimmed[0])
    expect(result.main.body!.length).toBeGreaterThan(0)
    const relatedAt = trimmed.indexOf('相关推荐')
    const after = trimmed.slice(relatedAt + 1).filter((l) => l !== '')
    const datedAt = after.flatMap((l, i) => (DATE_LINE.test(l) ? [i] : []))
    expect(result.entries).toHaveLength(datedAt.length)
    result.entries.forEach((entry, i) => {
      const dateAt = datedAt[i]
      expect(entry.date).toBe(DATE_LINE.exec(after[dateAt])![2])
      expect(entry.summary).toBe(after[dateAt - 1])
      expect(entry.title).toBe(after[dateAt - 2])
    })
  }, 1500)
  console.log(`fast-check: page parser outcomes — ${parsed} parsed correctly, ${rejected} rejected with file:line`)
  // Both outcomes must occur, or the mutations are not testing anything.
  expect(parsed).toBeGreaterThan(0)
  expect(rejected).toBeGreaterThan(0)
})

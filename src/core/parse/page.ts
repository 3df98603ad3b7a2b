// One saved source page (plain text) → its main article (full text) and one excerpt record per
// 相关推荐 entry. Layout of a page, top to bottom:
//   title line
//   [本信息整理自互联网公开渠道… notice]   body paragraphs / sub-headings / list items
//   提示:本内容不能代替面诊… disclaimer
//   [大家都在搜]
//   相关推荐
//   entries: title / excerpt / "健康新闻 YYYY-MM-DD" (blank lines between them are optional)
//   [首页 顶部 footer]
// Anything that does not fit throws a PageFormatError naming the file and line.
import type { Article } from '../article'
import { linesToBlocks, type BodyLine } from './blocks'
import { cleanSourceLine } from './characters'
import { PageFormatError } from './errors'
import { compareCodePoints } from '../text'

/**
 * One article as a page states it, before ids, regions, topics and related are derived.
 * Full article: summary is its opening paragraph. Entry: the excerpt exactly as the page cut it.
 */
export type ParsedArticle = Pick<Article, 'title' | 'summary' | 'body' | 'fullText' | 'date' | 'source'>

export interface ParsedPage {
  fileName: string
  main: ParsedArticle
  /** 相关推荐 entries in page order. */
  entries: ParsedArticle[]
  /** The 提示:… disclaimer line, verbatim. */
  medicalDisclaimer: string
  /** The 本信息整理自互联网公开渠道… notice, verbatim, when the page carries it. */
  sourceNotice: string | null
}

const RELATED_HEADING = '相关推荐'
const HOT_SEARCH_LABEL = '大家都在搜'
const FOOTER = /^首页\s+顶部$/
const DISCLAIMER = /^提示[:：]/
const SOURCE_NOTICE = /^本信息整理自互联网公开渠道/
/** "健康新闻 2025-03-19": a source label, whitespace, an ISO date. */
const DATE_LINE = /^(\S{1,20})\s+(\d{4}-\d{2}-\d{2})$/
const DATE_LINE_EXAMPLE = 'a date line like "健康新闻 2025-03-19"'

interface NumberedLine {
  text: string
  line: number
}

export function parsePage(text: string, fileName: string): ParsedPage {
  const rawLines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/)
  // A final newline ends the last line; it does not start another (keeps "end of file" line numbers right).
  if (rawLines.length > 1 && rawLines[rawLines.length - 1] === '') rawLines.pop()
  const lines: NumberedLine[] = rawLines.map((raw, index) => ({ text: cleanSourceLine(raw).trim(), line: index + 1 }))
  const fail = (line: number, expected: string) => new PageFormatError(fileName, line, expected)

  const title = lines[0].text
  if (title === '') throw fail(1, 'the article title on the first line, found an empty line')

  const relatedIndex = lines.findIndex((l) => l.text === RELATED_HEADING)
  if (relatedIndex < 0) {
    throw fail(lines.length, `a "${RELATED_HEADING}" line after the article, reached the end of the file`)
  }
  const disclaimerIndex = findLastIndex(lines, relatedIndex, (l) => DISCLAIMER.test(l.text))
  if (disclaimerIndex < 1) {
    throw fail(lines[relatedIndex].line, 'the disclaimer line "提示:本内容不能代替面诊…" before 相关推荐')
  }
  for (const between of lines.slice(disclaimerIndex + 1, relatedIndex)) {
    if (between.text !== '' && between.text !== HOT_SEARCH_LABEL) {
      throw fail(between.line, `only "${HOT_SEARCH_LABEL}" between the disclaimer and 相关推荐, found "${between.text}"`)
    }
  }

  const bodyLines = lines.slice(1, disclaimerIndex).filter((l) => l.text !== '')
  const notice = bodyLines.find((l) => SOURCE_NOTICE.test(l.text))
  const contentLines: BodyLine[] = bodyLines.filter((l) => l !== notice)
  if (contentLines.length === 0) {
    throw fail(lines[disclaimerIndex].line, 'at least one body paragraph between the title and the disclaimer')
  }

  const entries = parseEntries(lines.slice(relatedIndex + 1), fail)
  if (entries.length === 0) {
    throw fail(lines[relatedIndex].line, 'at least one 相关推荐 entry (title, excerpt, date line) after 相关推荐')
  }

  const body = linesToBlocks(contentLines)
  const main: ParsedArticle = {
    title,
    summary: contentLines[0].text,
    body,
    fullText: true,
    ...mainArticleDateAndSource(entries),
  }
  return {
    fileName,
    main,
    entries,
    medicalDisclaimer: lines[disclaimerIndex].text,
    sourceNotice: notice ? notice.text : null,
  }
}

function parseEntries(
  lines: readonly NumberedLine[],
  fail: (line: number, expected: string) => PageFormatError,
): ParsedArticle[] {
  const filled = lines.filter((l) => l.text !== '')
  if (filled.length > 0 && FOOTER.test(filled[filled.length - 1].text)) filled.pop()

  const entries: ParsedArticle[] = []
  for (let i = 0; i < filled.length; i += 3) {
    const [titleLine, excerptLine, dateLine] = [filled[i], filled[i + 1], filled[i + 2]]
    if (DATE_LINE.test(titleLine.text)) {
      throw fail(titleLine.line, `an entry title, found the date line "${titleLine.text}" (the entry above has an extra date line, or this entry lacks its title and excerpt)`)
    }
    const entryName = `"${titleLine.text}" (line ${titleLine.line})`
    if (!excerptLine) {
      throw fail(titleLine.line, `an excerpt and ${DATE_LINE_EXAMPLE} after the entry title ${entryName}: the entry is cut off at the end of the file`)
    }
    if (DATE_LINE.test(excerptLine.text)) {
      throw fail(excerptLine.line, `the excerpt of the entry ${entryName}, found a date line: the entry is missing its title or its excerpt`)
    }
    if (!dateLine) {
      throw fail(excerptLine.line, `${DATE_LINE_EXAMPLE} after the excerpt of the entry ${entryName}: the entry is cut off at the end of the file`)
    }
    const dated = DATE_LINE.exec(dateLine.text)
    if (!dated) {
      throw fail(dateLine.line, `${DATE_LINE_EXAMPLE} for the entry ${entryName}, found "${dateLine.text}"`)
    }
    if (!isRealDate(dated[2])) throw fail(dateLine.line, `a real calendar date, found "${dated[2]}"`)
    entries.push({
      title: titleLine.text,
      summary: excerptLine.text,
      body: null,
      fullText: false,
      date: dated[2],
      source: dated[1],
    })
  }
  return entries
}

/**
 * A page prints no date for its main article, only for its 相关推荐 entries. The site lists
 * entries from the same day as the article (both saved pages show one date for all entries), so
 * the main article takes the date its entries share; should they ever differ, the most common
 * date wins, and the newest among equally common ones. The source label is chosen the same way.
 */
function mainArticleDateAndSource(entries: readonly ParsedArticle[]): { date: string; source: string } {
  return {
    date: mostCommon(entries.map((e) => e.date)),
    source: mostCommon(entries.map((e) => e.source)),
  }
}

function mostCommon(values: readonly string[]): string {
  const counts = new Map<string, number>()
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1)
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || compareCodePoints(b[0], a[0]))[0][0]
}

function isRealDate(iso: string): boolean {
  const [year, month, day] = iso.split('-').map(Number)
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

function findLastIndex<T>(items: readonly T[], before: number, test: (item: T) => boolean): number {
  for (let i = before - 1; i >= 0; i--) if (test(items[i])) return i
  return -1
}

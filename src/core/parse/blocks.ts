// Body lines of a full article → Block[]: keeps the structure the source page shows
// (sub-headings, numbered and bulleted items) so the reader is not handed one wall of text.
import type { Block } from '../article'

/** 一、资金来源 / 二、资金用途: always a sub-heading in these pages. */
const CHINESE_HEADING = /^[一二三四五六七八九十]+、\s*\S/
/** "1. 职工基本医疗保险", "2、…", "3）…" (not "3.5%…"): the source's own number is kept as the marker. */
const NUMBERED = /^(\d{1,2}[.、．)）])(?!\d)\s*(\S.*)$/
/** "• 个人账户由…": bullet characters seen in saved pages (plus the usual ASCII ones). */
const BULLET = /^([•·●▪◦‣\-*])\s*(\S.*)$/
/** A numbered line longer than this reads as a list item, not as a heading. */
const SHORT_HEADING_MAX = 24

/** One trimmed, non-empty body line. */
export interface BodyLine {
  text: string
  /** 1-based line number in the page (kept for error messages). */
  line: number
}

export function isBulletLine(text: string): boolean {
  return BULLET.test(text)
}

export function linesToBlocks(lines: readonly BodyLine[]): Block[] {
  return lines.map((current, index): Block => {
    const text = current.text
    if (CHINESE_HEADING.test(text)) return { type: 'heading', text }

    const numbered = NUMBERED.exec(text)
    if (numbered) {
      const next = lines[index + 1]
      // A short numbered line followed by bullets introduces them ("1. 职工基本医疗保险" then
      // "• …"): it is a sub-heading; the reader shows it with its number, as the source does.
      const introducesBullets = next !== undefined && isBulletLine(next.text)
      if (introducesBullets && text.length <= SHORT_HEADING_MAX && !/[。!?！？]$/.test(text)) {
        return { type: 'heading', text }
      }
      return { type: 'listItem', text: numbered[2], ordered: true, marker: numbered[1] }
    }

    const bullet = BULLET.exec(text)
    if (bullet) return { type: 'listItem', text: bullet[2], ordered: false, marker: bullet[1] }

    return { type: 'paragraph', text }
  })
}

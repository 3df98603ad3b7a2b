// Accessibility measurements in a real page: axe-core (WCAG 2.1 A + AA rules), the smallest
// text on screen and the smallest tap target. axe-core comes from npm and is evaluated in
// the page (no request leaves 127.0.0.1).
import fs from 'node:fs'
import type { BrowserContext, Page } from 'playwright-core'

const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

export interface AxeViolation {
  id: string
  nodes: { target: string[]; summary: string }[]
}

/**
 * Makes axe part of every page the context opens (compiled in the page as it loads): injecting its
 * ~500 KB after each navigation cost more than the check itself when going from page to page.
 */
export async function addAxeToEveryPage(context: BrowserContext): Promise<void> {
  await context.addInitScript(axeSource)
}

export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the debugging protocol rather than added as an inline <script>, which the
  // pages' Content-Security-Policy refuses (it allows only the build's own inline scripts).
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource)
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, options: unknown) => Promise<{ violations: { id: string; nodes: { target: string[]; failureSummary?: string }[] }[] }> } }).axe
    // Violations only: the details of passing checks are most of axe's time on a long page.
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
    return result.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => ({ target: n.target, summary: n.failureSummary ?? '' })) }))
  }, WCAG_TAGS)
}

export interface Sizes {
  /** Smallest computed font size (CSS px) of any visible text, and what it says. */
  minText: number
  minTextSample: string
  /** Smallest side (CSS px) of any visible control (role button/link/tab/radio, native button/input, link). */
  minControl: number
  minControlSample: string
  /** Smallest line height ÷ font size of any visible text that may wrap, and what it says. */
  minLineHeight: number
  minLineHeightSample: string
  /**
   * In an article body: the smallest gap between two consecutive blocks (paragraphs, headings,
   * list items) ÷ the body's line height, and the block after that gap; null without a body.
   */
  minParagraphGap: number | null
  minParagraphGapSample: string
  /** Horizontal overflow of the page (0 when nothing scrolls sideways). */
  sidewaysScroll: number
}

/** Measures what is on screen (hidden pages kept by Taro's router are skipped). */
export function measureSizes(page: Page): Promise<Sizes> {
  return page.evaluate(() => {
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect()
      if (r.width === 0 || r.height === 0) return false
      const style = getComputedStyle(el)
      return style.visibility !== 'hidden' && style.display !== 'none' && !el.closest('[aria-hidden="true"]')
    }
    const round = (n: number, places: number) => Math.round(n * 10 ** places) / 10 ** places
    let minText = Infinity
    let minTextSample = ''
    let minLineHeight = Infinity
    let minLineHeightSample = ''
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    while (walker.nextNode()) {
      const node = walker.currentNode
      const text = (node.textContent || '').trim()
      const el = node.parentElement
      if (!text || !el || !visible(el)) continue
      const style = getComputedStyle(el)
      const size = parseFloat(style.fontSize)
      if (size < minText) {
        minText = size
        minTextSample = text.slice(0, 24)
      }
      // Text that may wrap (nowrap text is one line by design): 'normal' line height is the
      // font's own, about 1.2 in most fonts, and counts as such.
      if (style.whiteSpace === 'nowrap' || style.whiteSpace === 'pre') continue
      const ratio = style.lineHeight === 'normal' ? 1.2 : parseFloat(style.lineHeight) / size
      if (ratio < minLineHeight) {
        minLineHeight = ratio
        minLineHeightSample = `${text.slice(0, 16)} (${el.className || el.tagName})`
      }
    }
    let minControl = Infinity
    let minControlSample = ''
    const controls = document.querySelectorAll('[role=button],[role=link],[role=tab],[role=radio],[role=switch],button,taro-button-core,input,a[href]')
    controls.forEach((el) => {
      if (!visible(el)) return
      const r = el.getBoundingClientRect()
      const side = Math.min(r.width, r.height)
      if (side < minControl) {
        minControl = side
        minControlSample = (el.getAttribute('aria-label') || el.textContent || el.tagName).trim().slice(0, 24)
      }
    })
    let minParagraphGap: number | null = null
    let minParagraphGapSample = ''
    const body = Array.from(document.querySelectorAll('.article-body')).find(visible)
    if (body) {
      const lineHeight = parseFloat(getComputedStyle(body).lineHeight)
      // The body's blocks in reading order; a list's items are blocks of their own.
      const blocks = Array.from(body.children).flatMap((child) => (child.getAttribute('role') === 'list' ? Array.from(child.children) : [child]))
      for (let i = 1; i < blocks.length; i++) {
        const gap = (blocks[i].getBoundingClientRect().top - blocks[i - 1].getBoundingClientRect().bottom) / lineHeight
        if (minParagraphGap === null || gap < minParagraphGap) {
          minParagraphGap = gap
          minParagraphGapSample = (blocks[i].textContent || '').trim().slice(0, 16)
        }
      }
    }
    const root = document.scrollingElement || document.documentElement
    return {
      minText: round(minText, 2),
      minTextSample,
      minControl: round(minControl, 1),
      minControlSample,
      minLineHeight: round(minLineHeight, 3),
      minLineHeightSample,
      minParagraphGap: minParagraphGap === null ? null : round(minParagraphGap, 3),
      minParagraphGapSample,
      sidewaysScroll: Math.max(0, root.scrollWidth - window.innerWidth),
    }
  })
}

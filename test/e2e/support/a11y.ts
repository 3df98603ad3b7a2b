// Accessibility measurements in a real page: axe-core (WCAG 2.1 A + AA rules), the smallest
// text on screen and the smallest tap target. axe-core comes from npm and is evaluated in
// the page (no request leaves 127.0.0.1).
import fs from 'node:fs'
import type { Page } from 'playwright-core'

const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

export interface AxeViolation {
  id: string
  nodes: { target: string[]; summary: string }[]
}

export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the debugging protocol rather than added as an inline <script>, which the
  // pages' Content-Security-Policy refuses (it allows only the build's own inline scripts).
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource)
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, options: unknown) => Promise<{ violations: { id: string; nodes: { target: string[]; failureSummary?: string }[] }[] }> } }).axe
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } })
    return result.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => ({ target: n.target, summary: n.failureSummary ?? '' })) }))
  }, WCAG_TAGS)
}

export interface Sizes {
  /** Smallest computed font size (CSS px) of any visible text, and what it says. */
  minText: number
  minTextSample: string
  /** Smallest side (CSS px) of any visible control (role button/link/tab/radio, native button/input). */
  minControl: number
  minControlSample: string
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
    let minText = Infinity
    let minTextSample = ''
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    while (walker.nextNode()) {
      const node = walker.currentNode
      const text = (node.textContent || '').trim()
      const el = node.parentElement
      if (!text || !el || !visible(el)) continue
      const size = parseFloat(getComputedStyle(el).fontSize)
      if (size < minText) {
        minText = size
        minTextSample = text.slice(0, 24)
      }
    }
    let minControl = Infinity
    let minControlSample = ''
    const controls = document.querySelectorAll('[role=button],[role=link],[role=tab],[role=radio],[role=switch],button,taro-button-core,input')
    controls.forEach((el) => {
      if (!visible(el)) return
      const r = el.getBoundingClientRect()
      const side = Math.min(r.width, r.height)
      if (side < minControl) {
        minControl = side
        minControlSample = (el.getAttribute('aria-label') || el.textContent || el.tagName).trim().slice(0, 24)
      }
    })
    const root = document.scrollingElement || document.documentElement
    return {
      minText: Math.round(minText * 100) / 100,
      minTextSample,
      minControl: Math.round(minControl * 10) / 10,
      minControlSample,
      sidewaysScroll: Math.max(0, root.scrollWidth - window.innerWidth),
    }
  })
}

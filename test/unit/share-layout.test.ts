import type { Article } from '../../src/core/article'
import { articles, disclaimers } from '../../src/data/dataset'
import { CARD_SIZE, layoutDefaultCard, layoutMomentsImage, layoutShareCard } from '../../src/features/share/cardLayout'
import type { DrawOp, ShareImageLayout, TextOp } from '../../src/core/drawing'
import { POSTER_MIN_HEIGHT, POSTER_WIDTH, layoutPoster } from '../../src/features/share/posterLayout'
import { qrMatrix } from '../../src/features/share/qr'
import { oneLineDisclaimer, posterContent, shareCardContent } from '../../src/features/share/shareContent'
import { ELLIPSIS, estimateTextWidth } from '../../src/features/share/textWrap'

const texts = (layout: ShareImageLayout): TextOp[] => layout.ops.filter((op): op is TextOp => op.type === 'text')
const allText = (layout: ShareImageLayout) => texts(layout).map((op) => op.text).join('\n')

function textBounds(op: TextOp): { left: number; right: number } {
  const width = estimateTextWidth(op.text, op.size, op.weight)
  if (op.align === 'left') return { left: op.x, right: op.x + width }
  if (op.align === 'right') return { left: op.x - width, right: op.x }
  return { left: op.x - width / 2, right: op.x + width / 2 }
}

/** Every operation stays on the canvas: nothing is cut off at an edge. */
function expectInside(layout: ShareImageLayout): void {
  for (const op of layout.ops as DrawOp[]) {
    if (op.type === 'rect') {
      expect(op.x).toBeGreaterThanOrEqual(0)
      expect(op.y).toBeGreaterThanOrEqual(0)
      expect(op.x + op.w).toBeLessThanOrEqual(layout.width + 0.001)
      expect(op.y + op.h).toBeLessThanOrEqual(layout.height + 0.001)
    } else {
      const { left, right } = textBounds(op)
      expect(left).toBeGreaterThanOrEqual(0)
      expect(right).toBeLessThanOrEqual(layout.width)
      expect(op.y - op.size / 2).toBeGreaterThanOrEqual(0)
      expect(op.y + op.size / 2).toBeLessThanOrEqual(layout.height)
    }
  }
}

const longest = [...articles].sort((a, b) => b.title.length - a.title.length)[0]
const fullArticle = articles.find((a) => a.fullText && a.body && a.body.length > 1) as Article
const excerptOnly = articles.find((a) => !a.fullText) as Article
const qr = qrMatrix('http://127.0.0.1:8080/#/pages/detail/index?id=cjp5g3dra2&from=share')

describe('share card (5:4)', () => {
  it('is 5:4, stays on the canvas and leads with the title', () => {
    for (const article of [longest, fullArticle, excerptOnly]) {
      const layout = layoutShareCard(shareCardContent(article, disclaimers))
      expect(layout.width / layout.height).toBeCloseTo(5 / 4)
      expectInside(layout)
      const largest = texts(layout).reduce((a, b) => (b.size > a.size ? b : a))
      expect(article.title.startsWith(largest.text.replace(ELLIPSIS, ''))).toBe(true)
    }
  })

  it('shows date, region, source and the one-line disclaimer', () => {
    const article = articles.find((a) => a.region?.city) as Article
    const text = allText(layoutShareCard(shareCardContent(article, disclaimers)))
    expect(text).toContain(article.date)
    expect(text).toContain(article.source)
    expect(text).toContain(article.region?.city)
    expect(text).toContain('不能代替面诊')
  })

  it('cuts an overlong title to three lines with an ellipsis', () => {
    // Drawn while the article is recent (no date notice): the title has its three lines.
    const content = shareCardContent({ ...longest, title: longest.title.repeat(4) }, disclaimers, new Date(2025, 5, 1))
    const layout = layoutShareCard(content)
    const titleLines = texts(layout).filter((op) => op.size === 38)
    expect(titleLines).toHaveLength(3)
    expect(titleLines[2].text.endsWith(ELLIPSIS)).toBe(true)
    expectInside(layout)
  })
})

describe('Moments image (1:1)', () => {
  it('is square, on the canvas, with title and disclaimer', () => {
    const layout = layoutMomentsImage(shareCardContent(longest, disclaimers))
    expect(layout.width).toBe(layout.height)
    expectInside(layout)
    const text = allText(layout)
    expect(text.replace(/\n/g, '')).toContain(longest.title)
    expect(text).toContain('不能代替面诊')
  })
})

describe('default card', () => {
  it('is the same 5:4 size as drawn cards and carries the disclaimer', () => {
    const layout = layoutDefaultCard(oneLineDisclaimer(disclaimers))
    expect([layout.width, layout.height]).toEqual([CARD_SIZE.width, CARD_SIZE.height])
    expectInside(layout)
    expect(allText(layout)).toContain('健康资讯')
    expect(allText(layout)).toContain('不能代替面诊')
  })
})

describe('poster', () => {
  it('is 750 wide and at least a phone screen tall, everything on the canvas', () => {
    for (const article of [longest, fullArticle, excerptOnly]) {
      const layout = layoutPoster(posterContent(article, disclaimers), qr)
      expect(layout.width).toBe(POSTER_WIDTH)
      expect(layout.height).toBeGreaterThanOrEqual(POSTER_MIN_HEIGHT)
      expectInside(layout)
    }
  })

  it('has title, date, source, opening text and both disclaimers', () => {
    const layout = layoutPoster(posterContent(fullArticle, disclaimers), qr)
    const text = allText(layout).replace(/\n/g, '')
    expect(text).toContain(fullArticle.title)
    expect(text).toContain(fullArticle.date)
    expect(text).toContain(fullArticle.source)
    const opening = (fullArticle.body?.find((b) => b.type === 'paragraph')?.text ?? '').replace(/\s+/g, ' ')
    expect(text).toContain(Array.from(opening).slice(0, 12).join(''))
    // Both disclaimers in full, never cut: the poster travels without the app around it.
    expect(text).toContain(disclaimers.medical)
    expect(text).toContain(disclaimers.sourceNotice)
  })

  it('says when only an excerpt is available', () => {
    expect(allText(layoutPoster(posterContent(excerptOnly, disclaimers), qr))).toContain('原文仅提供摘要')
    expect(allText(layoutPoster(posterContent(fullArticle, disclaimers), qr))).not.toContain('原文仅提供摘要')
  })

  it('draws exactly the dark modules of the QR code, on whole pixels', () => {
    const layout = layoutPoster(posterContent(fullArticle, disclaimers), qr)
    const qrRects = layout.ops.filter((op) => op.type === 'rect' && op.fill === '#1b2a2e')
    expect(qrRects.length).toBeGreaterThan(0)
    const first = qrRects[0] as Extract<DrawOp, { type: 'rect' }>
    const module = first.h
    expect(Number.isInteger(module)).toBe(true)
    const originX = Math.min(...qrRects.map((r) => (r as typeof first).x))
    const originY = Math.min(...qrRects.map((r) => (r as typeof first).y))
    const covered = new Set<string>()
    for (const r of qrRects as (typeof first)[]) {
      for (let x = r.x; x < r.x + r.w; x += module) covered.add(`${(r.y - originY) / module},${(x - originX) / module}`)
    }
    let dark = 0
    qr.modules.forEach((row, r) => row.forEach((isDark, c) => {
      if (isDark) dark++
      expect(covered.has(`${r},${c}`)).toBe(isDark)
    }))
    expect(covered.size).toBe(dark)
  })

  it('grows with its content instead of overflowing', () => {
    const short = layoutPoster({ ...posterContent(fullArticle, disclaimers), excerpt: '很短的一句话。' }, qr)
    const long = layoutPoster({ ...posterContent(fullArticle, disclaimers), title: longest.title.repeat(3), excerpt: fullArticle.summary.repeat(3) }, qr)
    expect(long.height).toBeGreaterThan(short.height)
    expectInside(long)
  })
})

describe('the date notice of an old article on the pictures', () => {
  const recent = new Date(2025, 5, 1, 12)
  const later = new Date(2026, 11, 1, 12)
  const notice = (article: Article) => `本文发布于 ${article.date}，距今已超过 1 年`

  it('is on the card, the Moments picture and the poster when drawn more than a year later, inside the canvas', () => {
    for (const article of [longest, fullArticle, excerptOnly]) {
      const card = layoutShareCard(shareCardContent(article, disclaimers, later))
      const moments = layoutMomentsImage(shareCardContent(article, disclaimers, later))
      const poster = layoutPoster(posterContent(article, disclaimers, later), qr)
      for (const layout of [card, moments, poster]) {
        expect(allText(layout).replace(/\n/g, '')).toContain(notice(article))
        expectInside(layout)
        // The disclaimer stays.
        expect(allText(layout)).toContain('不能代替面诊')
      }
      // The whole sentence fits on the poster.
      expect(allText(poster).replace(/\n/g, '')).toContain('请以当地医保局最新公告为准')
    }
  })

  it('is not drawn while the article is less than a year old', () => {
    for (const layout of [
      layoutShareCard(shareCardContent(fullArticle, disclaimers, recent)),
      layoutMomentsImage(shareCardContent(fullArticle, disclaimers, recent)),
      layoutPoster(posterContent(fullArticle, disclaimers, recent), qr),
    ]) {
      expect(allText(layout)).not.toContain('本文发布于')
    }
  })
})

import type { Article } from '../../src/core/article'
import { articles, disclaimers } from '../../src/data/dataset'
import { oneLineDisclaimer, openingText, posterContent, shareCardContent } from '../../src/features/share/shareContent'

describe('what a share image says', () => {
  it('one-line disclaimer is the first sentence of the packaged medical disclaimer', () => {
    const line = oneLineDisclaimer(disclaimers)
    expect(disclaimers.medical.startsWith(line)).toBe(true)
    expect(line).toContain('不能代替面诊')
    expect(line.endsWith('。')).toBe(true)
  })

  it('card content comes from the article record', () => {
    const article = articles.find((a) => a.region?.city) as Article
    const content = shareCardContent(article, disclaimers)
    expect(content.title).toBe(article.title)
    expect(content.date).toBe(article.date)
    expect(content.source).toBe(article.source)
    expect(content.regionLabel).toContain(article.region?.province)
    expect(content.regionLabel).toContain(article.region?.city)
    const nationwide = articles.find((a) => a.region === null) as Article
    expect(shareCardContent(nationwide, disclaimers).regionLabel).toBe('全国')
  })

  it('poster quotes the first paragraph, or the excerpt when that is all there is', () => {
    const full = articles.find((a) => a.fullText && a.body?.[0]?.type === 'paragraph') as Article
    expect(openingText(full)).toBe((full.body?.[0] as { text: string }).text.trim())
    const excerpt = articles.find((a) => !a.fullText) as Article
    const content = posterContent(excerpt, disclaimers)
    expect(content.excerpt).toBe(excerpt.summary.trim())
    expect(content.excerptOnly).toBe(true)
    expect(content.disclaimers).toEqual([disclaimers.medical, disclaimers.sourceNotice])
  })
})

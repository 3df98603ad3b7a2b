// 大字分享 on the poster: its QR code encodes the article link with the chosen text step.
import { articles, disclaimers } from '../../src/data/dataset'
import { layoutBuilderFor } from '../../src/features/share/articleImages'
import { articleH5Url } from '../../src/features/share/links'
import { layoutPoster } from '../../src/features/share/posterLayout'
import { qrMatrix } from '../../src/features/share/qr'
import { posterContent } from '../../src/features/share/shareContent'
import { estimateTextWidth } from '../../src/features/share/textWrap'

const article = articles.find((a) => a.fullText)!
const now = new Date(2026, 11, 1, 12)

test('the poster QR code carries the 大字分享 step, and only when one is chosen', () => {
  const withStep = layoutBuilderFor(article, 'poster', 3, now)(estimateTextWidth)
  const expected = layoutPoster(posterContent(article, disclaimers, now), qrMatrix(articleH5Url(article.id, undefined, 3)), estimateTextWidth)
  expect(withStep).toEqual(expected)
  expect(articleH5Url(article.id, undefined, 3)).toContain('&size=3')
  const plain = layoutBuilderFor(article, 'poster', null, now)(estimateTextWidth)
  expect(plain).toEqual(layoutPoster(posterContent(article, disclaimers, now), qrMatrix(articleH5Url(article.id)), estimateTextWidth))
  expect(plain).not.toEqual(withStep)
})

import { memo, useState } from 'react'
import type { ListEntry } from '../../core/catalog'
import { PART, partAttribute } from '../../core/pageContract'
import { regionLabel } from '../../core/filters'
import type { MatchRange } from '../../core/search/types'
import { openArticle } from '../../platform/navigation'
import { PlainText, PlainView } from '../../platform/plainElements'
import { isMomentsSinglePage } from '../../platform/share'
import { focusable } from '../focusable'
import HighlightedText from '../HighlightedText'
import './index.css'

interface Props {
  /** A list entry or a full article: the card shows only what the list index holds. */
  article: ListEntry
  /** Title characters to highlight (search results). */
  titleRanges?: readonly MatchRange[]
  /** Called before the article opens (the search page remembers the query). */
  onOpen?: (article: ListEntry) => void
}

/**
 * One article in a list: title, two-line excerpt, date, region, and 仅摘要 when there is no full text.
 * Memoised: a keystroke or the next page of cards leaves cards whose props are unchanged alone.
 * Plain elements on H5 (platform/plainElements.h5.ts): a list draws many cards at once.
 */
export default memo(function ArticleCard({ article, titleRanges, onOpen }: Props) {
  // Moments' single-page mode cannot navigate: there the card is plain text, not a dead link.
  const [singlePage] = useState(isMomentsSinglePage)
  const open = () => {
    onOpen?.(article)
    openArticle(article.id)
  }
  const link = singlePage ? {} : { onClick: open, role: 'link', 'aria-label': article.title, ...focusable }
  return (
    <PlainView className='article-card' data-article-id={article.id} {...partAttribute(PART.articleCard)} {...link}>
      <HighlightedText className='article-card__title' part={PART.cardTitle} text={article.title} ranges={titleRanges} />
      <PlainText className='article-card__excerpt'>{article.summary}</PlainText>
      <PlainView className='article-card__meta'>
        <PlainText className='hn-chip'>{regionLabel(article.region)}</PlainText>
        {!article.fullText && <PlainText className='hn-chip hn-chip--plain article-card__excerpt-mark'>仅摘要</PlainText>}
        <PlainText className='article-card__date'>{article.date}</PlainText>
      </PlainView>
    </PlainView>
  )
})

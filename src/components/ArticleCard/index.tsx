import { Text, View } from '@tarojs/components'
import type { ListEntry } from '../../core/catalog'
import { regionLabel } from '../../core/filters'
import type { MatchRange } from '../../core/search/types'
import { openArticle } from '../../platform/navigation'
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

/** One article in a list: title, two-line excerpt, date, region, and 仅摘要 when there is no full text. */
export default function ArticleCard({ article, titleRanges, onOpen }: Props) {
  const open = () => {
    onOpen?.(article)
    openArticle(article.id)
  }
  return (
    <View className='article-card' onClick={open} data-article-id={article.id} role='link' aria-label={article.title} {...focusable}>
      <HighlightedText className='article-card__title' text={article.title} ranges={titleRanges} />
      <Text className='article-card__excerpt'>{article.summary}</Text>
      <View className='article-card__meta'>
        <Text className='hn-chip'>{regionLabel(article.region)}</Text>
        {!article.fullText && <Text className='hn-chip hn-chip--plain article-card__excerpt-mark'>仅摘要</Text>}
        <Text className='article-card__date'>{article.date}</Text>
      </View>
    </View>
  )
}

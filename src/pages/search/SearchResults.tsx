import { Fragment, memo } from 'react'
import type { ListEntry } from '../../core/catalog'
import { PART, partAttribute } from '../../core/pageContract'
import type { SearchHit } from '../../core/search/types'
import ArticleCard from '../../components/ArticleCard'
import { FIRST_SCREEN_CARDS, useFirstScreenOnly } from '../../components/firstScreen'
import { PlainText, PlainView } from '../../platform/plainElements'

interface Props {
  /** The query these hits answer (data-query: the typing benchmark waits for its own query's list). */
  query: string
  hits: readonly SearchHit<ListEntry>[]
  onOpen: () => void
}

/**
 * The result list. Memoised, and drawn with plain elements on H5 (platform/plainElements.h5.ts):
 * the keystroke itself re-renders only the search box, and the list is redrawn once, when its
 * query's results are ready.
 */
export default memo(function SearchResults({ query, hits, onOpen }: Props) {
  // Each new result list: the first screenful at once, the rest of the cards right after.
  const firstScreenOnly = useFirstScreenOnly(hits)
  const drawnHits = firstScreenOnly ? hits.slice(0, FIRST_SCREEN_CARDS) : hits
  return (
    <PlainView className='search__results' data-query={query} {...partAttribute(PART.searchResults)}>
      <PlainText className='search__count'>{`找到 ${hits.length} 篇相关文章`}</PlainText>
      {drawnHits.map((hit, index) => (
        <Fragment key={hit.article.id}>
          {/* The engine puts articles with every word first; say where the looser ones start. */}
          {hit.partial && !hits[index - 1]?.partial && (
            <PlainText className='search__partial-note'>{index > 0 ? '以下文章只包含部分关键词' : '没有同时包含所有关键词的文章，以下文章包含部分关键词'}</PlainText>
          )}
          <ArticleCard article={hit.article} titleRanges={hit.titleRanges} onOpen={onOpen} />
        </Fragment>
      ))}
    </PlainView>
  )
})

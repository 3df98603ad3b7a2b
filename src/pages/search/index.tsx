import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react'
import { Input } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { PART, partAttribute } from '../../core/pageContract'
import { readParam } from '../../core/params'
import { MAX_QUERY_LENGTH, shortenText } from '../../core/text'
import { loadSearch, loadedSearch, type LoadedSearch } from '../../data/search'
import { useSearchHistory, useSearchHistoryActions } from '../../stores/appStore'
import EmptyState from '../../components/EmptyState'
import HotSearches from '../../components/HotSearches'
import ReaderPage from '../../components/ReaderPage'
import { searchShare } from '../../features/share/links'
import { useListShare } from '../../features/share/listShare'
import { focusable } from '../../components/focusable'
import { PlainText, PlainView } from '../../platform/plainElements'
import SearchResults from './SearchResults'
import './index.css'

/** Cards drawn per query: the engine ranks them all, the page draws only the best. */
const RESULT_LIMIT = 20

/** Long queries are shortened where they are quoted back to the reader. */
function quoted(query: string): string {
  return shortenText(query, 16)
}

type SearchState = { status: 'loading' } | { status: 'ready'; search: LoadedSearch } | { status: 'failed' }

/** The engine and its index arrive with this page (their own chunk / subpackage), not with home. */
function useSearchEngine(): { state: SearchState; retry: () => void } {
  const [state, setState] = useState<SearchState>(() => {
    const search = loadedSearch()
    return search ? { status: 'ready', search } : { status: 'loading' }
  })
  const [attempt, setAttempt] = useState(0)
  useEffect(() => {
    const ready = loadedSearch()
    if (ready) return setState({ status: 'ready', search: ready })
    let current = true
    setState({ status: 'loading' })
    loadSearch().then(
      (search) => current && setState({ status: 'ready', search }),
      () => current && setState({ status: 'failed' }),
    )
    return () => {
      current = false
    }
  }, [attempt])
  return { state, retry: () => setAttempt((n) => n + 1) }
}

/**
 * The page's own boxes and text are plain elements on H5 (platform/plainElements.h5.ts): every
 * keystroke re-renders the search bar in Taro's input handler, before the results can be drawn.
 */
export default function SearchPage() {
  const router = useRouter()
  const initialQuery = readParam(router.params, 'q').slice(0, MAX_QUERY_LENGTH)
  const [input, setInput] = useState(initialQuery)
  // Results follow every keystroke with no fixed wait: React draws the typed character first and
  // ranks at lower priority, dropping a ranking a newer keystroke has made stale.
  const query = useDeferredValue(input)
  const history = useSearchHistory()
  const { rememberSearch, forgetSearch, clearSearchHistory } = useSearchHistoryActions()

  useEffect(() => {
    if (initialQuery.trim()) rememberSearch(initialQuery)
    // Only the query the page was opened with; later ones are remembered when confirmed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const trimmed = query.trim()
  useListShare(searchShare(trimmed))
  const { state: engineState, retry } = useSearchEngine()
  const loaded = engineState.status === 'ready' ? engineState.search : null
  const hotSearchTerms = loaded ? loaded.hotSearchTerms : []
  const hits = useMemo(() => (trimmed && loaded ? loaded.engine.search(trimmed, { limit: RESULT_LIMIT }) : []), [trimmed, loaded])
  // While the box is empty (or only spaces) the page offers history and hot searches instead.
  const showingResults = trimmed !== '' && input.trim() !== ''
  // One callback for every card and keystroke, so memoised cards are not redrawn while typing.
  const openedQuery = useRef(trimmed)
  openedQuery.current = trimmed
  const rememberOpened = useCallback(() => rememberSearch(openedQuery.current), [rememberSearch])

  const searchNow = (term: string) => {
    const q = term.slice(0, MAX_QUERY_LENGTH)
    setInput(q)
    rememberSearch(q)
  }
  const clearInput = () => {
    setInput('')
  }

  return (
    <ReaderPage className='search' ready={engineState.status !== 'loading' && query === input}>
      <PlainView className='search__bar'>
        <PlainView className='search__field' {...partAttribute(PART.searchInput)}>
          <PlainView className='search-icon' />
          <Input
            className='search__input'
            value={input}
            focus
            confirmType='search'
            maxlength={MAX_QUERY_LENGTH}
            placeholder='搜索医保、医院、疾病'
            placeholderClass='search__placeholder'
            onInput={(e) => setInput(e.detail.value)}
            onConfirm={(e) => searchNow(e.detail.value)}
          />
          {input !== '' && (
            <PlainView className='search__clear' onClick={clearInput} role='button' {...focusable} aria-label='清除输入'>
              <PlainText className='search__clear-mark'>×</PlainText>
            </PlainView>
          )}
        </PlainView>
        <PlainView className='search__submit' onClick={() => searchNow(input)} role='button' {...focusable}>
          <PlainText>搜索</PlainText>
        </PlainView>
      </PlainView>

      {!showingResults && (
        <PlainView className='search__start' {...partAttribute(PART.searchStart)}>
          {history.length > 0 && (
            <PlainView className='hn-section search-history'>
              <PlainView className='hn-section__title'>
                <PlainText>搜索历史</PlainText>
                <PlainView className='search-history__clear' onClick={clearSearchHistory} role='button' {...focusable} aria-label='清空搜索历史'>
                  <PlainText>清空</PlainText>
                </PlainView>
              </PlainView>
              {history.map((entry) => (
                <PlainView key={entry} className='search-history__row'>
                  <PlainView className='search-history__query' onClick={() => searchNow(entry)} role='button' {...focusable}>
                    <PlainText>{entry}</PlainText>
                  </PlainView>
                  <PlainView className='search-history__remove' onClick={() => forgetSearch(entry)} role='button' {...focusable} aria-label={`删除 ${entry}`}>
                    <PlainText>×</PlainText>
                  </PlainView>
                </PlainView>
              ))}
            </PlainView>
          )}
          <HotSearches terms={hotSearchTerms} onPick={searchNow} />
        </PlainView>
      )}

      {engineState.status === 'failed' && (
        <EmptyState title='加载失败' message='搜索功能没有加载成功，可能是网络不好。请稍后点击重试。' actionText='重试' onAction={retry} />
      )}

      {showingResults && engineState.status === 'loading' && (
        <PlainView className='search__loading' role='status' {...partAttribute(PART.loading)}>
          <PlainText>正在加载搜索…</PlainText>
        </PlainView>
      )}

      {showingResults && hits.length > 0 && <SearchResults query={trimmed} hits={hits} onOpen={rememberOpened} />}

      {showingResults && loaded && hits.length === 0 && (
        <PlainView className='search__none' data-query={trimmed} {...partAttribute(PART.searchNone)}>
          <EmptyState
            title='没有找到相关文章'
            message={`没有与“${quoted(trimmed)}”相关的文章。换个说法试试，比如写上地名或“医保”“医院”。`}
          />
          <HotSearches terms={hotSearchTerms} onPick={searchNow} />
        </PlainView>
      )}
    </ReaderPage>
  )
}

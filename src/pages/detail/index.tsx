import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { useLoad, useRouter } from '@tarojs/taro'
import type { Article, Topic } from '../../core/article'
import { NO_FILTERS, regionLabel, type ArticleFilters } from '../../core/filters'
import { isArticleId } from '../../core/ids'
import { readParam } from '../../core/params'
import { loadArticle, loadArticleList, loadedArticle, loadedArticleList, type ListEntry } from '../../data/index'
import { goHome, isFirstPage, openSearch } from '../../platform/navigation'
import { useAppStore, useLargeText } from '../../stores/appStore'
import ArticleBody from '../../components/ArticleBody'
import ArticleCard from '../../components/ArticleCard'
import Disclaimer from '../../components/Disclaimer'
import EmptyState from '../../components/EmptyState'
import PageFooter from '../../components/PageFooter'
import ShareActions from '../../features/share/components/ShareActions'
import SharedLandingBanner from '../../features/share/components/SharedLandingBanner'
import TimelineSinglePageNotice from '../../features/share/components/TimelineSinglePageNotice'
import { shareOriginOf } from '../../features/share/links'
import { useArticleShare } from '../../features/share/useShare'
import './index.css'

type ArticleState =
  | { status: 'loading' }
  | { status: 'ready'; article: Article }
  | { status: 'missing' }
  | { status: 'failed' }

/**
 * The article of `id`, from its shard: at once when the shard is already here, else after the
 * fetch. `retry` fetches again after a failure.
 */
function useArticle(id: string): { state: ArticleState; retry: () => void } {
  // A malformed id (a cut-off link, junk) is answered at once, without a fetch.
  const wellFormed = isArticleId(id)
  const initial = (): ArticleState => {
    const article = wellFormed ? loadedArticle(id) : undefined
    return article ? { status: 'ready', article } : wellFormed ? { status: 'loading' } : { status: 'missing' }
  }
  const [state, setState] = useState<ArticleState>(initial)
  const [attempt, setAttempt] = useState(0)
  useEffect(() => {
    if (!wellFormed) return setState({ status: 'missing' })
    let current = true
    const known = loadedArticle(id)
    if (known) return setState({ status: 'ready', article: known })
    setState({ status: 'loading' })
    loadArticle(id).then(
      (article) => current && setState(article ? { status: 'ready', article } : { status: 'missing' }),
      () => current && setState({ status: 'failed' }),
    )
    return () => {
      current = false
    }
  }, [id, wellFormed, attempt])
  return { state, retry: () => setAttempt((n) => n + 1) }
}

/** The related articles' list entries; those not yet loaded follow when the list index is here. */
function useRelated(ids: readonly string[]): ListEntry[] {
  const pick = (list: readonly ListEntry[]) => {
    const byId = new Map(list.map((entry) => [entry.id, entry]))
    return ids.map((id) => byId.get(id)).filter((entry): entry is ListEntry => entry !== undefined)
  }
  const [list, setList] = useState(loadedArticleList)
  const missing = pick(list).length < ids.length
  useEffect(() => {
    if (!missing) return
    let current = true
    // Without the list index the article still reads fine: related cards are an extra.
    loadArticleList().then((all) => current && setList(all), () => undefined)
    return () => {
      current = false
    }
  }, [missing])
  return pick(list)
}

/** A visible way home when there is no page below this one (opened from a shared link). */
function HomeBar() {
  return (
    <View className='detail-home-bar'>
      <Text className='detail-home-bar__text'>更多医保、就医与健康问答</Text>
      <View className='detail-home-bar__button' onClick={() => goHome()}>
        <Text>返回首页</Text>
      </View>
    </View>
  )
}

export default function DetailPage() {
  // Everything comes from the URL: a shared link must open the same page as a tap in the list.
  const router = useRouter()
  const id = readParam(router.params, 'id')
  const { state, retry } = useArticle(id)
  const article = state.status === 'ready' ? state.article : undefined
  const related = useRelated(article ? article.related : [])
  const from = readParam(router.params, 'from')
  const [firstPage, setFirstPage] = useState(false)
  const applyFilters = useAppStore((s) => s.applyFilters)
  const toggleLargeText = useAppStore((s) => s.toggleLargeText)
  const largeText = useLargeText()

  useLoad(() => setFirstPage(isFirstPage()))

  useArticleShare(article)

  const pageClass = `hn-page detail${largeText ? ' hn-page--large' : ''}`

  if (state.status === 'loading') {
    return (
      <View className={pageClass}>
        <View className='detail-loading' role='status'>
          <Text className='detail-loading__text'>正在打开文章…</Text>
        </View>
      </View>
    )
  }

  if (state.status === 'failed') {
    return (
      <View className={pageClass}>
        <EmptyState
          title='加载失败'
          message='文章内容没有加载成功，可能是网络不好。请稍后点击重试。'
          actionText='重试'
          onAction={retry}
          secondaryText='返回首页'
          onSecondary={() => goHome()}
        />
      </View>
    )
  }

  if (!article) {
    return (
      <View className={pageClass}>
        <EmptyState
          title='没有找到这篇文章'
          message='链接可能不完整，或这篇文章已经下线。可以回到首页看看其他文章。'
          actionText='返回首页'
          onAction={() => goHome()}
          secondaryText='搜索文章'
          onSecondary={() => openSearch()}
        />
      </View>
    )
  }

  // A chip narrows the home list to just that region or topic.
  const showOnHome = (filters: ArticleFilters) => {
    applyFilters(filters)
    goHome(filters)
  }
  const region = article.region

  return (
    <View className={pageClass}>
      <TimelineSinglePageNotice />
      <SharedLandingBanner from={from} />
      {firstPage && !shareOriginOf(from) && <HomeBar />}

      <View className='hn-section detail-article'>
        <Text className='detail-article__title'>{article.title}</Text>
        <View className='detail-article__meta'>
          <Text>{article.date}</Text>
          <Text className='detail-article__source'>{`来源：${article.source}`}</Text>
        </View>
        <View className='detail-article__chips'>
          <View
            className='detail-chip'
            data-chip='region'
            onClick={() => showOnHome({ ...NO_FILTERS, province: region?.province ?? null, city: region?.city ?? null })}
          >
            <Text className='hn-chip detail-chip__pill'>{regionLabel(region)}</Text>
          </View>
          {article.topics.map((topic: Topic) => (
            <View key={topic} className='detail-chip' data-chip='topic' onClick={() => showOnHome({ ...NO_FILTERS, topic })}>
              <Text className='hn-chip detail-chip__pill'>{topic}</Text>
            </View>
          ))}
        </View>

        {article.body && article.fullText ? (
          <ArticleBody blocks={article.body} />
        ) : (
          <View className='detail-excerpt'>
            <View className='detail-excerpt__note'>
              <Text className='detail-excerpt__label'>仅有摘要</Text>
              <Text className='detail-excerpt__why'>原文只提供了这段摘要，没有全文。</Text>
            </View>
            <ArticleBody blocks={[{ type: 'paragraph', text: article.summary }]} />
          </View>
        )}

        <View className='detail-actions'>
          <View className='hn-button hn-button--ghost detail-actions__size' onClick={toggleLargeText}>
            <Text>{largeText ? '标准字' : '大字'}</Text>
          </View>
        </View>
      </View>

      <Disclaimer />
      <ShareActions article={article} />

      {related.length > 0 && (
        <View className='detail-related'>
          <Text className='detail-related__title'>相关推荐</Text>
          {related.map((item) => (
            <ArticleCard key={item.id} article={item} />
          ))}
        </View>
      )}

      <PageFooter />
    </View>
  )
}

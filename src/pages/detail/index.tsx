import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { useLoad, useRouter } from '@tarojs/taro'
import type { Article, Topic } from '../../core/article'
import { NO_FILTERS, regionLabel, type ArticleFilters } from '../../core/filters'
import { isArticleId } from '../../core/ids'
import { PART, partAttribute } from '../../core/pageContract'
import { readParam } from '../../core/params'
import { detailRoute, h5Url } from '../../core/routes'
import { contains } from '../../core/readingLists'
import { stepLabel, textStepOf, type TextStep } from '../../core/textScale'
import { loadArticle, loadArticleList, loadedArticle, loadedArticleList, type ListEntry } from '../../data/index'
import { goHome, isFirstPage, openSearch } from '../../platform/navigation'
import { PlainText, PlainView } from '../../platform/plainElements'
import { isMomentsSinglePage } from '../../platform/share'
import { useAppStore, useFavorites, useReadingActions, useTextStep } from '../../stores/appStore'
import ArticleBody from '../../components/ArticleBody'
import ArticleCard from '../../components/ArticleCard'
import Disclaimer from '../../components/Disclaimer'
import EmptyState from '../../components/EmptyState'
import FeedbackLink from '../../components/FeedbackLink'
import PageFooter from '../../components/PageFooter'
import ReaderPage from '../../components/ReaderPage'
import StaleNotice from '../../components/StaleNotice'
import TextSizeControl from '../../components/TextSizeControl'
import { focusable } from '../../components/focusable'
import ShareActions from '../../features/share/components/ShareActions'
import SharedLandingBanner from '../../features/share/components/SharedLandingBanner'
import TimelineSinglePageNotice from '../../features/share/components/TimelineSinglePageNotice'
import { configuredH5BaseUrl, shareOriginOf, TEXT_STEP_PARAM } from '../../features/share/links'
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
/** Each loaded list index by id, made once per list (10,000 entries: not once per render). */
const entriesById = new WeakMap<readonly ListEntry[], Map<string, ListEntry>>()

function byIdOf(list: readonly ListEntry[]): Map<string, ListEntry> {
  let byId = entriesById.get(list)
  if (!byId) {
    byId = new Map(list.map((entry) => [entry.id, entry]))
    entriesById.set(list, byId)
  }
  return byId
}

function useRelated(ids: readonly string[]): { entries: ListEntry[]; complete: boolean } {
  const pick = (list: readonly ListEntry[]) => {
    const byId = byIdOf(list)
    return ids.map((id) => byId.get(id)).filter((entry): entry is ListEntry => entry !== undefined)
  }
  const [list, setList] = useState(loadedArticleList)
  // The whole list index has answered (or failed to): what is missing then stays missing.
  const [settled, setSettled] = useState(false)
  const missing = pick(list).length < ids.length
  useEffect(() => {
    if (!missing) return
    let current = true
    // Without the list index the article still reads fine: related cards are an extra.
    loadArticleList().then(
      (all) => {
        if (!current) return
        setList(all)
        setSettled(true)
      },
      () => current && setSettled(true),
    )
    return () => {
      current = false
    }
  }, [missing])
  return { entries: pick(list), complete: !missing || settled }
}

/** A visible way home when there is no page below this one (opened from a shared link). */
function HomeBar() {
  return (
    <View className='detail-home-bar' {...partAttribute(PART.homeBar)}>
      <Text className='detail-home-bar__text'>更多医保、就医与健康问答</Text>
      <View className='detail-home-bar__button' onClick={() => goHome()} role='link' {...focusable} {...partAttribute(PART.homeLink)}>
        <Text>返回首页</Text>
      </View>
    </View>
  )
}

/**
 * 大字分享 on arrival: the sharer asked for a larger step than the reader's own. The page shows
 * it; the reader's saved step changes only if they keep it here.
 */
function SharedStepBanner({ step, onKeep, onRevert }: { step: TextStep; onKeep: () => void; onRevert: () => void }) {
  return (
    <View className='detail-shared-step' role='status'>
      <Text className='detail-shared-step__text'>{`分享给您的人选了「${stepLabel(step)}」字号，这篇文章正按这个字号显示。`}</Text>
      <View className='detail-shared-step__actions'>
        <View className='hn-button detail-shared-step__button' role='button' {...focusable} onClick={onKeep}>
          <Text>以后都用这个字号</Text>
        </View>
        <View className='hn-button hn-button--ghost detail-shared-step__button' role='button' {...focusable} onClick={onRevert}>
          <Text>用我原来的字号</Text>
        </View>
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
  const { entries: relatedEntries, complete: relatedComplete } = useRelated(article ? article.related : [])
  const from = readParam(router.params, 'from')
  const [firstPage, setFirstPage] = useState(false)
  // Moments' single-page mode: nothing navigates, storage is separate; 收藏 and history are not offered.
  const [singlePage] = useState(isMomentsSinglePage)
  const applyFilters = useAppStore((s) => s.applyFilters)
  const setTextStep = useAppStore((s) => s.setTextStep)
  const savedStep = useTextStep()
  const favorites = useFavorites()
  const { toggleFavorite, recordVisit } = useReadingActions()
  // The step a 大字分享 link asks for, shown until the reader keeps it or goes back to theirs.
  const [sharedStep, setSharedStep] = useState<TextStep | null>(() => textStepOf(readParam(router.params, TEXT_STEP_PARAM)))
  const pendingSharedStep = sharedStep !== null && sharedStep !== savedStep ? sharedStep : null
  const shownStep = pendingSharedStep ?? savedStep

  useLoad(() => setFirstPage(isFirstPage()))

  useEffect(() => {
    if (article && !singlePage) recordVisit(article)
    // Once per article shown.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [article?.id])

  useArticleShare(article)

  if (state.status === 'loading') {
    return (
      <ReaderPage className='detail' step={pendingSharedStep} ready={false}>
        <View className='detail-loading' role='status' {...partAttribute(PART.loading)}>
          <Text className='detail-loading__text'>正在打开文章…</Text>
        </View>
      </ReaderPage>
    )
  }

  if (state.status === 'failed') {
    return (
      <ReaderPage className='detail' step={pendingSharedStep} ready>
        <EmptyState
          title='加载失败'
          message='文章内容没有加载成功，可能是网络不好。请稍后点击重试。'
          actionText='重试'
          onAction={retry}
          secondaryText='返回首页'
          onSecondary={() => goHome()}
          secondaryPart={PART.homeLink}
        />
      </ReaderPage>
    )
  }

  if (!article) {
    return (
      <ReaderPage className='detail' step={pendingSharedStep} ready>
        <EmptyState
          title='没有找到这篇文章'
          message='链接可能不完整，或这篇文章已经下线。可以回到首页看看其他文章。'
          actionText='返回首页'
          onAction={() => goHome()}
          actionPart={PART.homeLink}
          secondaryText='搜索文章'
          onSecondary={() => openSearch()}
        />
      </ReaderPage>
    )
  }

  // A chip narrows the home list to just that region or topic.
  const showOnHome = (filters: ArticleFilters) => {
    applyFilters(filters)
    goHome(filters)
  }
  const changeStep = (step: TextStep) => {
    setTextStep(step)
    setSharedStep(null)
  }
  const region = article.region
  const related = singlePage ? [] : relatedEntries
  const favorite = contains(favorites, article.id)
  const chip = (label: string, kind: 'region' | 'topic', filters: ArticleFilters) =>
    singlePage ? (
      // Single-page mode cannot open home: the label stays, as plain text.
      <View key={label} className='detail-chip' data-chip={kind}>
        <Text className='hn-chip detail-chip__pill detail-chip__pill--plain'>{label}</Text>
      </View>
    ) : (
      <View key={label} className='detail-chip' data-chip={kind} role='link' {...focusable} aria-label={`查看${label}的文章`} onClick={() => showOnHome(filters)}>
        <Text className='hn-chip detail-chip__pill'>{label}</Text>
      </View>
    )

  return (
    <ReaderPage className='detail' step={pendingSharedStep} ready={singlePage || relatedComplete}>
      <TimelineSinglePageNotice />
      <SharedLandingBanner from={from} />
      {firstPage && !shareOriginOf(from) && !singlePage && <HomeBar />}
      {pendingSharedStep !== null && (
        <SharedStepBanner step={pendingSharedStep} onKeep={() => changeStep(pendingSharedStep)} onRevert={() => setSharedStep(null)} />
      )}

      <View className='hn-section detail-article'>
        {/* The article itself in plain elements on H5 (platform/plainElements.h5.ts): on screen in the frame it is drawn. */}
        <PlainView className='detail-article__title' role='heading' aria-level={1} {...partAttribute(PART.articleTitle)}>
          <PlainText>{article.title}</PlainText>
        </PlainView>
        <PlainView className='detail-article__meta'>
          <PlainText className='detail-article__date'>{article.date}</PlainText>
          <PlainText className='detail-article__source'>{`来源：${article.source}`}</PlainText>
        </PlainView>
        <StaleNotice date={article.date} />
        <View className='detail-article__chips'>
          {chip(regionLabel(region), 'region', { ...NO_FILTERS, province: region?.province ?? null, city: region?.city ?? null })}
          {article.topics.map((topic: Topic) => chip(topic, 'topic', { ...NO_FILTERS, topic }))}
        </View>

        <View className='detail-tools'>
          <TextSizeControl step={shownStep} onChange={changeStep} />
          {!singlePage && (
            <View
              className={`hn-button detail-tools__favorite${favorite ? ' detail-tools__favorite--on' : ' hn-button--ghost'}`}
              role='button' {...focusable}
              aria-pressed={favorite}
              {...partAttribute(PART.favorite)}
              onClick={() => toggleFavorite(article)}
            >
              <Text>{favorite ? '已收藏' : '收藏'}</Text>
            </View>
          )}
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
      </View>

      <Disclaimer />
      <FeedbackLink title={article.title} url={h5Url(configuredH5BaseUrl(), detailRoute(article.id))} />
      <ShareActions article={article} />

      {related.length > 0 && (
        <View className='detail-related' {...partAttribute(PART.related)}>
          <Text className='detail-related__title'>相关推荐</Text>
          {related.map((item) => (
            <ArticleCard key={item.id} article={item} />
          ))}
        </View>
      )}

      {!singlePage && <PageFooter />}
    </ReaderPage>
  )
}

import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { ReadingEntry } from '../../core/readingLists'
import { articleCount, firstArticles, loadArticle, loadArticleList, loadedArticle, loadedArticleList, type ListEntry } from '../../data/index'
import { openArticle } from '../../platform/navigation'
import { isMomentsSinglePage } from '../../platform/share'
import { useAppStore, useFavorites, useReadingActions, useReadingHistory, useTextStep } from '../../stores/appStore'
import Disclaimer from '../../components/Disclaimer'
import ReaderPage from '../../components/ReaderPage'
import TextSizeControl from '../../components/TextSizeControl'
import { dataFacts, dateRangeText, type DataFacts } from '../../core/dataFacts'
import { focusable } from '../../components/focusable'
import './index.css'

/**
 * The app's articles as far as they are known: the list index (fetched once; until then the
 * packaged head) and whether it is complete, so 已下线 is only said of what surely left.
 */
function useArticleIndex(): { list: ListEntry[]; complete: boolean } {
  const [list, setList] = useState(loadedArticleList)
  useEffect(() => {
    let current = true
    loadArticleList().then((all) => current && setList(all), () => undefined)
    return () => {
      current = false
    }
  }, [])
  return { list, complete: list.length >= articleCount }
}

/**
 * 关于's facts: count and dates from the list index; the source label from the newest article
 * (list entries do not carry sources, and one article shard is the most 关于 should fetch).
 */
function useAboutFacts(list: readonly ListEntry[]): DataFacts {
  // At once when the newest article's shard is already here.
  const [source, setSource] = useState<string | null>(() => (firstArticles[0] ? (loadedArticle(firstArticles[0].id)?.source ?? null) : null))
  useEffect(() => {
    let current = true
    const newest = firstArticles[0]
    if (newest) loadArticle(newest.id).then((article) => current && article && setSource(article.source), () => undefined)
    return () => {
      current = false
    }
  }, [])
  const facts = dataFacts(list, articleCount)
  return { ...facts, sources: source ? [source] : facts.sources }
}

interface ListProps {
  title: string
  entries: readonly ReadingEntry[]
  empty: string
  onRemove: (id: string) => void
  /** 清空 for the whole list (最近浏览). */
  onClear?: () => void
  name: string
  /** False for an id that the (complete) list index does not hold. */
  isAvailable: (id: string) => boolean
}

/** One saved list: newest first; an article no longer in the data shows as 已下线, removable. */
function ReadingList({ title, entries, empty, onRemove, onClear, name, isAvailable }: ListProps) {
  return (
    <View className='hn-section mine-list' data-list={name}>
      <View className='hn-section__title' role='heading' aria-level={2}>
        <Text>{`${title}（${entries.length}）`}</Text>
        {onClear && entries.length > 0 && (
          <View className='mine-list__clear' role='button' {...focusable} aria-label={`清空${title}`} onClick={onClear}>
            <Text>清空</Text>
          </View>
        )}
      </View>
      {entries.length === 0 && <Text className='mine-list__empty'>{empty}</Text>}
      {entries.map((entry) => {
        const available = isAvailable(entry.id)
        return (
          <View key={entry.id} className='mine-entry' data-entry-id={entry.id}>
            {available ? (
              <View className='mine-entry__main' role='link' {...focusable} onClick={() => openArticle(entry.id)}>
                <Text className='mine-entry__title'>{entry.title}</Text>
                <Text className='mine-entry__date'>{entry.date}</Text>
              </View>
            ) : (
              <View className='mine-entry__main mine-entry__main--gone'>
                <Text className='mine-entry__gone'>已下线</Text>
                <Text className='mine-entry__title'>{entry.title}</Text>
                <Text className='mine-entry__date'>这篇文章已不在应用里，可以删除这条记录。</Text>
              </View>
            )}
            <View className='mine-entry__remove' role='button' {...focusable} aria-label={`删除「${entry.title}」`} onClick={() => onRemove(entry.id)}>
              <Text>删除</Text>
            </View>
          </View>
        )
      })}
    </View>
  )
}

export default function MinePage() {
  const step = useTextStep()
  const setTextStep = useAppStore((s) => s.setTextStep)
  const favorites = useFavorites()
  const history = useReadingHistory()
  const { removeFavorite, removeVisit, clearHistory } = useReadingActions()
  // Moments' single-page mode keeps storage apart and cannot open articles: no lists there.
  const [singlePage] = useState(isMomentsSinglePage)
  const index = useArticleIndex()
  const ids = new Set(index.list.map((entry) => entry.id))
  const isAvailable = (id: string) => !index.complete || ids.has(id)
  const facts = useAboutFacts(index.list)

  return (
    <ReaderPage className='mine' ready={singlePage || index.complete}>
      <View className='hn-section mine-size'>
        <View className='hn-section__title' role='heading' aria-level={2}>
          <Text>字号</Text>
        </View>
        <TextSizeControl step={step} onChange={setTextStep} />
        <Text className='mine-size__sample'>文章正文会以这个大小显示。也会跟随微信或浏览器里设置的字体大小。</Text>
      </View>

      {!singlePage && (
        <ReadingList
          name='favorites'
          title='收藏'
          entries={favorites}
          empty='还没有收藏的文章。在文章里点“收藏”，文章就会出现在这里。'
          onRemove={removeFavorite}
          isAvailable={isAvailable}
        />
      )}
      {!singlePage && (
        <ReadingList
          name='history'
          title='最近浏览'
          entries={history}
          empty='还没有看过的文章。打开过的文章会按时间列在这里（最多 50 篇）。'
          onRemove={removeVisit}
          onClear={clearHistory}
          isAvailable={isAvailable}
        />
      )}

      <View className='hn-section mine-about'>
        <View className='hn-section__title' role='heading' aria-level={2}>
          <Text>关于</Text>
        </View>
        <Text className='mine-about__text'>健康资讯整理医保政策、就医指南和常见疾病问答，方便您和家人随时查阅。所有文章都装在应用里，不联网也能看。</Text>
        <View className='mine-about__facts'>
          <Text className='mine-about__fact'>{`文章来源：${facts.sources.join('、') || '暂无'}`}</Text>
          <Text className='mine-about__fact'>{`文章数量：${facts.count} 篇`}</Text>
          <Text className='mine-about__fact'>{`资料日期：${dateRangeText(facts)}`}</Text>
        </View>
      </View>
      <Disclaimer />
    </ReaderPage>
  )
}

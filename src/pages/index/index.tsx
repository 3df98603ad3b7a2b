import { startTransition, useEffect, useMemo, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { useLoad } from '@tarojs/taro'
import { TOPICS, type Topic } from '../../core/article'
import { citiesOf, filterArticles, hasActiveFilters, normalizeFilters } from '../../core/filters'
import { readParam } from '../../core/params'
import { articleCount, loadArticleList, loadedArticleList, provinces, type ListEntry } from '../../data/index'
import { useAppStore, useFilterActions, useFilters, useLargeText } from '../../stores/appStore'
import ArticleCard from '../../components/ArticleCard'
import Disclaimer from '../../components/Disclaimer'
import EmptyState from '../../components/EmptyState'
import FilterTabs, { type TabOption } from '../../components/FilterTabs'
import SearchBar from '../../components/SearchBar'
import { homeListShare } from '../../features/share/links'
import { useListShare } from '../../features/share/listShare'
import './index.css'

/** Tab key for "no filter" (全国 / 全部); can never clash with a Chinese place or topic name. */
const ALL = 'all'

const regionOptions: TabOption<string>[] = [
  { key: ALL, label: '全国' },
  ...provinces.map((p) => ({ key: p.province, label: p.province })),
]
const topicOptions: TabOption<string>[] = [{ key: ALL, label: '全部' }, ...TOPICS.map((t) => ({ key: t, label: t }))]

/**
 * Cards drawn with the first screen: a phone shows about three below the tabs, six covers tall
 * screens. The rest (some 300 elements for the whole list) follow right after as a low-priority
 * update, so the first cards are not held back by the ones below the fold.
 */
const FIRST_SCREEN_CARDS = 6

/** The first screenful of `list` on the first render, all of it from right after. */
function useFirstScreenFirst<T>(list: T[]): T[] {
  const [all, setAll] = useState(false)
  useEffect(() => {
    // A transition renders in slices and lets the browser paint the first cards before it.
    startTransition(() => setAll(true))
  }, [])
  return all ? list : list.slice(0, FIRST_SCREEN_CARDS)
}

/**
 * The list index, newest first: the packaged head at once, the rest when its shards are here
 * (none to fetch while the catalog holds every article).
 */
function useArticleList(): ListEntry[] {
  const [list, setList] = useState<ListEntry[]>(loadedArticleList)
  useEffect(() => {
    if (list.length >= articleCount) return
    let current = true
    loadArticleList().then(
      (all) => current && all !== list && setList(all),
      // The head still lists the newest articles; the rest comes with the next visit.
      () => undefined,
    )
    return () => {
      current = false
    }
  }, [list])
  return list
}

/** Cards drawn at a time: a large library is never drawn as thousands of cards at once. */
const CARDS_PER_PAGE = 100

export default function HomePage() {
  const filters = useFilters()
  useListShare(homeListShare(filters))
  const { chooseProvince, chooseCity, chooseTopic, applyFilters, clearFilters } = useFilterActions()
  const largeText = useLargeText()
  const toggleLargeText = useAppStore((s) => s.toggleLargeText)

  useLoad((params?: Record<string, unknown>) => {
    // A link that names a region or topic (a chip on an article opened fresh, a shared list)
    // decides the tabs; otherwise the reader's last choice stays.
    const province = readParam(params, 'province')
    const topic = readParam(params, 'topic')
    if (province || topic) {
      applyFilters(normalizeFilters({ province, city: readParam(params, 'city'), topic }, provinces))
    }
  })

  const cities = citiesOf(provinces, filters.province)
  const cityOptions = useMemo<TabOption<string>[]>(
    () => [{ key: ALL, label: `全${filters.province ?? ''}` }, ...cities.map((c) => ({ key: c, label: c }))],
    [filters.province, cities],
  )
  const listedArticles = useArticleList()
  const list = useMemo(() => filterArticles(listedArticles, filters), [listedArticles, filters])
  const filtered = hasActiveFilters(filters)
  const [pages, setPages] = useState(1)
  useEffect(() => setPages(1), [filters])
  const shownList = useFirstScreenFirst(list).slice(0, pages * CARDS_PER_PAGE)

  return (
    <View className={`hn-page home${largeText ? ' hn-page--large' : ''}`}>
      <View className='home__header'>
        <View className='home__intro'>
          <Text className='home__tagline'>医保政策 · 就医指南 · 常见疾病</Text>
          <View className='home__text-size' onClick={toggleLargeText} role='switch' aria-checked={largeText}>
            <Text className='home__text-size-pill'>{largeText ? '标准字' : '大字'}</Text>
          </View>
        </View>
        <SearchBar />
      </View>

      <View className='hn-section home__filters'>
        <FilterTabs
          name='region'
          label='地区'
          options={regionOptions}
          activeKey={filters.province ?? ALL}
          onChange={(key) => chooseProvince(key === ALL ? null : key)}
        />
        {cities.length > 0 && (
          <FilterTabs
            name='city'
            label='城市'
            options={cityOptions}
            activeKey={filters.city ?? ALL}
            onChange={(key) => chooseCity(key === ALL ? null : key)}
          />
        )}
        <FilterTabs
          name='topic'
          label='分类'
          options={topicOptions}
          activeKey={filters.topic ?? ALL}
          onChange={(key) => chooseTopic(key === ALL ? null : (key as Topic))}
        />
      </View>

      <View className='home__summary'>
        <Text className='home__count'>{`共 ${filtered ? list.length : articleCount} 篇`}</Text>
        {filtered && list.length > 0 && (
          <View className='home__clear' onClick={clearFilters}>
            <Text>清除筛选</Text>
          </View>
        )}
      </View>

      {list.length > 0 ? (
        <View className='home__list'>
          {shownList.map((article) => (
            <ArticleCard key={article.id} article={article} />
          ))}
          {list.length > pages * CARDS_PER_PAGE && (
            <View className='hn-button hn-button--ghost home__more' onClick={() => setPages((n) => n + 1)}>
              <Text>{`显示更多（还有 ${list.length - pages * CARDS_PER_PAGE} 篇）`}</Text>
            </View>
          )}
        </View>
      ) : (
        <EmptyState
          title='暂时没有符合条件的文章'
          message='这个地区和分类的组合下还没有文章，换个地区或分类看看。'
          actionText='清除筛选'
          onAction={clearFilters}
        />
      )}

      <Disclaimer compact />
    </View>
  )
}

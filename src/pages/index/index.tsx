import { startTransition, useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { useLoad, useReachBottom } from '@tarojs/taro'
import { TOPICS, type Topic } from '../../core/article'
import {
  catalogRegionCounts,
  citiesOf,
  countByRegion,
  filterArticles,
  hasActiveFilters,
  LIST_PAGE_SIZE,
  mostArticlesFirst,
  normalizeFilters,
  regionCount,
  regionLabel,
  type ArticleFilters,
} from '../../core/filters'
import { PART, partAttribute } from '../../core/pageContract'
import { readParam } from '../../core/params'
import { articleCount, loadArticleList, loadedArticleList, provinces, type ListEntry } from '../../data/index'
import { focusById } from '../../platform/focus'
import { watchVisible } from '../../platform/nearEnd'
import { openMine, scrollToTop } from '../../platform/navigation'
import { isMomentsSinglePage } from '../../platform/share'
import TimelineSinglePageNotice from '../../features/share/components/TimelineSinglePageNotice'
import { useFilterActions, useFilters } from '../../stores/appStore'
import ArticleCard from '../../components/ArticleCard'
import Disclaimer from '../../components/Disclaimer'
import EmptyState from '../../components/EmptyState'
import FilterTabs, { type TabOption } from '../../components/FilterTabs'
import ReaderPage from '../../components/ReaderPage'
import RegionPicker from '../../components/RegionPicker'
import SearchBar from '../../components/SearchBar'
import { pressable } from '../../components/pressable'
import { FIRST_SCREEN_CARDS, useFirstScreenOnly } from '../../components/firstScreen'
import { homeListShare } from '../../features/share/links'
import { useListShare } from '../../features/share/listShare'
import './index.css'

/** Tab key for "no filter" (全部地区 / 全部); can never clash with a Chinese place or topic name. */
const ALL = 'all'
const MORE_REGIONS_ID = 'home-more-regions'
const LIST_END_ID = 'home-list-end'

/**
 * Library-wide counts (the pipeline's, in the catalog) decide the order of the province and city
 * rows, so the tabs do not jump about while the list index loads or the topic changes.
 */
const regionTotals = catalogRegionCounts(provinces, articleCount)
const provinceRow = mostArticlesFirst(regionTotals.provinces)
const topicOptions: TabOption<string>[] = [{ key: ALL, label: '全部' }, ...TOPICS.map((t) => ({ key: t, label: t }))]

/** Home's first screen is drawn once, when the page opens. */
const FIRST_SCREEN_PASS = 'home'

/**
 * The part of `list` on screen: the first screenful on the very first render, then LIST_PAGE_SIZE
 * cards, a page more each time `loadMore` runs. A new `resetKey` (other filters) starts again
 * at one page.
 */
function usePagedList<T>(list: T[], resetKey: string, complete: boolean) {
  // Only the very first render: later pages arrive while scrolling, below the fold.
  const firstScreenOnly = useFirstScreenOnly(FIRST_SCREEN_PASS)
  const [paging, setPaging] = useState({ key: resetKey, pages: 1 })
  const pages = paging.key === resetKey ? paging.pages : 1
  const shown = firstScreenOnly ? Math.min(list.length, FIRST_SCREEN_CARDS) : Math.min(list.length, pages * LIST_PAGE_SIZE)
  // While the list index is still arriving there is more to come even when all of it is shown.
  const hasMore = shown < list.length || !complete
  const canShowMore = shown < list.length
  const loadMore = useCallback(() => {
    // Not before the first page is on screen: the first screenful alone may show the end line.
    if (!canShowMore || firstScreenOnly) return
    startTransition(() => setPaging({ key: resetKey, pages: pages + 1 }))
  }, [canShowMore, firstScreenOnly, resetKey, pages])
  return { items: list.slice(0, shown), hasMore, loadMore, firstScreenOnly }
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

const filtersKey = (f: ArticleFilters) => `${f.province ?? ''}|${f.city ?? ''}|${f.topic ?? ''}`

export default function HomePage() {
  const filters = useFilters()
  useListShare(homeListShare(filters))
  const { chooseProvince, chooseCity, chooseTopic, applyFilters, clearFilters } = useFilterActions()
  // 我的 (favourites, history, text size) is not offered in Moments' single-page mode.
  const [singlePage] = useState(isMomentsSinglePage)

  useLoad((params?: Record<string, unknown>) => {
    // A link that names a region or topic (a chip on an article opened fresh, a shared list)
    // decides the tabs; otherwise the reader's last choice stays.
    const province = readParam(params, 'province')
    const city = readParam(params, 'city')
    const topic = readParam(params, 'topic')
    if (province || city || topic) applyFilters(normalizeFilters({ province, city, topic }, provinces))
  })

  const listedArticles = useArticleList()
  const complete = listedArticles.length >= articleCount
  // Counts follow the chosen topic once the whole list index is here: the number on a place is
  // what choosing it will list. Until then, the catalog's library-wide counts.
  const counts = useMemo(
    () => (complete ? countByRegion(listedArticles, provinces, filters.topic) : regionTotals),
    [complete, listedArticles, filters.topic],
  )
  const regionOptions = useMemo<TabOption<string>[]>(
    () => [
      { key: ALL, label: '全部地区', count: counts.total },
      ...provinceRow.map((p) => ({ key: p.province, label: p.province, count: regionCount(counts, p.province) })),
    ],
    [counts],
  )
  const cities = citiesOf(provinces, filters.province)
  const cityOptions = useMemo<TabOption<string>[]>(() => {
    if (filters.province === null || cities.length === 0) return []
    const province = filters.province
    const row = mostArticlesFirst(regionTotals.provinces.find((p) => p.province === province)?.cities ?? [])
    return [
      { key: ALL, label: `全${province}`, count: regionCount(counts, province) },
      ...row.map((c) => ({ key: c.city, label: c.city, count: regionCount(counts, province, c.city) })),
    ]
  }, [filters.province, cities, counts])

  const list = useMemo(() => filterArticles(listedArticles, filters), [listedArticles, filters])
  const filtered = hasActiveFilters(filters)
  const page = usePagedList(list, filtersKey(filters), complete)
  useReachBottom(page.loadMore)
  const { hasMore, loadMore } = page
  const shownCount = page.items.length
  // H5's second signal for the end of the list (src/platform/nearEnd.h5.ts), renewed per page.
  useEffect(() => (hasMore ? watchVisible(LIST_END_ID, loadMore) : undefined), [hasMore, loadMore, shownCount])

  const [picking, setPicking] = useState(false)
  const wasPicking = useRef(false)
  useEffect(() => {
    // Back from the picker, keyboard focus returns to the button that opened it (H5).
    if (wasPicking.current && !picking) focusById(MORE_REGIONS_ID)
    wasPicking.current = picking
  }, [picking])
  const openPicker = () => {
    setPicking(true)
    scrollToTop()
  }
  const chooseRegion = (province: string | null, city: string | null) => {
    applyFilters({ province, city, topic: filters.topic })
    setPicking(false)
  }

  return (
    <ReaderPage className='home' ready={!page.firstScreenOnly}>
      {picking && (
        <RegionPicker
          counts={counts}
          province={filters.province}
          city={filters.city}
          topic={filters.topic}
          onChoose={chooseRegion}
          onClose={() => setPicking(false)}
        />
      )}
      {/* Kept mounted while the picker is open, so the list and its pages are as they were. */}
      <View className={picking ? 'home__content home__content--hidden' : 'home__content'} aria-hidden={picking ? 'true' : undefined}>
        <View className='home__header'>
          <View className='home__intro'>
            <Text className='home__tagline'>医保政策 · 就医指南 · 常见疾病</Text>
            {!singlePage && (
              <View className='home__mine' {...partAttribute(PART.mineLink)} {...pressable(openMine)} role='link' aria-label='我的：收藏、最近浏览、字号'>
                <Text className='home__mine-pill'>我的 · 字号</Text>
              </View>
            )}
          </View>
          {/* Searching opens another page, which Moments' single-page mode cannot do. */}
          {!singlePage && <SearchBar />}
        </View>
        <TimelineSinglePageNotice subject='这份文章列表' />

        <View className='hn-section home__filters'>
          <FilterTabs
            name='region'
            part={PART.regionTabs}
            label='地区'
            options={regionOptions}
            activeKey={filters.province ?? ALL}
            onChange={(key) => chooseProvince(key === ALL ? null : key)}
            extra={
              <View
                id={MORE_REGIONS_ID}
                className='home__more-regions'
                {...pressable(openPicker)}
                role='button'
                aria-haspopup='dialog'
                aria-label='更多地区，按省份和城市选择'
              >
                <Text className='home__more-regions-pill'>更多地区</Text>
              </View>
            }
          />
          {cityOptions.length > 0 && (
            <FilterTabs
              name='city'
              part={PART.cityTabs}
              label='城市'
              options={cityOptions}
              activeKey={filters.city ?? ALL}
              onChange={(key) => chooseCity(key === ALL ? null : key)}
            />
          )}
          <FilterTabs
            name='topic'
            part={PART.topicTabs}
            label='分类'
            options={topicOptions}
            activeKey={filters.topic ?? ALL}
            onChange={(key) => chooseTopic(key === ALL ? null : (key as Topic))}
          />
        </View>

        <View className='home__summary'>
          <View className='home__summary-text'>
            {filters.province !== null && (
              <Text className='hn-chip home__region'>{regionLabel({ province: filters.province, city: filters.city ?? undefined })}</Text>
            )}
            <Text className='home__count'>{`共 ${filtered ? list.length : articleCount} 篇`}</Text>
          </View>
          {filtered && list.length > 0 && (
            <View className='home__clear' {...pressable(clearFilters)} role='button'>
              <Text>清除筛选</Text>
            </View>
          )}
        </View>

        {list.length > 0 ? (
          <View className='home__list' {...partAttribute(PART.homeList)}>
            {page.items.map((article) => (
              <ArticleCard key={article.id} article={article} />
            ))}
          </View>
        ) : (
          <EmptyState
            title='暂时没有符合条件的文章'
            message='这个地区和分类的组合下还没有文章，换个地区或分类看看。'
            actionText='清除筛选'
            onAction={clearFilters}
          />
        )}

        {list.length > 0 &&
          (page.hasMore ? (
            // Nearing the bottom loads the next page by itself; pressing this does it too
            // (a keyboard, a screen reader, or a screen too tall to scroll).
            <View
              id={LIST_END_ID}
              className='home__more'
              {...pressable(page.loadMore)}
              role='button'
              aria-label={`加载更多，已显示 ${page.items.length} 篇，共 ${filtered ? list.length : articleCount} 篇`}
            >
              <Text>加载中…</Text>
            </View>
          ) : (
            <View className='home__more home__more--end' role='status'>
              <Text>没有更多了</Text>
            </View>
          ))}

        <Disclaimer compact />
      </View>
    </ReaderPage>
  )
}

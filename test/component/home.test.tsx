import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import HomePage from '../../src/pages/index/index'
import { TOPICS } from '../../src/core/article'
import { LIST_SUMMARY_LENGTH, newestFirstOrder } from '../../src/core/catalog'
import { LIST_PAGE_SIZE } from '../../src/core/filters'
import { takeChars } from '../../src/core/text'
import { articles, provinces } from '../../src/data/dataset'
import { useAppStore } from '../../src/stores/appStore'
import { taroTest } from '../stubs/taro'
import { followNavigation, listIndexLoaded, listedTitles, resetStore } from './support'

beforeEach(resetStore)

const tabs = (name: string) => within(document.querySelector(`[data-tabs="${name}"]`) as HTMLElement)
const inProvince = (province: string) => articles.filter((a) => a.region?.province === province)
/** The list's order: the catalog's (newest first, see src/core/catalog.ts). */
const newestFirst = (list: typeof articles) => [...list].sort(newestFirstOrder)

describe('home page', () => {
  it('lists the first page of articles newest first, with the count, excerpt, date and region', () => {
    render(<HomePage />)
    expect(screen.getByText(`共 ${articles.length} 篇`)).toBeInTheDocument()
    const firstPage = newestFirst(articles).slice(0, LIST_PAGE_SIZE)
    expect(listedTitles(document)).toEqual(firstPage.map((a) => a.title))
    const first = firstPage[0]
    // Cards show the list index's excerpt: the opening of the summary.
    expect(screen.getByText(takeChars(first.summary, LIST_SUMMARY_LENGTH))).toBeInTheDocument()
    expect(screen.getAllByText(first.date).length).toBeGreaterThan(0)
    // 仅摘要 marks exactly the listed articles without full text.
    expect(screen.queryAllByText('仅摘要')).toHaveLength(firstPage.filter((a) => !a.fullText).length)
  })

  it('loads the next page near the bottom until 没有更多了', async () => {
    render(<HomePage />)
    expect(screen.getByText('加载中…')).toBeInTheDocument()
    await listIndexLoaded()
    for (let shown = LIST_PAGE_SIZE; shown < articles.length; shown += LIST_PAGE_SIZE) {
      expect(listedTitles(document)).toHaveLength(shown)
      act(() => taroTest.reachBottom())
    }
    expect(listedTitles(document)).toEqual(newestFirst(articles).map((a) => a.title))
    expect(screen.getByText('没有更多了')).toBeInTheDocument()
    expect(screen.queryByText('加载中…')).toBeNull()
    act(() => taroTest.reachBottom())
    expect(listedTitles(document)).toHaveLength(articles.length)
  })

  it('loads more from the keyboard too, and a new filter starts again at one page', async () => {
    render(<HomePage />)
    await listIndexLoaded()
    fireEvent.keyDown(screen.getByRole('button', { name: /^加载更多/ }), { key: 'Enter' })
    expect(listedTitles(document)).toHaveLength(Math.min(articles.length, 2 * LIST_PAGE_SIZE))
    fireEvent.click(tabs('topic').getByText('医保'))
    const withTopic = articles.filter((a) => a.topics.includes('医保'))
    expect(listedTitles(document)).toHaveLength(Math.min(withTopic.length, LIST_PAGE_SIZE))
  })

  it('offers 全部地区 plus every province with articles, most articles first, with counts, and 全部 plus every topic', () => {
    render(<HomePage />)
    const byCount = [...provinces]
      .map((p, index) => ({ province: p.province, count: inProvince(p.province).length, index }))
      .sort((a, b) => b.count - a.count || a.index - b.index)
    expect(tabs('region').getAllByRole('tab').map((t) => t.getAttribute('aria-label'))).toEqual([
      `全部地区，${articles.length} 篇`,
      ...byCount.map((p) => `${p.province}，${p.count} 篇`),
    ])
    expect(tabs('region').getByRole('tablist')).toHaveAttribute('aria-label', '地区')
    expect(tabs('topic').getAllByRole('tab').map((t) => t.textContent)).toEqual(['全部', ...TOPICS])
    for (const p of provinces) expect(p.province).not.toMatch(/[省市]$|自治区$/)
  })

  it('narrows by province, then by city, then by topic, updating the count each time', () => {
    const multiCity = provinces.find((p) => p.cities.length > 1)
    if (!multiCity) throw new Error('the dataset has no province with several cities')
    render(<HomePage />)
    expect(document.querySelector('[data-tabs="city"]')).toBeNull()

    fireEvent.click(tabs('region').getByText(multiCity.province))
    const provinceList = inProvince(multiCity.province)
    expect(screen.getByText(`共 ${provinceList.length} 篇`)).toBeInTheDocument()
    expect(listedTitles(document).sort()).toEqual(provinceList.map((a) => a.title).sort())

    // A second row of city tabs for a province with several cities.
    const cityCount = (c: string) => provinceList.filter((a) => a.region?.city === c).length
    const cityOrder = [...multiCity.cities].sort((a, b) => cityCount(b) - cityCount(a))
    expect(tabs('city').getAllByRole('tab').map((t) => t.getAttribute('aria-label'))).toEqual([
      `全${multiCity.province}，${provinceList.length} 篇`,
      ...cityOrder.map((c) => `${c}，${cityCount(c)} 篇`),
    ])
    const city = multiCity.cities[1]
    fireEvent.click(tabs('city').getByText(city))
    const cityList = provinceList.filter((a) => a.region?.city === city)
    expect(screen.getByText(`共 ${cityList.length} 篇`)).toBeInTheDocument()
    expect(listedTitles(document).sort()).toEqual(cityList.map((a) => a.title).sort())

    const topic = cityList[0].topics[0]
    fireEvent.click(tabs('topic').getByText(topic))
    const both = cityList.filter((a) => a.topics.includes(topic))
    expect(screen.getByText(`共 ${both.length} 篇`)).toBeInTheDocument()
    expect(tabs('topic').getByText(topic).closest('[role="tab"]')).toHaveAttribute('aria-selected', 'true')
  })

  it('does not offer a city row for a province with a single city', () => {
    const singleCity = provinces.find((p) => p.cities.length === 1)
    if (!singleCity) return
    render(<HomePage />)
    fireEvent.click(tabs('region').getByText(singleCity.province))
    expect(document.querySelector('[data-tabs="city"]')).toBeNull()
  })

  it('says so when a combination is empty and 清除筛选 brings everything back', () => {
    let combination: { province: string; topic: string } | undefined
    for (const p of provinces) {
      const topic = TOPICS.find((t) => !inProvince(p.province).some((a) => a.topics.includes(t)))
      if (topic) {
        combination = { province: p.province, topic }
        break
      }
    }
    if (!combination) throw new Error('every province has every topic: pick another empty case')
    render(<HomePage />)
    fireEvent.click(tabs('region').getByText(combination.province))
    fireEvent.click(tabs('topic').getByText(combination.topic))
    expect(screen.getByText('共 0 篇')).toBeInTheDocument()
    expect(screen.getByText('暂时没有符合条件的文章')).toBeInTheDocument()
    expect(listedTitles(document)).toHaveLength(0)

    fireEvent.click(screen.getByText('清除筛选'))
    expect(screen.getByText(`共 ${articles.length} 篇`)).toBeInTheDocument()
    expect(tabs('region').getByText('全部地区').closest('[role="tab"]')).toHaveAttribute('aria-selected', 'true')
    expect(screen.queryByText('清除筛选')).toBeNull()
  })

  it('opens the article a reader taps, by id in the URL', async () => {
    const home = render(<HomePage />)
    const target = newestFirst(articles)[3]
    fireEvent.click(screen.getByText(target.title))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/article/${target.id}/` })
    // The reader ends up on that article's page.
    followNavigation(home)
    // The detail page loads the article's shard first (src/data/index.ts loadArticle).
    await waitFor(() => expect(document.querySelector('.detail-article__title')).toHaveTextContent(target.title))
  })

  it('opens the search page from the search bar', async () => {
    const home = render(<HomePage />)
    fireEvent.click(screen.getByText('搜索医保、医院、疾病'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/search/' })
    expect(followNavigation(home).route).toBe('pages/search/index')
    // The search page loads its engine and index on first use (src/data/search.ts).
    expect(await screen.findByText('大家都在搜')).toBeInTheDocument()
  })

  it('keeps the chosen tabs when the page is shown again (back from an article)', () => {
    const province = provinces[provinces.length - 1].province
    const first = render(<HomePage />)
    fireEvent.click(tabs('region').getByText(province))
    fireEvent.click(tabs('topic').getByText('医保'))
    first.unmount()
    render(<HomePage />)
    expect(tabs('region').getByText(province).closest('[role="tab"]')).toHaveAttribute('aria-selected', 'true')
    expect(tabs('topic').getByText('医保').closest('[role="tab"]')).toHaveAttribute('aria-selected', 'true')
    const expected = inProvince(province).filter((a) => a.topics.includes('医保')).length
    expect(screen.getByText(`共 ${expected} 篇`)).toBeInTheDocument()
  })

  it('opens on the region and topic a link names, even still percent-encoded', () => {
    const province = provinces[0].province
    taroTest.setRoute('/pages/index/index', { province: encodeURIComponent(province), topic: encodeURIComponent('找医院') })
    render(<HomePage />)
    const expected = inProvince(province).filter((a) => a.topics.includes('找医院')).length
    expect(screen.getByText(`共 ${expected} 篇`)).toBeInTheDocument()
    expect(useAppStore.getState().filters).toEqual({ province, city: null, topic: '找医院' })
  })

  it('ignores a link naming a place or topic that does not exist', () => {
    taroTest.setRoute('/pages/index/index', { province: '%E7%81%AB%E6%98%9F', topic: '%' })
    render(<HomePage />)
    expect(screen.getByText(`共 ${articles.length} 篇`)).toBeInTheDocument()
  })

  it('shows both disclaimers and opens 我的 (favourites, history, text size) in one tap', () => {
    render(<HomePage />)
    expect(screen.getByText(/不能代替面诊/)).toBeInTheDocument()
    expect(screen.getByText(/整理自互联网公开渠道/)).toBeInTheDocument()
    act(() => {
      fireEvent.click(screen.getByRole('link', { name: /^我的/ }))
    })
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/mine/' })
  })

  it('sizes its text from the saved step', () => {
    act(() => useAppStore.getState().setTextStep(3))
    render(<HomePage />)
    const root = document.querySelector('.hn-page') as HTMLElement
    expect(root).toHaveClass('hn-page--step-3')
    expect(root.style.getPropertyValue('--hn-fs')).toBe('28px')
    expect(root.style.getPropertyValue('--hn-tap')).toBe('73px')
  })
})

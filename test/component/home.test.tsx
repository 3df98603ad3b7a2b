import { act, fireEvent, render, screen, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import HomePage from '../../src/pages/index/index'
import { TOPICS } from '../../src/core/article'
import { LIST_SUMMARY_LENGTH } from '../../src/core/catalog'
import { takeChars } from '../../src/core/text'
import { articles, provinces } from '../../src/data/dataset'
import { useAppStore } from '../../src/stores/appStore'
import { taroTest } from '../stubs/taro'
import { listedTitles, resetStore } from './support'

beforeEach(resetStore)

const tabs = (name: string) => within(document.querySelector(`[data-tabs="${name}"]`) as HTMLElement)
const inProvince = (province: string) => articles.filter((a) => a.region?.province === province)

describe('home page', () => {
  it('lists every article with its count, excerpt, date and region', () => {
    render(<HomePage />)
    expect(screen.getByText(`共 ${articles.length} 篇`)).toBeInTheDocument()
    expect(listedTitles(document)).toHaveLength(articles.length)
    const first = articles[0]
    expect(screen.getByText(first.title)).toBeInTheDocument()
    // Cards show the list index's excerpt: the opening of the summary.
    expect(screen.getByText(takeChars(first.summary, LIST_SUMMARY_LENGTH))).toBeInTheDocument()
    expect(screen.getAllByText(first.date).length).toBeGreaterThan(0)
    // 仅摘要 marks exactly the articles without full text.
    expect(screen.getAllByText('仅摘要')).toHaveLength(articles.filter((a) => !a.fullText).length)
  })

  it('offers 全国 plus every province by its short name, in the data order, and 全部 plus every topic', () => {
    render(<HomePage />)
    expect(tabs('region').getAllByRole('tab').map((t) => t.textContent)).toEqual(['全国', ...provinces.map((p) => p.province)])
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
    expect(tabs('city').getAllByRole('tab').map((t) => t.textContent)).toEqual([`全${multiCity.province}`, ...multiCity.cities])
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
    expect(tabs('region').getByText('全国').closest('[role="tab"]')).toHaveAttribute('aria-selected', 'true')
    expect(screen.queryByText('清除筛选')).toBeNull()
  })

  it('opens the article a reader taps, by id in the URL', () => {
    render(<HomePage />)
    const target = articles[3]
    fireEvent.click(screen.getByText(target.title))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/pages/detail/index?id=${target.id}` })
  })

  it('opens the search page from the search bar', () => {
    render(<HomePage />)
    fireEvent.click(screen.getByText('搜索医保、医院、疾病'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/search/index' })
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

  it('shows both disclaimers and switches to large text', () => {
    render(<HomePage />)
    expect(screen.getByText(/不能代替面诊/)).toBeInTheDocument()
    expect(screen.getByText(/整理自互联网公开渠道/)).toBeInTheDocument()
    act(() => {
      fireEvent.click(screen.getByText('大字'))
    })
    expect(document.querySelector('.hn-page')).toHaveClass('hn-page--large')
    expect(screen.getByText('标准字')).toBeInTheDocument()
  })
})

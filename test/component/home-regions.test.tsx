// The region choice on home with the packaged articles: the 更多地区 picker (every province with
// its cities and counts), keyboard use, the way back to 全部地区, and the chosen region restored
// from a link and from saved state.
import { act, fireEvent, render, screen, within } from '@testing-library/react'
import HomePage from '../../src/pages/index/index'
import { articles, provinces } from '../../src/data/dataset'
import { STORE_KEY, useAppStore } from '../../src/stores/appStore'
import { taroTest } from '../stubs/taro'
import { listIndexLoaded, listedTitles, resetStore } from './support'

beforeEach(resetStore)

const picker = () => within(screen.getByRole('dialog', { name: '选择地区' }))
const openPicker = () => fireEvent.click(screen.getByRole('button', { name: /^更多地区/ }))
const inPlace = (province: string, city?: string) =>
  articles.filter((a) => a.region?.province === province && (city === undefined || a.region.city === city))
const withCity = provinces.find((p) => p.cities.length > 0)!
const cityOf = withCity.cities[withCity.cities.length - 1]

describe('更多地区', () => {
  it('lists 全部地区 and every province with its count, in gazetteer order, and hides the list meanwhile', () => {
    render(<HomePage />)
    openPicker()
    expect(picker().getByRole('button', { name: `全部地区，${articles.length} 篇` })).toBeInTheDocument()
    const rows = picker()
      .getAllByRole('listitem')
      .map((item) => item.getAttribute('data-province'))
    expect(rows).toEqual(provinces.map((p) => p.province))
    for (const p of provinces) {
      const count = inPlace(p.province).length
      expect(picker().getByRole('button', { name: new RegExp(`^${p.province}，${count} 篇`) })).toBeInTheDocument()
    }
    // Home waits underneath, hidden from sight and from screen readers.
    expect(document.querySelector('.home__content')).toHaveAttribute('aria-hidden', 'true')
    expect(document.querySelector('.home__content')).toHaveClass('home__content--hidden')
  })

  it('opens a province to its cities, and choosing a city lists exactly its articles', () => {
    render(<HomePage />)
    openPicker()
    const row = picker().getByRole('button', { name: new RegExp(`^${withCity.province}，`) })
    expect(row).toHaveAttribute('aria-expanded', 'false')
    fireEvent.click(row)
    expect(row).toHaveAttribute('aria-expanded', 'true')
    const cities = within(picker().getByRole('group', { name: `${withCity.province}的城市` }))
    expect(cities.getAllByRole('button').map((b) => b.getAttribute('aria-label'))).toEqual([
      `${withCity.province}全省，${inPlace(withCity.province).length} 篇`,
      ...withCity.cities.map((c) => `${c}，${inPlace(withCity.province, c).length} 篇`),
    ])
    fireEvent.click(cities.getByText(cityOf))

    expect(screen.queryByRole('dialog')).toBeNull()
    const expected = inPlace(withCity.province, cityOf)
    expect(screen.getByText(`共 ${expected.length} 篇`)).toBeInTheDocument()
    expect(listedTitles(document).sort()).toEqual(expected.map((a) => a.title).sort())
    // The choice shows: its label above the list and the province tab selected.
    expect(document.querySelector('.home__region')).toHaveTextContent(`${withCity.province} · ${cityOf}`)
    const tab = document.querySelector(`[data-tabs="region"] [aria-label^="${withCity.province}，"]`)
    expect(tab).toHaveAttribute('aria-selected', 'true')
    expect(useAppStore.getState().filters).toMatchObject({ province: withCity.province, city: cityOf })
  })

  it('marks the current choice, and 全部地区 there brings every article back', () => {
    useAppStore.getState().applyFilters({ province: withCity.province, city: cityOf, topic: null })
    render(<HomePage />)
    openPicker()
    // The chosen province starts open, with the chosen city marked.
    expect(picker().getByRole('button', { name: new RegExp(`^${cityOf}，`) })).toHaveAttribute('aria-current', 'true')
    fireEvent.click(picker().getByRole('button', { name: /^全部地区/ }))
    expect(screen.getByText(`共 ${articles.length} 篇`)).toBeInTheDocument()
    expect(useAppStore.getState().filters.province).toBeNull()
  })

  it('counts only the chosen topic, and says so', async () => {
    useAppStore.getState().chooseTopic('医保')
    render(<HomePage />)
    await listIndexLoaded()
    openPicker()
    expect(picker().getByText('数字是各地「医保」类文章的篇数')).toBeInTheDocument()
    const total = articles.filter((a) => a.topics.includes('医保')).length
    expect(picker().getByRole('button', { name: `全部地区，${total} 篇` })).toBeInTheDocument()
  })

  it('works from the keyboard: focus moves in and back, Enter chooses, Escape closes', async () => {
    render(<HomePage />)
    await listIndexLoaded()
    const more = screen.getByRole('button', { name: /^更多地区/ })
    fireEvent.keyDown(more, { key: 'Enter' })
    expect(document.activeElement).toBe(picker().getByText('选择地区'))
    const noCity = provinces.find((p) => p.cities.length === 0)
    if (noCity) {
      // A province without cities is chosen at once.
      fireEvent.keyDown(picker().getByRole('button', { name: new RegExp(`^${noCity.province}，`) }), { key: ' ' })
      expect(screen.queryByRole('dialog')).toBeNull()
      expect(screen.getByText(`共 ${inPlace(noCity.province).length} 篇`)).toBeInTheDocument()
      expect(document.activeElement).toBe(screen.getByRole('button', { name: /^更多地区/ }))
      fireEvent.keyDown(screen.getByRole('button', { name: /^更多地区/ }), { key: 'Enter' })
    }
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' })
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(document.activeElement).toBe(screen.getByRole('button', { name: /^更多地区/ }))
    fireEvent.keyDown(screen.getByRole('button', { name: /^更多地区/ }), { key: 'Enter' })
    fireEvent.click(picker().getByRole('button', { name: '关闭，回到文章列表' }))
    expect(screen.queryByRole('dialog')).toBeNull()
  })

  it('every tab and picker option has an accessible name and takes keyboard focus', () => {
    render(<HomePage />)
    for (const tab of screen.getAllByRole('tab')) {
      expect(tab.getAttribute('aria-label') || tab.textContent).toBeTruthy()
      expect(tab).toHaveAttribute('tabindex', '0')
      expect(tab.closest('[role="tablist"]')).not.toBeNull()
    }
    openPicker()
    for (const button of picker().getAllByRole('button')) {
      expect(button).toHaveAttribute('aria-label')
      expect(button).toHaveAttribute('tabindex', '0')
    }
  })
})

describe('the chosen region is restored', () => {
  it('from a link naming a province and city, still percent-encoded', () => {
    taroTest.setRoute('/pages/index/index', { province: encodeURIComponent(withCity.province), city: encodeURIComponent(cityOf) })
    render(<HomePage />)
    expect(screen.getByText(`共 ${inPlace(withCity.province, cityOf).length} 篇`)).toBeInTheDocument()
    expect(document.querySelector('.home__region')).toHaveTextContent(`${withCity.province} · ${cityOf}`)
  })

  it('from a link naming only a city', () => {
    taroTest.setRoute('/pages/index/index', { city: encodeURIComponent(cityOf) })
    render(<HomePage />)
    expect(useAppStore.getState().filters).toMatchObject({ province: withCity.province, city: cityOf })
  })

  it('from saved state when the app reopens', async () => {
    taroTest.storage.set(
      STORE_KEY,
      JSON.stringify({ state: { filters: { province: withCity.province, city: cityOf, topic: null } }, version: 1 }),
    )
    await act(async () => {
      await useAppStore.persist.rehydrate()
    })
    render(<HomePage />)
    expect(screen.getByText(`共 ${inPlace(withCity.province, cityOf).length} 篇`)).toBeInTheDocument()
  })
})

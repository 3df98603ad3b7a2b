import { act, fireEvent, render, screen, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import MinePage from '../../src/pages/mine/index'
import { articles, disclaimers } from '../../src/data/dataset'
import { useAppStore } from '../../src/stores/appStore'
import { listIndexLoaded, resetStore } from './support'

beforeEach(resetStore)

const list = (name: string) => within(document.querySelector(`[data-list=${name}]`) as HTMLElement)
const [first, second] = articles

describe('我的 page', () => {
  it('lists 收藏 newest first; each can be removed or opened', () => {
    act(() => {
      useAppStore.getState().toggleFavorite(first)
      useAppStore.getState().toggleFavorite(second)
    })
    render(<MinePage />)
    const titles = Array.from(document.querySelectorAll('[data-list=favorites] .mine-entry__title')).map((el) => el.textContent)
    expect(titles).toEqual([second.title, first.title])
    fireEvent.click(list('favorites').getByText(first.title))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/article/${first.id}/` })
    fireEvent.click(list('favorites').getByRole('button', { name: `删除「${second.title}」` }))
    expect(useAppStore.getState().favorites.map((e) => e.id)).toEqual([first.id])
  })

  it('shows an article that left the data as 已下线, removable, without crashing', async () => {
    act(() => useAppStore.setState({ favorites: [{ id: 'gone000001', title: '一篇已经下线的文章', date: '2025-01-02', at: 1 }] }))
    render(<MinePage />)
    await listIndexLoaded()
    expect(list('favorites').getByText('已下线')).toBeInTheDocument()
    expect(list('favorites').getByText('一篇已经下线的文章')).toBeInTheDocument()
    fireEvent.click(list('favorites').getByRole('button', { name: '删除「一篇已经下线的文章」' }))
    expect(useAppStore.getState().favorites).toEqual([])
  })

  it('clears 最近浏览', () => {
    act(() => {
      useAppStore.getState().recordVisit(first)
      useAppStore.getState().recordVisit(second)
    })
    render(<MinePage />)
    expect(list('history').getByText('最近浏览（2）')).toBeInTheDocument()
    fireEvent.click(list('history').getByRole('button', { name: '清空最近浏览' }))
    expect(useAppStore.getState().history).toEqual([])
  })

  it('has the text-size control and 关于 with facts and both disclaimers from the data', async () => {
    render(<MinePage />)
    fireEvent.click(screen.getByRole('button', { name: '放大字号' }))
    expect(useAppStore.getState().textStep).toBe(1)
    expect(screen.getByText(`文章数量：${articles.length} 篇`)).toBeInTheDocument()
    // The source label comes from the newest article, fetched from its shard.
    expect(await screen.findByText(new RegExp(`^文章来源：.*${articles[0].source}`))).toBeInTheDocument()
    expect(screen.getByText(/^资料日期：\d{4}-\d{2}-\d{2}/)).toBeInTheDocument()
    expect(screen.getByText(disclaimers.medical)).toBeInTheDocument()
    expect(screen.getByText(disclaimers.sourceNotice)).toBeInTheDocument()
  })
})

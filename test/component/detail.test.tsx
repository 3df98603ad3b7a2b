import { fireEvent, render, screen, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import DetailPage from '../../src/pages/detail/index'
import { articles, disclaimers, getArticle } from '../../src/data/dataset'
import { loadAllArticles } from '../../src/data/index'
import * as shareFlow from '../../src/features/share/shareFlow'
import { useAppStore } from '../../src/stores/appStore'
import { taroTest } from '../stubs/taro'
import { followNavigation, listIndexLoaded, listedTitles, resetStore } from './support'

jest.mock('../../src/features/share/shareFlow', () => ({
  ...jest.requireActual('../../src/features/share/shareFlow'),
  shareArticle: jest.fn(() => Promise.resolve('copied')),
}))
const shareArticle = shareFlow.shareArticle as jest.Mock

// Articles load from their shard when the page opens; these tests start with the shards here.
// The loading and failure states have their own tests (data-loading.test.tsx).
beforeAll(() => loadAllArticles())

beforeEach(() => {
  resetStore()
  shareArticle.mockClear()
})

const structured = articles.find((a) => a.body?.some((b) => b.type === 'heading') && a.body.some((b) => b.type === 'listItem'))
const excerptOnly = articles.find((a) => !a.fullText && a.region)
if (!structured || !excerptOnly) throw new Error('the dataset lacks a structured full article or a regional excerpt')

/** The region and topic chips under the title (related cards below carry region chips too). */
const chips = () => within(document.querySelector('.detail-article__chips') as HTMLElement)

function openDetail(id: string, stack: string[] = ['pages/index/index', 'pages/detail/index']) {
  taroTest.setPageStack(stack)
  taroTest.setRoute('/pages/detail/index', { id })
  return render(<DetailPage />)
}

describe('detail page', () => {
  it('shows title, date, source and the body with its headings, list items and paragraphs', () => {
    openDetail(structured.id)
    expect(screen.getByText(structured.title)).toBeInTheDocument()
    const meta = within(document.querySelector('.detail-article__meta') as HTMLElement)
    expect(meta.getByText(structured.date)).toBeInTheDocument()
    expect(meta.getByText(`来源：${structured.source}`)).toBeInTheDocument()
    for (const block of structured.body!) {
      const [node] = screen.getAllByText(block.text)
      // Sub-headings sit one level under the title; list items are inside a list (WCAG 1.3.1).
      if (block.type === 'heading') expect(node.closest('[role="heading"]')?.getAttribute('aria-level')).toBe('2')
      if (block.type === 'listItem') expect(node.closest('[role="listitem"]')?.parentElement?.getAttribute('role')).toBe('list')
    }
    // One list for each run of consecutive items, holding exactly that run.
    const runs = structured.body!.reduce<number[]>((acc, block, i, all) => {
      if (block.type !== 'listItem') return acc
      if (i > 0 && all[i - 1].type === 'listItem') acc[acc.length - 1]++
      else acc.push(1)
      return acc
    }, [])
    const lists = Array.from(document.querySelectorAll('.article-body [role="list"]'))
    expect(lists.map((list) => list.querySelectorAll('[role="listitem"]').length)).toEqual(runs)
    expect(screen.queryByText('仅有摘要')).toBeNull()
  })

  it('shows the excerpt with a clear 仅有摘要 note when the source only had an excerpt', () => {
    openDetail(excerptOnly.id)
    expect(screen.getByText('仅有摘要')).toBeInTheDocument()
    expect(screen.getByText(excerptOnly.summary)).toBeInTheDocument()
  })

  it('shows both disclaimers in full', () => {
    openDetail(structured.id)
    expect(screen.getByText(disclaimers.medical)).toBeVisible()
    expect(screen.getByText(disclaimers.sourceNotice)).toBeVisible()
  })

  it('lists 相关推荐 from the data and opens one on tap', async () => {
    const page = openDetail(structured.id)
    await listIndexLoaded()
    const section = screen.getByText('相关推荐').parentElement as HTMLElement
    const related = structured.related.map((id) => getArticle(id)!)
    expect(listedTitles(section)).toEqual(related.map((a) => a.title))
    fireEvent.click(within(section).getByText(related[0].title))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/article/${related[0].id}/` })
    followNavigation(page)
    expect(document.querySelector('.detail-article__title')).toHaveTextContent(related[0].title)
  })

  it('replaces itself instead of overflowing the page stack after many related hops', async () => {
    openDetail(structured.id, Array.from({ length: 9 }, () => 'pages/detail/index'))
    await listIndexLoaded()
    const related = getArticle(structured.related[0])!
    fireEvent.click(within(screen.getByText('相关推荐').parentElement as HTMLElement).getByText(related.title))
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: `/article/${related.id}/` })
    expect(Taro.navigateTo).not.toHaveBeenCalled()
  })

  it('a region chip goes back to the home page filtered by that region', () => {
    openDetail(excerptOnly.id)
    const region = excerptOnly.region!
    const label = region.city ? `${region.province} · ${region.city}` : region.province
    fireEvent.click(chips().getByText(label))
    expect(useAppStore.getState().filters).toEqual({ province: region.province, city: region.city ?? null, topic: null })
    expect(Taro.navigateBack).toHaveBeenCalledWith({ delta: 1 })
  })

  it('a topic chip opens home filtered by that topic when the article was opened from a link', async () => {
    const page = openDetail(excerptOnly.id, ['pages/detail/index'])
    const topic = excerptOnly.topics[0]
    fireEvent.click(chips().getByText(topic))
    expect(useAppStore.getState().filters).toEqual({ province: null, city: null, topic })
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: `/?topic=${encodeURIComponent(topic)}` })
    // Home opens on that topic: only its articles are listed.
    followNavigation(page)
    await listIndexLoaded()
    const listed = listedTitles(document)
    expect(listed.length).toBe(articles.filter((a) => a.topics.includes(topic)).length)
    expect(listed).toContain(excerptOnly.title)
  })

  it('offers a visible way home only when it is the first page (opened from a shared link)', () => {
    const shared = openDetail(structured.id, ['pages/detail/index'])
    fireEvent.click(screen.getByText('返回首页'))
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/' })
    shared.unmount()
    openDetail(structured.id)
    expect(screen.queryByText('返回首页')).toBeNull()
  })

  it('has a footer with 首页 and 回到顶部', () => {
    openDetail(structured.id)
    fireEvent.click(screen.getByText('回到顶部'))
    expect(Taro.pageScrollTo).toHaveBeenCalledWith(expect.objectContaining({ scrollTop: 0 }))
    fireEvent.click(screen.getByText('首页'))
    expect(Taro.navigateBack).toHaveBeenCalledWith({ delta: 1 })
  })

  it('reads an id that arrives percent-encoded or padded', () => {
    openDetail(encodeURIComponent(` ${structured.id} `))
    expect(screen.getByText(structured.title)).toBeInTheDocument()
  })

  it.each([
    ['empty', ''],
    ['unknown', 'zzzzzzzzzz'],
    ['garbled', '%E4%B8%'],
    ['a bare %', '%'],
    ['prototype key', '__proto__'],
    ['script', '<script>alert(1)</script>'],
  ])('shows 没有找到这篇文章 with a way home for an %s id', async (_kind, id) => {
    openDetail(id)
    expect(await screen.findByText('没有找到这篇文章')).toBeInTheDocument()
    fireEvent.click(screen.getByText('返回首页'))
    expect(Taro.navigateBack).toHaveBeenCalledWith({ delta: 1 })
  })

  it('shows the not-found state when there is no id at all', () => {
    taroTest.setRoute('/pages/detail/index', {})
    render(<DetailPage />)
    expect(screen.getByText('没有找到这篇文章')).toBeInTheDocument()
  })

  it('forwards in WeChat with the article title and a path that reopens it', () => {
    openDetail(structured.id)
    expect(taroTest.shareAppMessage()).toMatchObject({ title: structured.title, path: `/pages/detail/index?id=${structured.id}&from=share` })
  })

  it('hands the article to the share feature from the 转发给家人 button (H5)', () => {
    openDetail(structured.id)
    fireEvent.click(screen.getByText('转发给家人'))
    expect(shareArticle).toHaveBeenCalledWith(structured)
  })
})

describe('detail page: 收藏, history, text size, date notice, 大字分享', () => {
  it('toggles 收藏 / 已收藏 and records the visit in 最近浏览', () => {
    openDetail(structured.id)
    expect(useAppStore.getState().history.map((e) => e.id)).toEqual([structured.id])
    fireEvent.click(screen.getByRole('button', { name: '收藏' }))
    expect(screen.getByRole('button', { name: '已收藏' })).toHaveAttribute('aria-pressed', 'true')
    expect(useAppStore.getState().favorites.map((e) => e.id)).toEqual([structured.id])
    fireEvent.click(screen.getByRole('button', { name: '已收藏' }))
    expect(useAppStore.getState().favorites).toEqual([])
  })

  it('steps the text size with A−/A+ and saves it', () => {
    openDetail(structured.id)
    const root = document.querySelector('.hn-page') as HTMLElement
    fireEvent.click(screen.getByRole('button', { name: '放大字号' }))
    fireEvent.click(screen.getByRole('button', { name: '放大字号' }))
    expect(useAppStore.getState().textStep).toBe(2)
    expect(root).toHaveClass('hn-page--step-2')
    expect(root.style.getPropertyValue('--hn-fs')).toBe('24px')
    fireEvent.click(screen.getByRole('button', { name: '缩小字号' }))
    expect(useAppStore.getState().textStep).toBe(1)
  })

  it('shows the date notice computed from the article date and today', () => {
    jest.useFakeTimers({ now: new Date(2026, 11, 1, 12), doNotFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] })
    try {
      openDetail(structured.id)
      expect(screen.getByText(`本文发布于 ${structured.date}，距今已超过 1 年，文中政策和费用可能已调整，请以当地医保局最新公告为准`)).toBeInTheDocument()
    } finally {
      jest.useRealTimers()
    }
  })

  it('shows no date notice for an article younger than a year', () => {
    const [y, m, d] = structured.date.split('-').map(Number)
    jest.useFakeTimers({ now: new Date(y, m - 1, d + 10, 12), doNotFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] })
    try {
      openDetail(structured.id)
      expect(screen.queryByText(/本文发布于/)).toBeNull()
    } finally {
      jest.useRealTimers()
    }
  })

  it('opens a 大字分享 link at the shared step and changes the saved step only when kept', () => {
    taroTest.setPageStack(['pages/detail/index'])
    taroTest.setRoute('/pages/detail/index', { id: structured.id, from: 'share', size: '3' })
    render(<DetailPage />)
    const root = document.querySelector('.hn-page') as HTMLElement
    expect(root).toHaveClass('hn-page--step-3')
    expect(useAppStore.getState().textStep).toBe(0)
    fireEvent.click(screen.getByRole('button', { name: '用我原来的字号' }))
    expect(root).toHaveClass('hn-page--step-0')
    expect(useAppStore.getState().textStep).toBe(0)
  })

  it('keeps the shared step when the reader chooses to', () => {
    taroTest.setPageStack(['pages/detail/index'])
    taroTest.setRoute('/pages/detail/index', { id: structured.id, from: 'share', size: '2' })
    render(<DetailPage />)
    fireEvent.click(screen.getByRole('button', { name: '以后都用这个字号' }))
    expect(useAppStore.getState().textStep).toBe(2)
    expect(screen.queryByRole('button', { name: '以后都用这个字号' })).toBeNull()
  })

  it('ignores a size param that is not a step', () => {
    taroTest.setRoute('/pages/detail/index', { id: structured.id, size: '9' })
    render(<DetailPage />)
    expect(document.querySelector('.hn-page')).toHaveClass('hn-page--step-0')
  })

  it('the link of 转发给家人 carries the 大字分享 step chosen under the article', () => {
    openDetail(structured.id)
    fireEvent.click(screen.getByRole('radio', { name: '超大' }))
    fireEvent.click(screen.getByText('转发给家人'))
    expect(shareArticle).toHaveBeenCalledWith(expect.objectContaining({ id: structured.id }), 3)
  })
})

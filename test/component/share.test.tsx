// The share components as a reader meets them in a browser (the H5 variant of the platform
// layer runs here): 转发给家人 falls back to copying, WeChat's browser gets the ··· guide, the
// poster sheet says so when the picture cannot be drawn, and the landing banner leads home.
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { Article } from '../../src/core/article'
import { articles } from '../../src/data/dataset'
import ShareActions from '../../src/features/share/components/ShareActions'
import SharedLandingBanner from '../../src/features/share/components/SharedLandingBanner'
import TimelineSinglePageNotice from '../../src/features/share/components/TimelineSinglePageNotice'
import { useShareGuide } from '../../src/features/share/shareGuideState'
import { articleShareMessage } from '../../src/features/share/shareMessages'
import { DEFAULT_SHARE_CARD_URL } from '../../src/features/share/defaultCard'
// The spy goes on the variant: share.ts re-exports it through read-only bindings.
import * as sharePlatform from '../../src/platform/share.h5'
import { taroTest } from '../stubs/taro'

const article = articles.find((a) => a.fullText) as Article
const realUserAgent = navigator.userAgent

function setUserAgent(ua: string) {
  Object.defineProperty(window.navigator, 'userAgent', { configurable: true, get: () => ua })
}

function setClipboard(writeText: ((text: string) => Promise<void>) | undefined) {
  Object.defineProperty(window.navigator, 'clipboard', { configurable: true, value: writeText ? { writeText } : undefined })
}

beforeEach(() => {
  setUserAgent(realUserAgent)
  setClipboard(undefined)
  useShareGuide.setState({ visible: false, clipboard: '' })
  // jsdom has no canvas: drawing fails the way it does on a device without Canvas 2D.
  jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null)
})

afterEach(() => jest.restoreAllMocks())

describe('转发给家人 in a browser', () => {
  it('copies title and link when there is no Web Share API, and says so', async () => {
    const writeText = jest.fn(() => Promise.resolve())
    setClipboard(writeText)
    render(<ShareActions article={article} />)
    fireEvent.click(screen.getByText('转发给家人'))
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '链接已复制,可以粘贴发给家人' })))
    const copied = (writeText.mock.calls[0] as unknown as [string])[0]
    expect(copied).toContain(article.title)
    expect(copied).toContain(`/article/${article.id}/?from=share`)
  })

  it('shows the link to copy by hand when the browser refuses the clipboard', async () => {
    setClipboard(() => Promise.reject(new Error('NotAllowedError')))
    render(<ShareActions article={article} />)
    fireEvent.click(screen.getByText('转发给家人'))
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalled())
    const modal = (Taro.showModal as jest.Mock).mock.calls[0][0] as { title: string; content: string }
    expect(modal.title).toBe('请手动复制链接')
    expect(modal.content).toContain(`/article/${article.id}/`)
  })

  it("inside WeChat's browser points at the ··· menu instead, and can be dismissed", async () => {
    setUserAgent('Mozilla/5.0 (iPhone) AppleWebKit/605.1.15 MicroMessenger/8.0.50')
    render(<ShareActions article={article} />)
    fireEvent.click(screen.getByText('转发给家人'))
    expect(await screen.findByText('点击右上角 ··· 发送给朋友')).toBeInTheDocument()
    expect(Taro.showToast).not.toHaveBeenCalled()
    fireEvent.click(screen.getByText('我知道了'))
    expect(screen.queryByText('点击右上角 ··· 发送给朋友')).not.toBeInTheDocument()
  })
})

describe('生成分享图', () => {
  it('opens the sheet and says clearly when the picture cannot be drawn', async () => {
    render(<ShareActions article={article} />)
    fireEvent.click(screen.getByText('生成分享图'))
    expect(screen.getByText('正在生成分享图…')).toBeInTheDocument()
    // The drawing code is loaded on demand (a dynamic import): allow for a busy machine.
    expect(await screen.findByText(/分享图没有生成成功/, undefined, { timeout: 5000 })).toBeInTheDocument()
    // Nothing to save yet: the save button stays disabled.
    expect(screen.getByText('下载图片').closest('button')).toBeDisabled()
    fireEvent.click(screen.getByText('关闭'))
    expect(screen.queryByText('分享图')).not.toBeInTheDocument()
  })
})

describe('landing from a share', () => {
  it('offers the home page when opened from a share or Moments, and leads there', () => {
    // Opened from a shared link: the article is the only page.
    taroTest.setPageStack(['pages/detail/index'])
    const { rerender } = render(<SharedLandingBanner from='share' />)
    fireEvent.click(screen.getByText('打开首页看更多健康资讯'))
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/' })
    rerender(<SharedLandingBanner from='timeline' />)
    expect(screen.getByText('打开首页看更多健康资讯')).toBeInTheDocument()
  })

  it('stays away when the article was opened inside the app', () => {
    render(<SharedLandingBanner from='' />)
    expect(screen.queryByText('打开首页看更多健康资讯')).not.toBeInTheDocument()
  })

  it('the Moments notice only appears in single-page mode (never in a browser)', () => {
    const { container, unmount } = render(<TimelineSinglePageNotice />)
    expect(container).toBeEmptyDOMElement()
    unmount()
    // The mini-program's single-page mode, as share.weapp.ts reports it for scene 1154.
    jest.spyOn(sharePlatform, 'isMomentsSinglePage').mockReturnValue(true)
    render(<TimelineSinglePageNotice />)
    expect(screen.getByText(/点击下方「前往小程序」/)).toBeInTheDocument()
  })
})

describe('share message in a browser', () => {
  it('is the article title and share path, and draws nothing (browsers share links, not cards)', () => {
    const getContext = HTMLCanvasElement.prototype.getContext as unknown as jest.Mock
    const message = articleShareMessage(article)
    expect(message).toEqual({ title: article.title, path: `/pages/detail/index?id=${article.id}&from=share`, imageUrl: DEFAULT_SHARE_CARD_URL })
    expect(getContext).not.toHaveBeenCalled()
  })
})

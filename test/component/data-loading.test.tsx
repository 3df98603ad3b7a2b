// What a reader sees while an article's shard or the search engine is on its way, and when it
// cannot load (offline, a failed subpackage download): words, and a way to try again.
import { fireEvent, render, screen } from '@testing-library/react'
import DetailPage from '../../src/pages/detail/index'
import SearchPage from '../../src/pages/search/index'
import { articles } from '../../src/data/dataset'
import { taroTest } from '../stubs/taro'
import { resetStore } from './support'

jest.mock('../../src/data/loader', () => {
  const actual = jest.requireActual('../../src/data/loader')
  return { ...actual, loadDataFile: jest.fn(actual.loadDataFile), actualLoadDataFile: actual.loadDataFile }
})
// eslint-disable-next-line @typescript-eslint/no-require-imports
const loader = require('../../src/data/loader') as { loadDataFile: jest.Mock; actualLoadDataFile: (name: string) => Promise<unknown> }

/** The next `times` loads fail like a download that never arrives; later ones work. */
function failNextLoads(times: number) {
  let left = times
  loader.loadDataFile.mockImplementation((name: string) => {
    if (left-- > 0) return Promise.reject(new Error(`download of ${name} failed`))
    return loader.actualLoadDataFile(name)
  })
}

beforeEach(() => {
  resetStore()
  loader.loadDataFile.mockImplementation(loader.actualLoadDataFile)
})

const article = articles.find((a) => a.fullText)!

function openDetail(id: string) {
  taroTest.setPageStack(['pages/index/index', 'pages/detail/index'])
  taroTest.setRoute('/pages/detail/index', { id })
  return render(<DetailPage />)
}

describe('article page while its shard loads', () => {
  it('says 加载失败 with 重试 when the shard cannot load, and shows the article after 重试', async () => {
    failNextLoads(1)
    openDetail(article.id)
    expect(screen.getByText('正在打开文章…')).toBeInTheDocument()
    expect(await screen.findByText('加载失败')).toBeInTheDocument()
    expect(screen.queryByText(article.title)).toBeNull()
    fireEvent.click(screen.getByText('重试'))
    expect(await screen.findByText(article.title)).toBeInTheDocument()
    expect(screen.queryByText('加载失败')).toBeNull()
  })

  it('says 正在打开文章… first, then shows the article: never a blank page', async () => {
    const other = articles.find((a) => a.id !== article.id && !a.fullText)!
    openDetail(other.id)
    expect(await screen.findByText(other.title)).toBeInTheDocument()
  })
})

describe('search page while its engine loads', () => {
  it('says 加载失败 with 重试 when the index cannot load, then works after 重试', async () => {
    failNextLoads(1)
    taroTest.setPageStack(['pages/index/index', 'pages/search/index'])
    taroTest.setRoute('/pages/search/index', { q: '朔州' })
    render(<SearchPage />)
    expect(await screen.findByText('加载失败')).toBeInTheDocument()
    fireEvent.click(screen.getByText('重试'))
    expect(await screen.findByText(/找到 \d+ 篇相关文章/)).toBeInTheDocument()
  })
})

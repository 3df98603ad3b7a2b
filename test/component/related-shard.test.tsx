// An article's related list comes from the related shard of its region, read before the page
// draws the article: the related section is there with the article, never late. A damaged or
// missing related shard costs only that section. (Its own file: the related shard must not be
// loaded by another test of the same module registry first.)
import { render, screen } from '@testing-library/react'
import DetailPage from '../../src/pages/detail/index'
import { articles } from '../../src/data/dataset'
import { taroTest } from '../stubs/taro'
import { resetStore } from './support'

jest.mock('../../src/data/loader', () => {
  const actual = jest.requireActual('../../src/data/loader')
  return { ...actual, loadDataFile: jest.fn(actual.loadDataFile), actualLoadDataFile: actual.loadDataFile }
})
// eslint-disable-next-line @typescript-eslint/no-require-imports
const loader = require('../../src/data/loader') as { loadDataFile: jest.Mock; actualLoadDataFile: (name: string) => Promise<unknown> }

const article = articles.find((a) => a.fullText && a.related.length > 0)!

function openDetail(id: string) {
  taroTest.setPageStack(['pages/index/index', 'pages/detail/index'])
  taroTest.setRoute('/pages/detail/index', { id })
  return render(<DetailPage />)
}

beforeEach(() => resetStore())

it('a damaged related shard: the article opens without 相关推荐, the reader sees no error, developers get a report', async () => {
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined)
  loader.loadDataFile.mockImplementation((name: string) => (name.startsWith('related-') ? Promise.resolve('<html>') : loader.actualLoadDataFile(name)))
  const { unmount } = openDetail(article.id)
  expect(await screen.findByText(article.title)).toBeInTheDocument()
  expect(screen.queryByText('相关推荐')).toBeNull()
  expect(screen.queryByText('加载失败')).toBeNull()
  expect(warn.mock.calls.map((call) => String(call[0])).join('\n')).toMatch(/the related shard related-\d{3} cannot be read/)
  warn.mockRestore()
  unmount()
})

it('with the related shard readable again, the next opening shows 相关推荐 with the article, in the same render', async () => {
  loader.loadDataFile.mockImplementation(loader.actualLoadDataFile)
  openDetail(article.id)
  expect(await screen.findByText(article.title)).toBeInTheDocument()
  expect(screen.getByText('相关推荐')).toBeInTheDocument()
})

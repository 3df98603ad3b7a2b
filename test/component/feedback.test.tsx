// 纠错 on H5: with FEEDBACK_URL set the article page offers 内容有误？去反馈, a link to the form
// (or mail) filled in with the article's title and address; unset, nothing is shown. A title
// full of markup reaches the form as text, percent-encoded in the address, never as markup.
import { render, screen } from '@testing-library/react'
import DetailPage from '../../src/pages/detail/index'
import FeedbackLink from '../../src/components/FeedbackLink'
import { articles } from '../../src/data/dataset'
import { loadAllArticles } from '../../src/data/index'
import { taroTest } from '../stubs/taro'
import { resetStore } from './support'

const global = globalThis as { FEEDBACK_URL?: string }
const article = articles[0]
const HOSTILE = '<img src=x onerror="alert(1)">医保&报销?url=https://evil.example/#"\'</a>'

beforeAll(() => loadAllArticles())
beforeEach(() => resetStore())
afterEach(() => {
  delete global.FEEDBACK_URL
})

function openArticle() {
  taroTest.setPageStack(['pages/index/index', 'pages/detail/index'])
  taroTest.setRoute('/pages/detail/index', { id: article.id })
  return render(<DetailPage />)
}

test('without FEEDBACK_URL the article page shows no 纠错 at all', () => {
  openArticle()
  expect(screen.getByText(article.title)).toBeInTheDocument()
  expect(screen.queryByText('内容有误？去反馈')).toBeNull()
  expect(document.querySelector('.feedback')).toBeNull()
})

test('an unusable setting (not https, not mailto) shows nothing either', () => {
  for (const setting of ['http://forms.example.org/f', 'javascript:alert(1)', 'forms.example.org', 'mailto:', '  ']) {
    global.FEEDBACK_URL = setting
    const { unmount } = render(<FeedbackLink title={article.title} url='https://example.org/article/x/' />)
    expect(screen.queryByText('内容有误？去反馈')).toBeNull()
    unmount()
  }
})

test('with an https form, the article page links to it with the article\'s title and address, near the disclaimers', () => {
  global.FEEDBACK_URL = 'https://forms.example.org/report?lang=zh'
  openArticle()
  const link = screen.getByRole('link', { name: '内容有误？去反馈' })
  const href = new URL(link.getAttribute('href') as string)
  expect(`${href.origin}${href.pathname}`).toBe('https://forms.example.org/report')
  expect(href.searchParams.get('lang')).toBe('zh')
  expect(href.searchParams.get('title')).toBe(article.title)
  expect(href.searchParams.get('url')).toMatch(new RegExp(`/article/${article.id}/$`))
  expect(link.getAttribute('target')).toBe('_blank')
  expect(link.getAttribute('rel')).toContain('noopener')
  // Right after the disclaimers.
  expect(document.querySelector('.disclaimer')?.nextElementSibling?.contains(link)).toBe(true)
})

test('a hostile title is carried as encoded text: no markup, no extra parameter', () => {
  global.FEEDBACK_URL = 'https://forms.example.org/report'
  render(<FeedbackLink title={HOSTILE} url='https://example.org/article/abc/' />)
  const link = screen.getByRole('link', { name: '内容有误？去反馈' })
  const raw = link.getAttribute('href') as string
  expect(raw).not.toMatch(/[<>"' ]/)
  const href = new URL(raw)
  expect(href.searchParams.get('title')).toBe(HOSTILE)
  expect(href.searchParams.get('url')).toBe('https://example.org/article/abc/')
  expect([...href.searchParams.keys()].sort()).toEqual(['title', 'url'])
  expect(document.querySelector('img')).toBeNull()
})

test('with a mailto: address, the mail gets the title as subject and the title and address in its body', () => {
  global.FEEDBACK_URL = 'mailto:jiucuo@example.org'
  render(<FeedbackLink title={HOSTILE} url='https://example.org/article/abc/' />)
  const raw = screen.getByRole('link', { name: '内容有误？去反馈' }).getAttribute('href') as string
  expect(raw.startsWith('mailto:jiucuo@example.org?')).toBe(true)
  expect(raw).not.toMatch(/[<>"' \n]/)
  const query = new URLSearchParams(raw.slice(raw.indexOf('?') + 1))
  expect([...query.keys()]).toEqual(['subject', 'body'])
  expect(query.get('subject')).toBe(`内容有误：${HOSTILE}`)
  expect(query.get('body')).toContain(HOSTILE)
  expect(query.get('body')).toContain('https://example.org/article/abc/')
})

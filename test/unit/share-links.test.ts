import { decodeParam } from '../../src/core/params'
import { articles } from '../../src/data/dataset'
import { articleLinkShare, clipboardText } from '../../src/features/share/articleShare'
import {
  articleH5Url,
  articleSharePath,
  articleTimelineQuery,
  homeListShare,
  searchShare,
  shareOriginOf,
} from '../../src/features/share/links'

const BASE = 'https://health.example.org/h5/'

describe('share links', () => {
  const article = articles[0]

  it('share path opens the article and marks the share', () => {
    const path = articleSharePath(article.id)
    expect(path).toBe(`/pages/detail/index?id=${article.id}&from=share`)
  })

  it('Moments query carries the id and marks Moments', () => {
    const query = new URLSearchParams(articleTimelineQuery(article.id))
    expect(query.get('id')).toBe(article.id)
    expect(query.get('from')).toBe('timeline')
  })

  it('H5 link = base URL + hash route of the article', () => {
    expect(articleH5Url(article.id, BASE)).toBe(`${BASE}#/pages/detail/index?id=${article.id}&from=share`)
    // A base without trailing slash or with a stray hash still gives one clean link.
    expect(articleH5Url('abc', 'https://a.example/app#/x')).toBe('https://a.example/app/#/pages/detail/index?id=abc&from=share')
  })

  it('大字分享: the share path, Moments query, H5 link and copied link carry the step (1-3 only)', () => {
    expect(articleSharePath(article.id, 2)).toBe(`/pages/detail/index?id=${article.id}&from=share&size=2`)
    expect(new URLSearchParams(articleTimelineQuery(article.id, 3)).get('size')).toBe('3')
    expect(articleH5Url(article.id, BASE, 1)).toBe(`${BASE}#/pages/detail/index?id=${article.id}&from=share&size=1`)
    expect(articleLinkShare(article, BASE, 3).url).toBe(articleH5Url(article.id, BASE, 3))
    // 标准 or no step: the reader's own size, nothing added.
    expect(articleSharePath(article.id, 0)).toBe(articleSharePath(article.id))
    expect(articleSharePath(article.id, null)).toBe(articleSharePath(article.id))
  })

  it('reads only known share origins', () => {
    expect(shareOriginOf('share')).toBe('share')
    expect(shareOriginOf('timeline')).toBe('timeline')
    expect(shareOriginOf('')).toBeNull()
    expect(shareOriginOf('<script>')).toBeNull()
    expect(shareOriginOf(undefined)).toBeNull()
  })

  it('link share: title, a short opening line and the H5 link', () => {
    const share = articleLinkShare(article, BASE)
    expect(share.title).toBe(article.title)
    expect(share.url).toBe(articleH5Url(article.id, BASE))
    expect(Array.from(share.text).length).toBeLessThanOrEqual(61)
    expect(article.summary.replace(/\s+/g, ' ')).toContain(share.text.replace('…', ''))
    expect(clipboardText(share.title, share.url)).toBe(`【健康资讯】${article.title}\n${share.url}`)
  })
})

describe('list shares (home and search)', () => {
  it('a filtered home reopens with the same filter', () => {
    const share = homeListShare({ province: '新疆', city: '双河', topic: '医保' })
    expect(share.path.startsWith('/pages/index/index?')).toBe(true)
    const query = new URLSearchParams(share.query)
    expect(query.get('province')).toBe('新疆')
    expect(query.get('city')).toBe('双河')
    expect(query.get('topic')).toBe('医保')
    expect(share.title).toContain('新疆双河')
    expect(share.title).toContain('医保')
  })

  it('an unfiltered home shares the home page with the app title', () => {
    const share = homeListShare({ province: null, city: null, topic: null })
    expect(share.path).toBe('/pages/index/index')
    expect(share.query).toBe('')
    expect(share.title).toContain('健康资讯')
  })

  it('never puts a city in the link without its province', () => {
    expect(homeListShare({ city: '双河' }).path).toBe('/pages/index/index')
  })

  it('a search share reopens the same search, encoded once', () => {
    const share = searchShare('  扬州 断缴&x=1 ')
    expect(share.path.startsWith('/pages/search/index?q=')).toBe(true)
    expect(decodeParam(new URLSearchParams(share.query).get('q') === null ? '' : share.query.split('q=')[1])).toBe('扬州 断缴&x=1')
    expect(share.title).toContain('扬州 断缴')
    expect(searchShare('   ').path).toBe('/pages/search/index')
    expect(searchShare('a'.repeat(500)).title.length).toBeLessThan(70)
  })
})

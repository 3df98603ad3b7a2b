import { decodeParam } from '../../src/core/params'
import { detailRoute, h5Url, homeRoute, isRouteOf, mineRoute, publicPath, routeKey, routeOfPublicPath, searchRoute } from '../../src/core/routes'

describe('routes', () => {
  it('builds the detail route with the id as its only param', () => {
    expect(detailRoute('cjp5g3dra2')).toBe('/pages/detail/index?id=cjp5g3dra2')
  })

  it('encodes what it puts in a URL, and params.ts decodes it back', () => {
    const route = searchRoute('扬州 断缴&x=1')
    expect(route).toMatch(/^\/pages\/search\/index\?q=[^&]+$/)
    expect(decodeParam(route.split('q=')[1])).toBe('扬州 断缴&x=1')
  })

  it('leaves empty params out', () => {
    expect(searchRoute()).toBe('/pages/search/index')
    expect(searchRoute('   ')).toBe('/pages/search/index')
    expect(homeRoute()).toBe('/pages/index/index')
    expect(homeRoute({ province: null, city: null, topic: null })).toBe('/pages/index/index')
  })

  it('puts home filters in the URL, never a city without its province', () => {
    const route = homeRoute({ province: '新疆', city: '双河', topic: '医保' })
    const query = new URLSearchParams(route.split('?')[1])
    expect(query.get('province')).toBe('新疆')
    expect(query.get('city')).toBe('双河')
    expect(query.get('topic')).toBe('医保')
    expect(homeRoute({ city: '双河' })).toBe('/pages/index/index')
  })

  it('recognises a page from a stack route or a full path', () => {
    expect(routeKey('/pages/detail/index?id=x')).toBe('pages/detail/index')
    expect(isRouteOf('home', 'pages/index/index')).toBe(true)
    expect(isRouteOf('home', '/pages/index/index?topic=医保')).toBe(true)
    expect(isRouteOf('home', 'pages/detail/index')).toBe(false)
    expect(isRouteOf('home', undefined)).toBe(false)
  })

  it('builds the public H5 link at the page\'s real address', () => {
    expect(h5Url('https://example.org/app/', detailRoute('abc'))).toBe('https://example.org/app/article/abc/')
    expect(h5Url('https://example.org/app', '/pages/index/index')).toBe('https://example.org/app/')
    expect(h5Url('https://example.org/#/old', searchRoute('医保'))).toBe(`https://example.org/search/?q=${encodeURIComponent('医保')}`)
    expect(h5Url('https://example.org/', homeRoute({ topic: '医保' }))).toBe(`https://example.org/?topic=${encodeURIComponent('医保')}`)
    expect(h5Url('https://example.org/app/', mineRoute())).toBe('https://example.org/app/mine/')
    // Not a page of the app: the page path stays (the H5 router shows 没有找到).
    expect(publicPath('/pages/nope/index?x=1')).toBe('pages/nope/index?x=1')
  })

  it('maps real addresses and old hash routes back to page routes', () => {
    expect(routeOfPublicPath('article/abc/', 'from=share')).toBe('/pages/detail/index?id=abc&from=share')
    expect(routeOfPublicPath('')).toBe('/pages/index/index')
    expect(routeOfPublicPath('index.html', 'topic=x')).toBe('/pages/index/index?topic=x')
    expect(routeOfPublicPath('search/', 'q=1')).toBe('/pages/search/index?q=1')
    expect(routeOfPublicPath('mine/')).toBe('/pages/mine/index')
    expect(routeOfPublicPath('pages/mine/index')).toBe('/pages/mine/index')
    expect(routeOfPublicPath('pages/detail/index', 'id=x')).toBe('/pages/detail/index?id=x')
    expect(routeOfPublicPath('pages/nope/index')).toBeNull()
    expect(routeOfPublicPath('article/x y/')).toBeNull()
  })

  it('recognises H5 stack paths, with or without a base path', () => {
    expect(isRouteOf('home', '/')).toBe(true)
    expect(isRouteOf('home', '/health/')).toBe(true)
    expect(isRouteOf('home', '/article/abc/')).toBe(false)
    expect(isRouteOf('search', '/health/search/')).toBe(true)
    expect(isRouteOf('home', '/search/')).toBe(false)
    expect(isRouteOf('detail', '/health/article/abc/?from=share')).toBe(true)
    expect(isRouteOf('detail', '/search/')).toBe(false)
    expect(isRouteOf('mine', '/health/mine/')).toBe(true)
    expect(isRouteOf('home', '/mine/')).toBe(false)
  })
})

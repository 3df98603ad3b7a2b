import { decodeParam } from '../../src/core/params'
import { detailRoute, h5Url, homeRoute, isRouteOf, routeKey, searchRoute } from '../../src/core/routes'

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

  it('builds the public H5 link with hash routing', () => {
    expect(h5Url('https://example.org/app/', detailRoute('abc'))).toBe('https://example.org/app/#/pages/detail/index?id=abc')
    expect(h5Url('https://example.org/app', '/pages/index/index')).toBe('https://example.org/app/#/pages/index/index')
    expect(h5Url('https://example.org/#/old', 'pages/index/index')).toBe('https://example.org/#/pages/index/index')
  })
})

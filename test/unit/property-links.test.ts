// Link building from any id, query or filter: every route and share link parses back to the
// values it was built from (through the same decoding the pages use), and never throws.
import { decodeParam } from '../../src/core/params'
import { detailRoute, h5Url, homeRoute, isRouteOf, PAGE_PATHS, routeOfPublicPath, searchRoute } from '../../src/core/routes'
import { articleH5Url, articleSharePath, articleTimelineQuery, searchShare } from '../../src/features/share/links'
import { checkProperty, typedText } from './support/property'

/** The page route an H5 address under `base` opens (the site's paths back to page routes). */
function routeOfUrl(url: string, base: string): string {
  expect(url.startsWith(base)).toBe(true)
  const rest = url.slice(base.length)
  const at = rest.indexOf('?')
  const route = routeOfPublicPath(at < 0 ? rest : rest.slice(0, at), at < 0 ? '' : rest.slice(at + 1))
  expect(route).not.toBeNull()
  return route as string
}

/** Query params of a route or URL as a page gets them: raw values, then decoded in params.ts. */
function paramsOf(link: string): Record<string, string> {
  const query = link.includes('?') ? link.slice(link.indexOf('?') + 1) : ''
  const out: Record<string, string> = {}
  for (const pair of query.split('&').filter(Boolean)) {
    const at = pair.indexOf('=')
    out[pair.slice(0, at)] = decodeParam(pair.slice(at + 1))
  }
  return out
}

// "%" cannot round-trip through two decoding rounds (params.ts); ids are hashes, queries typed.
const value = typedText(80).filter((s) => !s.includes('%'))

test('article routes and share links carry the id back to the detail page', () => {
  checkProperty('link building: article id → route/share path/Moments query/H5 URL', [value], (id) => {
    const route = detailRoute(id)
    expect(isRouteOf('detail', route)).toBe(true)
    // An empty id adds no param; a blank one decodes to '' (the page then says 没有找到).
    if (id === '') expect(route).toBe(PAGE_PATHS.detail)
    expect(paramsOf(route).id ?? '').toBe(id.trim())

    const share = articleSharePath(id)
    expect(share.startsWith('/')).toBe(true)
    expect(paramsOf(share).from).toBe('share')
    expect(paramsOf(share).id ?? '').toBe(id.trim())
    expect(paramsOf(`?${articleTimelineQuery(id)}`).from).toBe('timeline')

    const url = articleH5Url(id, 'https://example.org/health/')
    const opened = routeOfUrl(url, 'https://example.org/health/')
    expect(isRouteOf('detail', opened)).toBe(true)
    expect(paramsOf(opened)).toEqual(paramsOf(share))
  }, 1500)
})

test('search and home routes carry their query and filters', () => {
  checkProperty('link building: search query and home filters', [value, value, value], (q, province, city) => {
    const search = searchRoute(q)
    expect(isRouteOf('search', search)).toBe(true)
    expect(paramsOf(search).q ?? '').toBe(q.trim())
    const shared = searchShare(q)
    expect(isRouteOf('search', shared.path)).toBe(true)
    expect(paramsOf(shared.path).q ?? '').toBe(q.replace(/\s+/g, ' ').trim().slice(0, 40).trim())

    const home = homeRoute({ province, city })
    const params = paramsOf(home)
    expect(params.province ?? '').toBe(province === '' ? '' : province.trim())
    // A city without a province means nothing and is left out.
    if (!province) expect(params.city).toBeUndefined()
    const opened = routeOfUrl(h5Url('https://example.org/a/', home), 'https://example.org/a/')
    expect(isRouteOf('home', opened)).toBe(true)
    expect(paramsOf(opened)).toEqual(params)
  }, 1000)
})

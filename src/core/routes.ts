// Every page path and link is built here, so a page rename or a new param touches one file.
import type { ArticleFilters } from './filters'

export const PAGE_PATHS = {
  home: '/pages/index/index',
  search: '/pages/search/index',
  detail: '/pages/detail/index',
  mine: '/pages/mine/index',
} as const

export type PageName = keyof typeof PAGE_PATHS

/** The H5 site's not-found page (no page of the mini-program): where a link that names nothing goes. */
export const NOT_FOUND_PATH = '/pages/not-found/index'

/**
 * `url` with the non-empty entries of `query` appended (after `?`, or `&` when `url` already has a
 * query), each value encoded once (params.ts decodes). The one place a query string is built.
 */
export function appendQuery(url: string, query: Record<string, string | null | undefined>): string {
  const pairs = Object.keys(query)
    .filter((key) => {
      const value = query[key]
      return typeof value === 'string' && value !== ''
    })
    .map((key) => `${key}=${encodeURIComponent(query[key] as string)}`)
  if (!pairs.length) return url
  return `${url}${url.includes('?') ? '&' : '?'}${pairs.join('&')}`
}

export function detailRoute(id: string): string {
  return appendQuery(PAGE_PATHS.detail, { id })
}

export function searchRoute(query?: string): string {
  return appendQuery(PAGE_PATHS.search, { q: query ? query.trim() : '' })
}

/** 我的: favourites, reading history, text size, about. */
export function mineRoute(): string {
  return PAGE_PATHS.mine
}

/** Home, optionally opened on a region/topic filter (a chip on the detail page, a shared list). */
export function homeRoute(filters?: Partial<ArticleFilters>): string {
  return appendQuery(PAGE_PATHS.home, {
    province: filters?.province,
    city: filters?.province ? filters.city : null,
    topic: filters?.topic,
  })
}

/**
 * The H5 site's own address for a page route, relative to the site root (no leading slash):
 *   /pages/index/index?topic=医保     → ?topic=医保
 *   /pages/search/index?q=医保        → search/?q=医保
 *   /pages/detail/index?id=X&from=…  → article/X/?from=…
 *   /pages/mine/index                → mine/
 * These are real paths with a prerendered HTML file each (scripts/site/prerender.ts), so a link
 * preview or a search engine reads the article without running any script. Other routes (the
 * not-found page, unknown pages) keep their page path.
 */
export function publicPath(route: string): string {
  const at = route.indexOf('?')
  const page = routeKey(route)
  const params = new URLSearchParamsLite(at < 0 ? '' : route.slice(at + 1))
  if (page === routeKey(PAGE_PATHS.home)) return params.toQuery()
  if (page === routeKey(PAGE_PATHS.search)) return `search/${params.toQuery()}`
  if (page === routeKey(PAGE_PATHS.mine)) return `mine/${params.toQuery()}`
  if (page === routeKey(PAGE_PATHS.detail)) {
    const id = params.take('id')
    // Ids are URL-safe by construction (ids.ts); anything else keeps the query form.
    if (id && /^[0-9a-z]+$/i.test(id)) return `article/${id}/${params.toQuery()}`
  }
  return `${page}${at < 0 ? '' : route.slice(at)}`
}

/**
 * The page route for a site path (relative to the site root, no leading slash) and its query:
 * the reverse of publicPath, for old #/pages/... links and for telling pages apart on H5.
 * Returns null for a path that is no page of the app.
 */
export function routeOfPublicPath(path: string, query = ''): string | null {
  const clean = path.replace(/^\/+/, '').replace(/index\.html$/, '')
  const q = query.replace(/^\?/, '')
  const withQ = (route: string) => (q ? `${route}?${q}` : route)
  if (clean === '') return withQ(PAGE_PATHS.home)
  if (/^search\/?$/.test(clean)) return withQ(PAGE_PATHS.search)
  if (/^mine\/?$/.test(clean)) return withQ(PAGE_PATHS.mine)
  const article = /^article\/([0-9a-z]+)\/?$/i.exec(clean)
  if (article) return `${PAGE_PATHS.detail}?id=${article[1]}${q ? `&${q}` : ''}`
  const page = (Object.keys(PAGE_PATHS) as PageName[]).find((name) => routeKey(PAGE_PATHS[name]) === routeKey(clean))
  return page ? withQ(`/${routeKey(clean)}`) : null
}

/** The query pairs of a route, kept encoded exactly as routes.ts wrote them. */
class URLSearchParamsLite {
  private pairs: string[]
  constructor(query: string) {
    this.pairs = query.split('&').filter((pair) => pair !== '')
  }
  /** Removes `key` and returns its raw (still encoded) value. */
  take(key: string): string | null {
    const at = this.pairs.findIndex((pair) => pair.split('=')[0] === key)
    if (at < 0) return null
    const [pair] = this.pairs.splice(at, 1)
    return pair.slice(key.length + 1)
  }
  toQuery(): string {
    return this.pairs.length ? `?${this.pairs.join('&')}` : ''
  }
}

/** Page path without leading slash or query, as mini-program page stacks report `route`. */
export function routeKey(pathOrRoute: string): string {
  return pathOrRoute.replace(/[?#].*$/, '').replace(/^\/+/, '')
}

/**
 * True when a page-stack route or path is `page`. On H5 the stack holds site paths (/, /search/,
 * /article/<id>/, /mine/, with the site's base path in front when it has one), on weapp page paths.
 */
export function isRouteOf(page: PageName, pathOrRoute: string | undefined | null): boolean {
  if (typeof pathOrRoute !== 'string') return false
  if (routeKey(pathOrRoute) === routeKey(PAGE_PATHS[page])) return true
  const path = pathOrRoute.replace(/[?#].*$/, '')
  return PUBLIC_PATH_PATTERNS[page].test(path)
}

/** Site paths of each page (after any base path), as the H5 router's stack reports them. */
const PUBLIC_PATH_PATTERNS: Record<PageName, RegExp> = {
  // The site root: the last segment is empty or index.html, and it is not one of the others.
  home: /^(?!.*\/(?:search|mine|article\/[0-9a-z]+)\/?$)(?:.*\/)?(?:index\.html)?$/i,
  search: /\/search\/?$/,
  detail: /\/article\/[0-9a-z]+\/?$/i,
  mine: /\/mine\/?$/,
}

/** An absolute address on the H5 site: `baseUrl` (its root, with or without a trailing slash) + `path`. */
export function siteUrl(baseUrl: string, path: string): string {
  const base = baseUrl.replace(/#.*$/, '').replace(/\?.*$/, '')
  return `${base.endsWith('/') ? base : `${base}/`}${path.replace(/^\/+/, '')}`
}

/** The public H5 link for a route: `<base>article/<id>/`, `<base>search/?q=…`, `<base>?topic=…`. */
export function h5Url(baseUrl: string, route: string): string {
  return siteUrl(baseUrl, publicPath(route.startsWith('/') ? route : `/${route}`))
}

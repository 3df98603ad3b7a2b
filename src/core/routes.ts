// Every page path and link is built here, so a page rename or a new param touches one file.
import type { ArticleFilters } from './filters'

export const PAGE_PATHS = {
  home: '/pages/index/index',
  search: '/pages/search/index',
  detail: '/pages/detail/index',
  mine: '/pages/mine/index',
} as const

export type PageName = keyof typeof PAGE_PATHS

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

/** Page path without leading slash or query, as mini-program page stacks report `route`. */
export function routeKey(pathOrRoute: string): string {
  return pathOrRoute.replace(/[?#].*$/, '').replace(/^\/+/, '')
}

export function isRouteOf(page: PageName, pathOrRoute: string | undefined | null): boolean {
  return typeof pathOrRoute === 'string' && routeKey(pathOrRoute) === routeKey(PAGE_PATHS[page])
}

/** The public H5 link for a route; the H5 build uses hash routing (`#/pages/...`). */
export function h5Url(baseUrl: string, route: string): string {
  const base = baseUrl.replace(/#.*$/, '')
  return `${base.endsWith('/') ? base : `${base}/`}#${route.startsWith('/') ? route : `/${route}`}`
}

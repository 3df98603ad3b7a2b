// Every share link, path and query is built here: the mini-program share path, the Moments
// query, the public H5 link (copy link, Web Share, poster QR code) and the home/search shares.
import type { Topic } from '../../core/article'
import { appendQuery, detailRoute, h5Url, homeRoute, searchRoute } from '../../core/routes'
import { APP_NAME, clipText } from '../../core/text'
import { STANDARD_STEP, type TextStep } from '../../core/textScale'

/** How a reader arrived: from a forwarded chat card / copied link, or from Moments. */
export type ShareOrigin = 'share' | 'timeline'

/** Query key that marks a page as opened from a share (the landing banner reads it). */
export const SHARE_ORIGIN_PARAM = 'from'

/**
 * Public base URL of the H5 site, from the build (`H5_BASE_URL`, config/index.ts). This is the
 * one config point for every outward link; Node tests and tools pass a base explicitly.
 */
export function configuredH5BaseUrl(): string {
  return typeof H5_BASE_URL === 'string' ? H5_BASE_URL : ''
}

/**
 * Query key of 大字分享: the text step (1-3) the recipient's page opens at. Their own saved
 * step changes only if they choose to keep it (the detail page asks).
 */
export const TEXT_STEP_PARAM = 'size'

/** `from` and, for a step above 标准, `size` (a step of null or 标准 adds nothing). */
function withOrigin(route: string, from: ShareOrigin, step?: TextStep | null): string {
  const size = step != null && step > STANDARD_STEP ? String(step) : null
  return appendQuery(route, { [SHARE_ORIGIN_PARAM]: from, [TEXT_STEP_PARAM]: size })
}

/** The query part of a route (Moments shares take a query, not a path). */
function queryOf(path: string): string {
  const at = path.indexOf('?')
  return at < 0 ? '' : path.slice(at + 1)
}

/** Mini-program share path of an article: `/pages/detail/index?id=<id>&from=share[&size=N]`. */
export function articleSharePath(id: string, step?: TextStep | null): string {
  return withOrigin(detailRoute(id), 'share', step)
}

/** Moments share query (Moments reopens the same page, so only the query is given). */
export function articleTimelineQuery(id: string, step?: TextStep | null): string {
  return queryOf(withOrigin(detailRoute(id), 'timeline', step))
}

/** Public H5 link of an article: `<H5_BASE_URL>#/pages/detail/index?id=<id>&from=share[&size=N]`. */
export function articleH5Url(id: string, baseUrl: string = configuredH5BaseUrl(), step?: TextStep | null): string {
  return h5Url(baseUrl, articleSharePath(id, step))
}

/** Reads the share origin from a page's decoded `from` param; anything else is not a share. */
export function shareOriginOf(from: string | undefined | null): ShareOrigin | null {
  return from === 'share' || from === 'timeline' ? from : null
}

/** The home filters as the home page holds them (null = all), see src/core/filters.ts. */
export interface ListShareFilters {
  province?: string | null
  city?: string | null
  topic?: Topic | null
}

export interface ListShare {
  title: string
  /** Mini-program share path (starts with `/`). */
  path: string
  /** Moments query for the same list. */
  query: string
}

/** Share of the home list; a filtered list reopens with the same region and topic. */
export function homeListShare(filters: ListShareFilters = {}): ListShare {
  const province = (filters.province || '').trim()
  const city = province ? (filters.city || '').trim() : ''
  const topic = filters.topic || null
  const place = city ? `${province}${city}` : province
  let title: string
  if (place && topic) title = `${place} · ${topic}相关问答 | ${APP_NAME}`
  else if (place) title = `${place}的医保、就医与健康问答 | ${APP_NAME}`
  else if (topic) title = `${topic}相关问答 | ${APP_NAME}`
  else title = `${APP_NAME}:医保政策、就医指南与常见疾病问答`
  const path = homeRoute({ province: province || null, city: city || null, topic })
  return { title, path, query: queryOf(path) }
}

/** Share of a search: the recipient sees the same results. Empty queries share the search page. */
export function searchShare(query: string): ListShare {
  const q = clipText(query, 40)
  const path = searchRoute(q)
  const title = q ? `“${q}”相关的健康问答 | ${APP_NAME}` : `搜索医保、就医与健康问答 | ${APP_NAME}`
  return { title, path, query: queryOf(path) }
}

// Runs first in every prerendered page (inlined by scripts/site/prerender.ts, before the deferred
// app scripts): addresses people already hold keep working.
//   - Old hash links (#/pages/detail/index?id=…, #/pages/index/index?topic=…,
//     #/pages/search/index?q=…) are forwarded to the page's real address, which has its own
//     HTML (and works offline once visited).
//   - An old article link whose id cannot be an article (cut off, junk, 30,000 characters) goes
//     to the not-found page at once: forwarded as a path it would ask the server for a file that
//     cannot exist, and a long one is refused outright (servers cap the request line, so the
//     reader would get the browser's error page instead of ours). Any other forward longer than
//     MAX_FORWARD_LENGTH goes there too, for the same reason.
//   - A path whose percent-encoding is broken (/%%%%) would make the router's decodeURI throw;
//     it is shown as the not-found page instead.
// A malformed hash (#%%%%) needs nothing: the browser router never reads the hash.
import { isArticleId } from '../../src/core/ids'
import { decodeParam } from '../../src/core/params'
import { NOT_FOUND_PATH, PAGE_PATHS, publicPath, routeKey, routeOfPublicPath } from '../../src/core/routes'

/** The longest address an old link is forwarded to; far below any server's request-line limit. */
export const MAX_FORWARD_LENGTH = 2000

/** The raw value of `key` in an old link's query (`a=1&id=x`), or '' when absent. */
function rawQueryValue(query: string, key: string): string {
  const pair = query.split('&').find((p) => p.split('=')[0] === key)
  return pair === undefined ? '' : pair.slice(key.length + 1)
}

/**
 * Where an old `#/pages/…` link should go, under `basePath` (the site's path, no trailing slash),
 * or null when `hash` is no such link.
 */
export function oldLinkTarget(hash: string, basePath: string): string | null {
  if (!/^#\/?pages\//.test(hash)) return null
  const notFound = `${basePath}${NOT_FOUND_PATH}`
  const raw = hash.replace(/^#\/?/, '')
  const at = raw.indexOf('?')
  const page = at < 0 ? raw : raw.slice(0, at)
  const query = at < 0 ? '' : raw.slice(at + 1)
  if (routeKey(page) === routeKey(PAGE_PATHS.detail) && !isArticleId(decodeParam(rawQueryValue(query, 'id')))) return notFound
  // An unknown page keeps its path and lands on the not-found page.
  const route = routeOfPublicPath(page, query) || `/${page}${query ? `?${query}` : ''}`
  const target = `${basePath}/${publicPath(route)}`
  return target.length > MAX_FORWARD_LENGTH ? notFound : target
}

export function forwardOldLink(basePath: string): void {
  const { hash, pathname } = window.location
  const target = oldLinkTarget(hash, basePath)
  if (target !== null) {
    window.location.replace(target)
    return
  }
  try {
    decodeURI(pathname)
  } catch {
    window.history.replaceState(null, '', `${basePath}${NOT_FOUND_PATH}`)
  }
}

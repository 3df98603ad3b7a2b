// Runs first in every prerendered page (inlined by scripts/prerender.ts, before the deferred
// app scripts): addresses people already hold keep working.
//   - Old hash links (#/pages/detail/index?id=…, #/pages/index/index?topic=…,
//     #/pages/search/index?q=…) are forwarded to the page's real address, which has its own
//     HTML (and works offline once visited).
//   - A path whose percent-encoding is broken (/%%%%) would make the router's decodeURI throw;
//     it is shown as the not-found page instead.
// A malformed hash (#%%%%) needs nothing: the browser router never reads the hash.
import { publicPath, routeOfPublicPath } from '../../src/core/routes'

export function forwardOldLink(basePath: string): void {
  const { hash, pathname } = window.location
  if (/^#\/?pages\//.test(hash)) {
    const raw = hash.replace(/^#\/?/, '')
    const at = raw.indexOf('?')
    const page = at < 0 ? raw : raw.slice(0, at)
    const query = at < 0 ? '' : raw.slice(at + 1)
    // An unknown page keeps its path and lands on the not-found page.
    const route = routeOfPublicPath(page, query) || `/${page}${query ? `?${query}` : ''}`
    window.location.replace(`${basePath}/${publicPath(route)}`)
    return
  }
  try {
    decodeURI(pathname)
  } catch {
    window.history.replaceState(null, '', `${basePath}/pages/not-found/index`)
  }
}

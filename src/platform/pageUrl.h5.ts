// H5: pages live at real site paths (/, /search/, /article/<id>/, /mine/), each with its prerendered
// HTML, so in-app navigation writes those same addresses into the address bar. Taro's router
// prepends the site's base path (router.basename in config/index.ts).
import Taro from '@tarojs/taro'
import { publicPath, routeOfPublicPath, siteUrl } from '../core/routes'

/** The URL to hand Taro's navigation APIs for a page route. */
export function pageUrl(route: string): string {
  return `/${publicPath(route)}`
}

declare const H5_BASE_URL: string | undefined

/**
 * Keeps <link rel="canonical"> naming the page on screen as the reader moves in the app: each
 * page's HTML names its own address, and after an in-app step it would still name the first one.
 * The address is the page's own, without its query (filters, search words), as the build writes
 * it; a page that is no address of its own (not found) has none.
 */
export function followCanonicalAddress(): void {
  if (typeof document === 'undefined' || typeof H5_BASE_URL !== 'string') return
  const base = new URL(H5_BASE_URL)
  const basePath = base.pathname.replace(/\/+$/, '')
  // The router announces each page it shows, after the address bar has changed (the event's
  // own path is the page's route, so the address is read from the location).
  Taro.eventCenter.on('__taroRouterChange', () => {
    const path = window.location.pathname
    const local = path.startsWith(basePath) ? path.slice(basePath.length) : path
    const route = routeOfPublicPath(local)
    let link = document.head.querySelector('link[rel="canonical"]')
    if (!route) {
      if (link) link.remove()
      return
    }
    if (!link) {
      link = document.createElement('link')
      link.setAttribute('rel', 'canonical')
      document.head.appendChild(link)
    }
    // Known pages' addresses are paths (the query holds filters or search words only).
    link.setAttribute('href', siteUrl(base.href, local))
  })
}

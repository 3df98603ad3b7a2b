// H5: pages live at real site paths (/, /search/, /article/<id>/, /mine/), each with its prerendered
// HTML, so in-app navigation writes those same addresses into the address bar. Taro's router
// prepends the site's base path (router.basename in config/index.ts).
import { publicPath } from '../core/routes'

/** The URL to hand Taro's navigation APIs for a page route. */
export function pageUrl(route: string): string {
  return `/${publicPath(route)}`
}

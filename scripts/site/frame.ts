// Taro's H5 frame around a page, as its router draws it for a page opened by its address: the
// navigation bar (the page's title, and the home button on every page but home) and
// .taro_router > .taro_page holding the page. The bar's back button and loading spinner are
// hidden on such a page (display: none in Taro's bar CSS), so their icons are left out; the home
// icon is Taro's own (@tarojs/router 4.2.1, navigationBar), drawn by the stylesheet (homeIconCss).
import { escapeHtml } from '../lib/pageHtml'

/** Taro's home icon (its path, as the router draws it in an inline <svg> filled with currentColor). */
const HOME_ICON_PATH =
  'M23.8899 12.2737C23.8232 12.3584 23.7237 12.3997 23.6198 12.3974H20.7994V23.5996C20.7994 23.8194 20.6213 24 20.4001 24H14.7994C14.5791 24 14.4002 23.8194 14.4002 23.5996V15.6H9.59963V23.5996C9.59963 23.8194 9.42075 24 9.20033 24H3.59968C3.48981 24 3.38964 23.954 3.31764 23.8811C3.24495 23.8091 3.2004 23.7087 3.2004 23.5996V12.3975H0.398546V12.3967C0.296893 12.396 0.194446 12.3544 0.11579 12.2738C-0.0371146 12.114 -0.0400714 11.864 0.11579 11.7076L11.7201 0.117284C11.8767 -0.0390948 12.1298 -0.0390948 12.2863 0.117284L23.8899 11.7076C24.0465 11.864 24.0265 12.0995 23.8899 12.2737ZM12.0029 0.964625L1.37086 11.5854L3.59968 11.5839V11.5999C3.65537 11.5999 3.70804 11.611 3.75557 11.6307C3.89952 11.692 4.00046 11.8339 4.00046 11.9996V23.1991H8.79955V15.2003C8.79955 14.9789 8.97917 14.8002 9.20033 14.8002H14.7995C15.0207 14.8002 15.2003 14.9789 15.2003 15.2003V23.1991H20.0001V11.9996C20.0001 11.8339 20.1003 11.692 20.2443 11.6307C20.2918 11.611 20.3453 11.5999 20.4001 11.5999V11.5713L22.6193 11.5691L12.0029 0.964625Z'

/**
 * The home icon of a prerendered page, drawn by the site's stylesheet instead of 1.2 KB of inline
 * SVG in every page: the same path as a mask over the bar's text colour (currentColor, as Taro's
 * SVG fills it), on the 24 × 24 box Taro's bar styles give the home button.
 */
export function homeIconCss(scope: string): string {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="${HOME_ICON_PATH}"/></svg>`
  const mask = `url("data:image/svg+xml,${encodeURIComponent(svg)}") center / 24px 24px no-repeat`
  // -webkit-mask alone: every engine that has masks reads it (Chromium, WebKit, Gecko).
  return `${scope} .taro-navigation-bar-home-icon>.taro-navigation-bar-home{background:currentColor;-webkit-mask:${mask}}`
}

export interface FrameOptions {
  /** The bar's title: the page config's navigationBarTitleText, else the app's. */
  title: string
  /** The bar's background and text colour (app.config window, as Taro's H5 bar writes them). */
  background: string
  color: string
  /** Home has no home button; every other page opened by its address has one. */
  homeButton: boolean
}

/** "#0f7570" as the browser serialises it in a style attribute: "rgb(15, 117, 112)". */
function rgb(hex: string): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex)
  if (!m) return hex
  return `rgb(${m.slice(1).map((h) => parseInt(h, 16)).join(', ')})`
}

export function framePage(page: string, options: FrameOptions): string {
  const barClass = `taro-navigation-bar-no-icon taro-navigation-bar-show${options.homeButton ? ' taro-navigation-bar-home-icon' : ''}`
  const style = `background: ${rgb(options.background)}; color: ${escapeHtml(options.color)};`
  return (
    `<div class="${barClass}" style="${style}">` +
    '<div class="taro-navigation-bar-home"></div>' +
    '<div class="taro-navigation-bar-back"></div>' +
    '<div class="taro-navigation-bar-title-wrap"><div class="taro-navigation-bar-loading"></div>' +
    `<div class="taro-navigation-bar-title">${escapeHtml(options.title)}</div></div></div>` +
    `<div class="taro_router"><div class="taro_page taro_navigation_page taro_page_show taro_page_stationed">${page}</div></div>`
  )
}

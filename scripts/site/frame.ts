// Taro's H5 frame around a page, as its router draws it for a page opened by its address: the
// navigation bar (the page's title, and the home button on every page but home) and
// .taro_router > .taro_page holding the page. The bar's back button and loading spinner are
// hidden on such a page (display: none in Taro's bar CSS), so their icons are left out; the home
// icon is Taro's own (@tarojs/router 4.2.1, navigationBar).
import { escapeHtml } from './pageHtml'

/**
 * Taro's home icon, as its router draws it (an inline 24 × 24 <svg> filled with currentColor), its
 * path written to 1/100 px (1.2 → 0.8 KB in every page; no pixel of a 24 px icon changes). Inline,
 * not a CSS mask: a data: URL image keeps the page's network from ever going idle for the
 * benchmarks' browser harness.
 */
const HOME_ICON = '<svg width="24" height="24" viewBox="0 0 24 24" fill="none"><path fill="currentColor" d="M23.89 12.27C23.82 12.36 23.72 12.4 23.62 12.4H20.8V23.6C20.8 23.82 20.62 24 20.4 24H14.8C14.58 24 14.4 23.82 14.4 23.6V15.6H9.6V23.6C9.6 23.82 9.42 24 9.2 24H3.6C3.49 24 3.39 23.95 3.32 23.88C3.24 23.81 3.2 23.71 3.2 23.6V12.4H.4V12.4C.3 12.4 .19 12.35 .12 12.27C-.04 12.11-.04 11.86 .12 11.71L11.72 .12C11.88-.04 12.13-.04 12.29 .12L23.89 11.71C24.05 11.86 24.03 12.1 23.89 12.27ZM12 .96L1.37 11.59L3.6 11.58V11.6C3.66 11.6 3.71 11.61 3.76 11.63C3.9 11.69 4 11.83 4 12V23.2H8.8V15.2C8.8 14.98 8.98 14.8 9.2 14.8H14.8C15.02 14.8 15.2 14.98 15.2 15.2V23.2H20V12C20 11.83 20.1 11.69 20.24 11.63C20.29 11.61 20.35 11.6 20.4 11.6V11.57L22.62 11.57L12 .96Z"/></svg>'

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
    `<div class="taro-navigation-bar-home">${options.homeButton ? HOME_ICON : ''}</div>` +
    '<div class="taro-navigation-bar-back"></div>' +
    '<div class="taro-navigation-bar-title-wrap"><div class="taro-navigation-bar-loading"></div>' +
    `<div class="taro-navigation-bar-title">${escapeHtml(options.title)}</div></div></div>` +
    `<div class="taro_router"><div class="taro_page taro_navigation_page taro_page_show taro_page_stationed">${page}</div></div>`
  )
}

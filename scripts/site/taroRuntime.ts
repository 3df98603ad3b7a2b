// @tarojs/taro for the site's Node renderer (scripts/site/renderer.ts): the page as a reader who
// just opened its address sees it once loaded. The route's params are those of the page being
// rendered, the page is the only one in the stack (as when a link opens it), storage is empty
// (a first visit), the system text size is the browser default, and useLoad runs once, before
// the first render completes. Anything that would act (navigate, toast, share) does nothing.
import { useRef } from 'react'

type Params = Record<string, string>

const route: { path: string; params: Params } = { path: '/pages/index/index', params: {} }

/** The page the next render is of (called by the renderer before each page). */
export function setRenderedRoute(path: string, params: Params): void {
  route.path = path
  route.params = params
}

const done = () => Promise.resolve({ errMsg: 'ok' })
const nothing = () => undefined

export function useRouter() {
  return { params: route.params, path: route.path }
}

/** Page load runs once per page, during its first render: what the loaded page shows. */
export function useLoad(callback: (params: Params) => void): void {
  const ran = useRef(false)
  if (!ran.current) {
    ran.current = true
    callback(route.params)
  }
}

export const useDidShow = nothing
export const useDidHide = nothing
export const useUnload = nothing
export const useReady = nothing
export const useReachBottom = nothing
export const usePageScroll = nothing
export const useShareAppMessage = nothing
export const useShareTimeline = nothing

const Taro = {
  ENV_TYPE: { WEAPP: 'WEAPP', WEB: 'WEB' },
  env: {},
  getEnv: () => 'WEB',
  getStorageSync: () => '',
  setStorageSync: nothing,
  removeStorageSync: nothing,
  clearStorageSync: nothing,
  getCurrentPages: () => [{ route: route.path.replace(/^\//, ''), options: route.params }],
  getCurrentInstance: () => ({ router: { params: route.params, path: route.path }, page: {} }),
  getSystemInfoSync: () => ({ windowWidth: 390, windowHeight: 844, pixelRatio: 2, platform: 'h5' }),
  getWindowInfo: () => ({ windowWidth: 390, windowHeight: 844, pixelRatio: 2 }),
  getAppBaseInfo: () => ({}),
  getLaunchOptionsSync: () => ({ path: route.path, query: route.params, scene: 0 }),
  getEnterOptionsSync: () => ({ path: route.path, query: route.params, scene: 0 }),
  navigateTo: done,
  redirectTo: done,
  reLaunch: done,
  navigateBack: done,
  switchTab: done,
  showToast: done,
  showModal: done,
  showLoading: done,
  hideLoading: done,
  showShareMenu: done,
  setClipboardData: done,
  pageScrollTo: done,
  setNavigationBarTitle: done,
  eventCenter: { on: nothing, off: nothing, trigger: nothing },
}

export default Taro

// WeChat JS-SDK for H5 pages opened inside WeChat: with it, the ··· menu's 发送给朋友 sends a
// card with our title, description and picture instead of a bare link. It needs a server that
// signs each page URL with the official account's secret, so it is OFF unless the build sets
// WECHAT_JSSDK_SIGNATURE_URL (one config point). That endpoint must answer
// GET <url>?url=<page URL without #hash> with JSON { appId, timestamp, nonceStr, signature },
// and the H5 domain must be a JS-safe domain of that official account. Nothing here fakes a
// signature: unset means the reader gets the ··· menu guide with WeChat's default link card.

import { reportRecovered } from '../../core/report'
import { appendQuery } from '../../core/routes'

declare const WECHAT_JSSDK_SIGNATURE_URL: string | undefined

const JSSDK_SCRIPT = 'https://res.wx.qq.com/open/js/jweixin-1.6.0.js'

export interface WeChatShareData {
  title: string
  desc: string
  link: string
  imgUrl: string
}

interface JssdkSignature {
  appId: string
  timestamp: number | string
  nonceStr: string
  signature: string
}

interface Jssdk {
  config(options: JssdkSignature & { debug: boolean; jsApiList: string[] }): void
  ready(callback: () => void): void
  error(callback: (error: unknown) => void): void
  updateAppMessageShareData(data: WeChatShareData): void
  updateTimelineShareData(data: Omit<WeChatShareData, 'desc'>): void
}

/** The signature endpoint from the build, or '' when the JS-SDK is not set up. */
export function jssdkSignatureUrl(): string {
  return typeof WECHAT_JSSDK_SIGNATURE_URL === 'string' ? WECHAT_JSSDK_SIGNATURE_URL.trim() : ''
}

export function isJssdkConfigured(): boolean {
  return jssdkSignatureUrl() !== ''
}

export function isSignature(value: unknown): value is JssdkSignature {
  if (!value || typeof value !== 'object') return false
  const v = value as Record<string, unknown>
  return typeof v.appId === 'string' && typeof v.nonceStr === 'string' && typeof v.signature === 'string' && (typeof v.timestamp === 'number' || typeof v.timestamp === 'string')
}

let sdkLoading: Promise<Jssdk> | null = null

function loadSdk(): Promise<Jssdk> {
  if (sdkLoading) return sdkLoading
  sdkLoading = new Promise<Jssdk>((resolve, reject) => {
    const script = document.createElement('script')
    script.src = JSSDK_SCRIPT
    script.async = true
    script.onload = () => {
      const sdk = (window as unknown as { wx?: Jssdk }).wx
      if (sdk) resolve(sdk)
      else reject(new Error('WeChat JS-SDK did not load'))
    }
    script.onerror = () => reject(new Error('WeChat JS-SDK could not be fetched'))
    document.head.appendChild(script)
  }).catch((error) => {
    sdkLoading = null
    throw error
  })
  return sdkLoading
}

/**
 * Sets the card WeChat sends from the ··· menu. Resolves false (and changes nothing) when the
 * JS-SDK is not configured or any step fails; the ··· guide works either way.
 */
export async function configureWeChatShare(data: WeChatShareData): Promise<boolean> {
  const endpoint = jssdkSignatureUrl()
  if (!endpoint || typeof window === 'undefined') return false
  try {
    const pageUrl = window.location.href.split('#')[0]
    const response = await fetch(appendQuery(endpoint, { url: pageUrl }))
    const signature: unknown = await response.json()
    if (!response.ok || !isSignature(signature)) return false
    const sdk = await loadSdk()
    return await new Promise<boolean>((resolve) => {
      sdk.config({ debug: false, ...signature, jsApiList: ['updateAppMessageShareData', 'updateTimelineShareData'] })
      sdk.ready(() => {
        sdk.updateAppMessageShareData(data)
        sdk.updateTimelineShareData({ title: data.title, link: data.link, imgUrl: data.imgUrl })
        resolve(true)
      })
      sdk.error((res) => {
        reportRecovered('WeChat JS-SDK config failed; the ··· guide stays', res)
        resolve(false)
      })
    })
  } catch (error) {
    reportRecovered('WeChat JS-SDK share setup failed; the ··· guide stays', error)
    return false
  }
}

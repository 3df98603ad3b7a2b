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

/** The one script WeChat's JS-SDK is loaded from: pinned, never taken from data or a reply. */
export const JSSDK_SCRIPT = 'https://res.wx.qq.com/open/js/jweixin-1.6.0.js'
/** The only JS-SDK calls this app asks for: setting the two share cards. */
export const JSSDK_API_LIST: readonly string[] = ['updateAppMessageShareData', 'updateTimelineShareData']

export interface WeChatShareData {
  title: string
  desc: string
  link: string
  imgUrl: string
}

export interface JssdkSignature {
  appId: string
  timestamp: number
  nonceStr: string
  signature: string
}

export interface JssdkConfig extends JssdkSignature {
  debug: false
  jsApiList: string[]
}

interface Jssdk {
  config(options: JssdkConfig): void
  ready(callback: () => void): void
  error(callback: (error: unknown) => void): void
  updateAppMessageShareData(data: WeChatShareData): void
  updateTimelineShareData(data: Omit<WeChatShareData, 'desc'>): void
}

// The shapes WeChat's JS-SDK documents for wx.config: an official account's AppID (wx + 16 hex),
// a Unix time in seconds, a random string (WeChat's samples use 16 letters and digits; 32 is
// the most its signing tools make) and a SHA-1 signature (40 hex). Anything else is no reply of
// a signing endpoint, so it is not handed to WeChat's script.
const APP_ID = /^wx[0-9a-f]{16}$/i
const NONCE = /^[A-Za-z0-9]{1,32}$/
const SIGNATURE = /^[0-9a-f]{40}$/i
/** 2001-09-09 .. 2286-11-20 in seconds: a milliseconds value or a small number is a broken signer. */
const TIMESTAMP_MIN = 1_000_000_000
const TIMESTAMP_MAX = 9_999_999_999

/**
 * The signature endpoint's reply, checked field by field: the four fields WeChat needs, or the
 * first field that is wrong. Fields beyond the four are ignored, never passed on.
 */
export function parseSignature(value: unknown): { ok: true; signature: JssdkSignature } | { ok: false; problem: string } {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { ok: false, problem: 'the reply is not a JSON object' }
  const v = value as Record<string, unknown>
  if (typeof v.appId !== 'string' || !APP_ID.test(v.appId)) return { ok: false, problem: 'appId is not "wx" and 16 hex digits' }
  const timestamp = typeof v.timestamp === 'string' && /^[0-9]{1,10}$/.test(v.timestamp) ? Number(v.timestamp) : v.timestamp
  if (typeof timestamp !== 'number' || !Number.isInteger(timestamp) || timestamp < TIMESTAMP_MIN || timestamp > TIMESTAMP_MAX) {
    return { ok: false, problem: 'timestamp is not a Unix time in seconds' }
  }
  if (typeof v.nonceStr !== 'string' || !NONCE.test(v.nonceStr)) return { ok: false, problem: 'nonceStr is not 1-32 letters and digits' }
  if (typeof v.signature !== 'string' || !SIGNATURE.test(v.signature)) return { ok: false, problem: 'signature is not 40 hex digits' }
  return { ok: true, signature: { appId: v.appId, timestamp, nonceStr: v.nonceStr, signature: v.signature } }
}

export function isSignature(value: unknown): boolean {
  return parseSignature(value).ok
}

/** What is handed to wx.config: the checked signature, debug off, the fixed API list. */
export function jssdkConfig(signature: JssdkSignature): JssdkConfig {
  return {
    debug: false,
    appId: signature.appId,
    timestamp: signature.timestamp,
    nonceStr: signature.nonceStr,
    signature: signature.signature,
    jsApiList: [...JSSDK_API_LIST],
  }
}

/** The signature endpoint from the build, or '' when the JS-SDK is not set up. */
export function jssdkSignatureUrl(): string {
  return typeof WECHAT_JSSDK_SIGNATURE_URL === 'string' ? WECHAT_JSSDK_SIGNATURE_URL.trim() : ''
}

export function isJssdkConfigured(): boolean {
  return jssdkSignatureUrl() !== ''
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
    if (!response.ok) {
      reportRecovered('WeChat JS-SDK signature endpoint failed; the ··· guide stays', `HTTP ${response.status}`)
      return false
    }
    const reply = parseSignature(await response.json())
    if (!reply.ok) {
      reportRecovered('WeChat JS-SDK signature reply rejected; the ··· guide stays', reply.problem)
      return false
    }
    const sdk = await loadSdk()
    return await new Promise<boolean>((resolve) => {
      sdk.config(jssdkConfig(reply.signature))
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

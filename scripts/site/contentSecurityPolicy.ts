// The H5 site's Content-Security-Policy, decided in one place: scripts/site/prerender.ts writes it
// into every HTML file as a <meta http-equiv> (so a plain static host keeps it) and into
// site.json as `contentSecurityPolicy` (scripts/site/serve.mjs sends it as a header).
//
// Scripts run only from the site's own origin or as one of the inline scripts the build wrote
// (each named by its hash), never as an inline handler, a `javascript:` URL or eval: article text
// is third-party input, and this is what stops it running if it ever reaches the page as markup.
// Styles may stay inline: Taro and the prerendered first screen inject <style> elements. Images
// may be data:/blob: URLs (share cards drawn to a canvas), fonts data: URLs (Taro's icon fonts).
// `frame-ancestors` is ignored in a <meta> policy; only a header can forbid framing.
import { createHash } from 'node:crypto'

export interface PolicyOptions {
  /** The exact text of every inline <script> (not JSON data blocks) any page of the site runs. */
  inlineScripts: readonly string[]
  /** The site's public address (H5_BASE_URL): an endpoint on this origin needs no exception. */
  baseUrl: string
  /**
   * WECHAT_JSSDK_SIGNATURE_URL as built, '' when off. When set, the page may ask that origin for
   * a signature and load WeChat's JS-SDK (src/features/share/wechatJssdk.ts).
   */
  wechatJssdkSignatureUrl?: string
}

/** Where WeChat's JS-SDK (jweixin) loads from. */
export const WECHAT_JSSDK_ORIGIN = 'https://res.wx.qq.com'

/** The CSP source that allows exactly this inline script text. */
export function scriptHashSource(code: string): string {
  return `'sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}'`
}

/** The origin of `url` (resolved against `baseUrl`) when it is another origin than the site's. */
function foreignOrigin(url: string, baseUrl: string): string | null {
  const resolved = new URL(url, baseUrl)
  if (resolved.protocol !== 'https:' && resolved.protocol !== 'http:') throw new Error(`content security policy: ${url} is no http(s) address`)
  return resolved.origin === new URL(baseUrl).origin ? null : resolved.origin
}

export function contentSecurityPolicy(options: PolicyOptions): string {
  const hashes = [...new Set(options.inlineScripts.map(scriptHashSource))].sort()
  const scriptSrc = ["'self'", ...hashes]
  const connectSrc = ["'self'"]
  const signatureUrl = (options.wechatJssdkSignatureUrl || '').trim()
  if (signatureUrl) {
    scriptSrc.push(WECHAT_JSSDK_ORIGIN)
    const origin = foreignOrigin(signatureUrl, options.baseUrl)
    if (origin) connectSrc.push(origin)
  }
  const directives: [string, string[]][] = [
    ['default-src', ["'self'"]],
    ['script-src', scriptSrc],
    ['object-src', ["'none'"]],
    ['base-uri', ["'self'"]],
    ['connect-src', connectSrc],
    ['img-src', ["'self'", 'data:', 'blob:']],
    ['style-src', ["'self'", "'unsafe-inline'"]],
    // Taro's H5 components carry their icon fonts as data: URLs in their CSS.
    ['font-src', ["'self'", 'data:']],
    ['worker-src', ["'self'"]],
    ['manifest-src', ["'self'"]],
    ['form-action', ["'self'"]],
  ]
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ')
}

// The H5 site's Content-Security-Policy (scripts/site/contentSecurityPolicy.ts): what a page may
// run and reach. The e2e journeys run every page under it in Chromium and fail on a violation.
import { contentSecurityPolicy, scriptHashSource, WECHAT_JSSDK_ORIGIN } from '../../scripts/site/contentSecurityPolicy'

const BASE = 'https://example.org/health/'

function directives(policy: string): Record<string, string[]> {
  return Object.fromEntries(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...sources]) => [name, sources]))
}

test('an inline script is allowed by its SHA-256, and only scripts are never inline or eval', () => {
  // Known answer: sha256("alert(1)") in base64.
  expect(scriptHashSource('alert(1)')).toBe("'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='")
  const policy = directives(contentSecurityPolicy({ inlineScripts: ['alert(1)', 'b()', 'alert(1)'], baseUrl: BASE }))
  expect(policy['script-src']).toEqual(["'self'", ...[scriptHashSource('alert(1)'), scriptHashSource('b()')].sort()])
  expect(policy['default-src']).toEqual(["'self'"])
  expect(policy['object-src']).toEqual(["'none'"])
  expect(policy['base-uri']).toEqual(["'self'"])
  expect(policy['connect-src']).toEqual(["'self'"])
  expect(policy['img-src']).toEqual(["'self'", 'data:', 'blob:'])
  expect(policy['style-src']).toEqual(["'self'", "'unsafe-inline'"])
  expect(policy['font-src']).toEqual(["'self'", 'data:'])
  expect(policy['worker-src']).toEqual(["'self'"])
  expect(policy['manifest-src']).toEqual(["'self'"])
  expect(policy['form-action']).toEqual(["'self'"])
  // A <meta> policy ignores frame-ancestors (and Chrome warns about it): header only.
  expect(policy['frame-ancestors']).toBeUndefined()
})

test('WeChat JS-SDK adds only its script origin and the signature endpoint', () => {
  const on = directives(contentSecurityPolicy({ inlineScripts: [], baseUrl: BASE, wechatJssdkSignatureUrl: 'https://sign.example.com:8443/wx/signature?x=1' }))
  expect(on['script-src']).toEqual(["'self'", WECHAT_JSSDK_ORIGIN])
  expect(on['connect-src']).toEqual(["'self'", 'https://sign.example.com:8443'])
  // An endpoint on the site's own origin needs no exception for connecting.
  const sameOrigin = directives(contentSecurityPolicy({ inlineScripts: [], baseUrl: BASE, wechatJssdkSignatureUrl: '/api/signature' }))
  expect(sameOrigin['connect-src']).toEqual(["'self'"])
  expect(sameOrigin['script-src']).toEqual(["'self'", WECHAT_JSSDK_ORIGIN])
  const off = directives(contentSecurityPolicy({ inlineScripts: [], baseUrl: BASE, wechatJssdkSignatureUrl: '' }))
  expect(off['script-src']).toEqual(["'self'"])
  expect(() => contentSecurityPolicy({ inlineScripts: [], baseUrl: BASE, wechatJssdkSignatureUrl: 'javascript:alert(1)' })).toThrow(/http/)
})

test('the policy is one line a header and a meta attribute can both carry', () => {
  const policy = contentSecurityPolicy({ inlineScripts: ['a()'], baseUrl: BASE, wechatJssdkSignatureUrl: 'https://sign.example.com/s' })
  expect(policy).not.toMatch(/[\u0000-\u001f"<>]/)
})

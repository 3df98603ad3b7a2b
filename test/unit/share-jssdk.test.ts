import { configureWeChatShare, isJssdkConfigured, isSignature, jssdkSignatureUrl } from '../../src/features/share/wechatJssdk'

describe('WeChat JS-SDK config point', () => {
  it('is off unless the build sets WECHAT_JSSDK_SIGNATURE_URL, and then makes no request', async () => {
    const fetchSpy = jest.fn()
    const original = globalThis.fetch
    globalThis.fetch = fetchSpy as unknown as typeof fetch
    try {
      expect(jssdkSignatureUrl()).toBe('')
      expect(isJssdkConfigured()).toBe(false)
      await expect(configureWeChatShare({ title: 't', desc: 'd', link: 'http://x/', imgUrl: 'http://x/a.png' })).resolves.toBe(false)
      expect(fetchSpy).not.toHaveBeenCalled()
    } finally {
      globalThis.fetch = original
    }
  })

  it('accepts only a complete signature answer', () => {
    expect(isSignature({ appId: 'wx123', timestamp: 1700000000, nonceStr: 'abc', signature: 'f00' })).toBe(true)
    expect(isSignature({ appId: 'wx123', timestamp: '1700000000', nonceStr: 'abc', signature: 'f00' })).toBe(true)
    expect(isSignature({ appId: 'wx123', nonceStr: 'abc', signature: 'f00' })).toBe(false)
    expect(isSignature({ errcode: 40001 })).toBe(false)
    expect(isSignature(null)).toBe(false)
    expect(isSignature('ok')).toBe(false)
  })
})

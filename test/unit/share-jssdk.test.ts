import {
  configureWeChatShare,
  isJssdkConfigured,
  isSignature,
  JSSDK_SCRIPT,
  jssdkSignatureUrl,
  parseSignature,
} from '../../src/features/share/wechatJssdk'

const good = { appId: 'wx1234567890abcdef', timestamp: 1700000000, nonceStr: 'Wm3WZYTPz0wzccnW', signature: '0f9de62fce790f9a083d5c99e95740ceb90c27ed' }
const share = { title: '标题', desc: '摘要', link: 'http://127.0.0.1/article/abc/', imgUrl: 'http://127.0.0.1/share/abc.png' }

describe('WeChat JS-SDK config point', () => {
  it('is off unless the build sets WECHAT_JSSDK_SIGNATURE_URL, and then makes no request', async () => {
    const fetchSpy = jest.fn()
    const original = globalThis.fetch
    globalThis.fetch = fetchSpy as unknown as typeof fetch
    try {
      expect(jssdkSignatureUrl()).toBe('')
      expect(isJssdkConfigured()).toBe(false)
      await expect(configureWeChatShare(share)).resolves.toBe(false)
      expect(fetchSpy).not.toHaveBeenCalled()
    } finally {
      globalThis.fetch = original
    }
  })

  it('accepts a signature reply only when every field has the shape WeChat documents', () => {
    expect(parseSignature(good)).toEqual({ ok: true, signature: good })
    // A timestamp sent as a string of digits is read as the number.
    expect(parseSignature({ ...good, timestamp: '1700000000' })).toEqual({ ok: true, signature: good })
    const rejected: Array<[string, unknown]> = [
      ['appId', { ...good, appId: 'wx123' }],
      ['appId', { ...good, appId: 'wx1234567890abcdeg' }],
      ['appId', { ...good, appId: 'ab1234567890abcdef' }],
      ['timestamp', { ...good, timestamp: 1700000000123 }],
      ['timestamp', { ...good, timestamp: 17 }],
      ['timestamp', { ...good, timestamp: 1700000000.5 }],
      ['timestamp', { ...good, timestamp: '1700000000;alert(1)' }],
      ['timestamp', { ...good, timestamp: undefined }],
      ['nonceStr', { ...good, nonceStr: '' }],
      ['nonceStr', { ...good, nonceStr: 'abc def' }],
      ['nonceStr', { ...good, nonceStr: '"><script>' }],
      ['nonceStr', { ...good, nonceStr: 'a'.repeat(33) }],
      ['signature', { ...good, signature: 'f00' }],
      ['signature', { ...good, signature: `${good.signature}0` }],
      ['signature', { ...good, signature: 'z'.repeat(40) }],
      ['object', { errcode: 40001 }],
      ['object', null],
      ['object', 'ok'],
      ['object', [good]],
    ]
    for (const [field, reply] of rejected) {
      const parsed = parseSignature(reply)
      expect(parsed.ok).toBe(false)
      if (!parsed.ok && field !== 'object') expect(parsed.problem).toContain(field)
      expect(isSignature(reply)).toBe(false)
    }
  })
})

describe('with a signature endpoint set at build', () => {
  type Config = Record<string, unknown>
  let configs: Config[]
  let scripts: string[]
  let warnings: string[]
  let reply: { ok: boolean; status: number; body: unknown }
  const g = globalThis as Record<string, unknown>
  const saved = { fetch: g.fetch, window: g.window, document: g.document }

  beforeEach(() => {
    configs = []
    scripts = []
    warnings = []
    reply = { ok: true, status: 200, body: good }
    g.WECHAT_JSSDK_SIGNATURE_URL = 'http://127.0.0.1:9/signature'
    // The browser as far as the hook touches it: the page address, a <script> that loads, WeChat's API.
    const sdk = {
      config: (options: Config) => configs.push(options),
      ready: (callback: () => void) => callback(),
      error: () => undefined,
      updateAppMessageShareData: jest.fn(),
      updateTimelineShareData: jest.fn(),
    }
    const win: Record<string, unknown> = { location: { href: 'http://127.0.0.1/article/abc/?from=share#top' } }
    g.window = win
    g.document = {
      createElement: () => ({}),
      head: {
        appendChild(script: { src: string; onload: () => void }) {
          scripts.push(script.src)
          win.wx = sdk
          script.onload()
        },
      },
    }
    g.fetch = jest.fn(async () => ({ ok: reply.ok, status: reply.status, json: async () => reply.body }))
    jest.spyOn(console, 'warn').mockImplementation((message: string) => void warnings.push(message))
  })
  afterEach(() => {
    delete g.WECHAT_JSSDK_SIGNATURE_URL
    Object.assign(g, saved)
    jest.restoreAllMocks()
  })

  it('asks for the page address without its #, configures with debug off and the fixed API list, from the pinned script', async () => {
    // A reply that tries to switch debug on or ask for more APIs gets neither.
    reply.body = { ...good, debug: true, jsApiList: ['chooseImage', 'getLocation'], beta: true }
    await expect(configureWeChatShare(share)).resolves.toBe(true)
    expect((g.fetch as jest.Mock).mock.calls[0][0]).toBe(
      `http://127.0.0.1:9/signature?url=${encodeURIComponent('http://127.0.0.1/article/abc/?from=share')}`,
    )
    expect(configs).toEqual([{ ...good, debug: false, jsApiList: ['updateAppMessageShareData', 'updateTimelineShareData'] }])
    expect(scripts.every((src) => src === JSSDK_SCRIPT)).toBe(true)
    expect(JSSDK_SCRIPT).toBe('https://res.wx.qq.com/open/js/jweixin-1.6.0.js')
  })

  it.each([
    ['a malformed appId', { ...good, appId: 'wx<script>' }, /appId/],
    ['a signature that is no SHA-1', { ...good, signature: 'abc' }, /signature/],
    ['an error reply', { errcode: 40001, errmsg: 'invalid credential' }, /not a JSON object|appId/],
  ])('rejects %s with a developer message, never configures, and leaves the guide', async (_what, body, problem) => {
    reply.body = body
    await expect(configureWeChatShare(share)).resolves.toBe(false)
    expect(configs).toEqual([])
    expect(warnings.join('\n')).toMatch(/signature reply rejected/)
    expect(warnings.join('\n')).toMatch(problem)
  })

  it('a failed endpoint is reported and nothing is configured', async () => {
    reply = { ok: false, status: 500, body: good }
    await expect(configureWeChatShare(share)).resolves.toBe(false)
    expect(configs).toEqual([])
    expect(warnings.join('\n')).toMatch(/HTTP 500/)
  })
})

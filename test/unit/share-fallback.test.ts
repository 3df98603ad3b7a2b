import { DrawnImageCache, imageOrFallback, SHARE_IMAGE_TIMEOUT_MS, withTimeout } from '../../src/features/share/imageFallback'

const DEFAULT = '/assets/share/default-card.png'

describe('share image fallback', () => {
  afterEach(() => jest.useRealTimers())

  it('uses the drawn card when it is ready in time', async () => {
    await expect(imageOrFallback(() => Promise.resolve('wxfile://card.png'), DEFAULT)).resolves.toEqual({ url: 'wxfile://card.png', drawn: true })
  })

  it('falls back to the default card when drawing fails or throws', async () => {
    await expect(imageOrFallback(() => Promise.reject(new Error('canvas failed')), DEFAULT)).resolves.toEqual({ url: DEFAULT, drawn: false })
    await expect(imageOrFallback(() => { throw new Error('no createOffscreenCanvas') }, DEFAULT)).resolves.toEqual({ url: DEFAULT, drawn: false })
    await expect(imageOrFallback(() => Promise.resolve(''), DEFAULT)).resolves.toEqual({ url: DEFAULT, drawn: false })
  })

  it('falls back before WeChat gives up waiting (3 s)', async () => {
    jest.useFakeTimers()
    expect(SHARE_IMAGE_TIMEOUT_MS).toBeLessThan(3000)
    const never = new Promise<string>(() => undefined)
    const choice = imageOrFallback(() => never, DEFAULT)
    jest.advanceTimersByTime(SHARE_IMAGE_TIMEOUT_MS)
    await expect(choice).resolves.toEqual({ url: DEFAULT, drawn: false })
  })

  it('withTimeout passes results and errors through before the deadline', async () => {
    await expect(withTimeout(Promise.resolve(1), 50)).resolves.toBe(1)
    await expect(withTimeout(Promise.reject(new Error('x')), 50)).rejects.toThrow('x')
    await expect(withTimeout(new Promise(() => undefined), 10)).rejects.toThrow(/within 10 ms/)
  })
})

describe('drawn image cache', () => {
  it('draws once per key, shares the running drawing and reports it when done', async () => {
    const cache = new DrawnImageCache<string>()
    const draw = jest.fn(() => Promise.resolve('card-1.png'))
    const [a, b] = await Promise.all([cache.get('card:1', draw), cache.get('card:1', draw)])
    expect([a, b]).toEqual(['card-1.png', 'card-1.png'])
    expect(draw).toHaveBeenCalledTimes(1)
    expect(cache.ready('card:1')).toBe('card-1.png')
    expect(cache.ready('card:2')).toBeUndefined()
  })

  it('forgets failures so the next share tries again', async () => {
    const cache = new DrawnImageCache<string>()
    await expect(cache.get('k', () => Promise.reject(new Error('busy')))).rejects.toThrow('busy')
    expect(cache.ready('k')).toBeUndefined()
    await expect(cache.get('k', () => Promise.resolve('ok.png'))).resolves.toBe('ok.png')
  })

  it('keeps a bounded number of images', async () => {
    const cache = new DrawnImageCache<string>(2)
    for (const key of ['a', 'b', 'c']) await cache.get(key, () => Promise.resolve(`${key}.png`))
    expect(cache.ready('a')).toBeUndefined()
    expect(cache.ready('c')).toBe('c.png')
  })
})

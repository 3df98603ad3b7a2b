// WeChat waits at most 3 s for a share's image before it uses the defaults; a card that is slow
// or fails to draw must never leave the share without a picture. These helpers are pure so the
// rule is tested in Node; the platform layer supplies the drawing.
import { reportRecovered } from '../../core/report'

/** Budget for drawing and exporting a share card: safely inside WeChat's 3 s. */
export const SHARE_IMAGE_TIMEOUT_MS = 2500

export class TimeoutError extends Error {
  constructor(ms: number) {
    super(`share image not ready within ${ms} ms`)
    this.name = 'TimeoutError'
  }
}

/** Resolves like `work`, or rejects with TimeoutError after `ms`. */
export function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new TimeoutError(ms)), ms)
    work.then(
      (value) => {
        clearTimeout(timer)
        resolve(value)
      },
      (error) => {
        clearTimeout(timer)
        reject(error)
      },
    )
  })
}

export interface ImageChoice {
  url: string
  /** False when the fallback image was used (drawing failed or was too slow). */
  drawn: boolean
}

/** The drawn image when it arrives in time, otherwise `fallbackUrl`. Never rejects. */
export function imageOrFallback(draw: () => Promise<string>, fallbackUrl: string, timeoutMs: number = SHARE_IMAGE_TIMEOUT_MS): Promise<ImageChoice> {
  let work: Promise<string>
  try {
    work = draw()
  } catch (error) {
    work = Promise.reject(error)
  }
  return withTimeout(work, timeoutMs).then(
    (url) => (url ? { url, drawn: true } : { url: fallbackUrl, drawn: false }),
    (error) => {
      reportRecovered(`drawing the share image failed or was too slow; using ${fallbackUrl}`, error)
      return { url: fallbackUrl, drawn: false }
    },
  )
}

/**
 * Remembers one drawing per key (article id + image kind) so the card drawn when the page
 * opened is ready the moment the reader taps 转发. Failed drawings are forgotten and retried.
 */
export class DrawnImageCache<T> {
  private readonly pending = new Map<string, Promise<T>>()
  private readonly done = new Map<string, T>()
  private readonly limit: number

  constructor(limit = 12) {
    this.limit = limit
  }

  /** The finished image for `key`, if drawing already succeeded. */
  ready(key: string): T | undefined {
    return this.done.get(key)
  }

  /** Starts (or joins) the drawing for `key`. */
  get(key: string, draw: () => Promise<T>): Promise<T> {
    const finished = this.done.get(key)
    if (finished !== undefined) return Promise.resolve(finished)
    const running = this.pending.get(key)
    if (running) return running
    let work: Promise<T>
    try {
      work = draw()
    } catch (error) {
      work = Promise.reject(error)
    }
    const tracked = work.then(
      (value) => {
        this.pending.delete(key)
        if (this.done.size >= this.limit) {
          const oldest = this.done.keys().next().value
          if (oldest !== undefined) this.done.delete(oldest)
        }
        this.done.set(key, value)
        return value
      },
      (error) => {
        this.pending.delete(key)
        throw error
      },
    )
    this.pending.set(key, tracked)
    return tracked
  }
}

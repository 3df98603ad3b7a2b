// Sharing in a browser: the Web Share API where the browser has it; images are drawn on a
// <canvas> and handed out as PNG data URLs; the page's head carries title, description and og:
// tags. Only abilities live here: which way to share, and what to tell the reader, is the share
// feature's (src/features/share/shareFlow.ts).
import { reportRecovered } from '../core/report'
import type {
  ApplyPageMeta,
  ImageSaveTarget,
  IsMomentsSinglePage,
  IsWeChatBrowser,
  OpenAlbumSettings,
  ReleasePageMeta,
  RenderShareImage,
  SaveShareImage,
  SystemShare,
} from './shareContract'
import { contextMeasurer, renderDrawOps, type Context2DLike } from './renderDrawOps'

export const NATIVE_FORWARD_BUTTON: boolean = false
export const DRAWS_SHARE_CARDS: boolean = false
/** Browsers save a picture as a download; phones' browsers also save on long-press. */
export const IMAGE_SAVE_TARGET: ImageSaveTarget = 'download'

export const isWeChatBrowser: IsWeChatBrowser = () =>
  typeof navigator !== 'undefined' && /MicroMessenger/i.test(navigator.userAgent || '')

export const shareWithSystem: SystemShare = async (link) => {
  if (typeof navigator === 'undefined' || typeof navigator.share !== 'function') return 'unavailable'
  try {
    await navigator.share({ title: link.title, text: link.text, url: link.url })
    return 'shared'
  } catch (error) {
    if (error && (error as { name?: string }).name === 'AbortError') return 'cancelled'
    // NotAllowedError and friends (no user gesture, blocked by policy): the caller tries another way.
    reportRecovered('navigator.share refused; trying another way', error)
    return 'unavailable'
  }
}

export const renderShareImage: RenderShareImage = async (build, { pixelRatio }) => {
  const canvas = document.createElement('canvas')
  const context = canvas.getContext('2d')
  if (!context) throw new Error('canvas 2d is not available')
  const ctx = context as unknown as Context2DLike
  const layout = build(contextMeasurer(ctx))
  canvas.width = Math.round(layout.width * pixelRatio)
  canvas.height = Math.round(layout.height * pixelRatio)
  renderDrawOps(ctx, layout, pixelRatio)
  const url = canvas.toDataURL('image/png')
  if (!url.startsWith('data:image/png')) throw new Error('canvas export failed')
  return { url, width: canvas.width, height: canvas.height }
}

export const saveShareImage: SaveShareImage = async (image, fileName) => {
  // WeChat's browser ignores download links; long-press on the image is its save path.
  if (isWeChatBrowser()) return 'long-press'
  const anchor = document.createElement('a')
  anchor.href = image.url
  anchor.download = fileName
  anchor.rel = 'noopener'
  anchor.style.display = 'none'
  document.body.appendChild(anchor)
  anchor.click()
  document.body.removeChild(anchor)
  return 'downloaded'
}

export const openAlbumSettings: OpenAlbumSettings = async () => false

export const isMomentsSinglePage: IsMomentsSinglePage = () => false

/** Which owner (article id) the head describes now, if any. */
let describedBy: string | null = null
/** The head as index.html wrote it, per tag we changed (null: the tag was not there). */
const originals = new Map<string, string | null>()

function metaTag(attribute: 'name' | 'property', key: string): Element | null {
  return document.head.querySelector(`meta[${attribute}="${key}"]`)
}

function setMeta(attribute: 'name' | 'property', key: string, content: string): void {
  const id = `${attribute}:${key}`
  let tag = metaTag(attribute, key)
  if (!originals.has(id)) originals.set(id, tag ? tag.getAttribute('content') : null)
  if (!tag) {
    tag = document.createElement('meta')
    tag.setAttribute(attribute, key)
    document.head.appendChild(tag)
  }
  tag.setAttribute('content', content)
}

export const applyPageMeta: ApplyPageMeta = (owner, meta) => {
  if (typeof document === 'undefined' || !document.head) return
  describedBy = owner
  // Only the tab/link title: the visible title bar keeps the page's own short title. Taro's
  // router resets document.title whenever a page shows, so callers re-apply on show.
  document.title = meta.title
  setMeta('name', 'description', meta.description)
  for (const key of Object.keys(meta.og)) setMeta('property', `og:${key}`, meta.og[key])
}

export const releasePageMeta: ReleasePageMeta = (owner) => {
  if (typeof document === 'undefined' || !document.head) return false
  if (owner !== null && describedBy !== owner) return false
  describedBy = null
  originals.forEach((content, id) => {
    const [attribute, key] = id.split(/:(.*)/) as ['name' | 'property', string]
    const tag = metaTag(attribute, key)
    if (!tag) return
    if (content === null) tag.remove()
    else tag.setAttribute('content', content)
  })
  originals.clear()
  // document.title is left alone: Taro's router sets it for whichever page shows next.
  return true
}

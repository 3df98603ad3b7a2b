// What the share platform layer offers: the platform's abilities (system share sheet, canvas,
// album, document head), not the product's words. share.weapp.ts and share.h5.ts each export
// exactly the members of SharePlatform with these types; test/unit/platform-pairs.test.ts checks
// both variants against it and against each other, so share.ts (which re-exports the H5 variant
// for tsc and jest) never offers a name or a type the weapp build lacks. What to say to the
// reader about each outcome is the share feature's business (src/features/share/shareFlow.ts).
import type { ShareImageLayout, TextMeasurer } from '../core/drawing'

/**
 * What the system share sheet did: shared · cancelled (the reader closed it) · unavailable
 * (no such sheet here, or the browser refused to open it: the caller chooses another way).
 */
export type SystemShareOutcome = 'shared' | 'cancelled' | 'unavailable'

/**
 * saved: in the phone's album · downloaded: the browser saved the file ·
 * needs-permission: album access was refused before; offer openAlbumSettings ·
 * long-press: this browser cannot save from code (WeChat's); the image must be long-pressed ·
 * cancelled / failed: nothing saved.
 */
export type SaveOutcome = 'saved' | 'downloaded' | 'needs-permission' | 'long-press' | 'cancelled' | 'failed'

/** Where a saved picture goes: the phone's album (weapp) or the browser's downloads (H5). */
export type ImageSaveTarget = 'album' | 'download'

export interface RenderedImage {
  /** weapp: a temp file path; H5: a PNG data URL. */
  url: string
  /** Pixel size of the exported image. */
  width: number
  height: number
}

/** Builds a layout with the measurer of the canvas that will draw it. */
export type LayoutBuilder = (measure: TextMeasurer) => ShareImageLayout

export interface LinkShare {
  title: string
  text: string
  url: string
}

/** Title, description and og: tags of the page on screen (H5 only; the mini-program has no head). */
export interface PageMeta {
  /** document.title: the tab and link title. */
  title: string
  description: string
  /** og:* properties without the prefix, e.g. { title, description, type, url, site_name, image }. */
  og: Record<string, string>
}

export type SystemShare = (link: LinkShare) => Promise<SystemShareOutcome>
export type RenderShareImage = (build: LayoutBuilder, options: { pixelRatio: number; name: string }) => Promise<RenderedImage>
export type SaveShareImage = (image: RenderedImage, fileName: string) => Promise<SaveOutcome>
export type OpenAlbumSettings = () => Promise<boolean>
export type IsMomentsSinglePage = () => boolean
export type IsWeChatBrowser = () => boolean
/** Describes the page with `meta` on behalf of `owner` (an article id). */
export type ApplyPageMeta = (owner: string, meta: PageMeta) => void
/**
 * Restores the page's own head (index.html's tags) if `owner` still describes it (pages hide and
 * unload in either order around the next page's show, which may already have described its own
 * article); `null` restores it unconditionally.
 */
/** Returns whether the head was given back (false: another owner describes it now). */
export type ReleasePageMeta = (owner: string | null) => boolean

export interface SharePlatform {
  /** weapp: 转发 is a native <Button openType="share">; H5 has no such button. */
  NATIVE_FORWARD_BUTTON: boolean
  /** weapp sends drawn cards with 转发 / 朋友圈; browsers share links, so nothing is drawn ahead. */
  DRAWS_SHARE_CARDS: boolean
  IMAGE_SAVE_TARGET: ImageSaveTarget
  /** H5 opened inside WeChat's own browser (never true in the mini-program). */
  isWeChatBrowser: IsWeChatBrowser
  shareWithSystem: SystemShare
  renderShareImage: RenderShareImage
  saveShareImage: SaveShareImage
  openAlbumSettings: OpenAlbumSettings
  isMomentsSinglePage: IsMomentsSinglePage
  applyPageMeta: ApplyPageMeta
  releasePageMeta: ReleasePageMeta
}

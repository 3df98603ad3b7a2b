// What the share platform layer offers. share.weapp.ts and share.h5.ts each implement every
// export below with exactly these types (each export is annotated with its contract type, so tsc
// catches a drift); share.ts re-exports the H5 variant for tsc and jest.
import type { Article } from '../core/article'
import type { ShareImageLayout, TextMeasurer } from '../features/share/drawing'

/**
 * What a share attempt did, so callers can react:
 * shared: the system share sheet completed · copied: the link is on the clipboard ·
 * guide: the reader was shown where WeChat's ··· menu is · menu: weapp, the reader is told to
 * use 转发 · cancelled: the reader closed the sheet · failed: nothing worked (a message was shown).
 */
export type ShareOutcome = 'shared' | 'copied' | 'guide' | 'menu' | 'cancelled' | 'failed'

/**
 * saved: in the phone's album · downloaded: the browser saved the file ·
 * needs-permission: album access was refused before; offer openAlbumSettings ·
 * cancelled / failed: nothing saved (failed shows a message).
 */
export type SaveOutcome = 'saved' | 'downloaded' | 'needs-permission' | 'cancelled' | 'failed'

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

export type ShareArticle = (article: Article) => Promise<ShareOutcome>
export type ShareLink = (link: LinkShare) => Promise<ShareOutcome>
export type RenderShareImage = (build: LayoutBuilder, options: { pixelRatio: number; name: string }) => Promise<RenderedImage>
export type SaveShareImage = (image: RenderedImage, fileName: string) => Promise<SaveOutcome>
export type OpenAlbumSettings = () => Promise<boolean>
export type IsMomentsSinglePage = () => boolean
/** Sets the page's title/description/og: tags for `article`; null restores the app defaults. */
export type ApplyPageMeta = (article: Article | null) => void
/**
 * Restores the app defaults if the tags still describe this article (pages hide and unload in
 * either order around the next page's show, which may already have described its own article).
 */
export type ReleasePageMeta = (articleId: string) => void

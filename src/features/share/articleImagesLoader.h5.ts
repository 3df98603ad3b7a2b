// In a browser the article's pictures (poster with QR code, chat card) are drawn only when the
// reader taps 生成分享图, so their code (layouts, text wrapping, qrcode-generator: about a third
// of the article page's code) is fetched on that tap, not with the first screen.
import type * as ArticleImages from './articleImages'

export type ArticleImagesModule = typeof ArticleImages

let loaded: ArticleImagesModule | undefined
let loading: Promise<ArticleImagesModule> | undefined

/** The drawing code, fetched once. A failed fetch (offline) rejects and the next call retries. */
export function loadArticleImages(): Promise<ArticleImagesModule> {
  if (!loading) {
    loading = import(/* webpackChunkName: "share-images" */ './articleImages').then(
      (module) => (loaded = module),
      (error: unknown) => {
        loading = undefined
        throw error
      },
    )
  }
  return loading
}

/** The drawing code if it is already here, for callers that must answer at once. */
export function loadedArticleImages(): ArticleImagesModule | undefined {
  return loaded
}

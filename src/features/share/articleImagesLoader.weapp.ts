// In the mini-program the chat card and Moments picture are drawn as the article opens, and
// WeChat allows no code fetched at run time: the drawing code is simply part of the package.
import * as articleImages from './articleImages'

export type ArticleImagesModule = typeof articleImages

export function loadArticleImages(): Promise<ArticleImagesModule> {
  return Promise.resolve(articleImages)
}

export function loadedArticleImages(): ArticleImagesModule | undefined {
  return articleImages
}

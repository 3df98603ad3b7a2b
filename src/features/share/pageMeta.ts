// What a pasted link of an article previews with (H5: title, description and og: tags), and the
// WeChat JS-SDK card inside WeChat's browser. The platform writes the tags (applyPageMeta); the
// words and the choice of picture are decided here (with src/core/pageMeta.ts, which the build's
// prerendered HTML uses too, so a preview made before or after the scripts ran says the same).
import type { Article } from '../../core/article'
import { articlePageTitle, articleShareTitle, pageDescription, shareCardPath, SITE_DESCRIPTION } from '../../core/pageMeta'
import { detailRoute, publicPath, siteUrl } from '../../core/routes'
import { APP_NAME } from '../../core/text'
import { applyPageMeta, isWeChatBrowser, releasePageMeta } from '../../platform/share'
import { articleLinkShare } from './articleShare'
import { configuredH5BaseUrl } from './links'
import { configureWeChatShare } from './wechatJssdk'

/** Owner of the head while it describes the site itself rather than an article. */
const SITE_OWNER = 'site'

/** The head describes `article`; `null` (an unknown id) gives the page back its own head. */
export function describeArticle(article: Article | null): void {
  if (!article) {
    releasePageMeta(null)
    return
  }
  const link = articleLinkShare(article)
  const description = pageDescription(article)
  // The article's own card, drawn at build time (scripts/site/prerender.ts): the one its HTML names.
  const image = siteUrl(configuredH5BaseUrl(), shareCardPath(article.id))
  applyPageMeta(article.id, {
    title: articlePageTitle(article),
    description,
    // og:url is the article's own address, as its HTML says (the link shared carries from=share).
    og: { title: articleShareTitle(article), description, type: 'article', url: siteUrl(configuredH5BaseUrl(), publicPath(detailRoute(article.id))), site_name: APP_NAME, image },
  })
  if (isWeChatBrowser()) void configureWeChatShare({ title: articleShareTitle(article), desc: description, link: link.url, imgUrl: image })
}

/** The page showing `articleId` hides or unloads: drop its description unless another took over. */
export function releaseArticle(articleId: string): void {
  // Another article took the head over already (pages hide and show in either order): leave it.
  if (!releasePageMeta(articleId)) return
  // A prerendered article page's HTML starts out describing that article: what the head goes
  // back to must be the site's own words once the reader has moved on to another page.
  if (typeof document !== 'undefined' && document.querySelector('meta[property="og:type"][content="article"]')) {
    applyPageMeta(SITE_OWNER, {
      title: APP_NAME,
      description: SITE_DESCRIPTION,
      og: { title: APP_NAME, description: SITE_DESCRIPTION, type: 'website', url: siteUrl(configuredH5BaseUrl(), ''), site_name: APP_NAME },
    })
  }
}

// The id of the <script type="application/json"> element in which a prerendered H5 article page
// (scripts/site/prerender.ts) holds that article's record, with the article id in its data-id: when
// the app takes the page over it reads the article from there instead of fetching its shard
// (src/data/loader.h5.ts, src/data/index.ts). Shared by the build and the app.
export const EMBEDDED_ARTICLE_ID = 'hn-article'

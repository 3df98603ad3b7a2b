// The packaged 5:4 share card (drawn by scripts/share-cards/draw-default-share-card.ts): what WeChat shows
// when the article's own card fails or is slow to draw, and the og:image of an article on H5.
import defaultCardImage from '../../assets/share/default-card.png'

/** A code-package path on weapp, a hashed asset URL on H5. */
export const DEFAULT_SHARE_CARD_URL: string = defaultCardImage

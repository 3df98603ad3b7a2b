import packages from './data/packages.json'
import theme from './theme.json'

/** A window colour: WeChat's theme.json variable on weapp, its light value on H5. */
function themed(key: keyof typeof theme.light): string {
  return process.env.TARO_ENV === 'weapp' ? `@${key}` : theme.light[key]
}

// weapp: the list and article shards and the search index ride in data-only subpackages
// (src/data/packages.json, from `npm run data`), loaded with require.async when first needed
// (src/data/loader.weapp.ts); home asks for the list shards (in the first) as it opens. H5
// fetches the same files from its edition folder instead (src/data/loader.h5.ts).
// No preloadRule: WeChat keys preloading to subpackages that have pages, and its upload compile
// (miniprogram-ci, test/weapp/ci.test.ts) rejects a preloadRule naming a page-less one
// ("data-1/ not found"), by root or by name alike.
const dataPackages = process.env.TARO_ENV === 'weapp' ? packages.packages : []

// H5 only: the page every unknown address shows (its route is the router's last, catch-all
// alias in config/index.ts). A mini-program only opens pages it ships, so weapp has none.
const h5OnlyPages = process.env.TARO_ENV === 'h5' ? ['pages/not-found/index'] : []

export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/search/index',
    'pages/detail/index',
    'pages/mine/index',
    ...h5OnlyPages,
  ],
  ...(dataPackages.length > 0 && {
    subPackages: dataPackages.map((pkg) => ({ root: pkg.root, pages: [] })),
  }),
  // weapp follows the phone's dark mode: the title bar and the backgrounds behind the pages come
  // from theme.json by @name (WeChat picks its light or dark set), the pages from the palette's
  // prefers-color-scheme set in app.css; theme.json holds the same colours as those tokens
  // (test/unit/palette.test.ts). Taro's H5 title bar takes the colour as written, so H5 gets the
  // light values here and app.css recolours the bar for the dark scheme.
  ...(process.env.TARO_ENV === 'weapp' && { darkmode: true, themeLocation: 'theme.json' }),
  window: {
    backgroundTextStyle: themed('bgTxtStyle'),
    backgroundColor: themed('bgColor'),
    backgroundColorTop: themed('bgColorTop'),
    backgroundColorBottom: themed('bgColorBottom'),
    navigationBarBackgroundColor: themed('navBgColor'),
    navigationBarTitleText: '健康资讯',
    navigationBarTextStyle: themed('navTxtStyle'),
    // Said explicitly so Taro's H5 build draws the same title bar (with back / home) as WeChat.
    navigationStyle: 'default',
  },
  // H5 only (WeChat ignores it). With Taro 4.2.1's slide-in animation, opening a page hides the
  // one below on a 350 ms timer that going back does not cancel, while home comes back after a
  // 300 ms slide-out: going back within the first moments left home blank
  // (test/e2e/navigation-race.test.ts). Pages switch at once instead, as in most web apps.
  animation: false,
  // weapp: inject only the components a page renders (按需注入). WeChat's code-quality check
  // (LAZYCODE_LOADING_OPEN, test/weapp/ci.test.ts) asks for it; H5 ignores it.
  lazyCodeLoading: 'requiredComponents',
})

import path from 'path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import devConfig from './dev'
import prodConfig from './prod'
import { WeappDataPackagesPlugin } from './dataPackages'

// fuse.js and zustand ship ES2020+ syntax; the weapp target must be ES5, and Taro does not
// transpile node_modules unless told to.
const transpiledModules = /node_modules[\\/](fuse\.js|zustand|qrcode-generator)[\\/]/

const h5BaseUrl = process.env.H5_BASE_URL || 'http://127.0.0.1:8080/'
/**
 * The site's path on its host ('' at the root, '/health' for https://example.org/health/): the
 * router's basename, and the root of every absolute asset URL. Real per-article paths
 * (/article/<id>/) need absolute asset URLs: './' would resolve under /article/<id>/.
 */
const h5BasePath = new URL(h5BaseUrl).pathname.replace(/\/+$/, '')

/**
 * CONTENT_BASE_URL as the app uses it: '' (off) or a URL ending in '/'. https, as WeChat requires
 * of a request domain; plain http only for a host on this machine (the tests' local host). A value
 * that is not such a URL stops the build rather than ship a follower that cannot reach its host.
 */
function contentBaseUrl(): string {
  const value = (process.env.CONTENT_BASE_URL || '').trim()
  if (!value) return ''
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new Error(`CONTENT_BASE_URL is not a URL: ${value}`)
  }
  const local = url.protocol === 'http:' && (url.hostname === '127.0.0.1' || url.hostname === 'localhost')
  if (url.protocol !== 'https:' && !local) throw new Error(`CONTENT_BASE_URL must be https (WeChat allows only https hosts): ${value}`)
  if (url.search || url.hash) throw new Error(`CONTENT_BASE_URL must have no query or fragment: ${value}`)
  return url.href.endsWith('/') ? url.href : `${url.href}/`
}

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'health-news',
    date: '2026-11-23',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    // role and aria-* props reach the mini-program's templates (config/ariaPlugin.ts says how).
    plugins: process.env.TARO_ENV === 'h5' ? [] : [path.resolve(__dirname, 'ariaPlugin.ts')],
    defineConstants: {
      // Base URL of the public H5 site, used in share links and poster QR codes.
      H5_BASE_URL: JSON.stringify(h5BaseUrl),
      // WeChat JS-SDK signature endpoint for H5 inside WeChat; empty = JS-SDK off
      // (src/features/share/wechatJssdk.ts explains what the endpoint must answer).
      WECHAT_JSSDK_SIGNATURE_URL: JSON.stringify(process.env.WECHAT_JSSDK_SIGNATURE_URL || ''),
      // 纠错 on H5: an https form (gets `title` and `url` query parameters) or a mailto: address
      // (subject and body); empty = no 纠错 on H5 (src/core/feedback.ts). weapp uses WeChat's own.
      FEEDBACK_URL: JSON.stringify(process.env.FEEDBACK_URL || ''),
      // weapp: the static host whose published editions of the library the mini-program follows
      // (src/platform/edition.weapp.ts), normalised to end in '/'; empty = off, no request at all.
      CONTENT_BASE_URL: JSON.stringify(contentBaseUrl()),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    // TARO_BUILD_CACHE=0: the growth benchmark builds temporary copies and must not share this cache.
    cache: { enable: process.env.TARO_BUILD_CACHE !== '0' },
    mini: {
      compile: { include: [(p: string) => transpiledModules.test(p)] },
      webpackChain(chain) {
        chain.plugin('weapp-data-packages').use(WeappDataPackagesPlugin)
      },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
    h5: {
      publicPath: `${h5BasePath}/`,
      staticDirectory: 'static',
      // Real addresses (/, /search/, /article/<id>/) that scripts/site/prerender.ts writes as HTML
      // files; src/core/routes.ts maps page routes to them. The first alias of each page is what
      // Taro's navigation writes, the others are what it recognises; `:id` becomes the page's
      // `id` param (Taro passes route params as page options). Unknown paths fall through to the
      // not-found page (H5 only, see src/app.config.ts). Old #/pages/... links are forwarded by
      // the boot script in src/index.html before the router starts.
      router: {
        mode: 'browser',
        basename: h5BasePath,
        customRoutes: {
          '/pages/index/index': ['/', '/pages/index/index', '/index.html'],
          '/pages/search/index': ['/search/', '/pages/search/index'],
          '/pages/detail/index': ['/pages/detail/index', '/article/:id/'],
          '/pages/mine/index': ['/mine/', '/pages/mine/index'],
          '/pages/not-found/index': ['/pages/not-found/index', '/(.*)'],
        },
      },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      compile: { include: [(p: string) => transpiledModules.test(p)] },
      webpackChain(chain) {
        // Taro's H5 app entry (src/app.config.ts, rewritten by @tarojs/taro-loader) loads every
        // page with import(). Made eager, the three pages ship in the initial scripts: no second
        // round trip before the first screen, and no navigation that completes after the reader
        // has already gone back (Taro's router would then mount the abandoned page over home).
        // Only this module: the poster's own import() in the share feature stays lazy.
        chain.module
          .rule('h5-pages-in-initial-chunk')
          .test(/[\\/]src[\\/]app\.config\.[jt]s$/)
          .parser({ dynamicImportMode: 'eager' })
        // No data here: the library is an edition written beside the build (scripts/pipeline/write-edition.ts),
        // so the same scripts serve every edition (src/data/loader.h5.ts).
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
  }
  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig)
  }
  return merge({}, baseConfig, prodConfig)
})

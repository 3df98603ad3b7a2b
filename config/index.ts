import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import devConfig from './dev'
import prodConfig from './prod'
import { WeappDataPackagesPlugin } from './dataPackages'

// fuse.js and zustand ship ES2020+ syntax; the weapp target must be ES5, and Taro does not
// transpile node_modules unless told to.
const transpiledModules = /node_modules[\\/](fuse\.js|zustand|qrcode-generator)[\\/]/

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'health-news',
    date: '2026-11-23',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: [],
    defineConstants: {
      // Base URL of the public H5 site, used in share links and poster QR codes.
      H5_BASE_URL: JSON.stringify(process.env.H5_BASE_URL || 'http://127.0.0.1:8080/'),
      // WeChat JS-SDK signature endpoint for H5 inside WeChat; empty = JS-SDK off
      // (src/features/share/wechatJssdk.ts explains what the endpoint must answer).
      WECHAT_JSSDK_SIGNATURE_URL: JSON.stringify(process.env.WECHAT_JSSDK_SIGNATURE_URL || ''),
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
      publicPath: './',
      staticDirectory: 'static',
      router: { mode: 'hash' },
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

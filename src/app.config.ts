export default defineAppConfig({
  pages: ['pages/index/index', 'pages/search/index', 'pages/detail/index'],
  window: {
    backgroundTextStyle: 'dark',
    backgroundColor: '#f2f5f5',
    navigationBarBackgroundColor: '#12807b',
    navigationBarTitleText: '健康资讯',
    navigationBarTextStyle: 'white',
    // Said explicitly so Taro's H5 build draws the same title bar (with back / home) as WeChat.
    navigationStyle: 'default',
  },
  // H5 only (WeChat ignores it). With Taro 4.2.1's slide-in animation, opening a page hides the
  // one below on a 350 ms timer that going back does not cancel, while home comes back after a
  // 300 ms slide-out: going back within the first moments left home blank
  // (test/e2e/navigation-race.test.ts). Pages switch at once instead, as in most web apps.
  animation: false,
})

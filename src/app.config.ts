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
})

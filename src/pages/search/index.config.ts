export default definePageConfig({
  navigationBarTitleText: '搜索文章',
  // Taro ignores the share hooks unless the page config enables them (Taro #6825).
  enableShareAppMessage: true,
  enableShareTimeline: true,
})

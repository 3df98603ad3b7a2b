export default definePageConfig({
  navigationBarTitleText: '健康资讯',
  // Taro ignores useShareAppMessage unless the page config enables it (Taro #6825).
  enableShareAppMessage: true,
  enableShareTimeline: true,
})

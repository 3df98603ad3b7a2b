export default definePageConfig({
  navigationBarTitleText: '健康资讯',
  // Taro ignores the share hooks unless the page config enables them (Taro #6825).
  enableShareAppMessage: true,
  enableShareTimeline: true,
  // px from the bottom at which onReachBottom loads the next page of cards: a little ahead of
  // the end, so the reader rarely waits on 加载中….
  onReachBottomDistance: 200,
})

export default definePageConfig({
  navigationBarTitleText: '健康资讯',
})

import { View } from '@tarojs/components'
import EmptyState from '../../components/EmptyState'
import { goHome, openSearch } from '../../platform/navigation'

/**
 * What every unknown H5 address shows (a mistyped link, a page that no longer exists): the
 * router's catch-all route lands here, and `npm run serve` answers such paths with 404 and the
 * prerendered copy of this page (404.html).
 */
export default function NotFoundPage() {
  return (
    <View className='hn-page not-found'>
      <EmptyState
        title='没有找到这个页面'
        message='链接可能不完整，或这个页面已经不在了。可以回到首页看看其他文章。'
        actionText='返回首页'
        onAction={() => goHome()}
        secondaryText='搜索文章'
        onSecondary={() => openSearch()}
      />
    </View>
  )
}

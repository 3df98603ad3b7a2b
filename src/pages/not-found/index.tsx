import EmptyState from '../../components/EmptyState'
import ReaderPage from '../../components/ReaderPage'
import { PART } from '../../core/pageContract'
import { goHome, openSearch } from '../../platform/navigation'

/**
 * What every unknown H5 address shows (a mistyped link, a page that no longer exists): the
 * router's catch-all route lands here, and `npm run serve` answers such paths with 404 and the
 * prerendered copy of this page (404.html). ReaderPage gives it the reader's text size.
 */
export default function NotFoundPage() {
  return (
    <ReaderPage className='not-found' ready>
      <EmptyState
        title='没有找到这个页面'
        message='链接可能不完整，或这个页面已经不在了。可以回到首页看看其他文章。'
        actionText='返回首页'
        onAction={() => goHome()}
        actionPart={PART.homeLink}
        secondaryText='搜索文章'
        onSecondary={() => openSearch()}
      />
    </ReaderPage>
  )
}

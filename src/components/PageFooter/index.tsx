import { Text, View } from '@tarojs/components'
import { goHome, scrollToTop } from '../../platform/navigation'
import { focusable } from '../focusable'
import './index.css'

/** 首页 / 回到顶部, as at the bottom of the source site's pages. */
export default function PageFooter() {
  return (
    <View className='page-footer'>
      <View className='page-footer__link' onClick={() => goHome()} role='link' {...focusable}>
        <Text>首页</Text>
      </View>
      <View className='page-footer__divider' />
      <View className='page-footer__link' onClick={scrollToTop} role='button' {...focusable}>
        <Text>回到顶部</Text>
      </View>
    </View>
  )
}

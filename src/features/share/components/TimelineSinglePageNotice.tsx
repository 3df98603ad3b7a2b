import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { isMomentsSinglePage } from '../../../platform/share'
import './share.css'

/**
 * A page opened from Moments runs in WeChat's single-page mode: no navigation, no tabBar, no
 * share buttons. WeChat puts a 「前往小程序」 bar at the bottom; tell the reader to use it.
 */
export default function TimelineSinglePageNotice({ subject = '这篇文章' }: { subject?: string }) {
  const [singlePage] = useState(isMomentsSinglePage)
  if (!singlePage) return null
  return (
    <View className='share-moments-notice' role='note'>
      <Text className='share-moments-notice__title'>{`正在朋友圈里预览${subject}`}</Text>
      <Text className='share-moments-notice__text'>点击下方「前往小程序」查看更多健康资讯,还可以搜索、转发给家人。</Text>
    </View>
  )
}

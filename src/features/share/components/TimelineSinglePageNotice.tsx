import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { isMomentsSinglePage } from '../../../platform/share'
import './share.css'

interface Props {
  /** Render even outside single-page mode (ShareActions has already checked). */
  force?: boolean
}

/**
 * A page opened from Moments runs in WeChat's single-page mode: no navigation, no tabBar, no
 * share buttons. WeChat puts a 「前往小程序」 bar at the bottom; tell the reader to use it.
 */
export default function TimelineSinglePageNotice({ force = false }: Props) {
  const [singlePage] = useState(isMomentsSinglePage)
  if (!force && !singlePage) return null
  return (
    <View className='share-moments-notice' role='note'>
      <Text className='share-moments-notice__title'>正在朋友圈里预览这篇文章</Text>
      <Text className='share-moments-notice__text'>点击下方「前往小程序」查看更多健康资讯,还可以搜索、转发给家人。</Text>
    </View>
  )
}

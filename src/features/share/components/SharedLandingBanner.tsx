import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { goHome } from '../../../platform/navigation'
import { isMomentsSinglePage } from '../../../platform/share'
import { shareOriginOf } from '../links'
import { focusable } from '../../../components/focusable'
import './share.css'

interface Props {
  /** The page's decoded `from` param (share / timeline when opened from a share). */
  from: string | null | undefined
}

/**
 * Someone opened this article from a forwarded card or link: offer the rest of the app, which
 * they may never have seen. Not in Moments' single-page mode, where navigation is blocked.
 */
export default function SharedLandingBanner({ from }: Props) {
  const [singlePage] = useState(isMomentsSinglePage)
  if (!shareOriginOf(from) || singlePage) return null
  return (
    <View className='share-landing' onClick={() => goHome()} role='link' {...focusable} aria-label='打开首页看更多健康资讯'>
      <View className='share-landing__body'>
        <Text className='share-landing__title'>打开首页看更多健康资讯</Text>
        <Text className='share-landing__text'>医保政策、就医指南和常见疾病问答</Text>
      </View>
      <Text className='share-landing__go'>去首页 ›</Text>
    </View>
  )
}

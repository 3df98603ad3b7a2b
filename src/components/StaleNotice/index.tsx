import { Text, View } from '@tarojs/components'
import { staleNotice } from '../../core/staleness'
import './index.css'

/** 本文发布于…距今已超过 1 年…: computed from the article's date and today's date when shown. */
export default function StaleNotice({ date }: { date: string }) {
  const notice = staleNotice(date, new Date())
  if (!notice) return null
  return (
    <View className='stale-notice' role='note'>
      <Text className='stale-notice__text'>{notice}</Text>
    </View>
  )
}

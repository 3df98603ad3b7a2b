import { Text, View } from '@tarojs/components'
import { disclaimers } from '../../data/index'
import './index.css'

interface Props {
  /** Smaller type for list pages; the article page shows it at reading size. */
  compact?: boolean
}

/**
 * Both notices the source pages carry (不能代替面诊…, 整理自互联网公开渠道…), always shown in full:
 * health information must never be read without them. The text comes from the dataset only.
 */
export default function Disclaimer({ compact = false }: Props) {
  return (
    <View className={`disclaimer${compact ? ' disclaimer--compact' : ''}`} role='note'>
      <Text className='disclaimer__title'>温馨提示</Text>
      <Text className='disclaimer__text disclaimer__text--medical'>{disclaimers.medical}</Text>
      <Text className='disclaimer__text disclaimer__text--source'>{disclaimers.sourceNotice}</Text>
    </View>
  )
}

import { Text, View } from '@tarojs/components'
import { focusable } from '../focusable'
import './index.css'

interface Props {
  terms: readonly string[]
  onPick: (term: string) => void
}

/** 大家都在搜: hot search terms derived from the data, each a tap away. */
export default function HotSearches({ terms, onPick }: Props) {
  if (!terms.length) return null
  return (
    <View className='hn-section hot-searches'>
      <View className='hn-section__title'>
        <Text>大家都在搜</Text>
      </View>
      <View className='hot-searches__list'>
        {terms.map((term, i) => (
          <View key={term} className='hot-searches__term' onClick={() => onPick(term)} role='button' {...focusable} aria-label={`搜索 ${term}`}>
            <Text className={`hot-searches__rank${i < 3 ? ' hot-searches__rank--top' : ''}`}>{i + 1}</Text>
            <Text className='hot-searches__text'>{term}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}

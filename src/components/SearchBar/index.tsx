import { Text, View } from '@tarojs/components'
import { PART, partAttribute } from '../../core/pageContract'
import { openSearch } from '../../platform/navigation'
import { focusable } from '../focusable'
import './index.css'

/** The home page's search field: a button that looks like an input and opens the search page. */
export default function SearchBar() {
  return (
    <View className='search-bar' {...partAttribute(PART.searchBar)} onClick={() => openSearch()} role='link' {...focusable} aria-label='搜索文章：医保、医院、疾病'>
      <View className='search-bar__icon' />
      <Text className='search-bar__placeholder'>搜索医保、医院、疾病</Text>
      <Text className='search-bar__action'>搜索</Text>
    </View>
  )
}

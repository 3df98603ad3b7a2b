import { Text, View } from '@tarojs/components'
import type { Block } from '../../core/article'
import './index.css'

/** An article body as the source structured it: paragraphs, sub-headings and list items. */
export default function ArticleBody({ blocks }: { blocks: readonly Block[] }) {
  return (
    <View className='article-body'>
      {blocks.map((block, i) => {
        if (block.type === 'heading') {
          return (
            <View key={i} className='article-body__heading' role='heading'>
              <Text userSelect>{block.text}</Text>
            </View>
          )
        }
        if (block.type === 'listItem') {
          return (
            <View key={i} className={`article-body__item${block.ordered ? ' article-body__item--ordered' : ''}`} role='listitem'>
              <Text className='article-body__marker'>{block.marker || (block.ordered ? '' : '•')}</Text>
              <Text className='article-body__item-text' userSelect>
                {block.text}
              </Text>
            </View>
          )
        }
        return (
          <View key={i} className='article-body__paragraph'>
            <Text userSelect>{block.text}</Text>
          </View>
        )
      })}
    </View>
  )
}

import { PlainText, PlainView } from '../../platform/plainElements'
import type { Block } from '../../core/article'
import './index.css'

/**
 * An article body as the source structured it: paragraphs, sub-headings and list items. Plain
 * elements on H5 (platform/plainElements.h5.ts): a long article has hundreds of them.
 */
export default function ArticleBody({ blocks }: { blocks: readonly Block[] }) {
  return (
    <PlainView className='article-body'>
      {blocks.map((block, i) => {
        if (block.type === 'heading') {
          return (
            <PlainView key={i} className='article-body__heading' role='heading'>
              <PlainText userSelect>{block.text}</PlainText>
            </PlainView>
          )
        }
        if (block.type === 'listItem') {
          return (
            <PlainView key={i} className={`article-body__item${block.ordered ? ' article-body__item--ordered' : ''}`} role='listitem'>
              <PlainText className='article-body__marker'>{block.marker || (block.ordered ? '' : '•')}</PlainText>
              <PlainText className='article-body__item-text' userSelect>
                {block.text}
              </PlainText>
            </PlainView>
          )
        }
        return (
          <PlainView key={i} className='article-body__paragraph'>
            <PlainText userSelect>{block.text}</PlainText>
          </PlainView>
        )
      })}
    </PlainView>
  )
}

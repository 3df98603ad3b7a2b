import { PART, partAttribute } from '../../core/pageContract'
import { PlainText, PlainView } from '../../platform/plainElements'
import type { Block } from '../../core/article'
import './index.css'

type ListItem = Extract<Block, { type: 'listItem' }>
type Part = { kind: 'block'; block: Exclude<Block, ListItem>; at: number } | { kind: 'list'; items: ListItem[]; at: number }

/** Consecutive list items form one list: a screen reader announces its length and each item's place. */
function groupLists(blocks: readonly Block[]): Part[] {
  const parts: Part[] = []
  blocks.forEach((block, at) => {
    if (block.type !== 'listItem') return parts.push({ kind: 'block', block, at })
    const last = parts[parts.length - 1]
    if (last && last.kind === 'list' && last.at + last.items.length === at) last.items.push(block)
    else parts.push({ kind: 'list', items: [block], at })
  })
  return parts
}

/**
 * An article body as the source structured it: paragraphs, sub-headings (level 2, under the
 * article's title) and lists. Plain elements on H5 (platform/plainElements.h5.ts): a long
 * article has hundreds of them.
 */
export default function ArticleBody({ blocks }: { blocks: readonly Block[] }) {
  return (
    <PlainView className='article-body' {...partAttribute(PART.articleBody)}>
      {groupLists(blocks).map((part) => {
        if (part.kind === 'list') {
          return (
            <PlainView key={part.at} className='article-body__list' role='list'>
              {part.items.map((item, i) => (
                <PlainView key={i} className={`article-body__item${item.ordered ? ' article-body__item--ordered' : ''}`} role='listitem'>
                  <PlainText className='article-body__marker'>{item.marker || (item.ordered ? '' : '•')}</PlainText>
                  <PlainText className='article-body__item-text' userSelect>
                    {item.text}
                  </PlainText>
                </PlainView>
              ))}
            </PlainView>
          )
        }
        const { block } = part
        if (block.type === 'heading') {
          return (
            <PlainView key={part.at} className='article-body__heading' role='heading' aria-level={2}>
              <PlainText userSelect>{block.text}</PlainText>
            </PlainView>
          )
        }
        return (
          <PlainView key={part.at} className='article-body__paragraph'>
            <PlainText userSelect>{block.text}</PlainText>
          </PlainView>
        )
      })}
    </PlainView>
  )
}

import { PlainText, PlainView } from '../../platform/plainElements'
import { focusable } from '../focusable'
import './index.css'

interface Props {
  terms: readonly string[]
  onPick: (term: string) => void
}

/** 大家都在搜: hot search terms derived from the data, each a tap away (plain elements on H5: it comes back each time the box is cleared). */
export default function HotSearches({ terms, onPick }: Props) {
  if (!terms.length) return null
  return (
    <PlainView className='hn-section hot-searches'>
      <PlainView className='hn-section__title'>
        <PlainText>大家都在搜</PlainText>
      </PlainView>
      <PlainView className='hot-searches__list'>
        {terms.map((term, i) => (
          <PlainView key={term} className='hot-searches__term' onClick={() => onPick(term)} role='button' {...focusable} aria-label={`搜索 ${term}`}>
            <PlainText className={`hot-searches__rank${i < 3 ? ' hot-searches__rank--top' : ''}`}>{i + 1}</PlainText>
            <PlainText className='hot-searches__text'>{term}</PlainText>
          </PlainView>
        ))}
      </PlainView>
    </PlainView>
  )
}

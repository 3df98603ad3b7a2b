import { useMemo } from 'react'
import { PlainText } from '../../platform/plainElements'
import type { PagePart } from '../../core/pageContract'
import type { MatchRange } from '../../core/search/types'

/** Splits `text` into plain and matched parts; ranges may overlap or run past the end. */
export function highlightParts(text: string, ranges: readonly MatchRange[]): { text: string; matched: boolean }[] {
  const marks = new Array<boolean>(text.length).fill(false)
  for (const [start, end] of ranges) {
    for (let i = Math.max(0, start); i < Math.min(text.length, end); i++) marks[i] = true
  }
  const parts: { text: string; matched: boolean }[] = []
  for (let i = 0; i < text.length; i++) {
    const last = parts[parts.length - 1]
    if (last && last.matched === marks[i]) last.text += text[i]
    else parts.push({ text: text[i], matched: marks[i] })
  }
  return parts
}

/** Shared default, so an unhighlighted title keeps the same (memoised) parts. */
const NO_RANGES: readonly MatchRange[] = []

interface Props {
  text: string
  ranges?: readonly MatchRange[]
  className?: string
  /** The part of the page this text is (src/core/pageContract.ts). */
  part?: PagePart
}

/** Text with the characters a search matched shown in the brand colour. */
export default function HighlightedText({ text, ranges = NO_RANGES, className, part }: Props) {
  const parts = useMemo(() => highlightParts(text, ranges), [text, ranges])
  return (
    <PlainText className={className} data-hn={part}>
      {parts.map((part, i) =>
        part.matched ? (
          <PlainText key={i} className='hn-hl'>
            {part.text}
          </PlainText>
        ) : (
          part.text
        ),
      )}
    </PlainText>
  )
}

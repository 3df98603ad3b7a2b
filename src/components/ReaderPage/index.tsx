import { useState, type CSSProperties, type ReactNode } from 'react'
import { View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { PART, partAttribute, readyAttribute } from '../../core/pageContract'
import { systemFontPx, textScaleStyle, type TextStep } from '../../core/textScale'
import { readSystemFontPx } from '../../platform/systemFont'
import { useTextStep } from '../../stores/appStore'

interface Props {
  /** Page class names besides hn-page (e.g. 'detail'). */
  className: string
  /** Shows the page at this step instead of the saved one (a 大字分享 link). */
  step?: TextStep | null
  /** The page shows what it is for, completely (src/core/pageContract.ts READY_ATTRIBUTE). */
  ready: boolean
  children?: ReactNode
}

/**
 * Every page's root element: it carries the one text scale (--hn-fs, --hn-tap; see
 * src/core/textScale.ts) from the reader's system text size and their saved step.
 */
export default function ReaderPage({ className, step, ready, children }: Props) {
  const saved = useTextStep()
  const shown = step ?? saved
  const [systemPx, setSystemPx] = useState(() => systemFontPx(readSystemFontPx()))
  // The reader may change WeChat's font setting while the app is in the background.
  useDidShow(() => setSystemPx(systemFontPx(readSystemFontPx())))
  return (
    <View
      className={`hn-page hn-page--step-${shown}${shown > 0 ? ' hn-page--large' : ''} ${className}`}
      style={textScaleStyle(systemPx, shown) as CSSProperties}
      data-text-step={shown}
      {...partAttribute(PART.page)}
      {...readyAttribute(ready)}
    >
      {children}
    </View>
  )
}

import { useState, type CSSProperties, type ReactNode } from 'react'
import { View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { systemFontPx, textScaleStyle, type TextStep } from '../../core/textScale'
import { readSystemFontPx } from '../../platform/systemFont'
import { useTextStep } from '../../stores/appStore'

interface Props {
  /** Page class names besides hn-page (e.g. 'detail'). */
  className: string
  /** Shows the page at this step instead of the saved one (a 大字分享 link). */
  step?: TextStep | null
  children?: ReactNode
}

/**
 * Every page's root element: it carries the one text scale (--hn-fs, --hn-tap; see
 * src/core/textScale.ts) from the reader's system text size and their saved step.
 */
export default function ReaderPage({ className, step, children }: Props) {
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
    >
      {children}
    </View>
  )
}

// In the mini-program lists and the article body are drawn with Taro's own view and text (native
// components; userSelect lets the reader copy article text). H5 draws plain elements instead
// (plainElements.h5.ts says why).
import { Text, View } from '@tarojs/components'
import type { ReactElement } from 'react'
import type { PlainProps } from './plainElementsContract'

export type { PlainProps } from './plainElementsContract'

/** A block: Taro's View on weapp, a <div> on H5. */
export const PlainView = View as unknown as (props: PlainProps) => ReactElement

/** A run of text: Taro's Text on weapp, a <span> on H5. */
export const PlainText = Text as unknown as (props: PlainProps) => ReactElement

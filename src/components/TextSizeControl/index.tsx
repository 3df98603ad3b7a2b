import { Text, View } from '@tarojs/components'
import { PART, partAttribute } from '../../core/pageContract'
import { largerStep, LARGEST_STEP, smallerStep, STANDARD_STEP, stepLabel, type TextStep } from '../../core/textScale'
import { focusable } from '../focusable'
import './index.css'

interface Props {
  step: TextStep
  onChange: (step: TextStep) => void
}

/** A− 字号：大 A+ : one step smaller or larger, from 标准 to 超大. */
export default function TextSizeControl({ step, onChange }: Props) {
  const atSmallest = step === STANDARD_STEP
  const atLargest = step === LARGEST_STEP
  return (
    <View className='text-size' role='group' aria-label='字号' {...partAttribute(PART.textSize)}>
      <View
        className={`text-size__button${atSmallest ? ' text-size__button--off' : ''}`}
        role='button'
        {...focusable}
        {...partAttribute(PART.textSizeDown)}
        aria-label='缩小字号'
        aria-disabled={atSmallest}
        onClick={() => !atSmallest && onChange(smallerStep(step))}
      >
        <Text aria-hidden>A−</Text>
      </View>
      <View className='text-size__value' aria-live='polite'>
        <Text className='text-size__label'>字号</Text>
        <Text className='text-size__step' {...partAttribute(PART.textSizeStep)}>{stepLabel(step)}</Text>
      </View>
      <View
        className={`text-size__button${atLargest ? ' text-size__button--off' : ''}`}
        role='button'
        {...focusable}
        {...partAttribute(PART.textSizeUp)}
        aria-label='放大字号'
        aria-disabled={atLargest}
        onClick={() => !atLargest && onChange(largerStep(step))}
      >
        <Text aria-hidden>A+</Text>
      </View>
    </View>
  )
}

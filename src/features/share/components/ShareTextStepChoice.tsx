import { Text, View } from '@tarojs/components'
import { TEXT_STEPS, type TextStep } from '../../../core/textScale'
import { useShareTextStep } from '../shareTextStep'
import { focusable } from '../../../components/focusable'
import './share.css'

/** 不指定, then 大 / 特大 / 超大: the steps a share can ask for (标准 is what "not set" gives). */
const CHOICES: { step: TextStep | null; label: string }[] = [
  { step: null, label: '不指定' },
  ...TEXT_STEPS.slice(1).map((info, i) => ({ step: (i + 1) as TextStep, label: info.label })),
]

/**
 * 大字分享: the person receiving the card, link or poster opens the article at this text step
 * (and may keep it as their own). Choosing here never changes the sharer's own step.
 */
export default function ShareTextStepChoice() {
  const step = useShareTextStep((s) => s.step)
  const choose = useShareTextStep((s) => s.choose)
  return (
    <View className='share-size'>
      <Text className='share-size__title' id='share-size-title'>
        大字分享：对方打开时的字号
      </Text>
      <View className='share-size__options' role='radiogroup' aria-labelledby='share-size-title'>
        {CHOICES.map((choice) => {
          const chosen = choice.step === step
          return (
            <View
              key={choice.label}
              className={`share-size__option${chosen ? ' share-size__option--chosen' : ''}`}
              role='radio' {...focusable}
              aria-checked={chosen}
              onClick={() => choose(choice.step)}
            >
              <Text>{choice.label}</Text>
            </View>
          )
        })}
      </View>
    </View>
  )
}

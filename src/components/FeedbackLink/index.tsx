import { Text, View } from '@tarojs/components'
import { FeedbackButton, feedbackOffered } from '../../platform/feedback'
import './index.css'

interface Props {
  title: string
  /** The article's public address. */
  url: string
}

/**
 * 纠错, under the disclaimers (the source pages ask readers to report mistakes): WeChat's own
 * feedback page in the mini-program, the FEEDBACK_URL form or mail on H5, absent when H5 has none.
 */
export default function FeedbackLink({ title, url }: Props) {
  if (!feedbackOffered()) return null
  return (
    <View className='feedback'>
      <FeedbackButton className='feedback__button' title={title} url={url}>
        <Text className='feedback__text'>内容有误？去反馈</Text>
      </FeedbackButton>
    </View>
  )
}

import { Button, Text, View } from '@tarojs/components'
import { copyShareText } from '../shareFlow'
import { useShareGuide } from '../shareGuideState'
import './share.css'

/**
 * H5 inside WeChat's browser: a web page cannot open WeChat's share sheet, so point at the ···
 * menu in the top-right corner, where 发送给朋友 and 分享到朋友圈 live. Copy link stays as a
 * second way. Shown by shareLink (shareFlow.ts); mount once per page.
 */
export default function WeChatShareGuide() {
  const visible = useShareGuide((s) => s.visible)
  const clipboard = useShareGuide((s) => s.clipboard)
  const hide = useShareGuide((s) => s.hide)
  if (!visible) return null

  const copy = async () => {
    hide()
    await copyShareText(clipboard)
  }

  return (
    <View className='share-guide' role='dialog' aria-label='分享提示' onClick={hide}>
      <View className='share-guide__arrow' />
      <View className='share-guide__panel' onClick={(e) => e.stopPropagation()}>
        <Text className='share-guide__title'>点击右上角 ··· 发送给朋友</Text>
        <Text className='share-guide__text'>在弹出的菜单里选“发送给朋友”或“分享到朋友圈”,就能把这篇文章发给家人。</Text>
        <View className='share-guide__actions'>
          <Button className='hn-button share-guide__ok' onClick={hide}>
            我知道了
          </Button>
          {clipboard && (
            <Button className='hn-button hn-button--ghost share-guide__copy' onClick={() => void copy()}>
              复制链接
            </Button>
          )}
        </View>
      </View>
    </View>
  )
}

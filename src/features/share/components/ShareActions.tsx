import { Button, Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import type { Article } from '../../../core/article'
import { isMomentsSinglePage, NATIVE_FORWARD_BUTTON } from '../../../platform/share'
import { useTextStep } from '../../../stores/appStore'
import { shareArticle } from '../shareFlow'
import { useShareTextStep } from '../shareTextStep'
import PosterSheet from './PosterSheet'
import ShareTextStepChoice from './ShareTextStepChoice'
import WeChatShareGuide from './WeChatShareGuide'
import './share.css'

interface Props {
  article: Article
}

/**
 * 转发给家人 and 生成分享图 under an article. weapp: 转发 is WeChat's own forward sheet
 * (open-type="share", answered by useArticleShare); H5: Web Share, copy link, or the ··· guide
 * inside WeChat's browser. In Moments' single-page mode neither works, so it says how to open
 * the full app instead; the page shows that notice once, at its top.
 */
export default function ShareActions({ article }: Props) {
  const [posterOpen, setPosterOpen] = useState(false)
  const [singlePage] = useState(isMomentsSinglePage)
  const ownStep = useTextStep()
  const chooseShareStep = useShareTextStep((s) => s.choose)
  const shareStep = useShareTextStep((s) => s.step)
  // A reader who reads in large type most likely shares in it: their step is the default.
  useEffect(() => {
    chooseShareStep(ownStep > 0 ? ownStep : null)
    // Only when another article opens: a choice made here must not be undone by A−/A+.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [article.id])

  if (singlePage) return null

  const forwardByLink = () => void (shareStep ? shareArticle(article, shareStep) : shareArticle(article))

  return (
    <View className='share-actions'>
      <Text className='share-actions__title'>觉得有用?发给家人看看</Text>
      <View className='share-actions__buttons'>
        <Button
          className='hn-button share-actions__forward'
          openType={NATIVE_FORWARD_BUTTON ? 'share' : undefined}
          onClick={NATIVE_FORWARD_BUTTON ? undefined : forwardByLink}
        >
          转发给家人
        </Button>
        <Button className='hn-button hn-button--ghost share-actions__poster' onClick={() => setPosterOpen(true)}>
          生成分享图
        </Button>
      </View>
      {NATIVE_FORWARD_BUTTON && <Text className='share-actions__hint'>也可以点右上角 ··· 分享到朋友圈</Text>}
      <ShareTextStepChoice />
      <PosterSheet article={article} open={posterOpen} onClose={() => setPosterOpen(false)} />
      <WeChatShareGuide />
    </View>
  )
}

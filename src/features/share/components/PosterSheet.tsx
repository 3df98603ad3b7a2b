import { Button, Image, ScrollView, Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import type { Article } from '../../../core/article'
import { APP_NAME } from '../../../core/text'
import { openAlbumSettings } from '../../../platform/share'
import type { RenderedImage } from '../../../platform/shareContract'
import type { ShareImageKind } from '../articleImages'
import { focusable } from '../../../components/focusable'
import { loadArticleImages } from '../articleImagesLoader'
import { SAVE_IMAGE_LABEL, saveImage } from '../shareFlow'
import { useShareTextStep } from '../shareTextStep'
import './share.css'

interface Props {
  article: Article
  open: boolean
  onClose: () => void
}

type Drawing = { status: 'drawing' } | { status: 'ready'; image: RenderedImage } | { status: 'failed' }

const STYLES: { kind: ShareImageKind; label: string }[] = [
  { kind: 'poster', label: '长图(带二维码)' },
  { kind: 'card', label: '小卡片' },
]

function fileNameOf(article: Article, kind: ShareImageKind): string {
  const safeTitle = article.title.replace(/[\\/:*?"<>|\s]+/g, '').slice(0, 40)
  return `${APP_NAME}-${safeTitle}${kind === 'card' ? '-卡片' : ''}.png`
}

/**
 * 生成分享图: the poster (or the small card) of the article, to save or long-press and send.
 * weapp saves to the album and walks the reader through album permission when it was refused
 * before; H5 offers a download and long-press.
 */
export default function PosterSheet({ article, open, onClose }: Props) {
  const [kind, setKind] = useState<ShareImageKind>('poster')
  const [drawing, setDrawing] = useState<Drawing>({ status: 'drawing' })
  const [needsPermission, setNeedsPermission] = useState(false)
  const [saving, setSaving] = useState(false)
  // The poster's QR code carries the 大字分享 step: a new choice draws a new poster.
  const shareStep = useShareTextStep((s) => s.step)

  useEffect(() => {
    if (!open) return
    let current = true
    setDrawing({ status: 'drawing' })
    // In a browser the drawing code arrives with the first tap (articleImagesLoader.h5.ts); a
    // failed fetch shows the same "try again" message as a failed drawing.
    loadArticleImages()
      .then((images) => images.drawArticleImage(article, kind))
      .then(
        (image) => current && setDrawing({ status: 'ready', image }),
        () => current && setDrawing({ status: 'failed' }),
      )
    return () => {
      current = false
    }
  }, [open, article, kind, shareStep])

  useEffect(() => {
    if (!open) setNeedsPermission(false)
  }, [open])

  if (!open) return null

  const save = async () => {
    if (drawing.status !== 'ready' || saving) return
    setSaving(true)
    const outcome = await saveImage(drawing.image, fileNameOf(article, kind))
    setSaving(false)
    setNeedsPermission(outcome === 'needs-permission')
  }

  // openSetting only works from a tap, so this runs from the 去设置 button itself.
  const openSettings = async () => {
    if (await openAlbumSettings()) {
      setNeedsPermission(false)
      await save()
    }
  }

  return (
    <View className='share-sheet' role='dialog' aria-label='分享图'>
      {/* catchMove keeps the article behind from scrolling while the sheet is open (weapp). */}
      <View className='share-sheet__mask' onClick={onClose} catchMove />
      <View className='share-sheet__panel'>
        <View className='share-sheet__header'>
          <Text className='share-sheet__title'>分享图</Text>
          <View className='share-sheet__close' onClick={onClose} role='button' aria-label='关闭分享图' {...focusable}>
            <Text>关闭</Text>
          </View>
        </View>

        <View className='share-sheet__tabs' role='tablist' aria-label='分享图样式'>
          {STYLES.map((style) => (
            <View
              key={style.kind}
              className={`share-sheet__tab${style.kind === kind ? ' share-sheet__tab--active' : ''}`}
              role='tab'
              aria-selected={style.kind === kind}
              {...focusable}
              onClick={() => setKind(style.kind)}
            >
              <Text>{style.label}</Text>
            </View>
          ))}
        </View>

        {/* Focusable so that a keyboard can scroll a long poster (WCAG 2.1.1). */}
        <ScrollView scrollY className={`share-sheet__preview share-sheet__preview--${kind}`} ariaLabel='分享图预览' {...focusable}>
          {drawing.status === 'drawing' && <Text className='share-sheet__status'>正在生成分享图…</Text>}
          {drawing.status === 'failed' && (
            <Text className='share-sheet__status'>分享图没有生成成功,请稍后再试,或点“转发给家人”直接分享文章。</Text>
          )}
          {drawing.status === 'ready' && (
            <Image
              className='share-sheet__image'
              src={drawing.image.url}
              mode='widthFix'
              nativeProps={{ alt: `${kind === 'poster' ? '分享长图' : '分享小卡片'}：${article.title}` }}
              showMenuByLongpress
              data-kind={kind}
              data-width={drawing.image.width}
              data-height={drawing.image.height}
            />
          )}
        </ScrollView>

        {drawing.status === 'ready' && <Text className='share-sheet__hint'>长按图片可以发送给朋友或保存</Text>}

        {needsPermission && (
          <View className='share-sheet__permission' role='alert'>
            <Text className='share-sheet__permission-text'>
              保存图片需要允许“保存到相册”。您之前没有允许,请点“去设置”,打开“添加到相册”后再回来保存。
            </Text>
            <Button className='hn-button hn-button--ghost share-sheet__settings' onClick={() => void openSettings()}>
              去设置
            </Button>
          </View>
        )}

        <Button
          className='hn-button share-sheet__save'
          // Only ever `true` or absent: Taro's H5 button is a custom element, where
          // disabled={false} still renders a disabled="false" attribute and greys it out.
          disabled={drawing.status !== 'ready' || saving ? true : undefined}
          onClick={() => void save()}
        >
          {saving ? '正在保存…' : SAVE_IMAGE_LABEL}
        </Button>
      </View>
    </View>
  )
}

// What happens when the reader shares or saves, and what they are told. The platform layer says
// what the device can do (src/platform/share.*.ts); this decides the order of attempts and owns
// every word the reader sees about them.
import Taro from '@tarojs/taro'
import type { Article } from '../../core/article'
import type { TextStep } from '../../core/textScale'
import { copyText } from '../../platform/clipboard'
import { IMAGE_SAVE_TARGET, isWeChatBrowser, NATIVE_FORWARD_BUTTON, saveShareImage, shareWithSystem } from '../../platform/share'
import type { LinkShare, RenderedImage, SaveOutcome } from '../../platform/shareContract'
import { articleLinkShare, clipboardText, COPIED_MESSAGE } from './articleShare'
import { useShareGuide } from './shareGuideState'

/**
 * What a share attempt did, so callers can react:
 * shared: the system share sheet completed · copied: the link is on the clipboard ·
 * guide: the reader was shown where WeChat's ··· menu is · menu: weapp, the reader is told to
 * use 转发 · cancelled: the reader closed the sheet · failed: nothing worked (a message was shown).
 */
export type ShareOutcome = 'shared' | 'copied' | 'guide' | 'menu' | 'cancelled' | 'failed'

/** The poster sheet's save button. */
export const SAVE_IMAGE_LABEL = IMAGE_SAVE_TARGET === 'album' ? '保存到相册' : '下载图片'

/** Long enough to read for someone who reads slowly. */
const TOAST_MS = 2500

function toast(title: string, icon: 'none' | 'success' = 'none'): void {
  Taro.showToast({ title, icon, duration: TOAST_MS })
}

/**
 * Shares a link: weapp points at the 转发 menu (a mini-program cannot open its forward sheet from
 * code); WeChat's browser shows the ··· guide; other browsers try the system share sheet, then
 * copy the link, then show it to copy by hand.
 */
export async function shareLink(link: LinkShare): Promise<ShareOutcome> {
  if (NATIVE_FORWARD_BUTTON) {
    toast('点击右上角 ··· 转发给朋友')
    return 'menu'
  }
  if (isWeChatBrowser()) {
    useShareGuide.getState().show(clipboardText(link.title, link.url))
    return 'guide'
  }
  const system = await shareWithSystem(link)
  if (system !== 'unavailable') return system
  if (await copyText(clipboardText(link.title, link.url))) {
    toast(COPIED_MESSAGE)
    return 'copied'
  }
  Taro.showModal({ title: '请手动复制链接', content: link.url, showCancel: false, confirmText: '知道了' })
  return 'failed'
}

/** The detail page's 转发给家人 in a browser; `step` is the 大字分享 step the link carries. */
export function shareArticle(article: Article, step?: TextStep | null): Promise<ShareOutcome> {
  return shareLink(articleLinkShare(article, undefined, step))
}

/** The WeChat guide's 复制链接. True when the text is on the clipboard (and the reader was told). */
export async function copyShareText(text: string): Promise<boolean> {
  const ok = await copyText(text)
  if (ok) toast(COPIED_MESSAGE)
  return ok
}

/** Saves a drawn picture and tells the reader how it went; needs-permission is the caller's to explain. */
export async function saveImage(image: RenderedImage, fileName: string): Promise<SaveOutcome> {
  const outcome = await saveShareImage(image, fileName)
  if (outcome === 'saved') toast('已保存到相册', 'success')
  else if (outcome === 'long-press') toast('请长按图片,选择“保存图片”')
  else if (outcome === 'failed') toast('保存没有成功,请稍后再试')
  return outcome
}

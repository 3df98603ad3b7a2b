// Copying text in the mini-program. WeChat shows its own "内容已复制" toast on success.
import Taro from '@tarojs/taro'
import { reportRecovered } from '../core/report'

export async function copyText(text: string): Promise<boolean> {
  try {
    await Taro.setClipboardData({ data: text })
    return true
  } catch (error) {
    reportRecovered('setClipboardData failed; the caller offers the link to copy by hand', error)
    return false
  }
}

// Copying text in the mini-program. WeChat shows its own "内容已复制" toast on success.
import Taro from '@tarojs/taro'

export async function copyText(text: string): Promise<boolean> {
  try {
    await Taro.setClipboardData({ data: text })
    return true
  } catch {
    return false
  }
}

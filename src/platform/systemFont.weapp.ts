// The reader's WeChat font size (我 › 设置 › 通用 › 字体大小), which WeChat's elder-friendly
// guide asks mini-programs to follow. getAppBaseInfo is the current API (base library 2.20.1+);
// getSystemInfoSync is being retired but still answers on older clients.
import Taro from '@tarojs/taro'

export function readSystemFontPx(): number | null {
  try {
    const info = typeof Taro.getAppBaseInfo === 'function' ? Taro.getAppBaseInfo() : Taro.getSystemInfoSync()
    const px = (info as { fontSizeSetting?: unknown }).fontSizeSetting
    return typeof px === 'number' ? px : null
  } catch {
    return null
  }
}

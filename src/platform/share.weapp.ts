// Sharing inside WeChat: forwarding goes through the page's onShareAppMessage (the 转发给家人
// button is a native open-type="share" button), images are drawn on an offscreen Canvas 2D and
// exported to temp files, posters are saved to the album with WeChat's permission flow. Only
// abilities live here; what to tell the reader is the share feature's (shareFlow.ts).
import { reportRecovered } from '../core/report'
import Taro from '@tarojs/taro'
import { contextMeasurer, renderDrawOps, type Context2DLike } from './renderDrawOps'
import type {
  ApplyPageMeta,
  ImageSaveTarget,
  IsMomentsSinglePage,
  IsWeChatBrowser,
  OpenAlbumSettings,
  ReleasePageMeta,
  RenderShareImage,
  SaveShareImage,
  SystemShare,
} from './shareContract'

export const NATIVE_FORWARD_BUTTON: boolean = true
/** 转发 / 朋友圈 send drawn cards; they are drawn as the page opens, ready when the reader taps 转发. */
export const DRAWS_SHARE_CARDS: boolean = true
export const IMAGE_SAVE_TARGET: ImageSaveTarget = 'album'

/** The mini-program is not a browser. */
export const isWeChatBrowser: IsWeChatBrowser = () => false

/** Scene of a page opened from Moments: single-page mode (no tabBar, no navigation). */
const MOMENTS_SINGLE_PAGE_SCENE = 1154
const ALBUM_SCOPE = 'scope.writePhotosAlbum'

/**
 * A mini-program cannot open the forward sheet from code; only the 转发 menu or an
 * open-type="share" button can.
 */
export const shareWithSystem: SystemShare = async () => 'unavailable'

type Offscreen = ReturnType<typeof Taro.createOffscreenCanvas>

function createCanvas(width: number, height: number): Offscreen {
  // Base library < 2.16.1 (or a stand-in without it) has no 2D offscreen canvas: fail fast so
  // the caller falls back to the packaged card.
  if (typeof Taro.createOffscreenCanvas !== 'function') throw new Error('createOffscreenCanvas is unavailable')
  return Taro.createOffscreenCanvas({ type: '2d', width, height })
}

function contextOf(canvas: Offscreen): Context2DLike {
  const ctx = canvas.getContext('2d') as unknown as Context2DLike | null
  if (!ctx) throw new Error('2d context is unavailable')
  return ctx
}

/** toDataURL → file, for devices where canvasToTempFilePath rejects offscreen canvases (seen on iOS). */
function writeDataUrl(canvas: Offscreen, name: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const dataUrl: string = (canvas as unknown as { toDataURL(type: string): string }).toDataURL('image/png')
    const base64 = dataUrl.replace(/^data:image\/png;base64,/, '')
    if (!base64 || base64 === dataUrl) {
      reject(new Error('toDataURL gave no PNG'))
      return
    }
    const filePath = `${Taro.env.USER_DATA_PATH}/${name}.png`
    Taro.getFileSystemManager().writeFile({
      filePath,
      data: base64,
      encoding: 'base64',
      success: () => resolve(filePath),
      fail: (error) => reject(new Error(error.errMsg)),
    })
  })
}

async function exportCanvas(canvas: Offscreen, width: number, height: number, name: string): Promise<string> {
  try {
    const option = { canvas, destWidth: width, destHeight: height, fileType: 'png' } as unknown as Taro.canvasToTempFilePath.Option
    const result = await Taro.canvasToTempFilePath(option)
    if (result.tempFilePath) return result.tempFilePath
  } catch (error) {
    reportRecovered('canvasToTempFilePath failed; writing the data URL to a file instead', error)
  }
  return writeDataUrl(canvas, name)
}

export const renderShareImage: RenderShareImage = async (build, { pixelRatio, name }) => {
  // Measure on a tiny canvas first: the real one is created at the layout's final size.
  const layout = build(contextMeasurer(contextOf(createCanvas(16, 16))))
  const width = Math.round(layout.width * pixelRatio)
  const height = Math.round(layout.height * pixelRatio)
  const canvas = createCanvas(width, height)
  renderDrawOps(contextOf(canvas), layout, pixelRatio)
  const url = await exportCanvas(canvas, width, height, name)
  return { url, width, height }
}

function errMsgOf(error: unknown): string {
  return error && typeof (error as { errMsg?: unknown }).errMsg === 'string' ? (error as { errMsg: string }).errMsg : String(error)
}

/** true granted, false refused before, undefined never asked. */
async function albumPermission(): Promise<boolean | undefined> {
  try {
    const setting = await Taro.getSetting()
    return setting.authSetting[ALBUM_SCOPE] as boolean | undefined
  } catch (error) {
    reportRecovered('getSetting failed; asking for album access as if never asked', error)
    return undefined
  }
}

export const saveShareImage: SaveShareImage = async (image) => {
  const permission = await albumPermission()
  // Once refused, WeChat never asks again; only the settings page can turn it back on.
  if (permission === false) return 'needs-permission'
  if (permission === undefined) {
    try {
      await Taro.authorize({ scope: ALBUM_SCOPE })
    } catch {
      return 'needs-permission'
    }
  }
  try {
    await Taro.saveImageToPhotosAlbum({ filePath: image.url })
    return 'saved'
  } catch (error) {
    const message = errMsgOf(error)
    if (/cancel/i.test(message)) return 'cancelled'
    if (/auth|denied|deny/i.test(message)) return 'needs-permission'
    return 'failed'
  }
}

/** Opens the mini-program's settings page; must run from a tap. True when album access is now on. */
export const openAlbumSettings: OpenAlbumSettings = async () => {
  try {
    const result = await Taro.openSetting()
    return result.authSetting[ALBUM_SCOPE] === true
  } catch (error) {
    reportRecovered('openSetting failed; album access unchanged', error)
    return false
  }
}

export const isMomentsSinglePage: IsMomentsSinglePage = () => {
  try {
    const options = typeof Taro.getEnterOptionsSync === 'function' ? Taro.getEnterOptionsSync() : Taro.getLaunchOptionsSync()
    return options.scene === MOMENTS_SINGLE_PAGE_SCENE
  } catch (error) {
    reportRecovered('reading the launch scene failed; assuming a normal launch', error)
    return false
  }
}

/** Mini-program pages have no document head; the navigation bar title is the page's own business. */
export const applyPageMeta: ApplyPageMeta = () => undefined

export const releasePageMeta: ReleasePageMeta = () => false

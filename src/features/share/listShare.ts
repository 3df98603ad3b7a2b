// What 转发 and 朋友圈 send from the home and search lists. Kept apart from the article's share
// messages: the lists need only a title and a link, and must not pull the poster and QR code
// drawing (articleImages.ts and its layouts) into the home page's code.
import { useShareAppMessage, useShareTimeline, type ShareAppMessageReturnObject, type ShareTimelineReturnObject } from '@tarojs/taro'
import type { ListShare } from './links'

export function listShareMessage(share: ListShare): ShareAppMessageReturnObject {
  return { title: share.title, path: share.path }
}

export function listTimelineShare(share: ListShare): ShareTimelineReturnObject {
  return { title: share.title, query: share.query }
}

/**
 * Home and search: forward/Moments reopen the same filtered list or search (see links.ts).
 * Taro ignores it unless the page config enables sharing (Taro #6825).
 */
export function useListShare(share: ListShare): void {
  useShareAppMessage(() => listShareMessage(share))
  useShareTimeline(() => listTimelineShare(share))
}

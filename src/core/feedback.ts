// Where a reader reports a mistake in an article (纠错) on the H5 site: the FEEDBACK_URL build
// setting, a form on the web or a mailto: address, filled in with the article's title and
// address. The mini-program needs none of this: WeChat's own 投诉与反馈 page takes the report.

export interface FeedbackSubject {
  /** The article's title, as the reader sees it. */
  title: string
  /** The article's public address. */
  url: string
}

/**
 * The address that opens the feedback form with the article filled in, or null when the setting
 * is empty or neither an https form nor a mailto: address (nothing is offered then).
 *   https form: the setting with query parameters `title` and `url` (replacing any of that name).
 *   mailto:     the address with `subject` and `body` (any it carried are replaced).
 * Everything taken from the article is percent-encoded: a title can only ever be text.
 */
export function feedbackHref(setting: string, subject: FeedbackSubject): string | null {
  const configured = setting.trim()
  if (!configured) return null
  if (/^mailto:/i.test(configured)) {
    const address = configured.slice('mailto:'.length).split('?')[0]
    if (!/^[^\s@<>"]+@[^\s@<>"]+$/.test(decodeSafely(address))) return null
    const body = `文章：${subject.title}\n地址：${subject.url}\n\n哪里有误（请写在下面）：\n`
    return `mailto:${address}?subject=${encodeAll(`内容有误：${subject.title}`)}&body=${encodeAll(body)}`
  }
  let form: URL
  try {
    form = new URL(configured)
  } catch {
    return null
  }
  if (form.protocol !== 'https:') return null
  form.searchParams.set('title', subject.title)
  form.searchParams.set('url', subject.url)
  return form.toString()
}

/** encodeURIComponent, and the few marks it leaves (quotes, brackets) too. */
function encodeAll(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return ''
  }
}

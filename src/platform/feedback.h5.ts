// 纠错 on H5: a link to the FEEDBACK_URL build setting (config/index.ts), filled in with the
// article (core/feedback.ts); nothing at all when the setting is empty or unusable.
import { createElement, type ReactElement } from 'react'
import { feedbackHref } from '../core/feedback'
import type { FeedbackProps } from './feedbackContract'

export type { FeedbackProps } from './feedbackContract'

declare const FEEDBACK_URL: string | undefined

/** The build setting, read when asked (a constant in the build; tests set it on the global). */
function configured(): string {
  return typeof FEEDBACK_URL === 'string' ? FEEDBACK_URL : ''
}

/** Whether this build offers 纠错 at all. */
export function feedbackOffered(): boolean {
  return feedbackHref(configured(), { title: '', url: '' }) !== null
}

/** A link that opens the form (a new tab) or the mail app with the article filled in. */
export function FeedbackButton({ className, title, url, children }: FeedbackProps): ReactElement | null {
  const href = feedbackHref(configured(), { title, url })
  if (!href) return null
  const mail = href.startsWith('mailto:')
  return createElement('a', { className, href, target: mail ? undefined : '_blank', rel: mail ? undefined : 'noopener noreferrer' }, children)
}

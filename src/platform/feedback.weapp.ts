// 纠错 in the mini-program: WeChat's own 投诉与反馈 page (open-type="feedback"), which the
// operator reads in the admin console; no server and no setting. WeChat knows the page it came from.
import { Button } from '@tarojs/components'
import { createElement, type ReactElement } from 'react'
import type { FeedbackProps } from './feedbackContract'

export type { FeedbackProps } from './feedbackContract'

/** Whether this build offers 纠错 at all: always, in WeChat. */
export function feedbackOffered(): boolean {
  return true
}

/** WeChat's feedback button; the article's title and address are not needed there. */
export function FeedbackButton({ className, children }: FeedbackProps): ReactElement | null {
  return createElement(Button, { className, openType: 'feedback' }, children)
}

// tsc and jest resolve this file; Taro builds pick feedback.weapp.ts or feedback.h5.ts.
export { FeedbackButton, feedbackOffered, type FeedbackProps } from './feedback.h5'

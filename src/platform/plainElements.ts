// tsc and jest resolve this file; Taro builds pick plainElements.weapp.ts or plainElements.h5.ts.
export { PlainText, PlainView, type PlainProps } from './plainElements.h5'

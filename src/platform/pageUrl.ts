// tsc and jest resolve this file; Taro builds pick pageUrl.weapp.ts or pageUrl.h5.ts.
export * from './pageUrl.h5'

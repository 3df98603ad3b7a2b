// tsc and jest resolve this file; Taro builds pick focus.weapp.ts or focus.h5.ts.
export * from './focus.h5'

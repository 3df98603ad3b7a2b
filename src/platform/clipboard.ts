// tsc and jest resolve this file; Taro builds pick clipboard.weapp.ts or clipboard.h5.ts.
export * from './clipboard.h5'

// tsc and jest resolve this file; Taro builds pick systemFont.weapp.ts or systemFont.h5.ts.
export * from './systemFont.h5'

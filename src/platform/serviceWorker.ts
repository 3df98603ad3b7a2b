// tsc and jest resolve this file; Taro builds pick serviceWorker.weapp.ts or serviceWorker.h5.ts.
export * from './serviceWorker.h5'

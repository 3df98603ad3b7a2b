// tsc and jest resolve this file; Taro builds pick keyboard.weapp.ts or keyboard.h5.ts.
export * from './keyboard.h5'

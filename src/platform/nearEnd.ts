// tsc and jest resolve this file; Taro builds pick nearEnd.weapp.ts or nearEnd.h5.ts.
export * from './nearEnd.h5'

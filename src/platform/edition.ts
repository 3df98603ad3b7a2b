// tsc and jest resolve this file; Taro builds pick edition.weapp.ts or edition.h5.ts (same exports).
export * from './edition.h5'

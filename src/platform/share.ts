// tsc and jest resolve this file; Taro builds pick share.weapp.ts or share.h5.ts (same exports,
// each typed by shareContract.ts). Import sharing from 'src/platform/share', never a variant.
export * from './share.h5'

// tsc and jest resolve this file; Taro builds pick componentStyles.weapp.ts or componentStyles.h5.ts.
export * from './componentStyles.h5'

// tsc and jest resolve this file; Taro builds pick share.weapp.ts or share.h5.ts. Both export
// exactly SharePlatform (shareContract.ts), checked by tsc and test/unit/platform-pairs.test.ts,
// so whatever type-checks against this H5 re-export exists on weapp too. Import sharing from
// 'src/platform/share', never a variant.
export * from './share.h5'

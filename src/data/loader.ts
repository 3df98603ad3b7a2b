// tsc and jest resolve this file; Taro builds pick loader.weapp.ts or loader.h5.ts (same
// exports). Only src/data/index.ts and src/data/search.ts import it.
export * from './loader.h5'

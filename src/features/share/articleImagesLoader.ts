// tsc and jest resolve this file; Taro builds pick articleImagesLoader.weapp.ts or
// articleImagesLoader.h5.ts (same exports). Import it, never articleImages.ts, from anything a
// page loads up front.
export * from './articleImagesLoader.h5'

// H5: the site follows editions by deploy (a new deploy's pages name its own data folder), so
// there is nothing to fetch or switch here; the mini-program's follower is edition.weapp.ts.

/** Does nothing on H5. */
export function followEdition(): void {}

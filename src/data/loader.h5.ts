// H5: each data file (list and article shards, the search index) is its own webpack chunk,
// fetched from the same origin the first time it is asked for. Nothing leaves the site.

/** The parsed contents of data file `name` (shards/<name>.json, or search-index). */
export function loadDataFile(name: string): Promise<unknown> {
  if (name === 'search-index') {
    return import(/* webpackChunkName: "search-index" */ './search-index.json').then((m) => m.default ?? m)
  }
  if (!/^[a-z]+-\d{3}$/.test(name)) return Promise.reject(new Error(`unknown data file ${name}`))
  return import(/* webpackChunkName: "data-[request]" */ `./shards/${name}.json`).then((m) => m.default ?? m)
}

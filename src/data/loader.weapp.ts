// weapp: data files live in subpackages (src/data/packages.json, written by `npm run data`;
// config/index.ts emits each file as <root>/<name>.js, src/app.config.ts declares the roots).
// WeChat's 分包异步化 loads them: require.async downloads the subpackage on first use (base
// library 2.11.2+). __non_webpack_require__ is WeChat's own require, which webpack leaves alone;
// its paths are relative to the file holding this code, which config/index.ts keeps in the
// root common.js.
import catalogJson from './catalog.json'
import packagesJson from './packages.json'

declare const __non_webpack_require__: { async(path: string): Promise<unknown> }

interface PackagesFile {
  packages: Array<{ root: string; files: string[] }>
}

const rootOf: Record<string, string | undefined> = Object.create(null)
for (const pkg of (packagesJson as PackagesFile).packages) for (const file of pkg.files) rootOf[file] = pkg.root

/** The packaged catalog.json. */
export function loadCatalog(): unknown {
  return catalogJson
}

export function loadDataFile(name: string): Promise<unknown> {
  if (name === 'catalog') return Promise.resolve(catalogJson)
  const root = rootOf[name]
  if (!root) return Promise.reject(new Error(`unknown data file ${name}`))
  return __non_webpack_require__.async(`./${root}/${name}.js`)
}

/** The mini-program has no prerendered page holding an article: every article comes from its shard. */
export function embeddedArticleText(id: string): string | undefined {
  void id
  return undefined
}

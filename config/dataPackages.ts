// Build-time half of the weapp data layout (the pipeline writes the files, scripts/pipeline/data-layout.ts).
// Lives under config/ because Taro loads its config with a register that only compiles this folder.
import { readFileSync } from 'fs'
import { join } from 'path'
import type { Compiler } from 'webpack'

export interface PackagesFile {
  version: 1
  packages: Array<{ root: string; files: string[] }>
}

/**
 * A data file as the weapp loads it: a CommonJS module (WeChat's require.async loads only .js).
 * U+2028/2029 are escaped because ES5 string literals may not hold them.
 */
export function weappModuleSource(json: string): string {
  return `module.exports=${json.trim().replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')};\n`
}

const dataDir = join(__dirname, '..', 'src', 'data')

/**
 * weapp: writes every data file of src/data/packages.json into its subpackage as
 * <root>/<name>.js (a plain CommonJS module, outside webpack's module graph), for
 * src/data/loader.weapp.ts to load with require.async.
 */
export class WeappDataPackagesPlugin {
  apply(compiler: Compiler) {
    const { RawSource } = compiler.webpack.sources
    compiler.hooks.thisCompilation.tap('WeappDataPackages', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'WeappDataPackages', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const packages = JSON.parse(readFileSync(join(dataDir, 'packages.json'), 'utf8')) as PackagesFile
          for (const pkg of packages.packages) {
            for (const name of pkg.files) {
              const file = join(dataDir, 'shards', `${name}.json`)
              // Marked minimized: the minifier would rewrite every Chinese character as a \uXXXX
              // escape (6 bytes instead of 3) and break the sizes the pipeline packed for.
              compilation.emitAsset(`${pkg.root}/${name}.js`, new RawSource(weappModuleSource(readFileSync(file, 'utf8'))), { minimized: true })
            }
          }
        },
      )
    })
  }
}

// Files the prerender makes, held beside the site until every page and card has succeeded, then
// moved into place: a failure leaves the site as it was, with no half-prerendered pages, and
// nothing of 10,000 pages has to wait in memory. A file whose bytes are already the site's is
// not staged at all: the site keeps it untouched (and precompress.ts keeps its copies).
import fs from 'node:fs'
import path from 'node:path'

export class StagedFiles {
  private readonly dir: string
  private readonly files: string[] = []
  private readonly madeDirs = new Set<string>()
  /** Files written with the very bytes the site already had (left as they are). */
  unchanged = 0

  /** Stages files for `dist`, in a sibling directory (same disk: moving a file is a rename). */
  constructor(private readonly dist: string) {
    this.dir = fs.mkdtempSync(path.join(path.dirname(dist), `.${path.basename(dist)}-prerender-`))
  }

  /** `file` is a path under the site root, with forward slashes. */
  write(file: string, data: string | Buffer): void {
    if (this.sameAsSite(file, data)) {
      this.unchanged++
      return
    }
    const target = path.join(this.dir, file)
    this.ensureDir(path.dirname(target))
    fs.writeFileSync(target, data)
    this.files.push(file)
  }

  /** Moves every staged file into the site, replacing what was there. */
  commit(): void {
    this.madeDirs.clear()
    for (const file of this.files) {
      const target = path.join(this.dist, file)
      this.ensureDir(path.dirname(target))
      fs.renameSync(path.join(this.dir, file), target)
    }
    this.discard()
  }

  /** Files staged so far (written with new bytes). */
  get changed(): number {
    return this.files.length
  }

  private sameAsSite(file: string, data: string | Buffer): boolean {
    const bytes = typeof data === 'string' ? Buffer.from(data) : data
    try {
      const current = path.join(this.dist, file)
      return fs.statSync(current).size === bytes.length && fs.readFileSync(current).equals(bytes)
    } catch {
      return false
    }
  }

  discard(): void {
    fs.rmSync(this.dir, { recursive: true, force: true })
  }

  private ensureDir(dir: string): void {
    if (this.madeDirs.has(dir)) return
    fs.mkdirSync(dir, { recursive: true })
    this.madeDirs.add(dir)
  }
}

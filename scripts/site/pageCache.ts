// Which prerendered pages need rendering again (scripts/site/prerender.ts). Each page's key is a hash
// of exactly what its HTML is made from: the renderer's bundle and the page-writing code, the
// site-wide parts every page carries (shell, policy, stylesheet, boot script), the page's own
// meta and record, and what it shows of other data (an article page: its related articles' list
// entries as the renderer reads them, the disclaimers; scripts/site/renderEntry.tsx
// articlePageInputs). A page whose key is the one its file in the site was written with, and
// whose file still has the size and modification time it had then, is neither rendered nor
// written again: the file already holds those bytes.
//
// The record lives in the build cache (one JSON file per site folder); without a cache folder
// every page is rendered, as before.
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

const FORMAT = 1

/** A page file's key, and the size and mtime its file had once written. */
type Entry = [key: string, size: number, mtimeMs: number]

export function pageKey(...parts: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex')
}

/** A fingerprint of source files (the code that writes pages): their paths and contents. */
export function sourceFingerprint(files: readonly string[]): string {
  const hash = createHash('sha256')
  for (const file of files) hash.update(`${file}\0`).update(fs.readFileSync(file)).update('\0')
  return hash.digest('hex')
}

export class PageCache {
  private readonly file: string | undefined
  private readonly previous: Record<string, Entry>
  private readonly next: Record<string, Entry> = {}
  private readonly written = new Map<string, string>()
  /** Pages found current (not rendered), and their bytes. */
  reused = 0
  reusedBytes = 0

  constructor(
    private readonly dist: string,
    cacheDir: string | undefined,
  ) {
    this.file = cacheDir ? path.join(cacheDir, 'pages', `${createHash('sha256').update(path.resolve(dist)).digest('hex').slice(0, 16)}.json`) : undefined
    this.previous = this.read()
  }

  private read(): Record<string, Entry> {
    if (!this.file) return {}
    try {
      const saved = JSON.parse(fs.readFileSync(this.file, 'utf8')) as { format?: number; pages?: Record<string, Entry> }
      return saved.format === FORMAT && saved.pages ? saved.pages : {}
    } catch {
      return {}
    }
  }

  /** True when the site's `file` is already the page of `key` (it is then kept as it is). */
  current(file: string, key: string): boolean {
    const entry = this.previous[file]
    if (!entry || entry[0] !== key) return false
    try {
      const stat = fs.statSync(path.join(this.dist, file))
      if (stat.size !== entry[1] || stat.mtimeMs !== entry[2]) return false
    } catch {
      return false
    }
    this.next[file] = entry
    this.reused++
    this.reusedBytes += entry[1]
    return true
  }

  /** `file` was rendered for `key` (and written, or found identical): recorded by `save`. */
  rendered(file: string, key: string): void {
    this.written.set(file, key)
  }

  /** Records what the site's files now hold; call once they are in place. Forgets pages gone. */
  save(): void {
    if (!this.file) return
    for (const [file, key] of this.written) {
      const stat = fs.statSync(path.join(this.dist, file))
      this.next[file] = [key, stat.size, stat.mtimeMs]
    }
    fs.mkdirSync(path.dirname(this.file), { recursive: true })
    const temporary = `${this.file}.${process.pid}`
    fs.writeFileSync(temporary, JSON.stringify({ format: FORMAT, pages: this.next }))
    fs.renameSync(temporary, this.file)
  }

  /** Forgets the record (before the site's files change in ways it cannot see). */
  clear(): void {
    if (this.file) fs.rmSync(this.file, { force: true })
  }
}

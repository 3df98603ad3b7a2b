// Imported by the H5 service worker (dist/h5/sw-update.js, bundled by scripts/site/serviceWorker.ts
// with this build's figures in SW_BUILD): what a new build's worker does when it takes over.
//
// Every runtime cache carries the build's version in its name (health-news-pages-<version>…),
// so a build never serves what an older build cached as if it were its own. On activate, what
// the reader had is carried over into this build's caches, then the older caches are deleted:
//   - pages: each page read before is fetched again, so the cache holds THIS build's copy of it,
//     naming this build's scripts (which the precache holds). An older copy names scripts that
//     are gone: offline it would show its text but the app could never start on it. A page that
//     cannot be fetched now (gone from the site, network lost mid-update) is dropped, and offline
//     that address gets the precached shell, which starts with this build's scripts;
//   - data files: kept when this build reads the same edition folder (its name is a hash of the
//     data, so the same name means the same bytes); a file of an older edition whose SHA-256 is
//     the one this edition lists under its name moves to this edition's address (the bytes are
//     hashed here, so nothing unverified is carried); the rest is dropped, and read again when used;
//   - images (share cards, static pictures): kept, their addresses do not change with a build.
// Scripts are in the precache, which Workbox itself brings up to date.
// Workbox's own cleanupOutdatedCaches only handles precaches, hence this file.

declare const SW_BUILD: {
  version: string
  prefix: string
  /** This edition's data folder, e.g. "/data/3f2a9c1b7d4e/". */
  dataPath: string
  /** This edition's data files: name → the start of its SHA-256 (lowercase hex). */
  dataFiles: Record<string, string>
}

interface ExtendableEventLike {
  waitUntil(promise: Promise<unknown>): void
}
interface WorkerScope {
  addEventListener(type: 'activate', listener: (event: ExtendableEventLike) => void): void
}

/** The runtime caches this worker family names: <prefix>-<kind>-<version>, or the unversioned ones of the first worker. */
const KINDS = ['pages', 'data', 'images'] as const
type Kind = (typeof KINDS)[number]

export function runtimeCacheName(kind: Kind): string {
  return `${SW_BUILD.prefix}-${kind}-${SW_BUILD.version}`
}

/** The kind of an older build's runtime cache, or null for this build's caches and anything else. */
function olderRuntimeCache(name: string): Kind | null {
  for (const kind of KINDS) {
    const stem = `${SW_BUILD.prefix}-${kind}`
    if (name === stem) return kind
    if (name.startsWith(`${stem}-`) && /^[0-9a-f]+$/.test(name.slice(stem.length + 1)) && name !== runtimeCacheName(kind)) return kind
  }
  return null
}

/** Runs `task` over `items`, `width` at a time: a few hundred pages must not go out at once. */
async function inTurn<T>(items: readonly T[], width: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  const lane = async () => {
    while (next < items.length) await task(items[next++])
  }
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, lane))
}

async function refetchPages(from: Cache, to: Cache): Promise<void> {
  const requests = await from.keys()
  await inTurn(requests, 4, async (request) => {
    if (await to.match(request.url)) return
    try {
      const response = await fetch(request.url, { credentials: 'same-origin', cache: 'no-cache' })
      // A redirected answer cannot stand in for a navigation; a 404 is no page to keep.
      if (response.ok && !response.redirected) await to.put(request.url, response)
    } catch {
      // Offline now: the shell answers this address until it is read again.
    }
  })
}

async function copyEntries(from: Cache, to: Cache, keep: (url: URL) => boolean): Promise<void> {
  for (const request of await from.keys()) {
    if (!keep(new URL(request.url)) || (await to.match(request))) continue
    const response = await from.match(request)
    if (response) await to.put(request, response)
  }
}

async function sha256Hex(response: Response): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await response.arrayBuffer())
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('')
}

/** Data files of this edition, and older editions' files with the same name and bytes, moved to this edition's address. */
async function carryOverData(from: Cache, to: Cache): Promise<void> {
  for (const request of await from.keys()) {
    const url = new URL(request.url)
    const older = /\/data\/[0-9a-f]+\/([a-z0-9-]+)\.json$/.exec(url.pathname)
    const here = url.pathname.startsWith(SW_BUILD.dataPath)
    if (!here && !(older && Object.prototype.hasOwnProperty.call(SW_BUILD.dataFiles, older[1]))) continue
    const target = here ? request.url : new URL(`${SW_BUILD.dataPath}${(older as RegExpExecArray)[1]}.json`, url).href
    if (await to.match(target)) continue
    const response = await from.match(request)
    if (!response) continue
    if (!here) {
      const expected = SW_BUILD.dataFiles[(older as RegExpExecArray)[1]]
      if (!(await sha256Hex(response.clone())).startsWith(expected)) continue
    }
    await to.put(target, response)
  }
}

export async function carryOverCaches(): Promise<void> {
  const names = await caches.keys()
  for (const name of names) {
    const kind = olderRuntimeCache(name)
    if (!kind) continue
    try {
      const from = await caches.open(name)
      const to = await caches.open(runtimeCacheName(kind))
      if (kind === 'pages') await refetchPages(from, to)
      else if (kind === 'data') await carryOverData(from, to)
      else if (kind === 'images') await copyEntries(from, to, () => true)
    } catch {
      // Storage full or a cache gone meanwhile: what was not carried over is read again later.
    } finally {
      await caches.delete(name)
    }
  }
}

;(self as unknown as WorkerScope).addEventListener('activate', (event) => event.waitUntil(carryOverCaches()))

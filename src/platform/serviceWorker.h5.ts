// H5 only: registers the Workbox service worker the build generates (scripts/site/serviceWorker.ts),
// so the site opens offline after one visit. Not inside WeChat's own browser: its X5/XWeb
// kernels keep their own page cache and some versions handle service workers badly, and a
// WeChat reader always has the mini-program; there the site simply stays online-only.
declare const H5_BASE_URL: string | undefined

/**
 * Registers the worker once the page has loaded. `withoutWorker` runs when none will run here
 * (no support, WeChat's browser, an insecure page, a refused registration): where one runs, its
 * install precaches the app's scripts, so nobody needs to fetch them ahead a second time.
 */
export function registerServiceWorker(withoutWorker: () => void = () => {}): void {
  if (typeof window === 'undefined' || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return withoutWorker()
  if (/MicroMessenger/i.test(navigator.userAgent)) return withoutWorker()
  // Secure contexts only (https, or 127.0.0.1 / localhost for `npm start`).
  if (!window.isSecureContext) return withoutWorker()
  const base = typeof H5_BASE_URL === 'string' ? new URL(H5_BASE_URL).pathname.replace(/\/+$/, '') : ''
  const register = () => {
    // No worker (private mode, storage full, blocked): the site still works online.
    // updateViaCache 'none': the update check also reads sw-update.js (its activate step) past
    // any HTTP cache, so a new build's worker never runs with an older build's copy of it.
    navigator.serviceWorker.register(`${base}/sw.js`, { scope: `${base}/`, updateViaCache: 'none' }).catch(withoutWorker)
  }
  // After the page has loaded, so precaching never competes with the first screen.
  if (document.readyState === 'complete') register()
  else window.addEventListener('load', register, { once: true })
}

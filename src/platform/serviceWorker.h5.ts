// H5 only: registers the Workbox service worker the build generates (scripts/lib/serviceWorker.ts),
// so the site opens offline after one visit. Not inside WeChat's own browser: its X5/XWeb
// kernels keep their own page cache and some versions handle service workers badly, and a
// WeChat reader always has the mini-program; there the site simply stays online-only.
declare const H5_BASE_URL: string | undefined

export function registerServiceWorker(): void {
  if (typeof window === 'undefined' || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return
  if (/MicroMessenger/i.test(navigator.userAgent)) return
  // Secure contexts only (https, or 127.0.0.1 / localhost for `npm start`).
  if (!window.isSecureContext) return
  const base = typeof H5_BASE_URL === 'string' ? new URL(H5_BASE_URL).pathname.replace(/\/+$/, '') : ''
  const register = () => {
    navigator.serviceWorker.register(`${base}/sw.js`, { scope: `${base}/` }).catch(() => {
      // No worker (private mode, storage full): the site still works online.
    })
  }
  // After the page has loaded, so precaching never competes with the first screen.
  if (document.readyState === 'complete') register()
  else window.addEventListener('load', register, { once: true })
}

// Offline use: registers the service worker the build makes (vite.config.ts), once the first picture is up so
// that precaching (about 10 MB) never competes with it. After that the app opens and works without a network:
// its code, basemap, reference data and samples come from the cache, kept datasets from IndexedDB.
// `data-offline-ready` on the root element says when this device has it all.

/** Wait after the page's load event before registering: the first picture has priority. */
const REGISTER_AFTER_MS = 2_000;

export function registerOffline(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const register = () => {
    navigator.serviceWorker
      .register('./sw.js', { scope: './' })
      .then(() => navigator.serviceWorker.ready)
      .then(() => {
        document.documentElement.dataset['offlineReady'] = 'true';
      })
      .catch((error: unknown) => {
        // The app works as before, only not offline (e.g. a private window, or served over plain http).
        console.warn('Forgemap could not be made available offline:', error);
      });
  };
  const later = () => setTimeout(register, REGISTER_AFTER_MS);
  if (document.readyState === 'complete') later();
  else window.addEventListener('load', later, { once: true });
}

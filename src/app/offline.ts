// Offline use: registers the service worker the build makes (vite.config.ts) once the first picture is up
// and the page is idle (idle-work.ts), so that precaching (about 10 MB, seconds of a core on a slow machine)
// never competes with it. After that the app opens and works without a network: its code, basemap,
// reference data and samples come from the cache, kept datasets from IndexedDB. `data-offline-ready` on
// the root element says when this device has it all.
import { afterFirstPicture } from './idle-work.ts';

export function registerOffline(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  afterFirstPicture(() => {
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
  });
}

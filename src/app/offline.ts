// Offline use: registers the service worker the build makes (vite.config.ts) once the first picture is up
// and the page is idle, so that precaching (about 10 MB, seconds of a core on a slow machine) never competes
// with it. After that the app opens and works without a network: its code, basemap, reference data and
// samples come from the cache, kept datasets from IndexedDB. `data-offline-ready` on the root element says
// when this device has it all.
import { onceMarked } from '../ui/perf-marks.ts';

/** The marks of a first picture (src/ui/perf-marks.ts): the map or the network drawn. */
const FIRST_PICTURE = ['map-ready', 'network-ready'] as const;
/** A page that shows no picture (a dialog waiting for the user, a table) registers this long after load. */
const WITHOUT_PICTURE_MS = 20_000;
/** After the first picture, the longest wait for an idle moment. */
const IDLE_WITHIN_MS = 5_000;

export function registerOffline(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  let started = false;
  const register = () => {
    if (started) return;
    started = true;
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
  const whenIdle = () => {
    if (typeof window.requestIdleCallback === 'function')
      window.requestIdleCallback(register, { timeout: IDLE_WITHIN_MS });
    else setTimeout(register, 1_000);
  };
  onceMarked(FIRST_PICTURE, whenIdle);
  const fallback = () => setTimeout(whenIdle, WITHOUT_PICTURE_MS);
  if (document.readyState === 'complete') fallback();
  else window.addEventListener('load', fallback, { once: true });
}

// The page's first script (index.html), kept small: what the address asks for starts here, alongside the
// app's own script (whose chunks index.html names as preloads, vite.config.ts) rather than after it has run.
// A file to import (`?data=` without a dataset in the hash) has the import worker made now, so that its code
// loads on the other core, and the file itself read while the app starts (data-param.ts); a start on the map
// has MapLibre's code (1 MB) and the map's basemap and counties fetched, and a start on the network or the
// gaps never loads it at all; a dataset named by hash is asked of the device's store, and a sample or a
// dataset embedded in the link has the code that loads its JSON fetched (bundle-code.ts). Then the app: its
// libraries first (app-libraries.ts, app-renderer.ts), each in a task of its own, then the rest.
import { decodeRoute } from '../state/route.ts';
import { startImportWorkerEarly } from '../workers/early-import-worker.ts';
import { bundleCode } from './bundle-code.ts';
import { addressOpensFile, prefetchDataParam } from './data-param.ts';
import { askForStoredEarly } from './device-store.ts';
import { mapViewCode } from './view-code.ts';

const { view, dataset } = decodeRoute(window.location.hash).route;
if (addressOpensFile()) startImportWorkerEarly();
// A file and a dataset hash (`?data=…#/h:…`): the file is fetched while the store is asked for the dataset.
prefetchDataParam();
if (view === 'map' || view === 'split') {
  void mapViewCode();
  // What the map needs before it can draw: the basemap's tiles and the counties.
  void import('../views/map/warm.ts').then(({ warmMap }) => warmMap());
}
if (dataset.kind === 'hash') askForStoredEarly(dataset.id);
// A JSON text to load (a sample, a dataset embedded in the link): the code that loads it, meanwhile.
else if (!addressOpensFile()) void bundleCode();

import('./app-libraries.ts')
  .then(() => import('./app-renderer.ts'))
  .then(() => import('./main.tsx'))
  .catch((error: unknown) => {
    const root = document.getElementById('root');
    if (root !== null)
      root.textContent = `Forgemap could not load its script (${error instanceof Error ? error.message : String(error)}). Reload the page to try again.`;
  });

// The code that loads a bundle's JSON (its checks and zod schemas: ~30 ms to evaluate), asked for once, when
// a start has a JSON text to load: a sample or a link's embedded dataset, fetched by the page's first script
// (boot.ts) alongside the app's. A dataset kept on this device is read from its columns without it.
import { loadOnce } from '../views/map/load-once.ts';

export const bundleCode = loadOnce(() => import('../io/load-bundle.ts'));

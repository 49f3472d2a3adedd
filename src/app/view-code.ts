// The code of the two picture views, each asked for once: by the page's first script when the address opens
// on it (src/app/boot.ts, main.tsx), else when the workspace first shows it. The promise says when it has
// settled (React's `use` reads its status), so that a view whose code is already there is drawn in the
// same render, not after a round through its loading placeholder.
import { loadOnce } from '../views/map/load-once.ts';

type Tracked<T> = Promise<T> &
  ({ status?: undefined } | { status: 'fulfilled'; value: T } | { status: 'rejected'; reason: unknown });

/** `promise`, which says once settled how (`status`, and `value` or `reason`), as React's `use` reads. */
export function tracked<T>(promise: Promise<T>): Tracked<T> {
  // The handlers return nothing: returning the promise would make the chained one reject unhandled.
  promise.then(
    (value) => void Object.assign(promise, { status: 'fulfilled', value }),
    (reason: unknown) => void Object.assign(promise, { status: 'rejected', reason }),
  );
  return promise as Tracked<T>;
}

// Asked for once; a failure (a chunk that did not load) is asked for again by the next render.
export const mapViewCode = loadOnce(() => tracked(import('../views/map/MapView.tsx')));
export const networkViewCode = loadOnce(() => tracked(import('../views/network/NetworkView.tsx')));

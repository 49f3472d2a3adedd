// The points worker, made ahead: a big dataset about to be drawn on a map has it start (a thread and its
// code, ~0.15 s on two cores) as the dataset arrives (app/useWorkspaceData.ts), while the page works out the
// positions and makes the map, rather than once the map view is on the page. Kept apart from the points
// client so that the app's own chunk does not carry the clustering code.

/** Up to this many organizations, the map's points are clustered on the main thread (no worker start). */
export const IN_THREAD_POINTS = 10_000;

/** A worker made ahead and not taken by then (the map was not shown after all) is ended. */
const EARLY_WORKER_WAITS_MS = 20_000;

let early: Worker | undefined;
/** A client loaded ahead (points-client.ts) holds a worker: the dataset needs no other made ahead. */
let heldAhead = false;

function makePointsWorker(): Worker {
  return new Worker(new URL('../points.worker.ts', import.meta.url), { type: 'module' });
}

/** Makes the points worker now for a dataset of this many organizations, if it will need one. */
export function startPointsWorkerEarly(organizations: number): void {
  if (organizations <= IN_THREAD_POINTS || typeof Worker === 'undefined' || early !== undefined || heldAhead)
    return;
  const worker = makePointsWorker();
  early = worker;
  setTimeout(() => {
    if (early !== worker) return;
    early = undefined;
    worker.terminate();
  }, EARLY_WORKER_WAITS_MS);
}

/** Whether a client loaded ahead holds a worker (then startPointsWorkerEarly makes none). */
export function holdPointsWorkerAhead(held: boolean): void {
  heldAhead = held;
}

/** The worker made ahead, if one is waiting; else a new one. */
export function takePointsWorker(): Worker {
  const worker = early ?? makePointsWorker();
  early = undefined;
  return worker;
}

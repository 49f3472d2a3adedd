// The map's handle on the points worker (one actor, see ../actor.ts): one promise per request, answered in
// the order sent. Without workers (unit tests, odd browsers) the same engine runs in this thread.
import { createActor, fromWorker, inThreadLazy } from '../actor.ts';
import type { WorkerLike } from '../actor.ts';
import type { MapPointFeature, PointColumns } from './cluster-index.ts';
import { pointsArgs } from './points-api.ts';
import type { PointsApi } from './points-api.ts';
import type { PointWindow } from './view-window.ts';
import { holdPointsWorkerAhead, takePointsWorker } from './early-points-worker.ts';

export interface PointsClient {
  /** A new dataset: resolves with the number of organizations indexed. */
  load(columns: PointColumns, mask: Uint8Array): Promise<number>;
  setMask(mask: Uint8Array): Promise<number>;
  setRadii(radii: Float64Array): Promise<number>;
  /** The clusters and points of a window of the map. */
  features(window: PointWindow): Promise<MapPointFeature[]>;
  expansionZoom(clusterId: number): Promise<number>;
  dispose(): void;
}

function clientOver(start: () => WorkerLike): PointsClient {
  const actor = createActor<PointsApi>(start, {
    name: 'map’s points',
    cancelled: () => new Error('The map’s points were closed.'),
    // A map whose points worker failed says so on every request rather than restarting it in a loop.
    failForever: true,
  });
  return {
    load: (columns, mask) => actor.call('load', { columns, mask }),
    setMask: (mask) => actor.call('mask', mask),
    setRadii: (radii) => actor.call('radii', radii),
    features: (window) => actor.call('window', window),
    expansionZoom: (clusterId) => actor.call('expansion', clusterId),
    dispose: () => actor.dispose(),
  };
}

/** The engine in this thread, answering each request in a later task, in order, as the worker would. */
export function createInThreadPointsClient(): PointsClient {
  return clientOver(() =>
    inThreadLazy<PointsApi>(
      ['load', 'mask', 'radii', 'window', 'expansion'],
      async () => {
        const { PointsEngine, pointsHandlers } = await import('./points-engine.ts');
        return pointsHandlers(new PointsEngine());
      },
      pointsArgs,
    ),
  );
}

export function createWorkerPointsClient(makeWorker: () => Worker): PointsClient {
  return clientOver(() => fromWorker(makeWorker()));
}

/** A client loaded ahead and not taken by then (the map was not shown after all) is ended. */
const AHEAD_WAITS_MS = 20_000;

let ahead: PointsClient | undefined;

/**
 * Starts the points worker on a dataset now, before any map asks for it (app/points-ahead.ts). The next
 * createPointsClient takes this client; when its map then loads the same columns and mask, the worker keeps
 * the index it built meanwhile (points-engine.ts).
 */
export function loadPointsAhead(columns: PointColumns, mask: Uint8Array): void {
  if (typeof Worker === 'undefined') return;
  ahead?.dispose();
  const client = createWorkerPointsClient(takePointsWorker);
  ahead = client;
  holdPointsWorkerAhead(true);
  // A failure is met again, and said, by the map's own load.
  client.load(columns, mask).catch(() => undefined);
  setTimeout(() => {
    if (ahead !== client) return;
    ahead = undefined;
    holdPointsWorkerAhead(false);
    client.dispose();
  }, AHEAD_WAITS_MS);
}

/**
 * The client loaded ahead if there is one, else a new one: the worker where there are workers, else this
 * thread.
 */
export function createPointsClient(): PointsClient {
  if (typeof Worker === 'undefined') return createInThreadPointsClient();
  const client = ahead ?? createWorkerPointsClient(takePointsWorker);
  ahead = undefined;
  holdPointsWorkerAhead(false);
  return client;
}

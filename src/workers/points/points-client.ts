// The map's handle on the points worker (one actor, see ../actor.ts): one promise per request, answered in
// the order sent. Without workers (unit tests, odd browsers) the same engine runs in this thread.
import { createActor, fromWorker, inThreadLazy } from '../actor.ts';
import type { WorkerLike } from '../actor.ts';
import type { MapPointFeature, PointColumns } from './cluster-index.ts';
import { pointsArgs } from './points-engine.ts';
import type { PointsApi } from './points-engine.ts';
import type { PointWindow } from './view-window.ts';
import { takePointsWorker } from './early-points-worker.ts';

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

/** The worker where there are workers, else this thread. */
export function createPointsClient(): PointsClient {
  if (typeof Worker === 'undefined') return createInThreadPointsClient();
  return createWorkerPointsClient(takePointsWorker);
}

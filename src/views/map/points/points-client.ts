// The map's handle on the points worker: one promise per request, answered in the order sent. Without
// workers (unit tests, odd browsers) the same engine runs in this thread.
import type { MapPointFeature, PointColumns } from './cluster-index.ts';
import { PointsEngine, answer } from './points-engine.ts';
import type { PointsAnswer, PointsCall, PointsRequest, PointsResults } from './points-engine.ts';
import type { PointWindow } from './view-window.ts';

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

interface Channel {
  post(call: PointsCall): void;
  /** Called once with the function that takes every answer, and with one that takes a fatal error. */
  listen(onAnswer: (answer: PointsAnswer) => void, onFailure: (message: string) => void): void;
  close(): void;
}

function clientOver(channel: Channel): PointsClient {
  let nextId = 1;
  let failure: string | null = null;
  const pending = new Map<number, { resolve: (value: never) => void; reject: (error: Error) => void }>();
  channel.listen(
    (reply) => {
      const waiter = pending.get(reply.id);
      if (waiter === undefined) return;
      pending.delete(reply.id);
      if (reply.ok) waiter.resolve(reply.result as never);
      else waiter.reject(new Error(reply.error));
    },
    (message) => {
      failure = message;
      for (const waiter of pending.values()) waiter.reject(new Error(message));
      pending.clear();
    },
  );
  const call = <K extends keyof PointsResults>(request: PointsRequest & { type: K }) =>
    new Promise<PointsResults[K]>((resolve, reject) => {
      if (failure !== null) {
        reject(new Error(failure));
        return;
      }
      const id = nextId++;
      pending.set(id, { resolve: resolve as (value: never) => void, reject });
      channel.post({ id, request });
    });
  return {
    load: (columns, mask) => call({ type: 'load', columns, mask }),
    setMask: (mask) => call({ type: 'mask', mask }),
    setRadii: (radii) => call({ type: 'radii', radii }),
    features: (window) => call({ type: 'window', window }),
    expansionZoom: (clusterId) => call({ type: 'expansion', clusterId }),
    dispose() {
      failure = 'The map’s points were closed.';
      for (const waiter of pending.values()) waiter.reject(new Error(failure));
      pending.clear();
      channel.close();
    },
  };
}

/** The engine in this thread, answering each request in a later task, in order, as the worker would. */
export function createInThreadPointsClient(): PointsClient {
  const engine = new PointsEngine();
  let deliver: (reply: PointsAnswer) => void = () => {};
  let closed = false;
  return clientOver({
    post: (call) =>
      void setTimeout(() => {
        if (!closed) deliver(answer(engine, call));
      }, 0),
    listen: (onAnswer) => {
      deliver = onAnswer;
    },
    close: () => {
      closed = true;
    },
  });
}

export function createWorkerPointsClient(makeWorker: () => Worker): PointsClient {
  const worker = makeWorker();
  return clientOver({
    post: (call) => worker.postMessage(call),
    listen(onAnswer, onFailure) {
      worker.addEventListener('message', (event: MessageEvent<PointsAnswer>) => onAnswer(event.data));
      worker.addEventListener('error', (event) => {
        event.preventDefault();
        onFailure(`The map’s points worker stopped: ${event.message || 'it could not start'}.`);
      });
    },
    close: () => worker.terminate(),
  });
}

/** The worker where there are workers, else this thread. */
export function createPointsClient(): PointsClient {
  if (typeof Worker === 'undefined') return createInThreadPointsClient();
  return createWorkerPointsClient(
    () => new Worker(new URL('../../../workers/points.worker.ts', import.meta.url), { type: 'module' }),
  );
}

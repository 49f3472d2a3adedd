// The app's handle on the analysis: runs requests in a Web Worker and falls back to the main thread where
// workers are unavailable (and in unit tests). Cancelling terminates the worker; the next request starts a
// fresh one and sends the dataset again.
import type { Bundle } from '../domain/model.ts';
import { AnalysisEngine } from './analysis-engine.ts';
import type { ProgressListener, ReferenceLoaders } from './analysis-engine.ts';
import type { AnalysisOutcome, AnalysisRequest, FromWorker, ToWorker } from './protocol.ts';

export class AnalysisCancelled extends Error {
  constructor() {
    super('The analysis was cancelled.');
    this.name = 'AnalysisCancelled';
  }
}

export interface AnalysisClient {
  /** Makes `bundle` the dataset requests with `datasetKey` run on. */
  load(datasetKey: string, bundle: Bundle): void;
  analyze(
    request: AnalysisRequest,
    options?: { onProgress?: ProgressListener; signal?: AbortSignal },
  ): Promise<AnalysisOutcome>;
  dispose(): void;
}

/** In-thread client: same engine, same answers, no worker. */
export function createInThreadClient(loaders: ReferenceLoaders): AnalysisClient {
  const engine = new AnalysisEngine(loaders);
  return {
    load: (key, bundle) => engine.load(key, bundle),
    async analyze(request, options = {}) {
      const cancelled = () => options.signal?.aborted === true;
      if (cancelled()) throw new AnalysisCancelled();
      const outcome = await engine.analyze(request, options.onProgress);
      if (cancelled()) throw new AnalysisCancelled();
      return outcome;
    },
    dispose: () => {},
  };
}

export function createWorkerClient(makeWorker: () => Worker): AnalysisClient {
  let worker: Worker | null = null;
  let loaded: { key: string; bundle: Bundle } | null = null;
  let nextId = 1;
  const pending = new Map<
    number,
    {
      resolve: (o: AnalysisOutcome) => void;
      reject: (e: Error) => void;
      onProgress?: ProgressListener | undefined;
    }
  >();

  const ensureWorker = (): Worker => {
    if (worker !== null) return worker;
    const created = makeWorker();
    created.addEventListener('message', (event: MessageEvent<FromWorker>) => {
      const message = event.data;
      const entry = pending.get(message.id);
      if (entry === undefined) return;
      if (message.type === 'progress') entry.onProgress?.(message.phase, message.fraction);
      else {
        pending.delete(message.id);
        if (message.type === 'result') entry.resolve(message.outcome);
        else entry.reject(new Error(message.message));
      }
    });
    created.addEventListener('error', (event) => {
      const error = new Error(`The analysis worker failed: ${event.message || 'unknown error'}.`);
      for (const entry of pending.values()) entry.reject(error);
      pending.clear();
      terminate();
    });
    worker = created;
    if (loaded !== null) post({ type: 'load', datasetKey: loaded.key, bundle: loaded.bundle });
    return created;
  };
  const post = (message: ToWorker) => ensureWorker().postMessage(message);
  const terminate = () => {
    worker?.terminate();
    worker = null;
  };

  return {
    load(key, bundle) {
      loaded = { key, bundle };
      if (worker !== null) post({ type: 'load', datasetKey: key, bundle });
    },
    analyze(request, options = {}) {
      const { signal, onProgress } = options;
      if (signal?.aborted === true) return Promise.reject(new AnalysisCancelled());
      const id = nextId++;
      return new Promise<AnalysisOutcome>((resolve, reject) => {
        pending.set(id, { resolve, reject, onProgress });
        signal?.addEventListener(
          'abort',
          () => {
            if (!pending.has(id)) return;
            // A running analysis cannot be interrupted from outside; stopping the worker is the only way.
            for (const [otherId, entry] of pending) {
              entry.reject(new AnalysisCancelled());
              pending.delete(otherId);
            }
            terminate();
          },
          { once: true },
        );
        post({ type: 'analyze', id, request });
      });
    },
    dispose() {
      for (const entry of pending.values()) entry.reject(new AnalysisCancelled());
      pending.clear();
      terminate();
    },
  };
}

/** The client the app uses: a module worker where the browser has one, else the main thread. */
export function createAnalysisClient(loaders: ReferenceLoaders): AnalysisClient {
  if (typeof Worker === 'undefined') return createInThreadClient(loaders);
  return createWorkerClient(
    () => new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module' }),
  );
}

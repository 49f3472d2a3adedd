// The app's handle on the analysis: runs requests in a Web Worker and falls back to the main thread where
// workers are unavailable (and in unit tests). Cancelling terminates the worker; the next request starts a
// fresh one and sends the dataset again.
import type { Bundle } from '../domain/model.ts';
import { AnalysisEngine } from './analysis-engine.ts';
import type { ProgressListener, ReferenceLoaders } from './analysis-engine.ts';
import type { AnalysisOutcome, AnalysisRequest, FromWorker, ToWorker } from './protocol.ts';
import { columnBuffers, linkColumnsBuilder } from '../io/link-split.ts';
import { LINKS_PER_SLICE, ORGANIZATIONS_PER_PART } from './import-parts.ts';
import { unpackOutcome } from './analysis-wire.ts';

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

/** Bundles with more records than this go to the worker in parts (see ToWorker). */
export const PART_THRESHOLD = 20_000;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function createWorkerClient(makeWorker: () => Worker): AnalysisClient {
  let worker: Worker | null = null;
  let loaded: { key: string; bundle: Bundle } | null = null;
  /** Settles once the current dataset has been posted whole; analyses are posted after it. */
  let loadPosted: Promise<void> = Promise.resolve();
  let loadGeneration = 0;
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
        if (message.type === 'result') entry.resolve(unpackOutcome(message.outcome));
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
    if (loaded !== null) sendLoad(loaded.key, loaded.bundle);
    return created;
  };
  const post = (message: ToWorker) => ensureWorker().postMessage(message);
  /** Posts a dataset, in parts with a task between them when it is big; a newer load stops an older one. */
  const sendLoad = (key: string, bundle: Bundle) => {
    const generation = ++loadGeneration;
    const target = ensureWorker();
    if (bundle.organizations.length + bundle.links.length <= PART_THRESHOLD) {
      target.postMessage({ type: 'load', datasetKey: key, bundle } satisfies ToWorker);
      loadPosted = Promise.resolve();
      return;
    }
    loadPosted = (async () => {
      const stale = () => generation !== loadGeneration || worker !== target;
      for (let i = 0; i < bundle.organizations.length; i += ORGANIZATIONS_PER_PART) {
        const items = bundle.organizations.slice(i, i + ORGANIZATIONS_PER_PART);
        target.postMessage({
          type: 'load-part',
          datasetKey: key,
          key: 'organizations',
          items,
        } satisfies ToWorker);
        await nextTask();
        if (stale()) return;
      }
      if (bundle.links.length > 0) {
        // Encoded a slice per task, then moved in one message: link objects cost seconds to clone.
        const builder = linkColumnsBuilder(bundle.links);
        for (let i = 0; i < bundle.links.length; i += LINKS_PER_SLICE) {
          builder.add(i, Math.min(bundle.links.length, i + LINKS_PER_SLICE));
          await nextTask();
          if (stale()) return;
        }
        const message: ToWorker = { type: 'load-links', datasetKey: key, columns: builder.columns };
        target.postMessage(message, columnBuffers(builder.columns));
      }
      const rest = { ...bundle, organizations: [], links: [] };
      target.postMessage({ type: 'load', datasetKey: key, bundle: rest, parts: true } satisfies ToWorker);
    })();
  };
  const terminate = () => {
    worker?.terminate();
    worker = null;
  };

  return {
    load(key, bundle) {
      loaded = { key, bundle };
      if (worker !== null) sendLoad(key, bundle);
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
        const send = () => {
          if (pending.has(id)) post({ type: 'analyze', id, request });
        };
        // A worker made here posts the dataset first; the request follows once that is all sent.
        ensureWorker();
        void loadPosted.then(send);
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

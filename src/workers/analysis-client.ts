// The app's handle on the analysis: one actor (see actor.ts) over the analysis worker, or over the same
// methods in this thread where workers are unavailable (and in unit tests). Cancelling stops the worker; the
// next request starts a fresh one and sends the dataset again.
import type { Bundle } from '../domain/model.ts';
import { knownColumnar } from '../io/columnar.ts';
import { linkCount } from '../io/deferred-links.ts';
import { columnBuffers, copyLinkColumnsSteps, linkColumnsBuilder } from '../io/link-split.ts';
import { createActor, fromWorker, inThreadLazy } from './actor.ts';
import type { Actor, WorkerLike } from './actor.ts';
import { analysisArgs, analysisHandlers } from './analysis-api.ts';
import type { AnalysisApi } from './analysis-api.ts';
import type { ProgressListener, ReferenceLoaders } from './analysis-engine.ts';
import { unpackOutcome, unpackRegions } from './analysis-wire.ts';
import { LINKS_PER_SLICE, ORGANIZATIONS_PER_PART } from './import-parts.ts';
import type {
  AnalysisOutcome,
  AnalysisRequest,
  CompareRequest,
  RegionOutcome,
  ResilienceOutcome,
  ResilienceRequest,
  PrimeChokepointsRequest,
  SupplierChokepointsRequest,
} from './protocol.ts';
import type { Chokepoint } from '../analysis/chokepoints.ts';
import { nextTask, runSliced } from './sliced.ts';

/** The longest the main thread spends copying the link columns before it lets the page go on. */
const SLICE_MS = 30;

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
  /** Other regions of the loaded dataset, by the same membership rule as the home region. */
  compare(request: CompareRequest): Promise<RegionOutcome[]>;
  /** The single points of failure of the home region's graph; not cancellable, like `compare`. */
  resilience(request: ResilienceRequest): Promise<ResilienceOutcome>;
  /** One supplier's chokepoints with what each cuts off (after `resilience`, from the same trees). */
  supplierChokepoints(request: SupplierChokepointsRequest): Promise<Chokepoint[]>;
  primeChokepoints(request: PrimeChokepointsRequest): Promise<string[]>;
  /** Starts the worker ahead of the first dataset, so that its code has loaded by then. */
  warm(): void;
  dispose(): void;
}

const isAborted = (signal: AbortSignal | undefined): boolean => signal?.aborted === true;

/** Bundles with more records than this go to the worker in parts (see AnalysisApi). */
export const PART_THRESHOLD = 20_000;

function clientOver(start: () => WorkerLike): AnalysisClient {
  let loaded: { key: string; bundle: Bundle } | null = null;
  /** Which started worker has (or is being sent) the dataset, and when it has all of it. */
  let sent: { worker: number; posted: Promise<void> } | null = null;
  let started = 0;
  const actor: Actor<AnalysisApi> = createActor<AnalysisApi>(start, {
    name: 'analysis',
    cancelled: () => new AnalysisCancelled(),
    onStart: () => {
      started++;
    },
  });

  /** Posts a dataset, in parts with a task between them when it is big; a newer load stops an older one. */
  const sendLoad = (key: string, bundle: Bundle): Promise<void> => {
    if (bundle.organizations.length + linkCount(bundle) <= PART_THRESHOLD) {
      actor.send('load', { datasetKey: key, bundle });
      return Promise.resolve();
    }
    // Kept on this device: the worker reads the columns (~1 s less of cloning records on this thread).
    const kept = knownColumnar(bundle);
    if (kept !== undefined)
      return actor.call('load-kept', { datasetKey: key, columns: kept }).then(() => undefined);
    actor.send('load-part', {
      datasetKey: key,
      items: bundle.organizations.slice(0, ORGANIZATIONS_PER_PART),
    });
    const worker = started;
    const stale = () => loaded?.bundle !== bundle || !actor.running() || started !== worker;
    return (async () => {
      for (let i = ORGANIZATIONS_PER_PART; i < bundle.organizations.length; i += ORGANIZATIONS_PER_PART) {
        await nextTask();
        if (stale()) return;
        actor.send('load-part', {
          datasetKey: key,
          items: bundle.organizations.slice(i, i + ORGANIZATIONS_PER_PART),
        });
      }
      if (bundle.links.length > 0) {
        // Encoded a slice per task, then moved in one message: link objects cost seconds to clone. Links
        // decoded from columns (an imported bundle) send a copy of those instead, a column per task.
        await nextTask();
        if (stale()) return;
        let columns = await runSliced(copyLinkColumnsSteps(bundle.links), SLICE_MS);
        if (stale()) return;
        await nextTask();
        if (stale()) return;
        if (columns === null) {
          const builder = linkColumnsBuilder(bundle.links);
          for (let i = 0; i < bundle.links.length; i += LINKS_PER_SLICE) {
            await nextTask();
            if (stale()) return;
            builder.add(i, Math.min(bundle.links.length, i + LINKS_PER_SLICE));
          }
          columns = builder.columns;
        }
        actor.send('load-links', { datasetKey: key, columns }, columnBuffers(columns));
      }
      actor.send('load', {
        datasetKey: key,
        bundle: { ...bundle, organizations: [], links: [] },
        parts: true,
      });
    })();
  };
  /** Resolves once the running worker (started now if need be) has been sent the whole dataset. */
  const ready = (): Promise<void> => {
    if (loaded === null) return Promise.resolve();
    if (sent !== null && sent.worker === started && actor.running()) return sent.posted;
    // The first message starts the worker; `started` then names it.
    const posted = sendLoad(loaded.key, loaded.bundle);
    // Callers that wait for it hear a failure; one sent ahead (see load) is not left unhandled.
    posted.catch(() => undefined);
    sent = { worker: started, posted };
    return posted;
  };

  /**
   * Runs `call` once the worker has the dataset. An abort while it runs (sending the dataset included) stops
   * the worker, the only way to interrupt a running analysis; an abort after it settled changes nothing.
   */
  const whileRunning = async <T>(signal: AbortSignal | undefined, call: () => Promise<T>): Promise<T> => {
    if (signal?.aborted === true) throw new AnalysisCancelled();
    let running = true;
    const onAbort = () => {
      if (running) actor.cancel();
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      await ready();
      // TypeScript narrowed `aborted` above, but the signal may have fired while the dataset was sent.
      if (isAborted(signal)) throw new AnalysisCancelled();
      return await call();
    } finally {
      running = false;
      signal?.removeEventListener('abort', onAbort);
    }
  };

  return {
    load(key, bundle) {
      loaded = { key, bundle };
      sent = null;
      if (actor.running()) void ready();
    },
    analyze: (request, options = {}) =>
      whileRunning(options.signal, async () => {
        const packed = await actor.call('analyze', request, {
          onEvent: ({ phase, fraction }) => options.onProgress?.(phase, fraction),
        });
        return unpackOutcome(packed);
      }),
    // Not cancellable: stopping the worker would stop the home region's analysis too. A caller that no
    // longer wants the answer ignores it.
    compare: async (request) => {
      await ready();
      return unpackRegions(await actor.call('compare', request));
    },
    resilience: async (request) => {
      await ready();
      return actor.call('resilience', request);
    },
    supplierChokepoints: async (request) => {
      await ready();
      return actor.call('supplier-chokepoints', request);
    },
    primeChokepoints: async (request) => {
      await ready();
      return actor.call('prime-chokepoints', request);
    },
    warm: () => actor.start(),
    dispose: () => actor.dispose(),
  };
}

/** In-thread client: same methods, same answers, no worker. */
export function createInThreadClient(loaders: ReferenceLoaders): AnalysisClient {
  return clientOver(() =>
    inThreadLazy<AnalysisApi>(
      [
        'load',
        'load-part',
        'load-links',
        'load-kept',
        'analyze',
        'compare',
        'resilience',
        'supplier-chokepoints',
        'prime-chokepoints',
      ],
      async () => analysisHandlers(new (await import('./analysis-engine.ts')).AnalysisEngine(loaders)),
      analysisArgs,
    ),
  );
}

export function createWorkerClient(makeWorker: () => Worker): AnalysisClient {
  return clientOver(() => fromWorker(makeWorker()));
}

/** The client the app uses: a module worker where the browser has one, else the main thread. */
export function createAnalysisClient(loaders: ReferenceLoaders): AnalysisClient {
  if (typeof Worker === 'undefined') return createInThreadClient(loaders);
  return createWorkerClient(
    () => new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module' }),
  );
}

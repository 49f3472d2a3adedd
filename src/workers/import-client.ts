// The app's handle on imports: runs them in a Web Worker, or on the main thread where workers are missing
// (and in unit tests). Cancelling terminates the worker; the next import starts a fresh one. The importer
// code is loaded on demand, so none of it weighs on the app's first load.
import { OutcomeAssembler } from './import-parts.ts';
import type {
  CanonicalBundle,
  FromImportWorker,
  ImportPhase,
  ImportRequest,
  ImportResult,
  ToImportWorker,
} from './import-protocol.ts';

export class ImportCancelled extends Error {
  constructor() {
    super('The import was cancelled.');
    this.name = 'ImportCancelled';
  }
}

export interface ImportRunOptions {
  /** Overall fraction 0…1 and what is being done. */
  onProgress?: ((fraction: number, phase: ImportPhase) => void) | undefined;
  signal?: AbortSignal | undefined;
}

export interface ImportClient {
  /** Rejects with ImportCancelled when the signal aborts; otherwise resolves, even for unreadable files. */
  run(request: ImportRequest, options?: ImportRunOptions): Promise<ImportResult>;
  dispose(): void;
}

/** The reference step (loading the ZIP table) takes the first 5 % of the bar. */
function overall(phase: ImportPhase, fraction: number): number {
  return phase === 'reference' ? 0.05 * fraction : 0.05 + 0.95 * fraction;
}

/** Same importer on the main thread. Cancellation is checked between rows, so an abort stops it early. */
export function createInThreadImportClient(): ImportClient {
  return {
    async run(request, options = {}) {
      const { signal, onProgress } = options;
      // A function, not a narrowed property: the signal can abort while the import awaits.
      const aborted = () => signal?.aborted === true;
      if (aborted()) throw new ImportCancelled();
      const { canonicalOf, runImport } = await import('./import-engine.ts');
      const outcome = await runImport(
        request,
        (phase, fraction) => onProgress?.(overall(phase, fraction), phase),
        aborted,
      );
      if (aborted()) throw new ImportCancelled();
      return { ...outcome, canonical: canonicalOf(outcome) };
    },
    dispose: () => {},
  };
}

export function createImportWorkerClient(makeWorker: () => Worker): ImportClient {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<
    number,
    {
      resolve: (result: ImportResult) => void;
      reject: (error: Error) => void;
      onProgress?: ImportRunOptions['onProgress'];
      parts: OutcomeAssembler;
    }
  >();

  const terminate = () => {
    worker?.terminate();
    worker = null;
  };
  /** Runs that resolved and whose canonical form is still on its way, by id. */
  const canonicals = new Map<number, (canonical: CanonicalBundle | null) => void>();
  const rejectAll = (error: Error) => {
    for (const entry of pending.values()) entry.reject(error);
    pending.clear();
    // Without the worker no canonical form comes; keeping the dataset then makes its own.
    for (const resolve of canonicals.values()) resolve(null);
    canonicals.clear();
  };
  const ensureWorker = (): Worker => {
    if (worker !== null) return worker;
    const created = makeWorker();
    created.addEventListener('message', (event: MessageEvent<FromImportWorker>) => {
      const message = event.data;
      if (message.type === 'canonical' || message.type === 'error') {
        // The canonical form (or the error that stopped it) may come before the result is put together.
        canonicals.get(message.id)?.(message.type === 'canonical' ? message.canonical : null);
        canonicals.delete(message.id);
        if (message.type === 'canonical') return;
      }
      const entry = pending.get(message.id);
      if (entry === undefined) return;
      if (message.type === 'progress')
        entry.onProgress?.(overall(message.phase, message.fraction), message.phase);
      else if (message.type === 'part' || message.type === 'links') entry.parts.add(message);
      else if (message.type === 'result') {
        // Waiting from now on: the canonical form can arrive while the links are still being rebuilt.
        const canonical = new Promise<CanonicalBundle | null>((resolve) =>
          canonicals.set(message.id, resolve),
        );
        // The links are rebuilt a slice per task; a cancel meanwhile (entry gone) drops the outcome.
        void entry.parts.finish(message).then((outcome) => {
          if (pending.get(message.id) !== entry) return;
          pending.delete(message.id);
          entry.resolve({ ...outcome, canonical });
        });
      } else {
        pending.delete(message.id);
        entry.reject(new Error(message.message));
      }
    });
    created.addEventListener('error', (event) => {
      rejectAll(new Error(`The import worker failed: ${event.message || 'unknown error'}.`));
      terminate();
    });
    worker = created;
    return created;
  };

  return {
    run(request, options = {}) {
      const { signal, onProgress } = options;
      if (signal?.aborted === true) return Promise.reject(new ImportCancelled());
      const id = nextId++;
      return new Promise<ImportResult>((resolve, reject) => {
        pending.set(id, { resolve, reject, onProgress, parts: new OutcomeAssembler() });
        signal?.addEventListener(
          'abort',
          () => {
            if (!pending.has(id)) return;
            // The worker reads rows in one synchronous run; only terminating it stops that at once.
            rejectAll(new ImportCancelled());
            terminate();
          },
          { once: true },
        );
        // Not transferred: the dialog keeps the bytes to re-run the import with an edited mapping.
        const message: ToImportWorker = { type: 'import', id, request };
        ensureWorker().postMessage(message);
      });
    },
    dispose() {
      rejectAll(new ImportCancelled());
      terminate();
    },
  };
}

/** The client the app uses: a module worker where the browser has one, else the main thread. */
export function createImportClient(): ImportClient {
  if (typeof Worker === 'undefined') return createInThreadImportClient();
  return createImportWorkerClient(
    () => new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' }),
  );
}

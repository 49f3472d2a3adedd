// The app's handle on imports: one actor (see actor.ts) over the import worker, or over the same methods in
// this thread where workers are missing (and in unit tests). Cancelling stops the worker; the next import
// starts a fresh one. The importer code is loaded on demand, so none of it weighs on the app's first load.
import { createActor, fromWorker, inThreadLazy } from './actor.ts';
import type { WorkerLike } from './actor.ts';
import { takeImportWorker } from './early-import-worker.ts';
import type { ImportApi } from './import-api.ts';
import { OutcomeAssembler } from './import-parts.ts';
import { importArgSchemas } from './import-protocol.ts';
import type { ImportPhase, ImportRequest, ImportResult } from './import-protocol.ts';

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
  /**
   * Move the files' bytes to the worker instead of copying them: a copy of a 100 MB file is a main-thread
   * task of over half a second, and as long again for the worker to take it. The caller's arrays are
   * empty afterwards.
   */
  moveBytes?: boolean | undefined;
}

export interface ImportClient {
  /** Rejects with ImportCancelled when the signal aborts; otherwise resolves, even for unreadable files. */
  run(request: ImportRequest, options?: ImportRunOptions): Promise<ImportResult>;
  /** Starts the worker ahead of its first file (a `?data=` link: it loads while the page starts). */
  warm(): void;
  /**
   * Holds the kept form the worker makes after a run (true), while the page draws its first picture, or
   * lets it go on (false). Starts no worker.
   */
  holdKeptForm(hold: boolean): void;
  dispose(): void;
}

/** The reference step (loading the ZIP table) takes the first 5 % of the bar. */
function overall(phase: ImportPhase, fraction: number): number {
  return phase === 'reference' ? 0.05 * fraction : 0.05 + 0.95 * fraction;
}

function clientOver(start: () => WorkerLike): ImportClient {
  const actor = createActor<ImportApi>(start, { name: 'import', cancelled: () => new ImportCancelled() });
  return {
    async run(request, options = {}) {
      const { signal, onProgress, moveBytes = false } = options;
      const parts = new OutcomeAssembler();
      const light = await actor.call('run', request, {
        signal,
        transfer: moveBytes ? buffersOf(request) : [],
        onEvent: (event) => {
          if (event.type === 'progress') onProgress?.(overall(event.phase, event.fraction), event.phase);
          else parts.add(event);
        },
      });
      // Asked at once, answered when made; without the worker (cancelled, closed) it is null, and keeping
      // the dataset then makes its own.
      const canonical = actor.call('canonical', null).catch(() => null);
      // The links are rebuilt a slice per task; a cancel meanwhile drops the outcome.
      const outcome = await parts.finish({ type: 'result', id: 0, outcome: light });
      if (signal?.aborted === true) throw new ImportCancelled();
      return { ...outcome, canonical };
    },
    warm: () => actor.start(),
    holdKeptForm: (hold) => {
      if (actor.running()) actor.send('hold-kept-form', { hold });
    },
    dispose: () => actor.dispose(),
  };
}

/** Each file's buffer once (a buffer listed twice cannot be moved). */
function buffersOf(request: ImportRequest): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const { bytes } of request.files) if (bytes.buffer instanceof ArrayBuffer) buffers.add(bytes.buffer);
  return [...buffers];
}

/** Same importer on the main thread. Cancellation is checked between rows, so an abort stops it early. */
export function createInThreadImportClient(): ImportClient {
  return clientOver(() =>
    inThreadLazy<ImportApi>(
      ['run', 'canonical', 'hold-kept-form'],
      async () => (await import('./import-api.ts')).importHandlers(),
      importArgSchemas,
    ),
  );
}

export function createImportWorkerClient(makeWorker: () => Worker): ImportClient {
  return clientOver(() => fromWorker(makeWorker()));
}

/** The client the app uses: a module worker where the browser has one, else the main thread. */
export function createImportClient(): ImportClient {
  if (typeof Worker === 'undefined') return createInThreadImportClient();
  return createImportWorkerClient(takeImportWorker);
}

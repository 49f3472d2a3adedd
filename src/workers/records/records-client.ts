// The app's handle on builds from public records: one actor over the records worker. Cancelling stops the
// worker (and the engine it started); the next build starts a fresh one.
import { createActor, fromWorker } from '../actor.ts';
import { OutcomeAssembler } from '../import-parts.ts';
import type { RecordsApi, RecordsOutcome, RecordsRequest } from './records-api.ts';

export class RecordsCancelled extends Error {
  constructor() {
    super('The build was cancelled.');
    this.name = 'RecordsCancelled';
  }
}

export interface RecordsClient {
  build(
    request: RecordsRequest,
    options?: {
      onProgress?: (fraction: number, doing: string) => void;
      /** Where each file stands (recognised as which download, unpacked how far). */
      onFile?: (label: string, status: string) => void;
      signal?: AbortSignal;
    },
  ): Promise<RecordsOutcome>;
  dispose(): void;
}

export function createRecordsClient(): RecordsClient {
  const actor = createActor<RecordsApi>(
    () => fromWorker(new Worker(new URL('../records.worker.ts', import.meta.url), { type: 'module' })),
    { name: 'records', cancelled: () => new RecordsCancelled() },
  );
  return {
    async build(request, options = {}) {
      const parts = new OutcomeAssembler();
      const outcome = await actor.call('build', request, {
        signal: options.signal,
        onEvent: (event) => {
          if (event.type === 'progress') options.onProgress?.(event.fraction, event.doing);
          else if (event.type === 'file') options.onFile?.(event.label, event.status);
          else parts.add(event);
        },
      });
      if (!outcome.ok) return outcome;
      // The records came ahead in parts; they are put back a slice per task.
      const bundle = await parts.bundle(outcome.bundle);
      if (options.signal?.aborted === true) throw new RecordsCancelled();
      return { ...outcome, bundle };
    },
    dispose: () => actor.dispose(),
  };
}

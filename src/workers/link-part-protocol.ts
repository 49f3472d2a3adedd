// Messages between the import worker and its link-part helper, and the helper's client (one per import
// worker: the helper is started on the first big bundle and kept for the next).
import type { PartParser, PartResult } from '../io/link-split.ts';

export interface ToLinkPartWorker {
  id: number;
  part: string;
}

export interface FromLinkPartWorker {
  id: number;
  result: PartResult;
}

/** A PartParser that runs in a helper worker, started on first use. */
export function createLinkPartParser(makeWorker: () => Worker): PartParser {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, (result: PartResult) => void>();
  const failAll = (reason: string) => {
    for (const resolve of pending.values()) resolve({ ok: false, reason });
    pending.clear();
    worker?.terminate();
    worker = null;
  };
  const start = (): Worker => {
    const started = makeWorker();
    started.addEventListener('message', (event: MessageEvent<FromLinkPartWorker>) => {
      const { id, result } = event.data;
      pending.get(id)?.(result);
      pending.delete(id);
    });
    // A helper that fails to start or crashes only costs time: the caller parses the whole text itself.
    started.addEventListener('error', (event) => failAll(`link helper failed: ${event.message}`));
    started.addEventListener('messageerror', () => failAll('link helper message could not be read'));
    return started;
  };
  return (part) =>
    new Promise<PartResult>((resolve) => {
      worker ??= start();
      const id = nextId++;
      pending.set(id, resolve);
      const message: ToLinkPartWorker = { id, part };
      worker.postMessage(message);
    });
}

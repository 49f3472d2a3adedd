// A PartParser backed by a Node worker thread running scripts/bench/link-part-thread.ts. tsx's loader is
// registered inside the thread first, so the thread runs the TypeScript sources as they are.
import { Worker } from 'node:worker_threads';
import type { PartParser, PartResult } from '../../src/io/link-split.ts';
import type { FromLinkPartWorker, ToLinkPartWorker } from '../../src/workers/link-part-protocol.ts';

export interface ThreadPartParser {
  parsePart: PartParser;
  close(): Promise<void>;
}

export function createThreadPartParser(): ThreadPartParser {
  const entry = new URL('./link-part-thread.ts', import.meta.url).href;
  const worker = new Worker(
    `import('tsx/esm/api').then((api) => { api.register(); return import(${JSON.stringify(entry)}); });`,
    { eval: true },
  );
  let nextId = 1;
  const pending = new Map<number, (result: PartResult) => void>();
  worker.on('message', ({ id, result }: FromLinkPartWorker) => {
    pending.get(id)?.(result);
    pending.delete(id);
  });
  worker.on('error', (error) => {
    for (const resolve of pending.values()) resolve({ ok: false, reason: String(error) });
    pending.clear();
  });
  return {
    parsePart: (part) =>
      new Promise<PartResult>((resolve) => {
        const id = nextId++;
        pending.set(id, resolve);
        const message: ToLinkPartWorker = { id, part };
        worker.postMessage(message);
      }),
    close: async () => {
      await worker.terminate();
    },
  };
}

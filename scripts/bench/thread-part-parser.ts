// A PartParser backed by a Node worker thread running scripts/bench/link-part-thread.ts, through the app's own
// client (createLinkPartParser) with the thread as its worker. tsx's loader is registered inside
// the thread first, so the thread runs the TypeScript sources as they are.
import { Worker } from 'node:worker_threads';
import type { PartParser } from '../../src/io/link-split.ts';
import type { WorkerLike } from '../../src/workers/actor.ts';
import { createLinkPartParser } from '../../src/workers/link-part-protocol.ts';

export interface ThreadPartParser {
  parsePart: PartParser;
  close(): Promise<void>;
}

export function createThreadPartParser(): ThreadPartParser {
  const entry = new URL('./link-part-thread.ts', import.meta.url).href;
  const thread = new Worker(
    `import('tsx/esm/api').then((api) => { api.register(); return import(${JSON.stringify(entry)}); });`,
    { eval: true },
  );
  // The thread as the actor's WorkerLike.
  const asWorker: WorkerLike = {
    postMessage: (message, transfer) => thread.postMessage(message, transfer as never),
    addEventListener: (_type, listener) =>
      void thread.on('message', (data: unknown) => listener({ data } as MessageEvent)),
    terminate: () => void thread.terminate(),
    onFailure: (listener) => void thread.on('error', (error: Error) => listener(error.message)),
  };
  return {
    parsePart: createLinkPartParser(() => asWorker),
    close: async () => {
      await thread.terminate();
    },
  };
}

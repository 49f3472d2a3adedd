// A PartParser backed by a Node worker thread running scripts/bench/link-part-thread.ts, through the app's own
// client (createLinkPartParser) with the thread dressed as a Web Worker. tsx's loader is registered inside
// the thread first, so the thread runs the TypeScript sources as they are.
import { Worker } from 'node:worker_threads';
import type { PartParser } from '../../src/io/link-split.ts';
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
  // The part of the Web Worker interface the client uses.
  const asWebWorker = {
    postMessage: (message: unknown) => thread.postMessage(message),
    addEventListener: (type: string, listener: (event: { data?: unknown; message?: string }) => void) => {
      if (type === 'message') thread.on('message', (data: unknown) => listener({ data }));
      if (type === 'error') thread.on('error', (error: Error) => listener({ message: error.message }));
    },
    terminate: () => void thread.terminate(),
  };
  return {
    parsePart: createLinkPartParser(() => asWebWorker as unknown as globalThis.Worker),
    close: async () => {
      await thread.terminate();
    },
  };
}

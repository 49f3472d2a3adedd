// A Node worker thread as the actor's WorkerLike, running a TypeScript entry of scripts/bench (tsx's loader is
// registered inside the thread first, so the thread runs the sources as they are), and the other side: a
// thread's parent port as the actor's Port.
import { Worker, parentPort } from 'node:worker_threads';
import type { Port, WorkerLike } from '../../src/workers/actor.ts';

export function threadWorker(entry: URL): { worker: WorkerLike; close(): Promise<void> } {
  const thread = new Worker(
    `import('tsx/esm/api').then((api) => { api.register(); return import(${JSON.stringify(entry.href)}); });`,
    { eval: true },
  );
  const worker: WorkerLike = {
    postMessage: (message, transfer) => thread.postMessage(message, transfer as never),
    addEventListener: (_type, listener) =>
      void thread.on('message', (data: unknown) => listener({ data } as MessageEvent)),
    terminate: () => void thread.terminate(),
    onFailure: (listener) => void thread.on('error', (error: Error) => listener(error.message)),
  };
  return {
    worker,
    close: async () => {
      await thread.terminate();
    },
  };
}

/** Inside a thread: its parent port, or null on the main thread. */
export function threadPort(): Port | null {
  const port = parentPort;
  if (port === null) return null;
  return {
    postMessage: (message, transfer) => port.postMessage(message, transfer as never),
    addEventListener: (_type, listener) =>
      void port.on('message', (data: unknown) => listener({ data } as MessageEvent)),
  };
}

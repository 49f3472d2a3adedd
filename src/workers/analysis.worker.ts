// The analysis worker: keeps the loaded dataset and answers analysis requests off the main thread.
import { AnalysisEngine } from './analysis-engine.ts';
import { createAnalysisInbox } from './analysis-inbox.ts';
import type { FromWorker, ToWorker } from './protocol.ts';
import { referenceLoaders } from './reference-loaders.ts';

const inbox = createAnalysisInbox(
  new AnalysisEngine(referenceLoaders),
  (message: FromWorker, transfer: Transferable[] = []) => self.postMessage(message, { transfer }),
);

self.addEventListener('message', (event: MessageEvent<ToWorker>) => inbox(event.data));

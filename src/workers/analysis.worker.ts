// The analysis worker: keeps the loaded dataset and answers analysis requests off the main thread.
import { AnalysisEngine } from './analysis-engine.ts';
import type { FromWorker, ToWorker } from './protocol.ts';
import { referenceLoaders } from './reference-loaders.ts';

const engine = new AnalysisEngine(referenceLoaders);
const post = (message: FromWorker) => self.postMessage(message);

self.addEventListener('message', (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.type === 'load') {
    engine.load(message.datasetKey, message.bundle);
    return;
  }
  const { id, request } = message;
  engine
    .analyze(request, (phase, fraction) => post({ type: 'progress', id, phase, fraction }))
    .then((outcome) => post({ type: 'result', id, outcome }))
    .catch((error: unknown) =>
      post({ type: 'error', id, message: error instanceof Error ? error.message : String(error) }),
    );
});

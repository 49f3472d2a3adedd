// The analysis worker: keeps the loaded dataset and answers analysis requests off the main thread.
import { selfPort, serve } from './actor.ts';
import { analysisArgs, analysisHandlers } from './analysis-api.ts';
import { AnalysisEngine } from './analysis-engine.ts';
import { referenceLoaders } from './reference-loaders.ts';
import { createResilienceHelper } from './resilience-part-protocol.ts';

const helper = createResilienceHelper(
  () => new Worker(new URL('./resilience-part.worker.ts', import.meta.url), { type: 'module' }),
);
serve(analysisHandlers(new AnalysisEngine(referenceLoaders, helper)), selfPort(), { args: analysisArgs });

// The analysis worker: keeps the loaded dataset and answers analysis requests off the main thread.
import { selfPort, serve } from './actor.ts';
import { analysisArgs, analysisHandlers } from './analysis-api.ts';
import { AnalysisEngine } from './analysis-engine.ts';
import { referenceLoaders } from './reference-loaders.ts';

serve(analysisHandlers(new AnalysisEngine(referenceLoaders)), selfPort(), { args: analysisArgs });

// The resilience helper for Node (worker_threads): the same handlers the browser's resilience-part worker
// serves, so `npm run bench` times the app's own two-core count of the single points of failure.
import { serve } from '../../src/workers/actor.ts';
import { resiliencePartArgs, resiliencePartHandlers } from '../../src/workers/resilience-part-protocol.ts';
import { threadPort } from './thread-worker.ts';

const port = threadPort();
if (port !== null) serve(resiliencePartHandlers(), port, { args: resiliencePartArgs });

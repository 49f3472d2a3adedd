// The link-part helper for Node (worker_threads): the same handlers the browser's link-part worker serves, so
// `npm run bench` times the app's own two-core parse.
import { serve } from '../../src/workers/actor.ts';
import { linkPartArgs, linkPartHandlers } from '../../src/workers/link-part-protocol.ts';
import { threadPort } from './thread-worker.ts';

const port = threadPort();
if (port !== null) serve(linkPartHandlers, port, { args: linkPartArgs });

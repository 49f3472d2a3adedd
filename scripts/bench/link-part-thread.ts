// The link-part helper for Node (worker_threads): the same code the browser's link-part worker runs, so
// `npm run bench` times the app's own two-core parse.
import { parentPort } from 'node:worker_threads';
import { columnBuffers, encodeLinkPart } from '../../src/io/link-split.ts';
import type { FromLinkPartWorker, ToLinkPartWorker } from '../../src/workers/link-part-protocol.ts';

parentPort?.on('message', ({ id, part }: ToLinkPartWorker) => {
  const result = encodeLinkPart(part);
  const message: FromLinkPartWorker = { id, result };
  parentPort?.postMessage(message, result.ok ? columnBuffers(result.columns) : []);
});

// The link-part helper for Node (worker_threads): the same handlers the browser's link-part worker serves, so
// `npm run bench` times the app's own two-core parse.
import { parentPort } from 'node:worker_threads';
import { serve } from '../../src/workers/actor.ts';
import { linkPartArgs, linkPartHandlers } from '../../src/workers/link-part-protocol.ts';

const port = parentPort;
if (port !== null) {
  serve(
    linkPartHandlers,
    {
      postMessage: (message, transfer) => port.postMessage(message, transfer as never),
      addEventListener: (_type, listener) =>
        void port.on('message', (data: unknown) => listener({ data } as MessageEvent)),
    },
    { args: linkPartArgs },
  );
}

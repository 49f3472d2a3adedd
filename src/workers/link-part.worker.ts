// The link-part helper: started by the import worker for a big bundle, it parses the last part of the
// bundle's links (see io/link-split.ts) on another core and hands them back as columns, which move
// rather than copy.
import { columnBuffers, encodeLinkPart } from '../io/link-split.ts';
import type { FromLinkPartWorker, ToLinkPartWorker } from './link-part-protocol.ts';

self.addEventListener('message', (event: MessageEvent<ToLinkPartWorker>) => {
  const { id, part } = event.data;
  const result = encodeLinkPart(part);
  const message: FromLinkPartWorker = { id, result };
  self.postMessage(message, { transfer: result.ok ? columnBuffers(result.columns) : [] });
});

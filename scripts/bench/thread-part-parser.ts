// A PartParser backed by a Node worker thread running scripts/bench/link-part-thread.ts, through the app's own
// client (createLinkPartParser) with the thread as its worker.
import type { PartParser } from '../../src/io/link-split.ts';
import { createLinkPartParser } from '../../src/workers/link-part-protocol.ts';
import { threadWorker } from './thread-worker.ts';

export interface ThreadPartParser {
  parsePart: PartParser;
  close(): Promise<void>;
}

export function createThreadPartParser(): ThreadPartParser {
  const { worker, close } = threadWorker(new URL('./link-part-thread.ts', import.meta.url));
  return { parsePart: createLinkPartParser(() => worker), close };
}

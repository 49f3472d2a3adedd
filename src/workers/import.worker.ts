// The import worker: parses and checks dropped files off the main thread so the tab stays responsive,
// posting progress as it reads. Cancelling terminates the worker, so no cancel message is needed.
import { canonicalOf, runImport } from './import-engine.ts';
import { splitOutcome, transferOf } from './import-parts.ts';
import { CANONICAL_BLOB_BYTES } from './import-protocol.ts';
import type { FromImportWorker, ToImportWorker } from './import-protocol.ts';
import { createLinkPartParser } from './link-part-protocol.ts';

const post = (message: FromImportWorker) => self.postMessage(message);
// Progress is posted at most every 50 ms: a message per chunk of rows would flood the main thread.
const THROTTLE_MS = 50;
// A big bundle's links are parsed partly on another core; terminating this worker ends the helper too.
const parsePart = createLinkPartParser(
  () => new Worker(new URL('./link-part.worker.ts', import.meta.url), { type: 'module' }),
);

self.addEventListener('message', (event: MessageEvent<ToImportWorker>) => {
  const { id, request } = event.data;
  let last = 0;
  runImport(
    request,
    (phase, fraction) => {
      const now = performance.now();
      if (now - last < THROTTLE_MS && fraction < 1) return;
      last = now;
      post({ type: 'progress', id, phase, fraction });
    },
    undefined,
    parsePart,
  )
    .then(async (outcome) => {
      const { parts, result } = splitOutcome(id, outcome);
      for (const part of parts) self.postMessage(part, { transfer: transferOf(part) });
      post(result);
      // After the result, so the report shows while this runs (seconds for a big bundle). Small bytes move;
      // big ones go as a Blob (see CanonicalBundle).
      // A failure here loses only the ready-made form: keeping the dataset then makes its own.
      const made = await canonicalOf(outcome).catch(() => null);
      const canonical =
        made !== null && made.bytes instanceof Uint8Array && made.bytes.byteLength >= CANONICAL_BLOB_BYTES
          ? { hash: made.hash, bytes: new Blob([made.bytes]) }
          : made;
      const message: FromImportWorker = { type: 'canonical', id, canonical };
      const moved = canonical?.bytes instanceof Uint8Array ? [canonical.bytes.buffer] : [];
      self.postMessage(message, { transfer: moved });
    })
    .catch((error: unknown) =>
      post({ type: 'error', id, message: error instanceof Error ? error.message : String(error) }),
    );
});

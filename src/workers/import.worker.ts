// The import worker: parses and checks dropped files off the main thread so the tab stays responsive.
// Cancelling terminates the worker (and its link helper), so no cancel message is needed.
import { selfPort, serve } from './actor.ts';
import { importHandlers } from './import-api.ts';
import { importArgSchemas } from './import-protocol.ts';
import { createLinkPartParser } from './link-part-protocol.ts';

// A big bundle's links are parsed partly on another core.
const parsePart = createLinkPartParser(
  () => new Worker(new URL('./link-part.worker.ts', import.meta.url), { type: 'module' }),
);

serve(importHandlers(parsePart), selfPort(), { args: importArgSchemas });

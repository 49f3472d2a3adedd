// The link-part helper's API (one method: parse a part of a big bundle's links into columns), what it runs,
// and its client (one per import worker: the helper is started on the first big bundle and kept).
import type { PartParser, PartResult } from '../io/link-split.ts';
import { columnBuffers, encodeLinkPart } from '../io/link-split.ts';
import { Moved, createHelperActor } from './actor.ts';
import { z } from 'zod';
import type { Api, ArgSchemas, Handlers, Method, WorkerLike } from './actor.ts';

export interface LinkPartApi extends Api {
  parse: Method<string, PartResult>;
}

export const linkPartHandlers: Handlers<LinkPartApi> = {
  parse(part) {
    const result = encodeLinkPart(part);
    // The columns move rather than copy.
    return new Moved(result, result.ok ? columnBuffers(result.columns) : []);
  },
};

export const linkPartArgs: ArgSchemas<LinkPartApi> = { parse: z.string() };

/** A PartParser that runs in a helper worker, started on first use. */
export function createLinkPartParser(makeWorker: () => Worker | WorkerLike): PartParser {
  const actor = createHelperActor<LinkPartApi>('link helper', makeWorker);
  // A helper that fails to start or crashes only costs time: the caller parses the whole text itself.
  return (part) =>
    actor.call('parse', part).catch((error: unknown) => ({
      ok: false as const,
      reason: error instanceof Error ? error.message : String(error),
    }));
}

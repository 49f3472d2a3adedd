// The link-part helper's API (one method: parse a part of a big bundle's links into columns), what it runs,
// and its client (one per import worker: the helper is started on the first big bundle and kept).
import type { PartParser, PartResult } from '../io/link-split.ts';
import { columnBuffers, encodeLinkPart } from '../io/link-split.ts';
import { Moved, createHelperActor } from './actor.ts';
import { z } from 'zod';
import type { Api, ArgSchemas, Handlers, Method, WorkerLike } from './actor.ts';

export interface LinkPartApi extends Api {
  parse: Method<string, PartResult>;
  /** Answers once the helper is up (see PartParser's `ready`). */
  ping: Method<null, null>;
}

export const linkPartHandlers: Handlers<LinkPartApi> = {
  ping: () => null,
  parse(part) {
    const result = encodeLinkPart(part);
    // The columns move rather than copy.
    return new Moved(result, result.ok ? columnBuffers(result.columns) : []);
  },
};

export const linkPartArgs: ArgSchemas<LinkPartApi> = { parse: z.string(), ping: z.null() };

/** A PartParser that runs in a helper worker, started on first use. */
export function createLinkPartParser(makeWorker: () => Worker | WorkerLike): PartParser {
  const actor = createHelperActor<LinkPartApi>('link helper', makeWorker);
  // A helper that fails to start or crashes only costs time: the caller parses the whole text itself.
  const parse: PartParser = (part) =>
    actor.call('parse', part).catch((error: unknown) => ({
      ok: false as const,
      reason: error instanceof Error ? error.message : String(error),
    }));
  // Waited for at most READY_WAIT_MS: a helper slower to start than that is waited for no longer.
  parse.ready = () =>
    Promise.race([
      actor.call('ping', null).then(
        () => {},
        () => {},
      ),
      new Promise<void>((resolve) => setTimeout(resolve, READY_WAIT_MS)),
    ]);
  return parse;
}

/** How long an import waits for its helper to start (it starts in 0.1–0.3 s on a slow 2-core machine). */
export const READY_WAIT_MS = 3_000;

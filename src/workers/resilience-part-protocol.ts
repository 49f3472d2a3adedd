// The resilience helper's API, what it runs, and its client (one per analysis worker: the helper is started on
// the first big graph and kept). The analysis worker sends it each big graph as soon as the graph is built: the
// helper finds the graph's frame (the dominator trees' shared part) while the analysis runs, and hands a copy
// back. Asked for the single points of failure, the helper counts the later blocks of primes while the
// analysis worker counts the first ones (analysis/chokepoints.ts, resilienceOnTwo).
import { z } from 'zod';
import { countChokepoints, sumsBuffers } from '../analysis/chokepoints.ts';
import type { ChokepointSums, ResilienceGraph, Share } from '../analysis/chokepoints.ts';
import { dominanceFrame } from '../analysis/dominance.ts';
import type { DominanceFrame } from '../analysis/dominance.ts';
import { Moved, createActor, fromWorker } from './actor.ts';
import type { Api, ArgSchemas, Handlers, Method, WorkerLike } from './actor.ts';

export interface ResiliencePartApi extends Api {
  /** Keeps the graph (by its key) and answers its frame, found meanwhile on this core. */
  prepare: Method<{ key: string; graph: ResilienceGraph }, DominanceFrame>;
  /** Counts the chokepoints of some blocks of the graph kept. */
  count: Method<{ key: string; share: Share }, ChokepointSums>;
}

/** The helper's handlers: it keeps the last graph prepared, and its frame. */
export function resiliencePartHandlers(): Handlers<ResiliencePartApi> {
  let kept: { key: string; graph: ResilienceGraph; frame: DominanceFrame } | null = null;
  return {
    prepare({ key, graph }) {
      kept = null;
      const frame = dominanceFrame(graph);
      kept = { key, graph, frame };
      // A copy goes back: the helper keeps its own.
      return frame;
    },
    count({ key, share }) {
      if (kept?.key !== key) throw new Error('The resilience helper does not hold this graph.');
      const sums = countChokepoints(kept.graph, kept.frame, share);
      return new Moved(sums, sumsBuffers(sums));
    },
  };
}

/** The analysis worker's own graph columns: checked for their outline only. */
const graphOutline = z.custom<ResilienceGraph>((value) => {
  if (typeof value !== 'object' || value === null) return false;
  const g = value as Partial<Record<keyof ResilienceGraph, unknown>>;
  return (
    typeof g.orgCount === 'number' &&
    typeof g.linkCount === 'number' &&
    Array.isArray(g.orgIds) &&
    g.orgIds.length === g.orgCount &&
    g.kind instanceof Uint8Array &&
    g.kind.length === g.orgCount &&
    [g.linkSource, g.linkTarget, g.linkCapability].every(
      (column) => column instanceof Int32Array && column.length === g.linkCount,
    ) &&
    g.linkValue instanceof Float64Array &&
    g.linkValue.length === g.linkCount
  );
}, 'not the columns of a supply graph');

export const resiliencePartArgs: ArgSchemas<ResiliencePartApi> = {
  prepare: z.object({ key: z.string(), graph: graphOutline }),
  count: z.object({
    key: z.string(),
    share: z
      .object({ from: z.number().int().min(0), to: z.number().int().min(0) })
      .refine((share) => share.from <= share.to, 'the blocks run backwards'),
  }),
};

/**
 * The analysis worker's side of the helper. Each call answers null when the helper failed: the caller then
 * does the work itself, and it only costs time.
 */
export interface ResilienceHelper {
  /** Sends the graph's columns; the helper keeps them under `key` and answers the graph's frame. */
  prepare(key: string, graph: ResilienceGraph): Promise<DominanceFrame | null>;
  /** Counts some blocks of the graph prepared under `key`. */
  count(key: string, share: Share): Promise<ChokepointSums | null>;
}

/** A ResilienceHelper that runs in a helper worker, started on first use. */
export function createResilienceHelper(makeWorker: () => Worker | WorkerLike): ResilienceHelper {
  const actor = createActor<ResiliencePartApi>(
    () => {
      const made = makeWorker();
      return 'onFailure' in made ? made : fromWorker(made);
    },
    { name: 'resilience helper', cancelled: () => new Error('The resilience helper was stopped.') },
  );
  return {
    prepare(key, graph) {
      // Only the columns it reads: a copy of each travels with the call.
      const { orgCount, orgIds, kind, linkCount, linkSource, linkTarget, linkValue, linkCapability } = graph;
      const columns = {
        orgCount,
        orgIds,
        kind,
        linkCount,
        linkSource,
        linkTarget,
        linkValue,
        linkCapability,
      };
      return actor.call('prepare', { key, graph: columns }).catch(() => null);
    },
    count: (key, share) => actor.call('count', { key, share }).catch(() => null),
  };
}

// The resilience helper's API (one method: count the chokepoints of some of the blocks of 32 primes), what it
// runs, and its client (one per analysis worker: the helper is started on the first big graph and kept). The
// analysis worker counts the other blocks meanwhile (analysis/chokepoints.ts, resilienceOnTwo).
import { z } from 'zod';
import { countChokepoints, sumsBuffers } from '../analysis/chokepoints.ts';
import type { ChokepointSums, ResilienceGraph, Share } from '../analysis/chokepoints.ts';
import type { DominanceFrame } from '../analysis/dominance.ts';
import { Moved, createActor, fromWorker } from './actor.ts';
import type { Api, ArgSchemas, Handlers, Method, WorkerLike } from './actor.ts';

/** What a count reads: the graph's columns, the frame the analysis worker found for it, and the blocks. */
export interface CountRequest {
  graph: ResilienceGraph;
  frame: DominanceFrame;
  share: Share;
}

export interface ResiliencePartApi extends Api {
  count: Method<CountRequest, ChokepointSums>;
}

export const resiliencePartHandlers: Handlers<ResiliencePartApi> = {
  count({ graph, frame, share }) {
    const sums = countChokepoints(graph, frame, share);
    return new Moved(sums, sumsBuffers(sums));
  },
};

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

const isArcs = (value: unknown): boolean =>
  typeof value === 'object' &&
  value !== null &&
  (value as { start?: unknown }).start instanceof Int32Array &&
  (value as { to?: unknown }).to instanceof Int32Array;

/** The analysis worker's own frame: checked for its outline only. */
const frameOutline = z.custom<DominanceFrame>((value) => {
  if (typeof value !== 'object' || value === null) return false;
  const f = value as Partial<Record<keyof DominanceFrame, unknown>>;
  return (
    [f.primes, f.primeIndex, f.order, f.position, f.componentStart].every((c) => c instanceof Int32Array) &&
    [f.suppliersOf, f.buyersOf, f.suppliersAt, f.buyersAt].every(isArcs)
  );
}, 'not the frame of the dominator trees');

export const resiliencePartArgs: ArgSchemas<ResiliencePartApi> = {
  count: z.object({
    graph: graphOutline,
    frame: frameOutline,
    share: z
      .object({ from: z.number().int().min(0), to: z.number().int().min(0) })
      .refine((share) => share.from <= share.to, 'the blocks run backwards'),
  }),
};

/** Counts a share of a graph's blocks elsewhere; null when that failed (the caller counts it itself). */
export type ShareCounter = (request: CountRequest) => Promise<ChokepointSums | null>;

/** A ShareCounter that runs in a helper worker, started on first use. */
export function createResilienceHelper(makeWorker: () => Worker | WorkerLike): ShareCounter {
  const actor = createActor<ResiliencePartApi>(
    () => {
      const made = makeWorker();
      return 'onFailure' in made ? made : fromWorker(made);
    },
    { name: 'resilience helper', cancelled: () => new Error('The resilience helper was stopped.') },
  );
  return ({ graph, frame, share }) => {
    // Only the columns it reads: a copy of each travels with the call.
    const { orgCount, orgIds, kind, linkCount, linkSource, linkTarget, linkValue, linkCapability } = graph;
    const columns = { orgCount, orgIds, kind, linkCount, linkSource, linkTarget, linkValue, linkCapability };
    return actor.call('count', { graph: columns, frame, share }).catch(() => null);
  };
}

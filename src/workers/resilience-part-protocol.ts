// The resilience helper's API, what it runs, and its client (one per analysis worker: the helper is started on
// the first big graph and kept). The analysis worker sends it each big graph as soon as the graph is built: the
// helper finds the graph's frame (the dominator trees' shared part) while the analysis runs, and hands a copy
// back. Asked for the single points of failure, the analysis worker hands the helper blocks of primes one at a
// time while it counts others, and collects the helper's sums at the end (analysis/chokepoints.ts,
// resilienceOnTwo).
import { z } from 'zod';
import { chokepointCounter, sumsBuffers } from '../analysis/chokepoints.ts';
import type {
  BlockHelper,
  ChokepointCounter,
  CountedBlocks,
  ResilienceGraph,
} from '../analysis/chokepoints.ts';
import { blockCount, dominanceFrame } from '../analysis/dominance.ts';
import type { DominanceFrame } from '../analysis/dominance.ts';
import { Moved, createActor, fromWorker } from './actor.ts';
import type { Api, ArgSchemas, Handlers, Method, WorkerLike } from './actor.ts';

export interface ResiliencePartApi extends Api {
  /** Keeps the graph (by its key) and answers its frame, found meanwhile on this core. */
  prepare: Method<{ key: string; graph: ResilienceGraph }, DominanceFrame>;
  /** Counts the chokepoints of one block of the graph kept, into the sums being collected. */
  count: Method<{ key: string; block: number }, true>;
  /** Answers the sums of the blocks counted since the last collection, and starts afresh. */
  collect: Method<{ key: string }, CountedBlocks>;
}

/** The helper's handlers: it keeps the last graph prepared, its frame, and the blocks counted since. */
export function resiliencePartHandlers(): Handlers<ResiliencePartApi> {
  let kept: {
    key: string;
    graph: ResilienceGraph;
    frame: DominanceFrame;
    counting: { counter: ChokepointCounter; blocks: number[] } | null;
  } | null = null;
  const held = (key: string) => {
    if (kept?.key !== key) throw new Error('The resilience helper does not hold this graph.');
    return kept;
  };
  return {
    prepare({ key, graph }) {
      kept = null;
      const frame = dominanceFrame(graph);
      kept = { key, graph, frame, counting: null };
      // A copy goes back: the helper keeps its own.
      return frame;
    },
    count({ key, block }) {
      const graph = held(key);
      if (block >= blockCount(graph.frame)) throw new Error(`The graph has no block ${block}.`);
      graph.counting ??= { counter: chokepointCounter(graph.graph, graph.frame), blocks: [] };
      graph.counting.counter.count(block);
      graph.counting.blocks.push(block);
      return true;
    },
    collect({ key }) {
      const graph = held(key);
      const counting = graph.counting ?? { counter: chokepointCounter(graph.graph, graph.frame), blocks: [] };
      graph.counting = null;
      const { sums } = counting.counter;
      return new Moved({ sums, blocks: counting.blocks }, sumsBuffers(sums));
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
  count: z.object({ key: z.string(), block: z.number().int().min(0) }),
  collect: z.object({ key: z.string() }),
};

/**
 * The analysis worker's side of the helper. Each call answers null (or false) when the helper failed: the
 * caller then does the work itself, and it only costs time.
 */
export interface ResilienceHelper {
  /** Sends the graph's columns; the helper keeps them under `key` and answers the graph's frame. */
  prepare(key: string, graph: ResilienceGraph): Promise<DominanceFrame | null>;
  /** The graph prepared under `key`, as a BlockHelper (analysis/chokepoints.ts, resilienceOnTwo). */
  blocks(key: string): BlockHelper;
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
    blocks: (key) => ({
      count: (block) => actor.call('count', { key, block }).catch(() => false),
      collect: () => actor.call('collect', { key }).catch(() => null),
    }),
  };
}

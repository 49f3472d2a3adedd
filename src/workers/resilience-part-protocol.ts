// The resilience helper's API, what it runs, and its client (one per analysis worker: the helper is started on
// the first big graph and kept). The analysis worker sends it each big graph as soon as the graph is built: the
// helper finds the graph's frame (the dominator trees' shared part) while the analysis runs, and hands a copy
// back. Asked for the single points of failure, or for what one supplier cuts off, the analysis worker hands
// the helper blocks of primes one at a time while it does others, and collects what the helper found at the
// end (analysis/chokepoints.ts, resilienceOnTwo and chokepointsOfOnTwo). Once the frame is found, the helper
// starts counting the last blocks of its own accord (at most half of them, one per message turn, until it is
// asked): the analysis is still running on the other thread, and the single points of failure are asked next.
import { z } from 'zod';
import { chokepointCounter, cutFinder, sumsBuffers } from '../analysis/chokepoints.ts';
import type {
  BlockHelper,
  ChokepointCounter,
  ChokepointSums,
  CutFinder,
  CutOffs,
  ResilienceGraph,
} from '../analysis/chokepoints.ts';
import { blockCount, dominanceFrame } from '../analysis/dominance.ts';
import type { DominanceFrame } from '../analysis/dominance.ts';
import { Moved, createHelperActor } from './actor.ts';
import { nextMessageTurn } from './sliced.ts';
import type { Api, ArgSchemas, Handlers, Method, WorkerLike } from './actor.ts';

export interface ResiliencePartApi extends Api {
  /** Keeps the graph (by its key) and answers its frame, found meanwhile on this core. */
  prepare: Method<{ key: string; graph: ResilienceGraph }, DominanceFrame>;
  /** Starts the counting of the graph kept: answers the blocks already counted of its own accord (the last
   *  ones, from the end down), and counts no more of its own accord. */
  'begin-count': Method<{ key: string }, number[]>;
  /** Counts the chokepoints of one block of the graph kept, into the sums being collected. */
  count: Method<{ key: string; block: number }, true>;
  /** Answers the sums of the blocks counted since the last collection, and starts afresh. */
  'collect-sums': Method<{ key: string }, { found: ChokepointSums; blocks: number[] }>;
  /** Finds what lies below the supplier at position `at` in the trees of one block. */
  find: Method<{ key: string; at: number; block: number }, true>;
  /** Answers what was found below that supplier since the last collection, and starts afresh. */
  'collect-cut': Method<{ key: string; at: number }, { found: CutOffs; blocks: number[] }>;
}

/** The helper's handlers: it keeps the last graph prepared, its frame, and what it found since. */
export function resiliencePartHandlers(): Handlers<ResiliencePartApi> {
  let kept: {
    key: string;
    graph: ResilienceGraph;
    frame: DominanceFrame;
    counting: { counter: ChokepointCounter; blocks: number[]; begun: boolean } | null;
    finding: { at: number; finder: CutFinder; blocks: number[] } | null;
  } | null = null;
  const held = (key: string, block?: number) => {
    if (kept?.key !== key) throw new Error('The resilience helper does not hold this graph.');
    if (block !== undefined && block >= blockCount(kept.frame))
      throw new Error(`The graph has no block ${block}.`);
    return kept;
  };
  const counting = (graph: NonNullable<typeof kept>) =>
    (graph.counting ??= { counter: chokepointCounter(graph.graph, graph.frame), blocks: [], begun: false });
  /** Counts the last blocks of the graph, from the end down, until asked or half done or another comes. */
  const countAhead = async (graph: NonNullable<typeof kept>) => {
    const blocks = blockCount(graph.frame);
    for (;;) {
      await nextMessageTurn();
      if (kept !== graph) return;
      const work = counting(graph);
      if (work.begun || work.blocks.length >= blocks - Math.ceil(blocks / 2)) return;
      const block = blocks - 1 - work.blocks.length;
      work.counter.count(block);
      work.blocks.push(block);
    }
  };
  const finding = (graph: NonNullable<typeof kept>, at: number) => {
    if (graph.finding?.at !== at) graph.finding = { at, finder: cutFinder(graph.frame, at), blocks: [] };
    return graph.finding;
  };
  return {
    prepare({ key, graph }) {
      kept = null;
      const frame = dominanceFrame(graph);
      const graphKept = (kept = { key, graph, frame, counting: null, finding: null });
      void countAhead(graphKept);
      // A copy goes back: the helper keeps its own.
      return frame;
    },
    'begin-count'({ key }) {
      const work = counting(held(key));
      work.begun = true;
      return [...work.blocks];
    },
    count({ key, block }) {
      const work = counting(held(key, block));
      if (work.blocks.includes(block)) return true;
      work.counter.count(block);
      work.blocks.push(block);
      return true;
    },
    'collect-sums'({ key }) {
      const graph = held(key);
      const { counter, blocks } = counting(graph);
      graph.counting = null;
      return new Moved({ found: counter.sums, blocks }, sumsBuffers(counter.sums));
    },
    find({ key, at, block }) {
      const work = finding(held(key, block), at);
      work.finder.find(block);
      work.blocks.push(block);
      return true;
    },
    'collect-cut'({ key, at }) {
      const graph = held(key);
      const { finder, blocks } = finding(graph, at);
      graph.finding = null;
      return { found: finder.cut, blocks };
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

const key = z.string();
const block = z.number().int().min(0);
export const resiliencePartArgs: ArgSchemas<ResiliencePartApi> = {
  prepare: z.object({ key, graph: graphOutline }),
  'begin-count': z.object({ key }),
  count: z.object({ key, block }),
  'collect-sums': z.object({ key }),
  find: z.object({ key, at: z.number().int().min(0), block }),
  'collect-cut': z.object({ key, at: z.number().int().min(0) }),
};

/**
 * The analysis worker's side of the helper. Each call answers null (or false) when the helper failed: the
 * caller then does the work itself, and it only costs time.
 */
export interface ResilienceHelper {
  /** Sends the graph's columns; the helper keeps them under `key` and answers the graph's frame. */
  prepare(key: string, graph: ResilienceGraph): Promise<DominanceFrame | null>;
  /** Counting the chokepoints of the graph prepared under `key` (analysis/chokepoints.ts, resilienceOnTwo). */
  counting(key: string): BlockHelper<ChokepointSums>;
  /** Finding what lies below one supplier (by position) in that graph (chokepointsOfOnTwo). */
  finding(key: string, at: number): BlockHelper<CutOffs>;
}

/** A ResilienceHelper that runs in a helper worker, started on first use. */
export function createResilienceHelper(makeWorker: () => Worker | WorkerLike): ResilienceHelper {
  const actor = createHelperActor<ResiliencePartApi>('resilience helper', makeWorker);
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
    counting: (key) => ({
      begin: () => actor.call('begin-count', { key }).catch(() => null),
      take: (block) => actor.call('count', { key, block }).catch(() => false),
      collect: () => actor.call('collect-sums', { key }).catch(() => null),
    }),
    finding: (key, at) => ({
      // Nothing is found ahead: which supplier is not known before it is asked.
      begin: () => Promise.resolve([]),
      take: (block) => actor.call('find', { key, at, block }).catch(() => false),
      collect: () => actor.call('collect-cut', { key, at }).catch(() => null),
    }),
  };
}

// Compressed adjacency (CSR) views of the supply graph for the network facts: the incoming supply links of
// each org (for tiers) and the simple undirected graph (for articulation points and bridges).
import { REMOVED_KIND } from './supply-graph.ts';
import type { SupplyGraph } from './supply-graph.ts';

/** Neighbors of node i are `neighbors[start[i] .. start[i+1])`. */
export interface Csr {
  readonly start: Int32Array;
  readonly neighbors: Int32Array;
}

/**
 * True when link l takes part in the network facts: not a self-link, and neither end was removed. The graph
 * from a what-if already lacks links to removed orgs; checking again keeps a hand-built graph honest.
 */
function usable(graph: SupplyGraph, l: number): boolean {
  const s = graph.linkSource[l]!;
  const t = graph.linkTarget[l]!;
  return s !== t && graph.kind[s] !== REMOVED_KIND && graph.kind[t] !== REMOVED_KIND;
}

/** Calls `add(from, to)` for each arc, in the same order each time it is called. */
export type ArcLister = (add: (from: number, to: number) => void) => void;

/**
 * A CSR of n nodes by counting sort of the arcs `list` gives (it is called twice: to count, then to place),
 * repeats kept.
 */
export function csrOf(n: number, list: ArcLister): Csr {
  const start = new Int32Array(n + 1);
  let total = 0;
  list((from) => {
    start[from + 1]!++;
    total++;
  });
  for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
  const cursor = start.slice(0, n);
  const neighbors = new Int32Array(total);
  list((from, to) => {
    neighbors[cursor[from]!++] = to;
  });
  return { start, neighbors };
}

/** Lists each usable link once as `add(source, target)`. */
function usableLinks(graph: SupplyGraph): (each: (source: number, target: number) => void) => void {
  return (each) => {
    for (let l = 0; l < graph.linkCount; l++)
      if (usable(graph, l)) each(graph.linkSource[l]!, graph.linkTarget[l]!);
  };
}

/** For each buyer, its suppliers (one entry per supply link, repeats kept; harmless for a BFS). */
export function incomingLinks(graph: SupplyGraph): Csr {
  const links = usableLinks(graph);
  return csrOf(graph.orgCount, (add) => links((source, target) => add(target, source)));
}

/**
 * The simple undirected graph: self-links dropped; parallel and opposite links between two orgs merged into
 * one relationship. Counting sort into a CSR with repeats, then a per-node sweep with a stamp array drops the
 * repeats in place: linear time, where sorting encoded pairs would cost m log m.
 */
export function simpleUndirected(graph: SupplyGraph): Csr {
  const n = graph.orgCount;
  const links = usableLinks(graph);
  const { start: degree, neighbors: all } = csrOf(n, (add) =>
    links((source, target) => {
      add(source, target);
      add(target, source);
    }),
  );

  // stamp[v] === u + 1 when v was already kept as a neighbor of u. The write position never passes the read
  // position, so compacting `all` in place is safe.
  const stamp = new Int32Array(n);
  const start = new Int32Array(n + 1);
  let write = 0;
  for (let u = 0; u < n; u++) {
    start[u] = write;
    const end = degree[u + 1]!;
    for (let k = degree[u]!; k < end; k++) {
      const v = all[k]!;
      if (stamp[v] !== u + 1) {
        stamp[v] = u + 1;
        all[write++] = v;
      }
    }
  }
  start[n] = write;
  return { start, neighbors: all.subarray(0, write) };
}

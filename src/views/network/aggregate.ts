// Keeps the network drawable on big datasets: above NODE_LIMIT organizations or EDGE_LIMIT links it keeps
// the top organizations by supplied value (or degree) plus the selection and its neighborhood, and says so.
// Pure; works on index arrays so that it runs before any graph is built.

/** sigma's maintainers suggest ~10^4 nodes / 10^5 edges as its comfortable size (reference/peers.md). */
export const NODE_LIMIT = 10_000;
export const EDGE_LIMIT = 100_000;
/** The selection's neighborhood is added on top of the top N, but never more than this. */
export const NEIGHBORHOOD_LIMIT = 2_000;

export interface AggregateInput {
  /** 1 for organizations that could be drawn (index-aligned). */
  eligible: Uint8Array;
  /** Importance of each organization; higher is kept first, ties by index. */
  score: ArrayLike<number>;
  /** Drawable links as index pairs, supply direction. */
  source: Int32Array;
  target: Int32Array;
  /** Organizations always kept (the selection and its neighborhood), if eligible. */
  keep?: readonly number[] | undefined;
}

export interface Limits {
  nodes: number;
  edges: number;
}

export interface Aggregation {
  /** Organizations to draw, or null to draw every eligible one. */
  include: Uint8Array | null;
  /** How many are drawn. */
  shown: number;
  /** How many could be drawn. */
  total: number;
  aggregated: boolean;
}

function countEdges(mask: Uint8Array, source: Int32Array, target: Int32Array): number {
  let n = 0;
  for (let k = 0; k < source.length; k++) if (mask[source[k]!] === 1 && mask[target[k]!] === 1) n++;
  return n;
}

/** Whether the eligible organizations and their links exceed the limits. */
export function needsAggregation(
  input: AggregateInput,
  limits: Limits = { nodes: NODE_LIMIT, edges: EDGE_LIMIT },
): boolean {
  let total = 0;
  for (const e of input.eligible) total += e;
  return total > limits.nodes || input.source.length > limits.edges;
}

export function aggregate(
  input: AggregateInput,
  limits: Limits = { nodes: NODE_LIMIT, edges: EDGE_LIMIT },
): Aggregation {
  const { eligible, score, source, target } = input;
  const ranked: number[] = [];
  for (let i = 0; i < eligible.length; i++) if (eligible[i] === 1) ranked.push(i);
  const total = ranked.length;
  if (!needsAggregation(input, limits)) return { include: null, shown: total, total, aggregated: false };

  ranked.sort((a, b) => (score[b] ?? 0) - (score[a] ?? 0) || a - b);
  const mask = new Uint8Array(eligible.length);
  let n = Math.min(limits.nodes, total);
  for (let r = 0; r < n; r++) mask[ranked[r]!] = 1;
  // Links grow faster than nodes among the top ones: shrink N until the links fit too.
  let edges = countEdges(mask, source, target);
  while (edges > limits.edges && n > 1) {
    const next = Math.max(1, Math.floor(n * Math.sqrt(limits.edges / edges) * 0.95));
    for (let r = next; r < n; r++) mask[ranked[r]!] = 0;
    n = next;
    edges = countEdges(mask, source, target);
  }
  let added = 0;
  for (const i of input.keep ?? []) {
    if (added >= NEIGHBORHOOD_LIMIT) break;
    if (eligible[i] === 1 && mask[i] !== 1) {
      mask[i] = 1;
      added++;
    }
  }
  return { include: mask, shown: n + added, total, aggregated: true };
}

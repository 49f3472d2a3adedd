// The tier layout: primes in column 0, their direct suppliers in column 1, tier 2 in column 2 … and the
// organizations that reach no prime in a last column. Within columns, barycenter sweeps order the nodes to
// reduce link crossings (Sugiyama's heuristic). Pure.
import { fitToBox } from './box.ts';
import type { LayoutPositions } from './box.ts';

export interface TierInput {
  /** Node ids, in a stable order (it breaks ties). */
  nodes: readonly string[];
  /** Supply links supplier → buyer. */
  edges: readonly (readonly [string, string])[];
  /** Tier of each node that reaches a prime (primes 0); others go to the last column. */
  tiers: ReadonlyMap<string, number>;
}

export interface TierLayout {
  positions: LayoutPositions;
  /** Node ids per column, top to bottom. */
  columns: string[][];
}

const SWEEPS = 4;
/** Width of the layout per column gap, for a height of 1. */
const COLUMN_GAP = 0.3;

/**
 * Tiers by breadth-first search from the primes against the supply direction: what the analysis computes
 * (DESIGN.md §3), for when its result is not there yet.
 */
export function tiersFromLinks(
  nodes: readonly string[],
  edges: readonly (readonly [string, string])[],
  isPrime: (id: string) => boolean,
): Map<string, number> {
  const suppliers = new Map<string, string[]>();
  for (const [s, t] of edges) {
    const list = suppliers.get(t);
    if (list === undefined) suppliers.set(t, [s]);
    else list.push(s);
  }
  const tiers = new Map<string, number>();
  let frontier = nodes.filter(isPrime);
  for (const p of frontier) tiers.set(p, 0);
  for (let depth = 1; frontier.length > 0; depth++) {
    const next: string[] = [];
    for (const node of frontier) {
      for (const s of suppliers.get(node) ?? []) {
        if (tiers.has(s)) continue;
        tiers.set(s, depth);
        next.push(s);
      }
    }
    frontier = next;
  }
  return tiers;
}

/** Columns of the tier layout before ordering: by tier, the unreachable last, each in input order. */
export function tierColumns(nodes: readonly string[], tiers: ReadonlyMap<string, number>): string[][] {
  let maxTier = -1;
  for (const id of nodes) {
    const t = tiers.get(id);
    if (t !== undefined) maxTier = Math.max(maxTier, t);
  }
  const columns: string[][] = Array.from({ length: maxTier + 1 }, () => []);
  const unreachable: string[] = [];
  for (const id of nodes) {
    const t = tiers.get(id);
    if (t === undefined) unreachable.push(id);
    else columns[t]!.push(id);
  }
  if (unreachable.length > 0) columns.push(unreachable);
  return columns;
}

/** Relative position (0…1) of each node in its column. */
function relativePositions(columns: readonly string[][]): Map<string, number> {
  const at = new Map<string, number>();
  for (const column of columns) column.forEach((id, i) => at.set(id, (i + 0.5) / column.length));
  return at;
}

/**
 * Reorders one column by the mean relative position of each node's neighbors in `reference`. Nodes with
 * no neighbor there keep their own current position as key, so they stay roughly where they were.
 */
function orderByBarycenter(
  column: string[],
  reference: ReadonlySet<string>,
  neighbors: ReadonlyMap<string, readonly string[]>,
  at: ReadonlyMap<string, number>,
): string[] {
  const key = new Map<string, number>();
  for (const id of column) {
    let sum = 0;
    let n = 0;
    for (const other of neighbors.get(id) ?? []) {
      if (!reference.has(other)) continue;
      sum += at.get(other)!;
      n++;
    }
    key.set(id, n > 0 ? sum / n : at.get(id)!);
  }
  // Array.prototype.sort is stable, so equal keys keep their order.
  return [...column].sort((a, b) => key.get(a)! - key.get(b)!);
}

/** Links drawn between adjacent columns that cross each other. */
export function countCrossings(
  columns: readonly string[][],
  edges: readonly (readonly [string, string])[],
): number {
  const column = new Map<string, number>();
  const index = new Map<string, number>();
  columns.forEach((c, ci) => c.forEach((id, i) => (column.set(id, ci), index.set(id, i))));
  const segments: [number, number, number][] = [];
  for (const [s, t] of edges) {
    const cs = column.get(s);
    const ct = column.get(t);
    if (cs === undefined || ct === undefined || Math.abs(cs - ct) !== 1) continue;
    const [left, right] = cs < ct ? [s, t] : [t, s];
    segments.push([Math.min(cs, ct), index.get(left)!, index.get(right)!]);
  }
  let crossings = 0;
  for (let a = 0; a < segments.length; a++) {
    for (let b = a + 1; b < segments.length; b++) {
      const [ca, la, ra] = segments[a]!;
      const [cb, lb, rb] = segments[b]!;
      if (ca === cb && (la - lb) * (ra - rb) < 0) crossings++;
    }
  }
  return crossings;
}

export function tierLayout({ nodes, edges, tiers }: TierInput): TierLayout {
  const neighbors = new Map<string, string[]>();
  const addNeighbor = (a: string, b: string) => {
    const list = neighbors.get(a);
    if (list === undefined) neighbors.set(a, [b]);
    else list.push(b);
  };
  for (const [s, t] of edges) {
    addNeighbor(s, t);
    addNeighbor(t, s);
  }
  const columns = tierColumns(nodes, tiers);
  const sets = columns.map((c) => new Set(c));
  for (let sweep = 0; sweep < SWEEPS; sweep++) {
    // Down the tiers: each column follows the one its buyers are in…
    for (let c = 1; c < columns.length; c++) {
      columns[c] = orderByBarycenter(columns[c]!, sets[c - 1]!, neighbors, relativePositions(columns));
    }
    // …then back up: each column follows its suppliers.
    for (let c = columns.length - 2; c >= 0; c--) {
      columns[c] = orderByBarycenter(columns[c]!, sets[c + 1]!, neighbors, relativePositions(columns));
    }
  }
  const raw: LayoutPositions = {};
  columns.forEach((column, c) =>
    column.forEach((id, i) => {
      // y grows upwards in sigma: the first node of a column is at the top.
      raw[id] = { x: c * COLUMN_GAP, y: -(i + 0.5) / column.length };
    }),
  );
  return { positions: fitToBox(raw), columns };
}

// The tier layout: primes in column 0, their direct suppliers in column 1, tier 2 in column 2 … and the
// organizations that reach no prime in a last column. Columns spread over the pane's width and each column
// over its height. Within columns the nodes start in order of value (a chosen tree first) and barycenter
// sweeps reorder them to reduce link crossings (Sugiyama's heuristic). Pure.
import { fitFrameToBox, fitToBox } from './box.ts';
import type { Frame, LayoutPositions } from './box.ts';
import { csrOf } from '../../../analysis/adjacency.ts';
import type { Csr } from '../../../analysis/adjacency.ts';

export interface TierInput {
  /** Node ids, in a stable order (it breaks ties). */
  nodes: readonly string[];
  /** Supply links supplier → buyer. */
  edges: readonly (readonly [string, string])[];
  /** Tier of each node that reaches a prime (primes 0); others go to the last column. */
  tiers: ReadonlyMap<string, number>;
  /** Value of each node (USD/yr): within a column the more valuable come first, before the sweeps. */
  weight?: ReadonlyMap<string, number> | undefined;
  /** Nodes that head their columns whatever the sweeps say: the selected prime's tree. */
  first?: ReadonlySet<string> | undefined;
  /**
   * The pane drawn into (CSS px): columns spread over its width, keeping room on the right for the last
   * column's labels. Without it, columns are COLUMN_GAP apart for a height of 1.
   */
  viewport?: { width: number; height: number } | undefined;
  /**
   * 'both' (default) sweeps down and back up; 'down' only lets each column follow the one before it, so
   * that a tree's first column keeps its order by value and each supplier sits beside what it supplies.
   */
  sweeps?: 'both' | 'down' | undefined;
}

export interface TierLayout {
  positions: LayoutPositions;
  /** Node ids per column, top to bottom. */
  columns: string[][];
  /**
   * With a viewport: the rectangle to frame (in the positions' coordinates), the pane's shape with the
   * label room on the right; sigma's custom bounding box.
   */
  frame?: Frame;
}

const SWEEPS = 4;
/** Width of the layout per column gap, for a height of 1, when the pane is not known. */
const COLUMN_GAP = 0.3;
/** Room kept right of the last column for its labels (CSS px), at most half of the pane's width. */
export const LABEL_ROOM_PX = 180;
/** A labelled row's height (CSS px): a label line, the largest discs, and the gap between labels. */
export const ROW_PX = 20;
/** The least room a row without a label gets (CSS px). */
const MIN_ROW_PX = 3;
/** Sigma's stage padding (CSS px): the pane's height less twice this holds the layout's height. */
export const STAGE_PADDING_PX = 24;

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

/** `first` nodes ahead of the others, each group keeping its order (a stable partition). */
function firstAhead(column: number[], first: Uint8Array | undefined): number[] {
  if (first === undefined) return column;
  return [...column.filter((i) => first[i] === 1), ...column.filter((i) => first[i] !== 1)];
}

/** The columns' starting order: by value, descending, ties in input order. */
function byValue(column: string[], weight: ReadonlyMap<string, number> | undefined): string[] {
  if (weight === undefined) return column;
  return [...column].sort((a, b) => (weight.get(b) ?? 0) - (weight.get(a) ?? 0));
}

/** x of each column: spread over the pane, or COLUMN_GAP apart without one. */
function columnXs(count: number, viewport: TierInput['viewport']): number[] {
  if (viewport === undefined) return Array.from({ length: count }, (_, c) => c * COLUMN_GAP);
  const aspect = viewport.width / Math.max(1, viewport.height);
  const room = Math.min(0.5, LABEL_ROOM_PX / Math.max(1, viewport.width));
  // Height 1; the last column stands `room` of the width short of the right edge.
  const span = aspect * (1 - room);
  return Array.from({ length: count }, (_, c) => (count > 1 ? (c * span) / (count - 1) : 0));
}

/**
 * Centres of n rows down a column of height 1. Rows share the height evenly when each gets a label's
 * height; otherwise the first rows (the most valuable, or the chosen tree) get a label's height each and
 * the rest share what is left, no thinner than MIN_ROW_PX.
 */
export function rowYs(n: number, viewport: TierInput['viewport']): number[] {
  const even = Array.from({ length: n }, (_, i) => (i + 0.5) / n);
  if (viewport === undefined || n === 0) return even;
  const usable = Math.max(1, viewport.height - 2 * STAGE_PADDING_PX);
  const row = ROW_PX / usable;
  const least = MIN_ROW_PX / usable;
  if (n * row <= 1 || n * least >= 1) return even;
  const roomy = Math.floor((1 - n * least) / (row - least));
  const rest = (1 - roomy * row) / (n - roomy);
  return Array.from({ length: n }, (_, i) =>
    i < roomy ? (i + 0.5) * row : roomy * row + (i - roomy + 0.5) * rest,
  );
}

/**
 * Each node's neighbours (both directions, once per link, in link order) by index: node i's are
 * `neighbors[start[i]]` … `neighbors[start[i + 1] - 1]`. Links to nodes not laid out are left out.
 */
function neighbourLists(index: ReadonlyMap<string, number>, edges: TierInput['edges']): Csr {
  const ends = new Int32Array(edges.length * 2).fill(-1);
  edges.forEach(([s, t], e) => {
    const a = index.get(s);
    const b = index.get(t);
    if (a === undefined || b === undefined) return;
    ends[2 * e] = a;
    ends[2 * e + 1] = b;
  });
  return csrOf(index.size, (add) => {
    for (let e = 0; e < edges.length; e++) {
      const a = ends[2 * e]!;
      if (a === -1) continue;
      const b = ends[2 * e + 1]!;
      add(a, b);
      add(b, a);
    }
  });
}

export function tierLayout({ nodes, edges, tiers, weight, first, viewport, sweeps }: TierInput): TierLayout {
  // The sweeps work on node indices and typed arrays: at 10,000 nodes and 85,000 links, string-keyed maps
  // took 190–210 ms in Node (now ~50 ms), in the task of the click that switches the layout.
  const index = new Map<string, number>();
  nodes.forEach((id, i) => index.set(id, i));
  const { start, neighbors } = neighbourLists(index, edges);
  let firstMask: Uint8Array | undefined;
  if (first !== undefined && first.size > 0) {
    firstMask = new Uint8Array(nodes.length);
    for (const id of first) {
      const i = index.get(id);
      if (i !== undefined) firstMask[i] = 1;
    }
  }
  const columns = tierColumns(nodes, tiers).map((column) =>
    firstAhead(
      byValue(column, weight).map((id) => index.get(id)!),
      firstMask,
    ),
  );
  // Each node's column, and its relative position (0…1) in it.
  const columnOf = new Int32Array(nodes.length);
  const at = new Float64Array(nodes.length);
  const place = (c: number) => {
    const column = columns[c]!;
    column.forEach((i, row) => (at[i] = (row + 0.5) / column.length));
  };
  columns.forEach((column, c) => {
    for (const i of column) columnOf[i] = c;
    place(c);
  });
  const key = new Float64Array(nodes.length);
  /**
   * Column c reordered by the mean relative position of each node's neighbours in column `reference`.
   * Nodes with none there keep their own position as key, so they stay roughly where they were; the sort
   * is stable, so equal keys keep their order.
   */
  const follow = (c: number, reference: number) => {
    const column = columns[c]!;
    for (const i of column) {
      let sum = 0;
      let n = 0;
      for (let k = start[i]!; k < start[i + 1]!; k++) {
        const other = neighbors[k]!;
        if (columnOf[other] !== reference) continue;
        sum += at[other]!;
        n++;
      }
      key[i] = n > 0 ? sum / n : at[i]!;
    }
    columns[c] = firstAhead(
      column.sort((a, b) => key[a]! - key[b]!),
      firstMask,
    );
    place(c);
  };
  for (let sweep = 0; sweep < (sweeps === 'down' ? 1 : SWEEPS); sweep++) {
    // Down the tiers: each column follows the one its buyers are in…
    for (let c = 1; c < columns.length; c++) follow(c, c - 1);
    if (sweeps === 'down') break;
    // …then back up: each column follows its suppliers.
    for (let c = columns.length - 2; c >= 0; c--) follow(c, c + 1);
  }
  const xs = columnXs(columns.length, viewport);
  const raw: LayoutPositions = {};
  const ids = columns.map((column) => column.map((i) => nodes[i]!));
  ids.forEach((column, c) => {
    const ys = rowYs(column.length, viewport);
    // y grows upwards in sigma: the first node of a column is at the top.
    column.forEach((id, i) => (raw[id] = { x: xs[c]!, y: -ys[i]! }));
  });
  if (viewport === undefined || nodes.length === 0) return { positions: fitToBox(raw), columns: ids };
  const aspect = viewport.width / Math.max(1, viewport.height);
  const fitted = fitFrameToBox(raw, { x: [0, aspect], y: [-1, 0] });
  return { ...fitted, columns: ids };
}

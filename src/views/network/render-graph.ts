// Builds the render graph sigma draws from a DatasetView: one node per visible organization, one arrow per
// (supplier, buyer) pair of visible supply links, with sizes, colors and labels. Pure. Highlights never
// change this graph: they go through sigma's reducers (see highlight.ts); layouts only move x and y.
import Graph from 'graphology';
import type { OrgKind } from '../../domain/model.ts';
import { SUPPLY_LINK_KINDS } from '../../analysis/supply-graph.ts';
import type { DatasetView } from '../contracts.ts';
import { nodeKey } from './node-key.ts';
import { crossesBoundary } from '../map/arcs.ts';
import { passesMinValue, suppliedValues } from '../map/sources.ts';
import {
  EDGE_COLOR,
  EDGE_CROSSING_COLOR,
  EDGE_SIZE_MAX,
  EDGE_SIZE_MIN,
  KIND_COLORS,
  NODE_SIZE_MAX,
  NODE_SIZE_MIN,
  PRIME_NODE_SIZE,
} from './style.ts';

export const SIZE_BY = ['value', 'degree'] as const;
export type SizeBy = (typeof SIZE_BY)[number];

export interface NodeAttributes {
  x: number;
  y: number;
  label: string;
  color: string;
  size: number;
  kind: OrgKind;
  /** Index in bundle.organizations. */
  org: number;
  inRegion: boolean;
  /** Σ value of the organization's supply links as supplier, all of them (USD/yr). */
  supplied: number;
  /** Drawn edges in and out. */
  degree: number;
  valueSize: number;
  degreeSize: number;
}

export interface EdgeAttributes {
  size: number;
  color: string;
  /**
   * Arrows show direction, dashed arrows a link across the home region's boundary; above LINE_EDGE_LIMIT
   * edges, plain lines (see there), where a crossing link gets its own colour instead of dashes.
   */
  type: 'arrow' | 'dashed' | 'line';
  /** Σ value of the links merged into this edge (USD/yr); 0 when none has a value. */
  value: number;
  /** Number of bundle links merged into this edge. */
  links: number;
  crossing: boolean;
}

export type RenderGraph = Graph<NodeAttributes, EdgeAttributes>;

/**
 * Above this many edges the network draws them as one-pixel lines without arrow heads: on software GL the
 * thick, arrowed edges cost seconds per frame at 100k edges (fill rate), the lines a fraction of that.
 */
export const LINE_EDGE_LIMIT = 20_000;

/** Supply links that can be drawn: both ends visible, not a self-link, not below the minimum value. */
export interface DrawableLinks {
  source: Int32Array;
  target: Int32Array;
  /** Index of each link in bundle.links. */
  link: Int32Array;
  count: number;
}

export function drawableLinks(
  data: Pick<DatasetView, 'bundle' | 'orgIndex' | 'visible'>,
  minValue: number,
): DrawableLinks {
  const { bundle, orgIndex, visible } = data;
  const n = bundle.links.length;
  const source = new Int32Array(n);
  const target = new Int32Array(n);
  const link = new Int32Array(n);
  let count = 0;
  bundle.links.forEach((l, k) => {
    if (!SUPPLY_LINK_KINDS.has(l.kind) || !passesMinValue(l, minValue)) return;
    const s = orgIndex.get(l.source);
    const t = orgIndex.get(l.target);
    if (s === undefined || t === undefined || s === t) return;
    if (visible[s] !== 1 || visible[t] !== 1) return;
    source[count] = s;
    target[count] = t;
    link[count] = k;
    count++;
  });
  return {
    source: source.subarray(0, count),
    target: target.subarray(0, count),
    link: link.subarray(0, count),
    count,
  };
}

/** Radius on a square-root scale, so that area follows the amount. */
export function nodeSize(amount: number, reference: number): number {
  if (!(amount > 0) || !(reference > 0)) return NODE_SIZE_MIN;
  const r = NODE_SIZE_MIN + (NODE_SIZE_MAX - NODE_SIZE_MIN) * Math.sqrt(Math.min(1, amount / reference));
  return Math.round(r * 100) / 100;
}

/** Thickness on a log scale: $10k or less → thinnest, $100M or more → thickest; unknown value → thinnest. */
export function edgeSize(value: number): number {
  if (!(value > 0)) return EDGE_SIZE_MIN;
  const t = Math.min(1, Math.max(0, (Math.log10(value) - 4) / 4));
  return Math.round((EDGE_SIZE_MIN + (EDGE_SIZE_MAX - EDGE_SIZE_MIN) * t) * 100) / 100;
}

export interface RenderGraphOptions {
  /** Organizations to draw among the visible ones (see aggregate.ts); null draws them all. */
  include?: Uint8Array | null | undefined;
  /** Σ supplied value per organization; computed from the bundle when not given. */
  supplied?: Float64Array | undefined;
}

/**
 * The render graph of the visible organizations (all, or those in `include`) and the drawable links
 * between them. Links between the same supplier and buyer merge into one edge (values summed); x and y are
 * 0 until a layout places the nodes.
 */
export function buildRenderGraph(
  data: Pick<DatasetView, 'bundle' | 'visible' | 'inRegion'>,
  links: DrawableLinks,
  options: RenderGraphOptions = {},
): RenderGraph {
  const { bundle, visible, inRegion } = data;
  const include = options.include ?? null;
  const supplied = options.supplied ?? suppliedValues(bundle);
  const graph: RenderGraph = new Graph<NodeAttributes, EdgeAttributes>({
    type: 'directed',
    multi: false,
    allowSelfLoops: false,
  });
  const orgs = bundle.organizations;
  const drawn = (i: number) => visible[i] === 1 && (include === null || include[i] === 1);
  for (let i = 0; i < orgs.length; i++) {
    if (!drawn(i)) continue;
    const org = orgs[i]!;
    graph.addNode(nodeKey(org.id), {
      x: 0,
      y: 0,
      label: org.name,
      color: KIND_COLORS[org.kind],
      size: NODE_SIZE_MIN,
      kind: org.kind,
      org: i,
      inRegion: inRegion[i] === 1,
      supplied: supplied[i] ?? 0,
      degree: 0,
      valueSize: NODE_SIZE_MIN,
      degreeSize: NODE_SIZE_MIN,
    });
  }
  let key = 0;
  for (let k = 0; k < links.count; k++) {
    const s = links.source[k]!;
    const t = links.target[k]!;
    if (!drawn(s) || !drawn(t)) continue;
    const sourceId = nodeKey(orgs[s]!.id);
    const targetId = nodeKey(orgs[t]!.id);
    const value = bundle.links[links.link[k]!]!.value ?? 0;
    const existing = graph.edge(sourceId, targetId);
    if (existing !== undefined) {
      const attrs = graph.getEdgeAttributes(existing);
      attrs.value += value;
      attrs.links += 1;
      continue;
    }
    const crossing = crossesBoundary(inRegion[s] === 1, inRegion[t] === 1);
    graph.addDirectedEdgeWithKey(`e${key++}`, sourceId, targetId, {
      size: 0,
      color: EDGE_COLOR,
      type: crossing ? 'dashed' : 'arrow',
      value,
      links: 1,
      crossing,
    });
  }
  // Sizes need every merged value and degree, so they come last; nothing listens to this graph yet.
  const lines = graph.size > LINE_EDGE_LIMIT;
  graph.forEachEdge((_edge, attrs) => {
    attrs.size = edgeSize(attrs.value);
    if (lines) {
      attrs.type = 'line';
      if (attrs.crossing) attrs.color = EDGE_CROSSING_COLOR;
    }
  });
  let maxSupplied = 0;
  let maxDegree = 0;
  graph.forEachNode((node, attrs) => {
    attrs.degree = graph.degree(node);
    maxSupplied = Math.max(maxSupplied, attrs.supplied);
    maxDegree = Math.max(maxDegree, attrs.degree);
  });
  graph.forEachNode((_node, attrs) => {
    const floor = attrs.kind === 'prime' ? PRIME_NODE_SIZE : 0;
    attrs.valueSize = Math.max(floor, nodeSize(attrs.supplied, maxSupplied));
    attrs.degreeSize = Math.max(floor, nodeSize(attrs.degree, maxDegree));
    attrs.size = attrs.valueSize;
  });
  return graph;
}

/** Number of organizations the view could draw (visible ones), before any aggregation. */
export function countVisible(visible: Uint8Array): number {
  let n = 0;
  for (const v of visible) n += v;
  return n;
}

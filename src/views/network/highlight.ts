// What the network shows on top of the render graph: hover neighborhood, selection, focus tree, critical
// suppliers and links, and a gap's buyers and suppliers. Pure functions from a HighlightState to sigma
// display data; the view installs them as nodeReducer / edgeReducer, so the render graph never changes.
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import type { DatasetView } from '../contracts.ts';
import { nodeKey } from './node-key.ts';
import { gapSelection } from '../map/sources.ts';
import type { GapRole } from '../map/sources.ts';
import type { SupplyTree } from './focus.ts';
import type { EdgeAttributes, NodeAttributes, SizeBy } from './render-graph.ts';
import {
  ARC_IN,
  ARC_OUT,
  CRITICAL_COLOR,
  DIM_EDGE_COLOR,
  DIM_NODE_COLOR,
  GAP_ROLE_COLORS,
  RISK_COLORS,
} from './style.ts';
import type { RiskRole } from '../map/style.ts';
import type { Chokepoint } from '../../analysis/chokepoints.ts';

export interface CriticalSet {
  nodes: ReadonlySet<string>;
  /** Unordered pairs, see pairKey. */
  pairs: ReadonlySet<string>;
}

export interface GapHighlight {
  roles: ReadonlyMap<string, GapRole>;
  /** Directed pairs supplier → buyer, see directedKey. */
  links: ReadonlySet<string>;
  buyers: number;
  suppliers: number;
}

/** A selected chokepoint's reach: node key → exposed (a prime that depends on it alone) or cut off. */
export interface RiskHighlight {
  roles: ReadonlyMap<string, RiskRole>;
}

export interface HighlightState {
  sizeBy: SizeBy;
  hovered?: string | undefined;
  /** The hovered node and its neighbors. */
  hoverSet?: ReadonlySet<string> | undefined;
  selected?: string | undefined;
  focus?: SupplyTree | null | undefined;
  critical?: CriticalSet | null | undefined;
  gap?: GapHighlight | null | undefined;
  risk?: RiskHighlight | null | undefined;
}

/** What the reducers add to sigma's display data, for the legend's meaning and for the tests. */
export interface NodeMarks {
  critical?: boolean;
  gapRole?: GapRole;
  riskRole?: RiskRole;
  dimmed?: boolean;
  selected?: boolean;
  /** Labelled before the others when labels compete for room (see label-placement.ts). */
  labelFirst?: boolean;
}
export interface EdgeMarks {
  critical?: boolean;
  gap?: boolean;
  dimmed?: boolean;
}

const SEP = '\u0000';

/** Key of an unordered pair of ids (critical links are undirected). */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}${SEP}${b}` : `${b}${SEP}${a}`;
}

export function directedKey(source: string, target: string): string {
  return `${source}${SEP}${target}`;
}

export function criticalSet(
  analysis: {
    criticalSuppliers: readonly string[];
    criticalLinks: readonly (readonly [string, string])[];
  } | null,
): CriticalSet | null {
  if (analysis === null) return null;
  return {
    nodes: new Set(analysis.criticalSuppliers.map(nodeKey)),
    pairs: new Set(analysis.criticalLinks.map(([a, b]) => pairKey(nodeKey(a), nodeKey(b)))),
  };
}

/**
 * A gap's buyers in the home region and their suppliers, by the map's rule (links whose capability — the
 * link's own, else the supplier's primary NAICS — is the gap and whose buyer is in the region).
 */
export function gapHighlight(data: DatasetView, capability: string, buyer?: string): GapHighlight {
  const buyerIndex = buyer === undefined ? undefined : data.orgIndex.get(buyer);
  const selection =
    buyer !== undefined && buyerIndex === undefined
      ? { buyers: [], suppliers: [], links: [] }
      : gapSelection(data, capability, buyerIndex);
  const orgs = data.bundle.organizations;
  const roles = new Map<string, GapRole>();
  for (const b of selection.buyers) roles.set(nodeKey(orgs[b]!.id), 'buyer');
  for (const s of selection.suppliers) {
    const id = nodeKey(orgs[s]!.id);
    roles.set(id, roles.get(id) === 'buyer' ? 'both' : 'supplier');
  }
  const links = new Set<string>();
  for (const k of selection.links) {
    const link = data.bundle.links[k]!;
    links.add(directedKey(nodeKey(link.source), nodeKey(link.target)));
  }
  return { roles, links, buyers: selection.buyers.length, suppliers: selection.suppliers.length };
}

/** The primes a selected supplier exposes and the organizations it cuts off; null when it is no chokepoint. */
export function riskHighlight(risk: readonly Chokepoint[] | null | undefined): RiskHighlight | null {
  if (risk == null || risk.length === 0) return null;
  const roles = new Map<string, RiskRole>();
  for (const c of risk) for (const id of c.cutOff) roles.set(nodeKey(id), 'cut-off');
  // A prime cut off from another prime's supply is still, first, a prime that loses something.
  for (const c of risk) roles.set(nodeKey(c.prime), 'exposed');
  return { roles };
}

/**
 * The nodes that stay bright; everything else is dimmed. Hover wins over a gap, a gap over a selected
 * chokepoint's reach, that over critical.
 */
function litNodes(state: HighlightState): { has(node: string): boolean } | null {
  if (state.hoverSet !== undefined) return state.hoverSet;
  if (state.gap != null) return state.gap.roles;
  if (state.risk != null) return state.risk.roles;
  if (state.critical != null) return state.critical.nodes;
  return null;
}

export function nodeDisplay(
  node: string,
  attrs: NodeAttributes,
  state: HighlightState,
): Partial<NodeDisplayData> & NodeMarks {
  const byDegree = state.sizeBy === 'degree';
  const display: Partial<NodeDisplayData> & NodeMarks = {
    x: attrs.x,
    y: attrs.y,
    label: attrs.label,
    color: attrs.color,
    size: byDegree ? attrs.degreeSize : attrs.valueSize,
    zIndex: 1,
    // Every drawn node may be labelled: the label placement picks, by priority, those that fit.
    forceLabel: true,
  };
  if (state.focus != null && !state.focus.nodes.has(node)) {
    display.hidden = true;
    return display;
  }
  const role = state.gap?.roles.get(node);
  if (role !== undefined) {
    display.color = GAP_ROLE_COLORS[role];
    display.gapRole = role;
    display.zIndex = 2;
  }
  const riskRole = state.gap == null ? state.risk?.roles.get(node) : undefined;
  if (riskRole !== undefined) {
    display.color = RISK_COLORS[riskRole];
    display.riskRole = riskRole;
    display.zIndex = 2;
    if (riskRole === 'exposed') display.labelFirst = true;
  }
  if (state.critical?.nodes.has(node) === true) {
    display.critical = true;
    display.size = (display.size ?? 0) * 1.5;
    display.zIndex = 2;
  }
  const lit = litNodes(state);
  if (node === state.selected) {
    display.selected = true;
    display.highlighted = true;
    display.labelFirst = true;
    display.zIndex = 4;
  } else if (lit !== null && !lit.has(node)) {
    display.dimmed = true;
    display.color = DIM_NODE_COLOR;
    display.label = null;
    display.forceLabel = false;
    display.zIndex = 0;
  } else if (state.hoverSet !== undefined) {
    // The hovered neighborhood's labels first, so that it can be read without zooming.
    display.labelFirst = true;
    display.zIndex = 3;
  }
  return display;
}

/**
 * Whether a highlight may recolour the edge: always, but for a crossing link drawn as a plain line (big
 * graphs), whose colour is the only sign that it crosses the boundary.
 */
function ownColour(attrs: EdgeAttributes): boolean {
  return !(attrs.crossing && attrs.type === 'line');
}

export function edgeDisplay(
  attrs: EdgeAttributes,
  edge: string,
  source: string,
  target: string,
  state: HighlightState,
): Partial<EdgeDisplayData> & EdgeMarks {
  const display: Partial<EdgeDisplayData> & EdgeMarks = {
    color: attrs.color,
    size: attrs.size,
    type: attrs.type,
    zIndex: 0,
  };
  if (state.focus != null && !state.focus.edges.has(edge)) {
    display.hidden = true;
    return display;
  }
  if (state.hovered !== undefined) {
    if (source !== state.hovered && target !== state.hovered) {
      // Hiding rather than dimming keeps hover cheap on 100k edges.
      display.hidden = true;
      return display;
    }
    display.color = target === state.hovered ? ARC_IN : ARC_OUT;
    display.zIndex = 2;
    return display;
  }
  let lit = true;
  const isCritical = state.critical?.pairs.has(pairKey(source, target)) === true;
  if (state.gap != null) {
    lit = state.gap.links.has(directedKey(source, target));
    if (lit) {
      display.gap = true;
      if (ownColour(attrs)) display.color = ARC_IN;
      display.zIndex = 1;
    }
  } else if (state.risk != null) {
    // The supply paths of the reach: between the selected supplier, what it cuts off and what it exposes.
    const inReach = (node: string) => node === state.selected || state.risk!.roles.has(node);
    lit = inReach(source) && inReach(target);
    if (lit) display.zIndex = 1;
  } else if (state.critical != null) {
    lit = isCritical;
  }
  if (isCritical) {
    display.critical = true;
    display.color = CRITICAL_COLOR;
    display.size = attrs.size + 1;
    display.zIndex = 2;
  }
  if (state.selected !== undefined && (source === state.selected || target === state.selected)) {
    if (ownColour(attrs) && !isCritical) display.color = target === state.selected ? ARC_IN : ARC_OUT;
    display.zIndex = 3;
    lit = true;
  }
  if (!lit) {
    display.dimmed = true;
    display.color = DIM_EDGE_COLOR;
  }
  return display;
}

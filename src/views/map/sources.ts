// Pure builders for the map's data sources: the organizations' point sizes (their points are clustered in
// views/map/points), the links of a selected organization as arcs, the buyers and suppliers of a highlighted
// gap, and the reach of a selected chokepoint. Nothing here mutates the bundle.
import type { Chokepoint } from '../../analysis/chokepoints.ts';
import type { RiskRole } from './style.ts';
import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
import type { Bundle, Link, OrgKind, PublicAggregates } from '../../domain/model.ts';
import type { Positions } from '../../geo/positions.ts';
import { SUPPLY_LINK_KINDS } from '../../analysis/supply-graph.ts';
import { arcFeature, arcPoints, arcWidth, crossesBoundary } from './arcs.ts';
import type { ArcProps, LonLat } from './arcs.ts';
import { radiusFor, uniformRadii } from './point-size.ts';

export const SIZE_BY = ['none', 'employees', 'value'] as const;
export type SizeBy = (typeof SIZE_BY)[number];

/** The lon/lat of organization `i`, or null when it has no position. */
export function positionOf(positions: Positions, i: number): LonLat | null {
  const lon = positions.coords[2 * i];
  const lat = positions.coords[2 * i + 1];
  if (lon === undefined || lat === undefined || Number.isNaN(lon) || Number.isNaN(lat)) return null;
  return [lon, lat];
}

/** Σ value of the supply links each organization is the supplier of (index-aligned). */
export function suppliedValues(bundle: Bundle): Float64Array {
  const index = new Map<string, number>();
  bundle.organizations.forEach((org, i) => index.set(org.id, i));
  const supplied = new Float64Array(bundle.organizations.length);
  for (const link of bundle.links) {
    if (!SUPPLY_LINK_KINDS.has(link.kind) || link.value === undefined) continue;
    const s = index.get(link.source);
    if (s !== undefined) supplied[s] = (supplied[s] ?? 0) + link.value;
  }
  return supplied;
}

/**
 * The radius of each organization's point, sized by `sizeBy` against the largest of all (index-aligned):
 * the same size whatever is filtered.
 */
export function orgRadii(bundle: Bundle, sizeBy: SizeBy = 'none', supplied?: Float64Array): Float64Array {
  const orgs = bundle.organizations;
  const radii = uniformRadii(orgs.length);
  if (sizeBy === 'employees') {
    let reference = 0;
    for (const org of orgs) reference = Math.max(reference, org.employees ?? 0);
    orgs.forEach((org, i) => (radii[i] = radiusFor(org.employees, reference)));
  } else if (sizeBy === 'value' && supplied !== undefined) {
    let reference = 0;
    for (const v of supplied) reference = Math.max(reference, v);
    for (let i = 0; i < orgs.length; i++) radii[i] = radiusFor(supplied[i], reference);
  }
  return radii;
}

// The three below run over every organization in the render that first shows a dataset, before V8 has
// optimized them: there a NaN test written as `x === x` (NaN is the one value unequal to itself) is a
// compare, where Number.isNaN is a call per coordinate (100k: countUnplaced ~4 → ~1 ms in a trace).

/** 1 for each organization that is visible and positioned (index-aligned): what the map draws. */
export function drawableMask(positions: Positions, visible: Uint8Array): Uint8Array {
  const out = new Uint8Array(visible.length);
  const coords = positions.coords;
  for (let i = 0; i < visible.length; i++) {
    const x = coords[2 * i]!;
    const y = coords[2 * i + 1]!;
    if (visible[i] === 1 && x === x && y === y) out[i] = 1;
  }
  return out;
}

/** Number of organizations without a position, visible or not: what the map can never draw. */
export function countUnplaced(positions: Positions): number {
  const coords = positions.coords;
  let n = 0;
  for (let i = 0; i < coords.length; i += 2) {
    const x = coords[i]!;
    const y = coords[i + 1]!;
    if (x !== x || y !== y) n++;
  }
  return n;
}

/** Number of organizations that are both visible and positioned: what the map draws. */
export function countDrawn(positions: Positions, visible: Uint8Array): number {
  const coords = positions.coords;
  let n = 0;
  for (let i = 0; i < visible.length; i++) {
    const x = coords[2 * i]!;
    const y = coords[2 * i + 1]!;
    if (visible[i] === 1 && x === x && y === y) n++;
  }
  return n;
}

export interface LinkInputs {
  bundle: Bundle;
  positions: Positions;
  inRegion: Uint8Array;
  orgIndex: ReadonlyMap<string, number>;
}

/** A link passes the minimum-value filter when the filter is off or its known value reaches it. */
export function passesMinValue(link: Link, minValue: number): boolean {
  return minValue <= 0 || (link.value !== undefined && link.value >= minValue);
}

function linkArc(
  inputs: LinkInputs,
  linkIndex: number,
  s: number,
  t: number,
  direction: ArcProps['direction'],
): Feature<LineString, ArcProps> | null {
  const from = positionOf(inputs.positions, s);
  const to = positionOf(inputs.positions, t);
  if (from === null || to === null) return null;
  if (from[0] === to[0] && from[1] === to[1]) return null;
  const value = inputs.bundle.links[linkIndex]?.value;
  return arcFeature(from, to, {
    link: linkIndex,
    value: value ?? 0,
    width: arcWidth(value),
    crossing: crossesBoundary(inputs.inRegion[s] === 1, inputs.inRegion[t] === 1),
    direction,
  });
}

/**
 * Arcs of the supply links (supplies, subcontract) of one organization, in both directions, hiding those
 * below `minValue`. Links whose other end has no position cannot be drawn and are left out.
 */
export function selectionArcs(
  inputs: LinkInputs,
  orgId: string,
  minValue: number,
): FeatureCollection<LineString, ArcProps> {
  const features: Feature<LineString, ArcProps>[] = [];
  const self = inputs.orgIndex.get(orgId);
  if (self !== undefined) {
    inputs.bundle.links.forEach((link, k) => {
      if (!SUPPLY_LINK_KINDS.has(link.kind) || !passesMinValue(link, minValue)) return;
      if (link.source !== orgId && link.target !== orgId) return;
      const s = inputs.orgIndex.get(link.source);
      const t = inputs.orgIndex.get(link.target);
      if (s === undefined || t === undefined) return;
      const arc = linkArc(inputs, k, s, t, link.target === orgId ? 'in' : 'out');
      if (arc !== null) features.push(arc);
    });
  }
  return { type: 'FeatureCollection', features };
}

/** The capability a supply link carries: its own, else its supplier's primary NAICS (DESIGN.md §3). */
export function linkCapability(
  bundle: Bundle,
  link: Link,
  orgIndex: ReadonlyMap<string, number>,
): string | undefined {
  if (link.capability !== undefined) return link.capability;
  const s = orgIndex.get(link.source);
  return s === undefined ? undefined : bundle.organizations[s]?.naics[0];
}

export interface GapSelection {
  /** Organizations in the home region that buy the capability (targets of its supply links). */
  buyers: number[];
  /** Organizations that supply it to those buyers, inside and outside the region. */
  suppliers: number[];
  /** Indexes in bundle.links of the supply links of the capability into the region. */
  links: number[];
}

/**
 * Buyers in the region of `capability`, their suppliers and the links between them, sorted by index. With a
 * `buyer` (a dependency-matrix cell), only that buyer's supply of the capability, wherever the buyer is.
 */
export function gapSelection(inputs: LinkInputs, capability: string, buyer?: number): GapSelection {
  const buyers = new Set<number>();
  const suppliers = new Set<number>();
  const links: number[] = [];
  inputs.bundle.links.forEach((link, k) => {
    if (!SUPPLY_LINK_KINDS.has(link.kind)) return;
    if (linkCapability(inputs.bundle, link, inputs.orgIndex) !== capability) return;
    const s = inputs.orgIndex.get(link.source);
    const t = inputs.orgIndex.get(link.target);
    if (s === undefined || t === undefined) return;
    if (buyer === undefined ? inputs.inRegion[t] !== 1 : t !== buyer) return;
    buyers.add(t);
    suppliers.add(s);
    links.push(k);
  });
  const sorted = (set: Set<number>) => [...set].sort((a, b) => a - b);
  return { buyers: sorted(buyers), suppliers: sorted(suppliers), links };
}

export type GapRole = 'buyer' | 'supplier' | 'both';

export interface GapOrgProps {
  i: number;
  kind: OrgKind;
  role: GapRole;
  inRegion: boolean;
}

/** Points of a gap's buyers and suppliers (an organization can be both), and arcs supplier → buyer. */
export function gapFeatures(
  inputs: LinkInputs,
  selection: GapSelection,
  minValue: number,
): { orgs: FeatureCollection<Point, GapOrgProps>; arcs: FeatureCollection<LineString, ArcProps> } {
  const roles = new Map<number, GapRole>();
  for (const b of selection.buyers) roles.set(b, 'buyer');
  for (const s of selection.suppliers) roles.set(s, roles.get(s) === 'buyer' ? 'both' : 'supplier');
  const orgs: Feature<Point, GapOrgProps>[] = [];
  for (const [i, role] of [...roles].sort((a, b) => a[0] - b[0])) {
    const at = positionOf(inputs.positions, i);
    const org = inputs.bundle.organizations[i];
    if (at === null || org === undefined) continue;
    orgs.push({
      type: 'Feature',
      id: i,
      geometry: { type: 'Point', coordinates: [at[0], at[1]] },
      properties: { i, kind: org.kind, role, inRegion: inputs.inRegion[i] === 1 },
    });
  }
  const arcs: Feature<LineString, ArcProps>[] = [];
  for (const k of selection.links) {
    const link = inputs.bundle.links[k]!;
    if (!passesMinValue(link, minValue)) continue;
    const s = inputs.orgIndex.get(link.source)!;
    const t = inputs.orgIndex.get(link.target)!;
    const arc = linkArc(inputs, k, s, t, 'in');
    if (arc !== null) arcs.push(arc);
  }
  return {
    orgs: { type: 'FeatureCollection', features: orgs },
    arcs: { type: 'FeatureCollection', features: arcs },
  };
}

export interface RiskOrgProps {
  i: number;
  kind: string;
  role: RiskRole;
}

/**
 * Points of a selected chokepoint's reach: the primes that depend on it alone ('exposed') and the
 * organizations it cuts off from them; an organization that is both is drawn as a prime. Ids not in the
 * dataset and organizations without a position are left out.
 */
export function riskFeatures(
  inputs: Pick<LinkInputs, 'bundle' | 'positions' | 'orgIndex'>,
  risk: readonly Chokepoint[],
): FeatureCollection<Point, RiskOrgProps> {
  const roles = new Map<number, RiskRole>();
  const mark = (id: string, role: RiskRole) => {
    const i = inputs.orgIndex.get(id);
    if (i !== undefined && roles.get(i) !== 'exposed') roles.set(i, role);
  };
  for (const c of risk) mark(c.prime, 'exposed');
  for (const c of risk) for (const id of c.cutOff) mark(id, 'cut-off');
  const features: Feature<Point, RiskOrgProps>[] = [];
  for (const [i, role] of [...roles].sort((a, b) => a[0] - b[0])) {
    const at = positionOf(inputs.positions, i);
    const org = inputs.bundle.organizations[i];
    if (at === null || org === undefined) continue;
    features.push({
      type: 'Feature',
      id: i,
      geometry: { type: 'Point', coordinates: [at[0], at[1]] },
      properties: { i, kind: org.kind, role },
    });
  }
  return { type: 'FeatureCollection', features };
}

export interface FlowProps {
  from: string;
  to: string;
  firms: number;
  /** The band's lower bound, 0 when no link had a value. */
  value: number;
  width: number;
}

/**
 * A public copy's flows between two different counties as arcs between the counties' centroids (a flow
 * within one county has no length to draw); flows of counties the copy does not place are skipped.
 */
export function flowFeatures(aggregates: PublicAggregates): FeatureCollection<LineString, FlowProps> {
  const at = new Map<string, LonLat>();
  for (const place of aggregates.places)
    if (place.lon !== undefined && place.lat !== undefined) at.set(place.county, [place.lon, place.lat]);
  const features: Feature<LineString, FlowProps>[] = [];
  for (const flow of aggregates.flows) {
    const from = at.get(flow.from);
    const to = at.get(flow.to);
    if (flow.from === flow.to || from === undefined || to === undefined) continue;
    const value = flow.value ?? 0;
    features.push({
      type: 'Feature',
      geometry: { type: 'LineString', coordinates: arcPoints(from, to) },
      properties: { from: flow.from, to: flow.to, firms: flow.firms, value, width: arcWidth(value) + 1 },
    });
  }
  return { type: 'FeatureCollection', features };
}

// What-if (DESIGN.md §3): take a set of organizations out ("what if they close?"), recompute everything,
// and report which primes lose every supplier of a capability and which gap flags appear or vanish.
import { analyzeGraph } from './analyze.ts';
import { compareText } from './compare-text.ts';
import type { AnalyzeOptions } from './analyze.ts';
import { REMOVED_KIND } from './supply-graph.ts';
import type { SupplyGraph } from './supply-graph.ts';
import type { AnalysisResult, GapFlag } from './types.ts';

/**
 * A copy of the graph without the given organizations: they keep their index (so ids still line up) but
 * neither buy, supply, offer, train, need, nor count as primes or region members. What their buyers bought
 * from them is still needed: those links stay, from a removed source, so that the demand remains and counts
 * as bought outside the region (a removed organization is no region member), while every count of
 * suppliers, routes and chokepoints skips a removed source.
 */
export function removeOrgs(
  graph: SupplyGraph,
  ids: Iterable<string>,
): { graph: SupplyGraph; unknown: string[] } {
  const removed = new Uint8Array(graph.orgCount);
  const unknown: string[] = [];
  for (const id of ids) {
    const index = graph.orgIndex.get(id);
    if (index === undefined) unknown.push(id);
    else removed[index] = 1;
  }
  const kind = graph.kind.slice();
  const inRegion = graph.inRegion.slice();
  for (let i = 0; i < graph.orgCount; i++) {
    if (removed[i] === 1) {
      kind[i] = REMOVED_KIND;
      inRegion[i] = 0;
    }
  }
  const offers = filterCsr(graph.offersStart, graph.offers, removed);
  const trains = filterCsr(graph.trainsStart, graph.trains, removed);

  const keepNeed: number[] = [];
  for (let n = 0; n < graph.needCount; n++) if (removed[graph.needOrg[n]!] === 0) keepNeed.push(n);
  const keepLink: number[] = [];
  for (let l = 0; l < graph.linkCount; l++) if (removed[graph.linkTarget[l]!] === 0) keepLink.push(l);
  const pick = <A extends Int32Array | Float64Array>(array: A, keep: number[]): A => {
    const out = new (array.constructor as new (n: number) => A)(keep.length);
    keep.forEach((from, to) => (out[to] = array[from]!));
    return out;
  };

  return {
    graph: {
      ...graph,
      kind,
      inRegion,
      offersStart: offers.start,
      offers: offers.values,
      trainsStart: trains.start,
      trains: trains.values,
      needCount: keepNeed.length,
      needOrg: pick(graph.needOrg, keepNeed),
      needCapability: pick(graph.needCapability, keepNeed),
      needValue: pick(graph.needValue, keepNeed),
      linkCount: keepLink.length,
      linkSource: pick(graph.linkSource, keepLink),
      linkTarget: pick(graph.linkTarget, keepLink),
      linkCapability: pick(graph.linkCapability, keepLink),
      linkValue: pick(graph.linkValue, keepLink),
    },
    unknown,
  };
}

function filterCsr(start: Int32Array, values: Int32Array, removed: Uint8Array) {
  const n = start.length - 1;
  const outStart = new Int32Array(n + 1);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    outStart[i] = out.length;
    if (removed[i] === 1) continue;
    for (let k = start[i]!; k < start[i + 1]!; k++) out.push(values[k]!);
  }
  outStart[n] = out.length;
  return { start: outStart, values: Int32Array.from(out) };
}

/** A (prime, capability) pair that had suppliers before the removal and has none after. */
export interface LostSupply {
  prime: string;
  capability: string;
  label: string;
  /** Suppliers before: in the region and outside. */
  inRegionBefore: number;
  outOfRegionBefore: number;
}

export interface CapabilityChange {
  capability: string;
  label: string;
  appeared: GapFlag[];
  vanished: GapFlag[];
  importedValueBefore: number;
  importedValueAfter: number;
  localSuppliersBefore: number;
  localSuppliersAfter: number;
}

export interface WhatIfResult {
  /** The removed ids that exist, sorted. */
  removed: string[];
  /** Ids asked for that are not organizations of the dataset. */
  unknown: string[];
  baseline: AnalysisResult;
  scenario: AnalysisResult;
  lostSupply: LostSupply[];
  /** Capabilities whose flags, local supplier count or imported value changed. */
  changes: CapabilityChange[];
  /** Σ importedValue after − before, over all capabilities in demand. */
  importedValueDelta: number;
}

export function whatIf(
  graph: SupplyGraph,
  removedIds: Iterable<string>,
  options: AnalyzeOptions,
  baseline: AnalysisResult = analyzeGraph(graph, options),
): WhatIfResult {
  const { graph: reduced, unknown } = removeOrgs(graph, removedIds);
  const removedSet = new Set<string>();
  for (let i = 0; i < graph.orgCount; i++)
    if (reduced.kind[i] === REMOVED_KIND) removedSet.add(graph.orgIds[i]!);
  const scenario = analyzeGraph(reduced, options);

  const after = new Map(scenario.matrix.map((cell) => [`${cell.prime}\u0000${cell.capability}`, cell]));
  const lostSupply: LostSupply[] = [];
  for (const cell of baseline.matrix) {
    if (removedSet.has(cell.prime) || cell.inRegion + cell.outOfRegion === 0) continue;
    const now = after.get(`${cell.prime}\u0000${cell.capability}`);
    if (now === undefined || now.inRegion + now.outOfRegion === 0) {
      lostSupply.push({
        prime: cell.prime,
        capability: cell.capability,
        label: options.label(cell.capability),
        inRegionBefore: cell.inRegion,
        outOfRegionBefore: cell.outOfRegion,
      });
    }
  }

  const beforeGaps = new Map(baseline.gaps.map((gap) => [gap.capability, gap]));
  const afterGaps = new Map(scenario.gaps.map((gap) => [gap.capability, gap]));
  const capabilities = [...new Set([...beforeGaps.keys(), ...afterGaps.keys()])].sort(compareText);
  const changes: CapabilityChange[] = [];
  for (const capability of capabilities) {
    const before = beforeGaps.get(capability);
    const now = afterGaps.get(capability);
    const flagsBefore = new Set(before?.flags ?? []);
    const flagsAfter = new Set(now?.flags ?? []);
    const change: CapabilityChange = {
      capability,
      label: options.label(capability),
      appeared: [...flagsAfter].filter((flag) => !flagsBefore.has(flag)),
      vanished: [...flagsBefore].filter((flag) => !flagsAfter.has(flag)),
      importedValueBefore: before?.importedValue ?? 0,
      importedValueAfter: now?.importedValue ?? 0,
      localSuppliersBefore: before?.localSuppliers ?? 0,
      localSuppliersAfter: now?.localSuppliers ?? 0,
    };
    if (
      change.appeared.length > 0 ||
      change.vanished.length > 0 ||
      change.importedValueBefore !== change.importedValueAfter ||
      change.localSuppliersBefore !== change.localSuppliersAfter
    ) {
      changes.push(change);
    }
  }

  const total = (result: AnalysisResult) => result.gaps.reduce((sum, gap) => sum + gap.importedValue, 0);
  return {
    removed: [...removedSet].sort(compareText),
    unknown,
    baseline,
    scenario,
    lostSupply,
    changes,
    importedValueDelta: total(scenario) - total(baseline),
  };
}

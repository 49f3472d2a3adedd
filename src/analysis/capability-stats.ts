// The numbers behind the gap flags of DESIGN.md §3, per capability, for the home region: demand, local and
// imported value, leakage, local suppliers, their concentration (HHI) and local trainers. Two passes over
// the supply links with typed-array accumulators indexed by capability, so 1M links take milliseconds.
import { KIND_CODE, REMOVED_KIND } from './supply-graph.ts';
import type { SupplyGraph } from './supply-graph.ts';
import type { CapabilityStats } from './types.ts';

/**
 * A capability is in demand when buyers in the region pay for it or merely declare it: demand > 0, or at
 * least one demand link or need even without a value (so datasets without dollar values still get gaps).
 */
export function isInDemand(stats: Pick<CapabilityStats, 'demand' | 'demandLinks'>): boolean {
  return stats.demand > 0 || stats.demandLinks > 0;
}

/**
 * Stats of every capability in demand (see `isInDemand`), in capability index order. The rules:
 *
 * - A supply link's capability is `linkCapability` (its own capability, else the supplier's primary NAICS);
 *   a link with neither (-1) is ignored by every capability rule.
 * - "In the region" means `inRegion` = 1 and not removed by a what-if (kind ≠ REMOVED_KIND).
 * - `demand` = Σ value of links of c whose target is in the region + Σ `annualValue` of needs of c of
 *   organizations in the region; `demandLinks` counts those links and needs, valued or not (no value adds
 *   0 dollars). Self-links count like any other link: they are declared supply, and local.
 * - `localValue` = the part of demand on links whose source is in the region; `importedValue` = the rest,
 *   including every need (a need has no supplier); `leakage` = importedValue / demand, 0 when demand is 0.
 * - `localSuppliers` = distinct organizations in the region that offer c (`capabilities` ∪ `naics`, of any
 *   kind) or are the source of a link of c to anyone, in the region or not.
 * - `hhi` = Σ over local suppliers of (their value of links of c into the region / localValue)²; suppliers
 *   that sold nothing locally have share 0; null when localValue is 0.
 * - `trainers` = training organizations in the region whose `trains` lists c.
 */
export function capabilityStats(graph: SupplyGraph): CapabilityStats[] {
  const { orgCount, linkCount, linkSource, linkTarget, linkCapability, linkValue } = graph;
  const capabilityCount = graph.capabilityIds.length;
  const local = localMask(graph);

  // Local and imported value are summed apart, and demand is their sum: an all-local capability then has
  // importedValue exactly 0 (not a rounding residue of demand − local), which the leakage flag and the
  // ranking compare against.
  const localValue = new Float64Array(capabilityCount);
  const importedValue = new Float64Array(capabilityCount);
  const demandLinks = new Int32Array(capabilityCount);

  // Pass 1: demand, plus the number of links of each local supplier, for a counting sort by source that lets
  // pass 2 visit one supplier at a time (distinct counts and per-supplier sums without a Set per capability).
  const outStart = new Int32Array(orgCount + 1);
  for (let l = 0; l < linkCount; l++) {
    const c = linkCapability[l]!;
    if (c < 0) continue;
    const s = linkSource[l]!;
    const fromLocal = local[s] === 1;
    if (fromLocal) outStart[s + 1]!++;
    if (local[linkTarget[l]!] !== 1) continue;
    demandLinks[c]!++;
    const value = dollars(linkValue[l]!);
    if (fromLocal) localValue[c]! += value;
    else importedValue[c]! += value;
  }
  for (let n = 0; n < graph.needCount; n++) {
    if (local[graph.needOrg[n]!] !== 1) continue;
    const c = graph.needCapability[n]!;
    demandLinks[c]!++;
    importedValue[c]! += dollars(graph.needValue[n]!);
  }

  for (let i = 0; i < orgCount; i++) outStart[i + 1]! += outStart[i]!;
  const cursor = outStart.slice(0, orgCount);
  const outLinks = new Int32Array(outStart[orgCount]!);
  for (let l = 0; l < linkCount; l++) {
    const s = linkSource[l]!;
    if (linkCapability[l]! >= 0 && local[s] === 1) outLinks[cursor[s]!++] = l;
  }

  // Pass 2, one local organization at a time. `countedFor[c]` and `soldFor[c]` hold the last organization
  // counted as a supplier of c and the last one with a local sale of c, so each (org, capability) pair is
  // counted once; `sold` accumulates the current organization's local sales before they are squared.
  const localSuppliers = new Int32Array(capabilityCount);
  const trainers = new Int32Array(capabilityCount);
  const sumOfSquares = new Float64Array(capabilityCount);
  const countedFor = new Int32Array(capabilityCount).fill(-1);
  const soldFor = new Int32Array(capabilityCount).fill(-1);
  const sold = new Float64Array(capabilityCount);
  const soldList = new Int32Array(capabilityCount);
  const { offersStart, offers, trainsStart, trains, kind } = graph;
  for (let i = 0; i < orgCount; i++) {
    if (local[i] !== 1) continue;
    for (let k = offersStart[i]!; k < offersStart[i + 1]!; k++) {
      const c = offers[k]!;
      if (countedFor[c] !== i) {
        countedFor[c] = i;
        localSuppliers[c]!++;
      }
    }
    let soldCount = 0;
    for (let k = outStart[i]!; k < outStart[i + 1]!; k++) {
      const l = outLinks[k]!;
      const c = linkCapability[l]!;
      if (countedFor[c] !== i) {
        countedFor[c] = i;
        localSuppliers[c]!++;
      }
      if (local[linkTarget[l]!] !== 1) continue;
      if (soldFor[c] !== i) {
        soldFor[c] = i;
        soldList[soldCount++] = c;
      }
      sold[c]! += dollars(linkValue[l]!);
    }
    for (let k = 0; k < soldCount; k++) {
      const c = soldList[k]!;
      sumOfSquares[c]! += sold[c]! * sold[c]!;
      sold[c] = 0;
    }
    if (kind[i] === KIND_CODE.training) {
      for (let k = trainsStart[i]!; k < trainsStart[i + 1]!; k++) trainers[trains[k]!]!++;
    }
  }

  const stats: CapabilityStats[] = [];
  for (let c = 0; c < capabilityCount; c++) {
    const localSum = localValue[c]!;
    const imported = importedValue[c]!;
    const demand = localSum + imported;
    if (!isInDemand({ demand, demandLinks: demandLinks[c]! })) continue;
    stats.push({
      capability: graph.capabilityIds[c]!,
      demand,
      demandLinks: demandLinks[c]!,
      localValue: localSum,
      importedValue: imported,
      leakage: demand > 0 ? imported / demand : 0,
      localSuppliers: localSuppliers[c]!,
      // Σ (v/L)² = Σ v² / L²: one division per capability, and exact for equal shares (four equal → 0.25).
      hhi: localSum > 0 ? sumOfSquares[c]! / (localSum * localSum) : null,
      trainers: trainers[c]!,
    });
  }
  return stats;
}

/** 1 for organizations that count as "in the region": members that a what-if has not removed. */
function localMask(graph: SupplyGraph): Uint8Array {
  const mask = new Uint8Array(graph.orgCount);
  for (let i = 0; i < graph.orgCount; i++) {
    mask[i] = graph.inRegion[i] === 1 && graph.kind[i] !== REMOVED_KIND ? 1 : 0;
  }
  return mask;
}

/** A link or need without a value (NaN) counts as an item of demand but adds no dollars. */
function dollars(value: number): number {
  return Number.isNaN(value) ? 0 : value;
}

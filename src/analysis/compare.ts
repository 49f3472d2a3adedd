// Key figures of one region of a bundle, for comparing regions side by side: organizations by kind, the
// local share of demand, how many capabilities carry each gap flag, and the top gaps by imported value.
import type { CountyLocator } from '../domain/membership.ts';
import { regionMembership } from '../domain/membership.ts';
import type { Bundle, OrgKind } from '../domain/model.ts';
import { ORG_KINDS, countKinds } from '../domain/model.ts';
import { analyzeGraph } from './analyze.ts';
import { buildSupplyGraph } from './supply-graph.ts';
import type { AnalysisResult, Gap, GapFlag } from './types.ts';
import { GAP_FLAGS } from './types.ts';

export interface RegionFigures {
  region: string | null;
  /** Organizations in the region (Σ byKind). */
  organizations: number;
  byKind: Record<OrgKind, number>;
  /** Σ over capabilities in demand. */
  demand: number;
  localValue: number;
  importedValue: number;
  /** Σ localValue / Σ demand; null when there is no dollar demand. */
  localShare: number | null;
  capabilitiesInDemand: number;
  /** Capabilities with at least one flag. */
  flagged: number;
  /** Capabilities carrying each flag (a capability with two flags counts in both). */
  flagCounts: Record<GapFlag, number>;
  /** Critical suppliers (articulation points of the whole supply graph) that are in this region. */
  criticalSuppliers: number;
  /** The first `top` flagged gaps in the analysis' severity order (imported value, then demand). */
  topGaps: Gap[];
}

/**
 * Figures of a region from its analysis and its membership mask (index-aligned with bundle.organizations).
 * `top` is how many flagged gaps to keep (default 5).
 */
export function regionFigures(
  bundle: Bundle,
  inRegion: Uint8Array,
  result: AnalysisResult,
  top = 5,
): RegionFigures {
  const byKind = countKinds(bundle.organizations, (i) => inRegion[i] === 1);
  const index = new Map<string, number>();
  bundle.organizations.forEach((org, i) => index.set(org.id, i));
  const flagCounts = Object.fromEntries(GAP_FLAGS.map((flag) => [flag, 0])) as Record<GapFlag, number>;
  let demand = 0;
  let localValue = 0;
  let importedValue = 0;
  const flaggedGaps: Gap[] = [];
  for (const gap of result.gaps) {
    demand += gap.demand;
    localValue += gap.localValue;
    importedValue += gap.importedValue;
    for (const flag of gap.flags) flagCounts[flag]++;
    if (gap.flags.length > 0) flaggedGaps.push(gap);
  }
  return {
    region: result.region,
    organizations: ORG_KINDS.reduce((sum, kind) => sum + byKind[kind], 0),
    byKind,
    demand,
    localValue,
    importedValue,
    localShare: demand > 0 ? localValue / demand : null,
    capabilitiesInDemand: result.gaps.length,
    flagged: flaggedGaps.length,
    flagCounts,
    criticalSuppliers: result.criticalSuppliers.filter((id) => inRegion[index.get(id) ?? -1] === 1).length,
    // result.gaps is already most severe first (rank.ts), so the first flagged ones are the top gaps.
    topGaps: flaggedGaps.slice(0, top),
  };
}

export interface RegionAnalysis {
  result: AnalysisResult;
  inRegion: Uint8Array;
}

/**
 * The analysis of another region of the same bundle: analyzeBundle's steps (membership, compact graph,
 * analyzeGraph), keeping the membership mask that regionFigures needs.
 */
export function analyzeRegion(
  bundle: Bundle,
  region: { id: string; counties: readonly string[] },
  options: { label: (capabilityId: string) => string; locator: CountyLocator },
): RegionAnalysis {
  const inRegion = regionMembership(bundle.organizations, region.counties, options.locator);
  const result = analyzeGraph(buildSupplyGraph(bundle, inRegion), {
    regionId: region.id,
    label: options.label,
  });
  return { result, inRegion };
}

// The whole analysis of one region (DESIGN.md §3): gaps, tiers, critical suppliers and links, and the prime
// dependency matrix, from the compact supply graph. Pure and synchronous; the worker runs it off the
// main thread and reports its phases as progress.
import type { Bundle } from '../domain/model.ts';
import type { CountyLocator } from '../domain/membership.ts';
import { regionMembership } from '../domain/membership.ts';
import { compareText } from './compare-text.ts';
import { findCutStructure } from './critical.ts';
import { findGaps } from './gaps.ts';
import { dependencyMatrix } from './matrix.ts';
import { buildSupplyGraph } from './supply-graph.ts';
import type { SupplyGraph } from './supply-graph.ts';
import { computeTiers, tierCounts, tiersRecord } from './tiers.ts';
import type { AnalysisResult } from './types.ts';

export type AnalysisPhase = 'membership' | 'graph' | 'gaps' | 'tiers' | 'critical' | 'matrix';
export const ANALYSIS_PHASES: readonly AnalysisPhase[] = [
  'membership',
  'graph',
  'gaps',
  'tiers',
  'critical',
  'matrix',
];

export interface AnalyzeOptions {
  regionId: string | null;
  label: (capabilityId: string) => string;
  /** Called before each phase starts, with its position among ANALYSIS_PHASES. */
  onPhase?: ((phase: AnalysisPhase) => void) | undefined;
}

export function analyzeGraph(graph: SupplyGraph, options: AnalyzeOptions): AnalysisResult {
  const { onPhase } = options;
  onPhase?.('gaps');
  const gaps = findGaps(graph, options.label);
  onPhase?.('tiers');
  const tiers = computeTiers(graph);
  onPhase?.('critical');
  const cut = findCutStructure(graph);
  const ids = graph.orgIds;
  const criticalSuppliers: string[] = [];
  for (let i = 0; i < graph.orgCount; i++) if (cut.articulation[i] === 1) criticalSuppliers.push(ids[i]!);
  criticalSuppliers.sort(compareText);
  const criticalLinks = cut.bridges
    .map(([a, b]): [string, string] => {
      const x = ids[a]!;
      const y = ids[b]!;
      return compareText(x, y) <= 0 ? [x, y] : [y, x];
    })
    .sort((p, q) => compareText(p[0], q[0]) || compareText(p[1], q[1]));
  onPhase?.('matrix');
  const matrix = dependencyMatrix(graph);
  let regionOrganizations = 0;
  for (let i = 0; i < graph.orgCount; i++) regionOrganizations += graph.inRegion[i]!;
  return {
    version: 1,
    region: options.regionId,
    gaps,
    criticalSuppliers,
    criticalLinks,
    tiers: tiersRecord(graph, tiers),
    tierCounts: tierCounts(tiers),
    matrix,
    regionOrganizations,
  };
}

export interface BundleAnalysisOptions extends AnalyzeOptions {
  /** The home region's counties; empty when no region is chosen or its counties are unknown. */
  counties: readonly string[];
  locator: CountyLocator;
}

/** Membership, compact graph, then the analysis: what the CLI and the worker call. */
export function analyzeBundle(bundle: Bundle, options: BundleAnalysisOptions): AnalysisResult {
  options.onPhase?.('membership');
  const mask = regionMembership(bundle.organizations, options.counties, options.locator);
  options.onPhase?.('graph');
  return analyzeGraph(buildSupplyGraph(bundle, mask), options);
}

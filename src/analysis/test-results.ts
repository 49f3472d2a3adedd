// Analysis results for tests that need one as input (exports, charts, comparisons): every number zero and
// every list empty unless the test states it. Used by tests only.
import type { AnalysisResult, CapabilityStats, Gap } from './types.ts';

/** A capability's figures, zero unless stated. */
export function testStats(
  fields: Partial<CapabilityStats> & Pick<CapabilityStats, 'capability'>,
): CapabilityStats {
  return {
    demand: 0,
    demandLinks: 0,
    localValue: 0,
    importedValue: 0,
    leakage: 0,
    localSuppliers: 0,
    hhi: null,
    trainers: 0,
    ...fields,
  };
}

/** A capability's gap; its label is its id unless given. */
export function testGap(fields: Partial<Gap> & Pick<Gap, 'capability'>): Gap {
  return { ...testStats(fields), label: fields.capability, flags: [], ...fields };
}

export function testAnalysis(fields: Partial<AnalysisResult> = {}): AnalysisResult {
  return {
    version: 1,
    region: 'home',
    gaps: [],
    criticalSuppliers: [],
    criticalLinks: [],
    tiers: {},
    tierCounts: [],
    matrix: [],
    regionOrganizations: 0,
    ...fields,
  };
}

// Analysis results for tests that need one as input (exports, charts, comparisons): every number zero and
// every list empty unless the test states it. Used by tests only.
import type { AnalysisResult, Gap } from './types.ts';

/** A capability's gap; its label is its id unless given. */
export function testGap(fields: Partial<Gap> & Pick<Gap, 'capability'>): Gap {
  return {
    label: fields.capability,
    flags: [],
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

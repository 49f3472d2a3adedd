// What the app asks of the analysis worker and what it answers (the methods are in analysis-api.ts). A
// dataset is loaded once under a key; each analysis request names the key, the home region and an optional
// what-if removal set; a comparison names other regions of the same dataset.
import type { YearRange } from '../domain/fiscal-years.ts';
import type { AnalysisResult } from '../analysis/types.ts';
import type { WhatIfResult } from '../analysis/what-if.ts';
import type { PrimeResilience, SupplierRisk } from '../analysis/chokepoints.ts';

export interface AnalysisRequest {
  datasetKey: string;
  regionId: string | null;
  /** Counties of the home region (empty: no region, or its counties are unknown). */
  counties: string[];
  /** Organization ids taken out by a what-if; empty for the baseline. */
  removed: string[];
  /** Fiscal years of dated links analysed (values averaged over them); null or absent: every year. */
  years?: YearRange | null | undefined;
}

/** Other regions of the loaded dataset to analyse for a comparison, each by the same membership rule. */
export interface CompareRequest {
  datasetKey: string;
  regions: { id: string; counties: string[] }[];
  /** As in AnalysisRequest. */
  years?: YearRange | null | undefined;
}

export interface AnalysisOutcome {
  result: AnalysisResult;
  /** Present when the request removed organizations. */
  whatIf: WhatIfResult | null;
  /** 1 for each organization (index-aligned with the bundle) in the home region. */
  inRegion: Uint8Array;
  /** How many organizations were placed by coordinates or ZIP because their record has no county. */
  located: { point: number; zip: number; none: number };
  ms: number;
}

/** One compared region: its analysis and which organizations (index-aligned with the bundle) it holds. */
export interface RegionOutcome {
  regionId: string;
  result: AnalysisResult;
  inRegion: Uint8Array;
}

/** The single points of failure of the home region's graph (same dataset, region and years as an analysis). */
export type ResilienceRequest = Omit<AnalysisRequest, 'removed'>;

export interface ResilienceOutcome {
  /** The suppliers some prime depends on alone, most dollars at risk first; at most RESILIENCE_ROWS of them. */
  suppliers: SupplierRisk[];
  /** How many there are in all. */
  total: number;
  /** USD per year of the primes' direct purchases from suppliers they depend on alone (Σ exposure). */
  atRisk: number;
  /** Every prime's summary, by prime id. */
  primes: PrimeResilience[];
  ms: number;
  /** 2 when a helper thread counted half of the primes' trees. */
  threads: 1 | 2;
}

export type SupplierChokepointsRequest = ResilienceRequest & { supplier: string };
/** A prime's chokepoints (supplier ids): what the network's list of its supply tree marks. */
export type PrimeChokepointsRequest = ResilienceRequest & { prime: string };

/** Rows of the ranking sent to the page. */
export const RESILIENCE_ROWS = 100;

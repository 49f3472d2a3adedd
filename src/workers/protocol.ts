// The typed messages between the app and the analysis worker. A dataset is loaded once under a key; each
// analysis request names the key, the home region and an optional what-if removal set.
import type { AnalysisPhase } from '../analysis/analyze.ts';
import type { AnalysisResult } from '../analysis/types.ts';
import type { WhatIfResult } from '../analysis/what-if.ts';
import type { LinkColumns } from '../io/link-split.ts';
import type { Bundle } from '../domain/model.ts';
import type { PackedOutcome } from './analysis-wire.ts';

export interface AnalysisRequest {
  datasetKey: string;
  regionId: string | null;
  /** Counties of the home region (empty: no region, or its counties are unknown). */
  counties: string[];
  /** Organization ids taken out by a what-if; empty for the baseline. */
  removed: string[];
}

/**
 * A big bundle travels as parts (its organizations in slices, each posted in its own task, so that no single
 * structured clone blocks the page; its links as columns, encoded a slice per task and moved), then the
 * `load` with the rest and `parts: true`.
 */
export type ToWorker =
  | { type: 'load'; datasetKey: string; bundle: Bundle; parts?: boolean }
  | { type: 'load-part'; datasetKey: string; key: 'organizations'; items: unknown[] }
  | { type: 'load-links'; datasetKey: string; columns: LinkColumns }
  | { type: 'analyze'; id: number; request: AnalysisRequest };

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

export type FromWorker =
  | { type: 'progress'; id: number; phase: AnalysisPhase | 'reference'; fraction: number }
  | { type: 'result'; id: number; outcome: PackedOutcome }
  | { type: 'error'; id: number; message: string };

// How an analysis outcome crosses from the worker to the app. The tier of every reached organization is a
// record with one key per organization (~91k on the national bench bundle); structured clone rebuilds such
// an object key by key, a 120–190 ms main-thread task on a slow machine. On the wire it is a list of ids
// and a typed array of tiers (moved, not copied), and the record is rebuilt on arrival: ~3× cheaper, and
// a slice at a time (at 91k ids, in one go, it was a task of ~90 ms of its own).
// Rebuilt records have no prototype, as the worker's had (so an id like "constructor" finds no inherited
// value), which a structured clone of them would not keep.
import type { AnalysisResult } from '../analysis/types.ts';
import type { WhatIfResult } from '../analysis/what-if.ts';
import type { AnalysisOutcome, RegionOutcome } from './protocol.ts';
import { eachSliced, nextTask } from './sliced.ts';

export interface PackedTiers {
  ids: string[];
  tiers: Int32Array<ArrayBuffer>;
}

export type PackedResult = Omit<AnalysisResult, 'tiers'> & { tiers: PackedTiers };

export type PackedOutcome = Omit<AnalysisOutcome, 'result' | 'whatIf'> & {
  result: PackedResult;
  whatIf:
    (Omit<WhatIfResult, 'baseline' | 'scenario'> & { baseline: PackedResult; scenario: PackedResult }) | null;
};

function packResult(result: AnalysisResult, transfer: ArrayBuffer[]): PackedResult {
  const ids = Object.keys(result.tiers);
  const tiers = new Int32Array(ids.length);
  ids.forEach((id, i) => (tiers[i] = result.tiers[id] ?? -1));
  transfer.push(tiers.buffer);
  return { ...result, tiers: { ids, tiers } };
}

async function unpackResult(packed: PackedResult): Promise<AnalysisResult> {
  const record = Object.create(null) as Record<string, number>;
  const { ids, tiers } = packed.tiers;
  // Not in the task that took the message (its 91k ids alone take ~50 ms to arrive).
  await nextTask();
  await eachSliced(ids.length, (i) => (record[ids[i]!] = tiers[i]!));
  return { ...packed, tiers: record };
}

/** The outcome in its wire form, and the buffers to transfer with it. */
export function packOutcome(outcome: AnalysisOutcome): { packed: PackedOutcome; transfer: ArrayBuffer[] } {
  const transfer: ArrayBuffer[] = [];
  const { whatIf } = outcome;
  const packed: PackedOutcome = {
    ...outcome,
    result: packResult(outcome.result, transfer),
    whatIf:
      whatIf === null
        ? null
        : {
            ...whatIf,
            // The baseline is usually the same object as the result: packed again, it arrives as its own copy,
            // as a structured clone would make it.
            baseline: packResult(whatIf.baseline, transfer),
            scenario: packResult(whatIf.scenario, transfer),
          },
  };
  return { packed, transfer };
}

export async function unpackOutcome(packed: PackedOutcome): Promise<AnalysisOutcome> {
  const { whatIf } = packed;
  return {
    ...packed,
    result: await unpackResult(packed.result),
    whatIf:
      whatIf === null
        ? null
        : {
            ...whatIf,
            baseline: await unpackResult(whatIf.baseline),
            scenario: await unpackResult(whatIf.scenario),
          },
  };
}

export type PackedRegion = Omit<RegionOutcome, 'result'> & { result: PackedResult };

/** Compared regions in their wire form, and the buffers to transfer with them. */
export function packRegions(regions: readonly RegionOutcome[]): {
  packed: PackedRegion[];
  transfer: ArrayBuffer[];
} {
  const transfer: ArrayBuffer[] = [];
  const packed = regions.map((region) => ({ ...region, result: packResult(region.result, transfer) }));
  return { packed, transfer };
}

export async function unpackRegions(packed: readonly PackedRegion[]): Promise<RegionOutcome[]> {
  const out: RegionOutcome[] = [];
  for (const region of packed) out.push({ ...region, result: await unpackResult(region.result) });
  return out;
}

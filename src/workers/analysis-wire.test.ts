import { describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../analysis/types.ts';
import type { AnalysisOutcome } from './protocol.ts';
import { packOutcome, unpackOutcome } from './analysis-wire.ts';

function result(tiers: [string, number][]): AnalysisResult {
  const record = Object.create(null) as Record<string, number>;
  for (const [id, tier] of tiers) record[id] = tier;
  return {
    version: 1,
    region: 'r1',
    gaps: [],
    criticalSuppliers: ['b'],
    criticalLinks: [['a', 'b']],
    tiers: record,
    tierCounts: [1, 2, 1],
    matrix: [],
    regionOrganizations: 4,
  };
}

function outcome(whatIf: boolean): AnalysisOutcome {
  const base = result([
    ['p', 0],
    ['a', 1],
    ['__proto__', 1],
    ['constructor', 2],
  ]);
  return {
    result: base,
    whatIf: whatIf
      ? {
          removed: ['a'],
          unknown: [],
          baseline: base,
          scenario: result([['p', 0]]),
          lostSupply: [],
          changes: [],
          importedValueDelta: 0,
        }
      : null,
    inRegion: new Uint8Array([1, 1, 0, 1]),
    located: { point: 1, zip: 2, none: 1 },
    ms: 3,
  };
}

/** What the app receives: the packed outcome through a structured clone with its buffers moved. */
function overTheWire(original: AnalysisOutcome): Promise<AnalysisOutcome> {
  const { packed, transfer } = packOutcome(original);
  return unpackOutcome(structuredClone(packed, { transfer }));
}

describe('analysis outcome on the wire', () => {
  it.each([false, true])('arrives equal to what the worker computed (what-if: %s)', async (withWhatIf) => {
    const original = outcome(withWhatIf);
    const arrived = await overTheWire(original);
    expect(arrived).toEqual(original);
    expect(Object.entries(arrived.result.tiers)).toEqual(Object.entries(original.result.tiers));
    if (withWhatIf) expect(arrived.whatIf?.scenario.tiers).toEqual(original.whatIf?.scenario.tiers);
  });

  it('keeps tier records without a prototype, so ids like "constructor" find only their own tier', async () => {
    const arrived = await overTheWire(outcome(false));
    expect(Object.getPrototypeOf(arrived.result.tiers)).toBeNull();
    expect(arrived.result.tiers['constructor']).toBe(2);
    expect(arrived.result.tiers['__proto__']).toBe(1);
    expect(arrived.result.tiers['toString']).toBeUndefined();
    // A plain structured clone of the same record would have Object.prototype back.
    const cloned = structuredClone(outcome(false).result.tiers);
    expect(Object.getPrototypeOf(cloned)).toBe(Object.prototype);
  });

  it('moves the tier arrays instead of copying them, and leaves the worker its own result', () => {
    const original = outcome(true);
    const { packed, transfer } = packOutcome(original);
    expect(transfer).toHaveLength(3);
    structuredClone(packed, { transfer });
    expect(packed.result.tiers.tiers.byteLength).toBe(0);
    expect(original.result.tiers['a']).toBe(1);
  });
});

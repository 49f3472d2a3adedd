import { describe, expect, it } from 'vitest';
import { analyzeRegion, regionFigures } from './compare.ts';
import { HT, MS, testBundle } from './test-bundle.ts';
import { GAP_FLAGS } from './types.ts';
import type { AnalysisResult, Gap, GapFlag } from './types.ts';
import { testAnalysis, testGap } from './test-results.ts';

const label = (id: string) => `label ${id}`;

/** Capabilities per flag: those given, and 0 for every other flag. */
const flagCounts = (counts: Partial<Record<GapFlag, number>>): Record<GapFlag, number> =>
  Object.fromEntries(GAP_FLAGS.map((flag) => [flag, counts[flag] ?? 0])) as Record<GapFlag, number>;

// testBundle puts inRegion orgs in county 00001 and the others in 00002: region A is county 00001,
// region B county 00002.
const bundle = testBundle(
  [
    { id: 'P1', kind: 'prime', needs: [{ capability: MS, annualValue: 25 }] },
    { id: 'M1', naics: [HT] },
    { id: 'T', kind: 'training', trains: [HT] },
    { id: 'M2', naics: [HT], inRegion: false },
    { id: 'M3', naics: [MS], inRegion: false },
    { id: 'S', kind: 'support', inRegion: false },
  ],
  [
    ['M1', 'P1', HT, 100],
    ['M2', 'P1', HT, 300],
    ['M3', 'P1', MS, 50],
    ['M3', 'M2', MS, 20],
  ],
);
const A = { id: 'A', counties: ['00001'] };
const B = { id: 'B', counties: ['00002'] };

function figuresOf(region: { id: string; counties: string[] }, top?: number) {
  const { result, inRegion } = analyzeRegion(bundle, region, { label, locator: {} });
  return regionFigures(bundle, inRegion, result, top);
}

describe('regionFigures of analyzeRegion', () => {
  it('region A: one prime buying heat treating mostly from outside and machining only from outside', () => {
    const figures = figuresOf(A);
    expect(figures.region).toBe('A');
    expect(figures.organizations).toBe(3);
    expect(figures.byKind).toEqual({ prime: 1, manufacturer: 1, training: 1, support: 0 });
    // Heat treating: 100 local (M1) + 300 imported (M2). Machining: 50 imported (M3) + the 25 need.
    expect(figures.demand).toBe(475);
    expect(figures.localValue).toBe(100);
    expect(figures.importedValue).toBe(375);
    expect(figures.localShare).toBeCloseTo(100 / 475, 12);
    expect(figures.capabilitiesInDemand).toBe(2);
    // HT: one local supplier, 75 % leakage, trained by T. MS: no local supplier and no trainer.
    expect(figures.flagCounts).toEqual(
      flagCounts({ missing: 1, 'single-source': 1, leakage: 1, workforce: 1 }),
    );
    expect(figures.flagged).toBe(2);
    expect(figures.topGaps.map((g) => [g.capability, g.importedValue, g.flags])).toEqual([
      [HT, 300, ['single-source', 'leakage']],
      [MS, 75, ['missing', 'workforce']],
    ]);
    // P1 is the only articulation point (without it M1 is cut off), and it is in region A.
    expect(figures.criticalSuppliers).toBe(1);
  });

  it('region B: machining bought locally only, so the local share is 100 %', () => {
    const figures = figuresOf(B);
    expect(figures.byKind).toEqual({ prime: 0, manufacturer: 2, training: 0, support: 1 });
    expect(figures.organizations).toBe(3);
    expect(figures.demand).toBe(20);
    expect(figures.importedValue).toBe(0);
    expect(figures.localShare).toBe(1);
    expect(figures.capabilitiesInDemand).toBe(1);
    // The graph's one articulation point, P1, is in region A, not here.
    expect(figures.criticalSuppliers).toBe(0);
    expect(figures.flagCounts).toEqual(flagCounts({ 'single-source': 1, workforce: 1 }));
  });

  it('keeps the top N flagged gaps', () => {
    expect(figuresOf(A, 1).topGaps.map((g) => g.capability)).toEqual([HT]);
  });

  it('a region without members has no demand and no local share', () => {
    const figures = figuresOf({ id: 'empty', counties: ['99999'] });
    expect(figures.organizations).toBe(0);
    expect(figures.demand).toBe(0);
    expect(figures.localShare).toBeNull();
    expect(figures.topGaps).toEqual([]);
  });
});

describe('regionFigures', () => {
  const gap = (capability: string, importedValue: number, localValue: number, flags: Gap['flags']): Gap =>
    testGap({
      capability,
      flags,
      demand: importedValue + localValue,
      demandLinks: 1,
      localValue,
      importedValue,
      leakage: importedValue / (importedValue + localValue),
      localSuppliers: 1,
      trainers: 1,
    });
  const result: AnalysisResult = testAnalysis({
    region: 'R',
    gaps: [
      gap('a', 90, 10, ['leakage']),
      gap('b', 50, 50, []),
      gap('c', 5, 45, ['concentrated', 'workforce']),
    ],
    criticalSuppliers: ['x', 'y'],
  });

  it('sums every capability in demand but lists only flagged ones as top gaps', () => {
    // x is in the region, y is not; only x counts as a critical supplier of the region.
    const bundle = testBundle([{ id: 'x' }, { id: 'y', inRegion: false }], []);
    const figures = regionFigures(bundle, Uint8Array.of(1, 0), result);
    // Demand 100 + 100 + 50 = 250, of which local 10 + 50 + 45 = 105.
    expect(figures.demand).toBe(250);
    expect(figures.localValue).toBe(105);
    expect(figures.importedValue).toBe(145);
    expect(figures.localShare).toBeCloseTo(0.42, 12);
    expect(figures.flagged).toBe(2);
    expect(figures.topGaps.map((g) => g.capability)).toEqual(['a', 'c']);
    expect(figures.flagCounts.workforce).toBe(1);
    expect(figures.criticalSuppliers).toBe(1);
  });
});

import { describe, expect, it } from 'vitest';
import { compareGaps, rankGaps } from './rank.ts';
import type { CapabilityStats } from './types.ts';

function stats(
  capability: string,
  importedValue: number,
  demand: number,
  demandLinks: number,
): CapabilityStats {
  return {
    capability,
    demand,
    demandLinks,
    localValue: demand - importedValue,
    importedValue,
    leakage: demand > 0 ? importedValue / demand : 0,
    localSuppliers: 1,
    hhi: null,
    trainers: 0,
  };
}

const cases: { name: string; input: CapabilityStats[]; order: string[] }[] = [
  {
    name: 'more imported value ranks first, whatever the demand',
    input: [stats('a', 10, 1000, 9), stats('b', 20, 20, 1)],
    order: ['b', 'a'],
  },
  {
    name: 'equal imported value: more demand ranks first',
    input: [stats('a', 10, 50, 9), stats('b', 10, 80, 1)],
    order: ['b', 'a'],
  },
  {
    name: 'equal imported value and demand: more demand links rank first',
    input: [stats('a', 0, 0, 2), stats('b', 0, 0, 5)],
    order: ['b', 'a'],
  },
  {
    name: 'all equal: capability id ascending, in code-unit order (digits, then upper, then lower case)',
    input: [
      stats('nadcap-ht', 5, 5, 1),
      stats('Z-cap', 5, 5, 1),
      stats('332811', 5, 5, 1),
      stats('332710', 5, 5, 1),
    ],
    order: ['332710', '332811', 'Z-cap', 'nadcap-ht'],
  },
];

describe('rankGaps', () => {
  it.each(cases)('$name', ({ input, order }) => {
    expect(rankGaps(input).map((s) => s.capability)).toEqual(order);
  });

  it('gives the same order for every input order (a total order)', () => {
    const input = [
      stats('c', 1, 2, 3),
      stats('a', 1, 2, 3),
      stats('b', 1, 2, 4),
      stats('d', 1, 3, 1),
      stats('e', 2, 2, 1),
    ];
    const expected = ['e', 'd', 'b', 'a', 'c'];
    for (let shift = 0; shift < input.length; shift++) {
      const rotated = [...input.slice(shift), ...input.slice(0, shift)];
      expect(rankGaps(rotated).map((s) => s.capability)).toEqual(expected);
      expect(rankGaps([...rotated].reverse()).map((s) => s.capability)).toEqual(expected);
    }
  });

  it('leaves its input as it was', () => {
    const input = [stats('a', 1, 1, 1), stats('b', 2, 2, 1)];
    rankGaps(input);
    expect(input.map((s) => s.capability)).toEqual(['a', 'b']);
  });
});

describe('compareGaps', () => {
  it('is 0 only for the same capability id', () => {
    expect(compareGaps(stats('a', 1, 1, 1), stats('a', 1, 1, 1))).toBe(0);
    expect(compareGaps(stats('a', 1, 1, 1), stats('b', 1, 1, 1))).toBeLessThan(0);
  });
});

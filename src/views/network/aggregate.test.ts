import { describe, expect, it } from 'vitest';
import { aggregate, NEIGHBORHOOD_LIMIT, needsAggregation } from './aggregate.ts';
import type { AggregateInput, Limits } from './aggregate.ts';

function input(
  eligible: number[],
  score: number[],
  links: [number, number][] = [],
  keep?: number[],
): AggregateInput {
  return {
    eligible: Uint8Array.from(eligible),
    score,
    source: Int32Array.from(links, ([s]) => s),
    target: Int32Array.from(links, ([, t]) => t),
    keep,
  };
}

/** Indices set in the include mask. */
const kept = (include: Uint8Array | null) =>
  include === null ? null : [...include.keys()].filter((i) => include[i] === 1);

// Every pair of 4 organizations linked: 6 links.
const complete4: [number, number][] = [
  [0, 1],
  [0, 2],
  [0, 3],
  [1, 2],
  [1, 3],
  [2, 3],
];

describe('needsAggregation', () => {
  it.each<[string, AggregateInput, Limits, boolean]>([
    ['not at the node limit', input([1, 1, 1], [0, 0, 0]), { nodes: 3, edges: 10 }, false],
    ['above the node limit', input([1, 1, 1], [0, 0, 0]), { nodes: 2, edges: 10 }, true],
    [
      'counting eligible organizations only',
      input([1, 0, 1, 0], [0, 0, 0, 0]),
      { nodes: 2, edges: 10 },
      false,
    ],
    ['not at the edge limit', input([1, 1], [0, 0], [[0, 1]]), { nodes: 10, edges: 1 }, false],
    [
      'above the edge limit',
      input(
        [1, 1],
        [0, 0],
        [
          [0, 1],
          [1, 0],
        ],
      ),
      { nodes: 10, edges: 1 },
      true,
    ],
  ])('%s → %s', (_name, data, limits, expected) => {
    expect(needsAggregation(data, limits)).toBe(expected);
  });
});

describe('aggregate', () => {
  it('draws every eligible organization under the limits', () => {
    expect(aggregate(input([1, 0, 1], [5, 5, 5]), { nodes: 2, edges: 10 })).toEqual({
      include: null,
      shown: 2,
      total: 2,
      aggregated: false,
    });
  });

  it('keeps the top N by score, ties by index', () => {
    // Ranked: 1 (9), 4 (9), 0 (5), 2 (5), 3 (1); the top 3 are 1, 4 and 0.
    const result = aggregate(input([1, 1, 1, 1, 1], [5, 9, 5, 1, 9]), { nodes: 3, edges: 100 });
    expect(kept(result.include)).toEqual([0, 1, 4]);
    expect(result).toMatchObject({ shown: 3, total: 5, aggregated: true });
  });

  it('never keeps an organization that is not eligible, whatever its score', () => {
    // Eligible: 0 (1), 2 (3), 3 (2); top 2 are 2 and 3.
    const result = aggregate(input([1, 0, 1, 1], [1, 100, 3, 2]), { nodes: 2, edges: 100 });
    expect(kept(result.include)).toEqual([2, 3]);
    expect(result).toMatchObject({ shown: 2, total: 3 });
  });

  it('shrinks N until the links among the kept fit the edge limit', () => {
    // 4 nodes fit, 6 links do not fit 2: N = ⌊4 × √(2/6) × 0.95⌋ = ⌊2.19⌋ = 2, and nodes 0, 1 share 1 link.
    const result = aggregate(input([1, 1, 1, 1], [4, 3, 2, 1], complete4), { nodes: 4, edges: 2 });
    expect(kept(result.include)).toEqual([0, 1]);
    expect(result).toMatchObject({ shown: 2, total: 4, aggregated: true });
  });

  it('keeps at least one organization when no link fits', () => {
    // N = max(1, ⌊2 × √(0/1) × 0.95⌋) = 1: the top organization alone.
    const result = aggregate(input([1, 1], [1, 2], [[0, 1]]), { nodes: 2, edges: 0 });
    expect(kept(result.include)).toEqual([1]);
    expect(result.shown).toBe(1);
  });

  it('adds the keep-list on top of the top N, once each and only if eligible', () => {
    // Top 2 of scores [4, 3, 2, 1, 0] are 0 and 1; keep adds 3 (0 is already in, 3 twice, 4 not eligible,
    // 9 does not exist).
    const result = aggregate(input([1, 1, 1, 1, 0], [4, 3, 2, 1, 0], [], [3, 0, 3, 4, 9]), {
      nodes: 2,
      edges: 100,
    });
    expect(kept(result.include)).toEqual([0, 1, 3]);
    expect(result).toMatchObject({ shown: 3, total: 4, aggregated: true });
  });

  it('adds no more than NEIGHBORHOOD_LIMIT organizations from the keep-list', () => {
    const n = NEIGHBORHOOD_LIMIT + 10;
    const eligible = new Array<number>(n).fill(1);
    // Scores fall with the index, so the top 1 is organization 0; keep lists all the others in order.
    const score = eligible.map((_, i) => n - i);
    const keep = eligible.map((_, i) => i).slice(1);
    const result = aggregate(input(eligible, score, [], keep), { nodes: 1, edges: 100 });
    expect(result.shown).toBe(1 + NEIGHBORHOOD_LIMIT);
    expect(result.total).toBe(n);
    const include = kept(result.include)!;
    expect(include).toHaveLength(1 + NEIGHBORHOOD_LIMIT);
    // The first NEIGHBORHOOD_LIMIT of the keep-list: 1 … NEIGHBORHOOD_LIMIT.
    expect(include.at(-1)).toBe(NEIGHBORHOOD_LIMIT);
  });

  it('reports shown as the number of organizations set in the mask', () => {
    const result = aggregate(input([1, 1, 1, 1], [4, 3, 2, 1], complete4, [3]), { nodes: 4, edges: 2 });
    // N = 2 (see above), plus organization 3 from the keep-list.
    expect(kept(result.include)).toEqual([0, 1, 3]);
    expect(result.shown).toBe(3);
  });
});

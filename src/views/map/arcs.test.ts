import { describe, expect, it } from 'vitest';
import { ARC_BEND, arcPoints, arcWidth, crossesBoundary } from './arcs.ts';

describe('arcPoints', () => {
  it('starts and ends exactly at the two inputs', () => {
    const points = arcPoints([-87.6, 41.9], [-88.2, 42.3]);
    expect(points[0]).toEqual([-87.6, 41.9]);
    expect(points.at(-1)).toEqual([-88.2, 42.3]);
    expect(points.length).toBe(25);
  });

  it('bends its middle point ARC_BEND × length to the left of the chord', () => {
    // On the equator a degree of longitude and of latitude are alike, so the offset reads directly.
    const points = arcPoints([0, 0], [2, 0], ARC_BEND, 2);
    expect(points).toHaveLength(3);
    expect(points[1]?.[0]).toBeCloseTo(1, 12);
    expect(points[1]?.[1]).toBeCloseTo(ARC_BEND * 2, 12);
  });

  it('bends the reverse link to the other side, so A → B and B → A do not overlap', () => {
    const there = arcPoints([0, 0], [2, 0], ARC_BEND, 2);
    const back = arcPoints([2, 0], [0, 0], ARC_BEND, 2);
    expect(back[1]?.[1]).toBeCloseTo(-(there[1]?.[1] ?? 0), 12);
  });

  it('gives a straight line with no bend', () => {
    const points = arcPoints([0, 0], [4, 4], 0, 4);
    for (const [x, y] of points) expect(x).toBeCloseTo(y, 12);
  });
});

describe('crossesBoundary', () => {
  it.each([
    [true, true, false],
    [false, false, false],
    [true, false, true],
    [false, true, true],
  ])('source in region %s, target in region %s → %s', (a, b, expected) => {
    expect(crossesBoundary(a, b)).toBe(expected);
  });
});

describe('arcWidth', () => {
  it('is 1 px for unknown, zero or small values and grows with the logarithm of the value', () => {
    expect(arcWidth(undefined)).toBe(1);
    expect(arcWidth(0)).toBe(1);
    expect(arcWidth(5_000)).toBe(1);
    expect(arcWidth(1_000_000)).toBeCloseTo(4, 12);
    expect(arcWidth(10_000_000)).toBeGreaterThan(arcWidth(1_000_000));
    expect(arcWidth(1e12)).toBe(8);
  });
});

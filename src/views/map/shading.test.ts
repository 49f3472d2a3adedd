import { describe, expect, it } from 'vitest';
import { testBundle } from '../../analysis/test-bundle.ts';
import type { Bundle } from '../../domain/model.ts';
import type { CountyFips } from '../../domain/ids.ts';
import { countyMeasures, SHADE_COLORS, shadeClasses } from './shading.ts';
import type { MeasureInputs } from './shading.ts';

// Region counties A and B; X is outside. a1, a2 in A; b1 in B; x1 in X.
// Links: a1 → b1 $100, x1 → b1 $40, x1 → a2 $10, b1 → x1 $7, a2 → a1 (no value), trains x1 → a1 $1000.
function setup(): MeasureInputs {
  const base = testBundle(
    [{ id: 'a1' }, { id: 'a2' }, { id: 'b1' }, { id: 'x1', inRegion: false }],
    [
      ['a1', 'b1', 'c', 100],
      ['x1', 'b1', 'c', 40],
      ['x1', 'a2', 'c', 10],
      ['b1', 'x1', 'c', 7],
      ['a2', 'a1', 'c'],
    ],
  );
  const counties = ['A', 'A', 'B', 'X'];
  const bundle: Bundle = {
    ...base,
    organizations: base.organizations.map((o, i) => ({ ...o, county: counties[i] as CountyFips })),
    links: [
      ...base.links,
      { source: base.organizations[3]!.id, target: base.organizations[0]!.id, kind: 'trains', value: 1000 },
    ],
  };
  return {
    bundle,
    orgIndex: new Map(bundle.organizations.map((o, i) => [o.id, i])),
    inRegion: Uint8Array.from([1, 1, 1, 0]),
    visible: Uint8Array.from([1, 0, 1, 1]),
  };
}

describe('countyMeasures', () => {
  it('gives the same sums from the link arrays as from the ids', () => {
    const inputs = setup();
    // Per bundle link: a1 → b1, x1 → b1, x1 → a2, b1 → x1, a2 → a1, x1 → a1 (trains).
    const links = {
      source: Int32Array.from([0, 3, 3, 2, 1, 3]),
      target: Int32Array.from([2, 2, 1, 3, 0, 0]),
      value: Float64Array.from([100, 40, 10, 7, Number.NaN, 1000]),
    };
    for (const shading of ['supplied', 'imported'] as const) {
      expect(countyMeasures({ ...inputs, links }, ['A', 'B'], shading)).toEqual(
        countyMeasures(inputs, ['A', 'B'], shading),
      );
    }
    expect(countyMeasures({ ...inputs, links }, ['A', 'B'], 'imported')).toEqual(
      new Map([
        ['A', 10],
        ['B', 40],
      ]),
    );
  });

  it('orgs: counts the visible organizations of each region county', () => {
    expect(countyMeasures(setup(), ['A', 'B', 'C'], 'orgs')).toEqual(
      new Map([
        ['A', 1],
        ['B', 1],
        ['C', 0],
      ]),
    );
  });

  it('supplied: sums the value of supply links by the supplier’s county', () => {
    expect(countyMeasures(setup(), ['A', 'B'], 'supplied')).toEqual(
      new Map([
        ['A', 100],
        ['B', 7],
      ]),
    );
  });

  it('imported: sums the value bought by each county from suppliers outside the region', () => {
    expect(countyMeasures(setup(), ['A', 'B'], 'imported')).toEqual(
      new Map([
        ['A', 10],
        ['B', 40],
      ]),
    );
  });
});

describe('shadeClasses', () => {
  it('splits 0…max into five equal classes, light to dark', () => {
    const { classOf, classes } = shadeClasses([0, 50, 100]);
    expect(classes.map((c) => [c.from, c.to])).toEqual([
      [0, 20],
      [20, 40],
      [40, 60],
      [60, 80],
      [80, 100],
    ]);
    expect(classOf(0)).toBe(SHADE_COLORS[0]);
    expect(classOf(50)).toBe(SHADE_COLORS[2]);
    expect(classOf(100)).toBe(SHADE_COLORS[4]);
  });

  it('has a single class when every value is 0', () => {
    expect(shadeClasses([0, 0]).classes).toHaveLength(1);
  });
});

import { describe, expect, it } from 'vitest';
import { testBundle } from '../../analysis/test-bundle.ts';
import type { Bundle } from '../../domain/model.ts';
import type { Positions } from '../../geo/positions.ts';
import {
  countDrawn,
  drawableMask,
  gapFeatures,
  gapSelection,
  linkCapability,
  nextMaskStep,
  orgFeatureMaker,
  orgFeatures,
  radiusFor,
  selectionArcs,
  suppliedValues,
} from './sources.ts';
import type { LinkInputs } from './sources.ts';

/** Positions from [lon, lat] pairs; null means no position. */
function positions(points: ([number, number] | null)[]): Positions {
  const coords = new Float64Array(points.length * 2).fill(Number.NaN);
  points.forEach((p, i) => {
    if (p !== null) [coords[2 * i], coords[2 * i + 1]] = p;
  });
  return { coords, via: new Uint8Array(points.length).fill(1) };
}

function inputs(bundle: Bundle, at: ([number, number] | null)[]): LinkInputs {
  return {
    bundle,
    positions: positions(at),
    inRegion: Uint8Array.from(bundle.organizations, (o) => (o.county === '00001' ? 1 : 0)),
    orgIndex: new Map(bundle.organizations.map((o, i) => [o.id, i])),
  };
}

describe('drawableMask', () => {
  it('marks the organizations that are visible and positioned', () => {
    const at = positions([[-87, 41], null, [-89, 43], [-90, 44]]);
    expect([...drawableMask(at, Uint8Array.from([1, 1, 0, 1]))]).toEqual([1, 0, 0, 1]);
  });
});

describe('nextMaskStep', () => {
  const mask = (bits: string) => Uint8Array.from(bits, Number);

  it.each([
    ['in step', '0110', '0110', 9, { remove: [], add: [] }],
    ['from empty', '0000', '1011', 9, { remove: [], add: [0, 2, 3] }],
    ['to empty', '1011', '0000', 9, { remove: [0, 2, 3], add: [] }],
    ['both ways', '1100', '0110', 9, { remove: [0], add: [2] }],
    ['the first adds only, within the limit', '0000', '1111', 2, { remove: [], add: [0, 1] }],
    ['every removal past the add limit', '1110', '0001', 1, { remove: [0, 1, 2], add: [3] }],
  ])('%s: %s → %s', (_name, held, target, limit, expected) => {
    expect(nextMaskStep(mask(held), mask(target), limit)).toEqual(expected);
  });

  it('keeps removals within their own limit', () => {
    expect(nextMaskStep(mask('1111'), mask('0001'), 5, 2)).toEqual({ remove: [0, 1], add: [] });
  });

  it('reaches the target in steps of at most the limit', () => {
    const held = mask('10100000');
    const target = mask('01011111');
    const sizes: number[] = [];
    for (let step = nextMaskStep(held, target, 2); step.add.length + step.remove.length > 0;) {
      sizes.push(step.add.length);
      for (const i of step.remove) held[i] = 0;
      for (const i of step.add) held[i] = 1;
      step = nextMaskStep(held, target, 2);
    }
    expect(sizes).toEqual([2, 2, 2]);
    expect([...held]).toEqual([...target]);
  });
});

describe('orgFeatureMaker', () => {
  it('makes the same feature as orgFeatures, one organization at a time', () => {
    const base = testBundle([{ id: 'a' }, { id: 'b', kind: 'support' }], []);
    const bundle: Bundle = {
      ...base,
      organizations: base.organizations.map((o, i) => ({ ...o, employees: [100, 25][i] })),
    };
    const at = positions([
      [-87, 41],
      [-88, 42],
    ]);
    const make = orgFeatureMaker({ bundle, positions: at }, 'employees');
    const all = orgFeatures({ bundle, positions: at, visible: Uint8Array.from([1, 1]) }, 'employees');
    expect(make(1)).toEqual(all.features[1]);
    // sqrt(25 / 100) = 0.5 → 3 + 13 × 0.5 = 9.5 px, against the largest of all, not of one chunk.
    expect(make(1).properties).toEqual({ i: 1, kind: 'support', r: 9.5 });
  });
});

describe('orgFeatures', () => {
  const bundle = testBundle(
    [{ id: 'p', kind: 'prime' }, { id: 'm' }, { id: 't', kind: 'training' }, { id: 'nowhere' }],
    [],
  );
  const at = positions([[-87, 41], [-88, 42], [-89, 43], null]);

  it('makes one point per visible, positioned organization, keyed by its index', () => {
    const visible = Uint8Array.from([1, 0, 1, 1]);
    const collection = orgFeatures({ bundle, positions: at, visible });
    expect(collection.features.map((f) => f.id)).toEqual([0, 2]);
    expect(collection.features[0]).toEqual({
      type: 'Feature',
      id: 0,
      geometry: { type: 'Point', coordinates: [-87, 41] },
      properties: { i: 0, kind: 'prime', r: 5 },
    });
    expect(collection.features[1]?.properties.kind).toBe('training');
    expect(countDrawn(at, visible)).toBe(2);
  });

  it('sizes points by employees on a square-root scale when asked', () => {
    const sized: Bundle = {
      ...bundle,
      organizations: bundle.organizations.map((o, i) => ({ ...o, employees: [400, 100, undefined, 1][i] })),
    };
    const visible = Uint8Array.from([1, 1, 1, 1]);
    const radii = orgFeatures({ bundle: sized, positions: at, visible }, 'employees').features.map(
      (f) => f.properties.r,
    );
    expect(radii).toEqual([16, 9.5, 3]);
    expect(radiusFor(100, 400)).toBe(9.5);
  });

  it('sizes points by the value they supply when asked', () => {
    const linked = testBundle(
      [{ id: 'a' }, { id: 'b' }],
      [
        ['a', 'b', 'x', 300],
        ['a', 'b', 'y', 100],
        ['b', 'a', 'x', 100],
      ],
    );
    const supplied = suppliedValues(linked);
    expect([...supplied]).toEqual([400, 100]);
    const radii = orgFeatures(
      {
        bundle: linked,
        positions: positions([
          [0, 0],
          [1, 1],
        ]),
        visible: Uint8Array.from([1, 1]),
      },
      'value',
      supplied,
    ).features.map((f) => f.properties.r);
    expect(radii).toEqual([16, 9.5]);
  });
});

describe('selectionArcs', () => {
  // a (in) → b (in) $2M; c (out) → b $50k; b → d (out) unvalued; e has no position.
  const bundle = testBundle(
    [{ id: 'a' }, { id: 'b' }, { id: 'c', inRegion: false }, { id: 'd', inRegion: false }, { id: 'e' }],
    [
      ['a', 'b', 'x', 2_000_000],
      ['c', 'b', 'y', 50_000],
      ['b', 'd', 'z'],
      ['e', 'b', 'x', 10],
      ['a', 'c', 'x', 999],
    ],
  );
  const data = inputs(bundle, [[0, 0], [1, 0], [2, 0], [3, 0], null]);

  it('draws every supply link of the organization that has two positions, both directions', () => {
    const arcs = selectionArcs(data, 'b', 0).features.map((f) => f.properties);
    expect(arcs.map((a) => [a.link, a.direction, a.crossing])).toEqual([
      [0, 'in', false],
      [1, 'in', true],
      [2, 'out', true],
    ]);
  });

  it('hides links below the minimum value, and unvalued ones when a minimum is set', () => {
    expect(selectionArcs(data, 'b', 100_000).features.map((f) => f.properties.link)).toEqual([0]);
  });

  it('draws nothing for an unknown organization', () => {
    expect(selectionArcs(data, 'zz', 0).features).toEqual([]);
  });
});

describe('gapSelection', () => {
  // Capability x: buyers in the region are b (from a, in; and from c, out) and d (from b).
  // c → e is bought outside the region and does not count; a → b of capability y is another capability.
  // f → d carries no capability and f's primary NAICS is x, so it counts too.
  const bundle = testBundle(
    [
      { id: 'a' },
      { id: 'b' },
      { id: 'c', inRegion: false },
      { id: 'd' },
      { id: 'e', inRegion: false },
      { id: 'f', naics: ['x'] },
    ],
    [
      ['a', 'b', 'x', 100],
      ['c', 'b', 'x', 200],
      ['b', 'd', 'x', 300],
      ['c', 'e', 'x', 400],
      ['a', 'b', 'y', 500],
      ['f', 'd', undefined, 600],
    ],
  );
  const data = inputs(bundle, [
    [0, 0],
    [1, 0],
    [2, 0],
    [3, 0],
    [4, 0],
    [5, 0],
  ]);

  it('takes a link without capability as its supplier’s primary NAICS', () => {
    expect(linkCapability(bundle, bundle.links[5]!, data.orgIndex)).toBe('x');
  });

  it('finds the buyers in the region, their suppliers inside and outside, and the links', () => {
    expect(gapSelection(data, 'x')).toEqual({ buyers: [1, 3], suppliers: [0, 1, 2, 5], links: [0, 1, 2, 5] });
  });

  it('gives each organization one role and draws the arcs supplier → buyer', () => {
    const { orgs, arcs } = gapFeatures(data, gapSelection(data, 'x'), 0);
    expect(orgs.features.map((f) => [f.id, f.properties.role, f.properties.inRegion])).toEqual([
      [0, 'supplier', true],
      [1, 'both', true],
      [2, 'supplier', false],
      [3, 'buyer', true],
      [5, 'supplier', true],
    ]);
    expect(arcs.features.map((f) => [f.properties.link, f.properties.crossing])).toEqual([
      [0, false],
      [1, true],
      [2, false],
      [5, false],
    ]);
    expect(
      gapFeatures(data, gapSelection(data, 'x'), 250).arcs.features.map((f) => f.properties.link),
    ).toEqual([2, 5]);
  });

  it('is empty for a capability nobody in the region buys', () => {
    expect(gapSelection(data, 'nothing')).toEqual({ buyers: [], suppliers: [], links: [] });
  });
});

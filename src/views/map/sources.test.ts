import { describe, expect, it } from 'vitest';
import { testBundle } from '../../analysis/test-bundle.ts';
import type { Bundle } from '../../domain/model.ts';
import type { Positions } from '../../geo/positions.ts';
import {
  countDrawn,
  countUnplaced,
  drawableMask,
  gapFeatures,
  gapSelection,
  linkCapability,
  orgRadii,
  riskFeatures,
  selectionArcs,
  suppliedValues,
} from './sources.ts';
import type { LinkInputs } from './sources.ts';
import { radiusFor } from './point-size.ts';

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

  it('counts the organizations no position places, whatever the filters show', () => {
    expect(countUnplaced(positions([[-87, 41], null, [-89, 43], null]))).toBe(2);
    expect(countUnplaced(positions([null, null]))).toBe(2);
    expect(countUnplaced(positions([[-87, 41]]))).toBe(0);
  });
});

describe('orgRadii', () => {
  const bundle = testBundle(
    [{ id: 'p', kind: 'prime' }, { id: 'm' }, { id: 't', kind: 'training' }, { id: 'nowhere' }],
    [],
  );

  it('gives every point the same radius by default', () => {
    expect([...orgRadii(bundle)]).toEqual([5, 5, 5, 5]);
    expect(
      countDrawn(positions([[-87, 41], [-88, 42], [-89, 43], null]), Uint8Array.from([1, 0, 1, 1])),
    ).toBe(2);
  });

  it('sizes points by employees on a square-root scale when asked', () => {
    const sized: Bundle = {
      ...bundle,
      organizations: bundle.organizations.map((o, i) => ({ ...o, employees: [400, 100, undefined, 1][i] })),
    };
    // sqrt(100 / 400) = 0.5 → 3 + 13 × 0.5 = 9.5 px; unknown → 3 px; 1 of 400 → 3 + 13 / 20 = 3.65 → 3.7.
    expect([...orgRadii(sized, 'employees')]).toEqual([16, 9.5, 3, 3.7]);
    expect(radiusFor(100, 400)).toBe(9.5);
  });

  it('sizes points by the value they supply when asked', () => {
    const linked = testBundle(
      [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
      [
        ['a', 'b', 'x', 300],
        ['a', 'b', 'y', 100],
        ['b', 'a', 'x', 100],
      ],
    );
    const supplied = suppliedValues(linked);
    expect([...supplied]).toEqual([400, 100, 0]);
    expect([...orgRadii(linked, 'value', supplied)]).toEqual([16, 9.5, 3]);
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

describe('riskFeatures', () => {
  const bundle = testBundle(
    [{ id: 'P', kind: 'prime' }, { id: 'Q', kind: 'prime' }, { id: 's' }, { id: 'a' }, { id: 'b' }],
    [],
  );
  const data = inputs(bundle, [[0, 0], [1, 1], [2, 2], null, [4, 4]]);

  it('draws the exposed primes and what the supplier cuts off, once each, where they are placed', () => {
    const points = riskFeatures(data, [
      { prime: 'P', supplier: 's', cutOff: ['a', 'b', 'Q'], exposure: 1, capabilitiesLost: [] },
      { prime: 'Q', supplier: 's', cutOff: ['b', 'gone'], exposure: 0, capabilitiesLost: [] },
    ]);
    // a has no position; 'gone' is not in the dataset; Q is a prime before it is cut off.
    expect(points.features.map((f) => [f.id, f.properties.role, f.geometry.coordinates])).toEqual([
      [0, 'exposed', [0, 0]],
      [1, 'exposed', [1, 1]],
      [4, 'cut-off', [4, 4]],
    ]);
  });
});

import { geoAlbers } from 'd3-geo';
import { describe, expect, it } from 'vitest';
import type { Positions } from '../../../geo/positions.ts';
import type { LayoutPositions } from './box.ts';
import { geoLayout, project } from './geo.ts';

/** Positions from [lon, lat] per organization; null for one without a position. */
function positionsOf(points: ([number, number] | null)[]): Positions {
  return {
    coords: Float64Array.from(points.flatMap((p) => p ?? [Number.NaN, Number.NaN])),
    via: new Uint8Array(points.length),
  };
}

function expectAt(positions: LayoutPositions, id: string, x: number, y: number) {
  expect(positions[id]?.x, `${id}.x`).toBeCloseTo(x, 6);
  expect(positions[id]?.y, `${id}.y`).toBeCloseTo(y, 6);
}

const MINNEAPOLIS: [number, number] = [-93.27, 44.98];
const HOUSTON: [number, number] = [-95.37, 29.76];

describe('project', () => {
  it('maps the centre of the lower 48 to the translation point', () => {
    // d3's geoAlbers: rotate [96, 0], centre [−0.6, 38.7], translate [480, 250].
    const p = project(-96.6, 38.7)!;
    expect(p[0]).toBeCloseTo(480, 6);
    expect(p[1]).toBeCloseTo(250, 6);
  });

  it('puts the north above the south and the east right of the west (screen orientation)', () => {
    const north = project(...MINNEAPOLIS)!;
    const south = project(...HOUSTON)!;
    expect(north[1]).toBeLessThan(south[1]);
    expect(project(-75, 40)![0]).toBeGreaterThan(project(-120, 40)![0]);
  });

  it('places Alaska in its inset, bottom left of the lower 48', () => {
    // The inset is centred near [480 − 0.307 × 1070, 250 + 0.201 × 1070] = [151.5, 465].
    const [x, y] = project(-149.9, 61.2)!;
    expect(x).toBeLessThan(300);
    expect(y).toBeGreaterThan(400);
  });

  it('falls back to the plain Albers conic for a point abroad', () => {
    expect(project(2.35, 48.85)).toEqual(geoAlbers()([2.35, 48.85]));
  });

  it.each([
    [Number.NaN, 40],
    [-90, Number.NaN],
    [Number.POSITIVE_INFINITY, 0],
  ])('gives null for (%s, %s)', (lon, lat) => {
    expect(project(lon, lat)).toBeNull();
  });
});

describe('geoLayout', () => {
  it('fits two cities into the box, north up and east right', () => {
    // The north–south span is the longer, so the two end at y = ±500 and sit symmetric in x.
    const layout = geoLayout(
      [
        { id: 'msp', org: 0 },
        { id: 'hou', org: 1 },
      ],
      positionsOf([MINNEAPOLIS, HOUSTON]),
    );
    expect(layout.msp!.y).toBeCloseTo(500, 6);
    expect(layout.hou!.y).toBeCloseTo(-500, 6);
    expect(layout.msp!.x).toBeGreaterThan(layout.hou!.x);
    expect(layout.msp!.x).toBeCloseTo(-layout.hou!.x, 6);
  });

  it('reads each node’s coordinates at its org index', () => {
    const layout = geoLayout(
      [
        { id: 'hou', org: 2 },
        { id: 'msp', org: 0 },
      ],
      positionsOf([MINNEAPOLIS, null, HOUSTON]),
    );
    expect(layout.msp!.y).toBeGreaterThan(layout.hou!.y);
  });

  it('lines up nodes without a position on a grid below the placed ones', () => {
    // One placed point P, three unplaced: width max(0, 1) = 1, ⌈√12⌉ = 4 columns, step 1/3, top P.y − 0.08.
    // Raw: P (Px, Py), u0…u2 at Px + 0, 1/3, 2/3 and Py − 0.08. Span 2/3 → scale 1500, centre
    // (Px + 1/3, Py − 0.04).
    const layout = geoLayout(
      ['p', 'u0', 'u1', 'u2'].map((id, org) => ({ id, org })),
      positionsOf([MINNEAPOLIS, null, null, null]),
    );
    expectAt(layout, 'p', -500, 60);
    expectAt(layout, 'u0', -500, -60);
    expectAt(layout, 'u1', 0, -60);
    expectAt(layout, 'u2', 500, -60);
  });

  it('starts a new row after the last column', () => {
    // Two unplaced and no placed: ⌈√8⌉ = 3 columns; with five, ⌈√20⌉ = 5. Both fit on one row.
    // With six: ⌈√24⌉ = 5 columns, step ¼, so u5 starts a second row ¼ below u0.
    const six = geoLayout(
      ['u0', 'u1', 'u2', 'u3', 'u4', 'u5'].map((id, org) => ({ id, org })),
      positionsOf([null, null, null, null, null, null]),
    );
    // Raw x 0 … 1, y 0 and −¼: span 1 → scale 1000, centre (0.5, −0.125).
    expectAt(six, 'u0', -500, 125);
    expectAt(six, 'u4', 500, 125);
    expectAt(six, 'u5', -500, -125);
  });

  it('spreads nodes without any position along one row when nothing is placed', () => {
    const layout = geoLayout(
      [
        { id: 'a', org: 0 },
        { id: 'b', org: 1 },
      ],
      positionsOf([null, null]),
    );
    expect(layout).toEqual({ a: { x: -500, y: 0 }, b: { x: 500, y: 0 } });
  });

  it('is empty without nodes', () => {
    expect(geoLayout([], positionsOf([]))).toEqual({});
  });
});

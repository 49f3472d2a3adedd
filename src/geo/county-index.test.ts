// Point-in-county lookups: tiny hand-drawn topologies for the geometry rules, then hand-checked places
// on the real us-atlas county shapes.
import { describe, expect, it } from 'vitest';
import type { Topology } from 'topojson-specification';
import { createCountyIndex, createStateIndex } from './county-index.ts';
import { loadCountyTopology, loadStateTopology } from '../workers/reference-files.ts';

/** Unquantized topology: each ring is its own closed arc, listed as [x, y] corners. */
function handTopology(counties: { id: string | number; parts: [number, number][][][] }[]): Topology {
  const arcs: [number, number][][] = [];
  const ring = (corners: [number, number][]): number[] => {
    arcs.push([...corners, corners[0] ?? [0, 0]]);
    return [arcs.length - 1];
  };
  const geometries = counties.map(({ id, parts }) =>
    parts.length === 1
      ? { type: 'Polygon' as const, id, arcs: (parts[0] ?? []).map(ring) }
      : { type: 'MultiPolygon' as const, id, arcs: parts.map((rings) => rings.map(ring)) },
  );
  return { type: 'Topology', arcs, objects: { counties: { type: 'GeometryCollection', geometries } } };
}

const square = (x0: number, y0: number, x1: number, y1: number): [number, number][] => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
];

describe('createCountyIndex on hand-drawn shapes', () => {
  const index = createCountyIndex(
    handTopology([
      // A 10×10 county with a 2×2 hole, and the hole filled by its own county (an enclave).
      { id: '00010', parts: [[square(0, 0, 10, 10), square(4, 4, 6, 6)]] },
      { id: '00020', parts: [[square(4, 4, 6, 6)]] },
      // Its eastern neighbour shares the edge x = 10.
      { id: '00030', parts: [[square(10, 0, 20, 10)]] },
      // A county in two pieces far apart.
      { id: '00040', parts: [[square(30, 0, 31, 1)], [square(40, 0, 41, 1)]] },
      // A numeric id, as other TopoJSON builds write them: leading zeros restored.
      { id: 50, parts: [[square(50, 0, 51, 1)]] },
      // Ids that are not 5-digit FIPS codes are skipped.
      { id: 'abcde', parts: [[square(60, 0, 61, 1)]] },
    ]),
  );

  it.each([
    ['a point inside the outer ring', 2, 2, '00010'],
    ['a point in the hole belongs to the enclave, not the surrounding county', 5, 5, '00020'],
    ['a point on the hole edge is inside both, and the smaller id wins', 4, 5, '00010'],
    ['a point on a shared county line goes to the smaller id', 10, 5, '00010'],
    ['a point on an outer coast (no neighbour) counts as inside', 0, 5, '00010'],
    ['a corner vertex counts as inside', 20, 10, '00030'],
    ['the first part of a multipolygon', 30.5, 0.5, '00040'],
    ['the second part of a multipolygon', 40.5, 0.5, '00040'],
    ['between the parts of a multipolygon is outside', 35, 0.5, null],
    ['a numeric id 50 is read as "00050"', 50.5, 0.5, '00050'],
    ['a county with a non-FIPS id is not indexed', 60.5, 0.5, null],
  ] as const)('%s', (_name, lon, lat, expected) => {
    expect(index.countyAt(lon, lat)).toBe(expected);
  });

  it('counts distinct counties, not polygon parts', () => {
    expect(index.size).toBe(5);
  });

  it('a topology without a counties collection gives an empty index that answers null', () => {
    const empty = createCountyIndex({ type: 'Topology', arcs: [], objects: {} });
    expect(empty.size).toBe(0);
    expect(empty.countyAt(2, 2)).toBeNull();
  });
});

describe('createCountyIndex on us-atlas counties-10m', async () => {
  const topology = await loadCountyTopology();
  const index = createCountyIndex(topology);

  it('indexes every county and county-equivalent of the 2017 cartographic boundary file', () => {
    expect(index.size).toBe(3231);
  });

  it.each([
    ['the Loop, Chicago → Cook County, IL', 41.8837, -87.6278, '17031'],
    ['downtown Peoria → Peoria County, IL', 40.6936, -89.589, '17143'],
    ['Los Angeles City Hall → Los Angeles County, CA', 34.0537, -118.2428, '06037'],
    ['Seattle → King County, WA', 47.6062, -122.3321, '53033'],
    ['Mobile → Mobile County, AL', 30.6954, -88.0399, '01097'],
    ['Wichita → Sedgwick County, KS', 37.6872, -97.3301, '20173'],
    ['the Atlantic east of the coast → no county', 35.0, -60.0, null],
    ['the Gulf of Mexico → no county', 27.0, -90.0, null],
    // The cartographic boundary files clip counties to the shoreline of the Great Lakes, so open lake
    // water belongs to no county even though the legal county lines run out to the state line mid-lake.
    ['mid Lake Michigan → no county (shoreline-clipped shapes)', 43.5, -87.0, null],
    // Inland lakes are not clipped: the Great Salt Lake lies inside its counties.
    ['the Great Salt Lake → Box Elder County, UT (inland water is not clipped)', 41.1, -112.5, '49003'],
  ] as const)('%s', (_name, lat, lon, expected) => {
    expect(index.countyAt(lon, lat)).toBe(expected);
  });

  it.each([
    ['NaN latitude', -87.6, NaN],
    ['NaN longitude', NaN, 41.8],
    ['infinite longitude', Infinity, 41.8],
    ['longitude 1000', 1000, 41.8],
    ['latitude 1000', -87.6, 1000],
    ['latitude and longitude swapped (41.88, -87.63 read as lon, lat)', 41.8837, -87.6278],
  ])('%s → null, without throwing', (_name, lon, lat) => {
    expect(index.countyAt(lon, lat)).toBeNull();
  });

  it('a value that is not a number (from untyped callers) → null', () => {
    expect(index.countyAt('-87.6' as unknown as number, 41.8)).toBeNull();
  });
});

describe('createStateIndex', async () => {
  it.each([
    ['states-10m.json', await loadStateTopology()],
    ['the states collection inside counties-10m.json', await loadCountyTopology()],
  ])('reads %s', (_name, topology) => {
    const index = createStateIndex(topology);
    expect(index.size).toBe(56);
    expect(index.stateAt(-87.6278, 41.8837)).toBe('17');
    expect(index.stateAt(-118.2428, 34.0537)).toBe('06');
    expect(index.stateAt(-60, 35)).toBeNull();
    expect(index.stateAt(NaN, 35)).toBeNull();
  });
});

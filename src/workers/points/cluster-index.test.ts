import { describe, expect, it } from 'vitest';
import { ORG_KINDS } from '../../domain/model.ts';
import type { OrgKind } from '../../domain/model.ts';
import { CLUSTER_MAX_ZOOM, OrgClusterIndex, isCluster } from './cluster-index.ts';
import type { MapPointFeature, PointColumns } from './cluster-index.ts';

/** A small deterministic generator, so that failures reproduce. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function columnsOf(points: ([number, number] | null)[], kinds: OrgKind[], radii?: number[]): PointColumns {
  const coords = new Float64Array(points.length * 2).fill(Number.NaN);
  points.forEach((p, i) => {
    if (p !== null) [coords[2 * i], coords[2 * i + 1]] = p;
  });
  return {
    coords,
    kinds: Uint8Array.from(kinds, (k) => ORG_KINDS.indexOf(k)),
    radii: Float64Array.from(radii ?? points.map(() => 5)),
  };
}

const WORLD: [number, number, number, number] = [-180, -85, 180, 85];

/** Organizations a list of features stands for: cluster sizes and points, by kind. */
function tally(features: MapPointFeature[]): Record<OrgKind, number> & { total: number } {
  const out = { total: 0, ...(Object.fromEntries(ORG_KINDS.map((k) => [k, 0])) as Record<OrgKind, number>) };
  for (const f of features) {
    if (isCluster(f)) {
      out.total += f.properties.point_count;
      for (const kind of ORG_KINDS) out[kind] += f.properties[kind];
    } else {
      out.total++;
      out[f.properties.kind]++;
    }
  }
  return out;
}

describe('OrgClusterIndex', () => {
  it('clusters two near points and leaves a far one alone (hand-made case)', () => {
    // 0.01° apart is under a pixel at zoom 0; 100° is a third of the world.
    const columns = columnsOf(
      [
        [-87.6, 41.8],
        [-87.61, 41.81],
        [12, 41],
      ],
      ['support', 'manufacturer', 'training'],
      [5, 7, 9],
    );
    const index = new OrgClusterIndex(columns, Uint8Array.from([1, 1, 1]));
    const features = index.features(WORLD, 0);
    expect(features).toHaveLength(2);
    const cluster = features.find(isCluster)!;
    expect(cluster.properties).toMatchObject({
      cluster: true,
      point_count: 2,
      point_count_abbreviated: 2,
      prime: 0,
      manufacturer: 1,
      training: 0,
      support: 1,
    });
    // Cluster ids start past the organizations' indices, which points use as their ids.
    expect(cluster.id).toBe(3 + cluster.properties.cluster_id);
    expect(features.find((f) => !isCluster(f))).toEqual({
      type: 'Feature',
      id: 2,
      geometry: { type: 'Point', coordinates: [12, 41] },
      properties: { i: 2, kind: 'training', r: 9 },
    });
    // Past the last clustering zoom every organization is its own point.
    const close = index.features(WORLD, CLUSTER_MAX_ZOOM + 1);
    expect(close.map((f) => f.id).sort()).toEqual([0, 1, 2]);
    expect(index.expansionZoom(cluster.properties.cluster_id)).toBeGreaterThan(0);
  });

  it('never folds a prime or a training provider into a cluster, and keeps them in their window only', () => {
    // Three manufacturers and a prime and a school on the same spot: at zoom 0 the manufacturers cluster,
    // the prime and the school stay points.
    const at: [number, number] = [-87.6, 41.8];
    const columns = columnsOf(
      [at, at, at, at, at, [170, 10]],
      ['manufacturer', 'manufacturer', 'prime', 'training', 'manufacturer', 'prime'],
    );
    const index = new OrgClusterIndex(columns, Uint8Array.from([1, 1, 1, 1, 1, 1]));
    expect(index.size).toBe(6);
    const features = index.features(WORLD, 0);
    const clusters = features.filter(isCluster);
    expect(
      clusters.map((c) => [c.properties.point_count, c.properties.prime, c.properties.training]),
    ).toEqual([[3, 0, 0]]);
    expect(
      features
        .filter((f) => !isCluster(f))
        .map((f) => f.id)
        .sort(),
    ).toEqual([2, 3, 5]);
    // A window around Chicago holds the one prime and school there; one past +180 holds the other prime.
    expect(
      index
        .features([-90, 40, -85, 45], 0)
        .filter((f) => !isCluster(f))
        .map((f) => f.id),
    ).toEqual([2, 3]);
    expect(
      index
        .features([160, 0, 200, 20], 0)
        .filter((f) => !isCluster(f))
        .map((f) => f.id),
    ).toEqual([5]);
    expect(
      index
        .features([-200, 0, -180, 20], 0)
        .filter((f) => !isCluster(f))
        .map((f) => f.id),
    ).toEqual([5]);
  });

  it('leaves out hidden and unpositioned organizations', () => {
    const columns = columnsOf(
      [[-87, 41], null, [-88, 42], [-89, 43]],
      ['prime', 'prime', 'support', 'training'],
    );
    const index = new OrgClusterIndex(columns, Uint8Array.from([1, 1, 0, 1]));
    expect(index.size).toBe(2);
    expect(index.features(WORLD, 16).map((f) => f.id)).toEqual(expect.arrayContaining([0, 3]));
    expect(index.features(WORLD, 16)).toHaveLength(2);
  });

  it('takes new point sizes without rebuilding', () => {
    const index = new OrgClusterIndex(columnsOf([[-87, 41]], ['prime'], [5]), Uint8Array.from([1]));
    index.setRadii(Float64Array.from([12.5]));
    expect(index.features(WORLD, 16)[0]!.properties).toEqual({ i: 0, kind: 'prime', r: 12.5 });
  });

  // Against a count made one organization at a time, on random data, at every zoom.
  it('accounts for every shown organization once, by kind, at every zoom', () => {
    const next = random(7);
    const n = 3000;
    const points = Array.from({ length: n }, (): [number, number] | null =>
      next() < 0.05 ? null : [-125 + 58 * next() ** 2, 25 + 24 * next()],
    );
    const kinds = Array.from({ length: n }, () => ORG_KINDS[Math.floor(next() * 4)]!);
    const mask = Uint8Array.from({ length: n }, () => (next() < 0.7 ? 1 : 0));
    const index = new OrgClusterIndex(columnsOf(points, kinds), mask);
    const expected = {
      total: 0,
      ...(Object.fromEntries(ORG_KINDS.map((k) => [k, 0])) as Record<OrgKind, number>),
    };
    points.forEach((p, i) => {
      if (p === null || mask[i] !== 1) return;
      expected.total++;
      expected[kinds[i]!]++;
    });
    expect(index.size).toBe(expected.total);
    for (let zoom = 0; zoom <= CLUSTER_MAX_ZOOM + 2; zoom++) {
      const features = index.features(WORLD, zoom + 0.5);
      expect(tally(features), `zoom ${zoom}`).toEqual(expected);
      const ids = features.map((f) => f.id as number);
      expect(new Set(ids).size).toBe(ids.length);
      for (const f of features) {
        if (isCluster(f)) expect(f.id).toBeGreaterThanOrEqual(n);
        else {
          expect(mask[f.id as number]).toBe(1);
          expect(f.properties.kind).toBe(kinds[f.id as number]);
        }
      }
    }
  });

  it('returns exactly the organizations inside a box once it no longer clusters', () => {
    const next = random(11);
    const n = 2000;
    const points = Array.from({ length: n }, (): [number, number] => [-90 + 4 * next(), 40 + 3 * next()]);
    const index = new OrgClusterIndex(
      columnsOf(
        points,
        points.map(() => 'manufacturer'),
      ),
      new Uint8Array(n).fill(1),
    );
    const box: [number, number, number, number] = [-89, 41, -87.5, 42];
    const inside = points.flatMap(([lon, lat], i) =>
      lon >= box[0] && lon <= box[2] && lat >= box[1] && lat <= box[3] ? [i] : [],
    );
    const found = index.features(box, CLUSTER_MAX_ZOOM + 1).map((f) => f.id);
    expect(found.sort((a, b) => Number(a) - Number(b))).toEqual(inside);
  });

  it('finds points across the antimeridian when the box runs past 180°', () => {
    const index = new OrgClusterIndex(
      columnsOf(
        [
          [179.5, 52],
          [-179.5, 52],
          [0, 52],
        ],
        ['support', 'support', 'support'],
      ),
      Uint8Array.from([1, 1, 1]),
    );
    expect(
      index
        .features([179, 51, 181, 53], 16)
        .map((f) => f.id)
        .sort(),
    ).toEqual([0, 1]);
  });
});

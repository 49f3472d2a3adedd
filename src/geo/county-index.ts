// Point-in-county (and point-in-state) lookup over the us-atlas TopoJSON: a flatbush R-tree over the
// bounding box of every polygon part narrows each query to a few candidates, and an exact, robust
// point-in-polygon test (holes included) picks the one that contains the point.
import Flatbush from 'flatbush';
import pointInPolygon from 'point-in-polygon-hao';
import { feature } from 'topojson-client';
import type { Position } from 'geojson';
import type { MultiPolygon, Polygon, Topology } from 'topojson-specification';
import type { CountyFips, StateFips } from '../domain/ids.ts';

export interface CountyIndex {
  /** The county containing the point; a point on a county line counts as inside; null outside all counties. */
  countyAt(lon: number, lat: number): CountyFips | null;
  /** Number of distinct counties indexed. */
  size: number;
}

export interface StateIndex {
  /** The state (or territory) containing the point, boundary counted as inside; null outside all. */
  stateAt(lon: number, lat: number): StateFips | null;
  /** Number of distinct states and territories indexed. */
  size: number;
}

type Ring = Position[];

interface AreaIndex {
  areaAt(lon: number, lat: number): string | null;
  size: number;
}

/**
 * Builds the county index from a topology holding a `counties` collection (us-atlas `counties-10m.json`).
 * Geometries without a 5-digit id or without polygons are skipped; an empty index answers null.
 */
export function createCountyIndex(topology: Topology): CountyIndex {
  const index = buildAreaIndex(topology, 'counties', 5);
  return { countyAt: (lon, lat) => index.areaAt(lon, lat) as CountyFips | null, size: index.size };
}

/** Same for the `states` collection, found in both `states-10m.json` and `counties-10m.json`. */
export function createStateIndex(topology: Topology): StateIndex {
  const index = buildAreaIndex(topology, 'states', 2);
  return { stateAt: (lon, lat) => index.areaAt(lon, lat) as StateFips | null, size: index.size };
}

function buildAreaIndex(topology: Topology, objectName: string, idDigits: number): AreaIndex {
  const ids: string[] = [];
  const parts: Ring[][] = [];
  const partArea: number[] = [];
  const bounds: number[] = [];
  const areaNumber = new Map<string, number>();

  for (const geometry of polygonsOf(topology, objectName)) {
    const id = normalizeId(geometry.id, idDigits);
    if (id === null) continue;
    const polygons =
      geometry.type === 'Polygon'
        ? [feature(topology, geometry).geometry.coordinates]
        : feature(topology, geometry).geometry.coordinates;
    for (const polygon of polygons) {
      // A broken outer ring drops the whole part; a broken hole only drops the hole.
      if (polygon[0] === undefined || !isUsableRing(polygon[0])) continue;
      const rings = polygon.filter(isUsableRing).map(closeRing);
      const outer = rings[0];
      if (outer === undefined) continue;
      const box = ringBounds(outer);
      if (box === null) continue;
      let area = areaNumber.get(id);
      if (area === undefined) {
        area = ids.length;
        areaNumber.set(id, area);
        ids.push(id);
      }
      parts.push(rings);
      partArea.push(area);
      bounds.push(...box);
    }
  }

  if (parts.length === 0) return { areaAt: () => null, size: 0 };

  const tree = new Flatbush(parts.length);
  for (let i = 0; i < bounds.length; i += 4) {
    tree.add(bounds[i] ?? 0, bounds[i + 1] ?? 0, bounds[i + 2] ?? 0, bounds[i + 3] ?? 0);
  }
  tree.finish();

  const point: [number, number] = [0, 0];
  return {
    size: ids.length,
    areaAt(lon, lat) {
      // typeof guards callers outside TypeScript (CLI, parsed files) as well as NaN and ±Infinity.
      if (typeof lon !== 'number' || typeof lat !== 'number') return null;
      if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)) return null;
      point[0] = lon;
      point[1] = lat;
      let onBoundary: string | null = null;
      for (const part of tree.search(lon, lat, lon, lat)) {
        const rings = parts[part];
        const id = ids[partArea[part] ?? -1];
        if (rings === undefined || id === undefined) continue;
        const inside = pointInPolygon(point, rings);
        if (inside === true) return id;
        // 0 means on an edge, which two neighbours share: keep the smallest id so the answer does not
        // depend on R-tree order, and keep looking in case another part contains the point strictly.
        if (inside === 0 && (onBoundary === null || id < onBoundary)) onBoundary = id;
      }
      return onBoundary;
    },
  };
}

/** The polygonal members of a collection; points, lines and null geometries have no inside. */
function polygonsOf(topology: Topology, objectName: string): (Polygon | MultiPolygon)[] {
  const object = topology.objects[objectName];
  if (object === undefined || object.type !== 'GeometryCollection') return [];
  return object.geometries.filter(
    (geometry): geometry is Polygon | MultiPolygon =>
      geometry.type === 'Polygon' || geometry.type === 'MultiPolygon',
  );
}

/** us-atlas ids are strings; numeric ids (other TopoJSON builds) lose their leading zeros, so restore them. */
function normalizeId(id: unknown, digits: number): string | null {
  const text =
    typeof id === 'number' && Number.isInteger(id) && id >= 0 ? String(id).padStart(digits, '0') : id;
  if (typeof text !== 'string' || text.length !== digits) return null;
  for (let i = 0; i < digits; i++) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) return null;
  }
  return text;
}

function isUsableRing(ring: Ring): boolean {
  return ring.length >= 3 && ring.every((p) => Number.isFinite(p[0]) && Number.isFinite(p[1]));
}

/** point-in-polygon-hao throws on an open ring; topojson closes its rings, but never throw at query time. */
function closeRing(ring: Ring): Ring {
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (first === undefined || last === undefined) return ring;
  return first[0] === last[0] && first[1] === last[1] ? ring : [...ring, first];
}

function ringBounds(ring: Ring): [number, number, number, number] | null {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [x = NaN, y = NaN] of ring) {
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  return minX <= maxX && minY <= maxY ? [minX, minY, maxX, maxY] : null;
}

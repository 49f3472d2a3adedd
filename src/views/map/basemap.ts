// Turns the shipped us-atlas TopoJSON into the GeoJSON the basemap draws: land (states), state and county
// borders, label points, and region outlines merged from their counties. Pure; runs under Node in tests.
import { geoArea, geoCentroid } from 'd3-geo';
import { feature, merge, mesh } from 'topojson-client';
import type { Feature, FeatureCollection, MultiLineString, MultiPolygon, Point, Polygon } from 'geojson';
import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';
import { runToEnd } from '../../workers/sliced.ts';

export interface Basemap {
  states: FeatureCollection<Polygon | MultiPolygon, { name: string }>;
  stateBorders: Feature<MultiLineString>;
  countyBorders: Feature<MultiLineString>;
  stateLabels: FeatureCollection<Point, { name: string }>;
  countyLabels: FeatureCollection<Point, { name: string; fips: string }>;
  /** County FIPS → its geometry object in the topology, for merging region outlines. */
  countyGeometries: ReadonlyMap<string, GeometryObject>;
  /** County FIPS → its shape. */
  countyShapes: ReadonlyMap<string, Polygon | MultiPolygon>;
  /** County FIPS → [west, south, east, north]. */
  countyBounds: ReadonlyMap<string, [number, number, number, number]>;
  topology: Topology;
}

function collection(topology: Topology, name: string): GeometryCollection {
  const object = topology.objects[name];
  if (object === undefined || object.type !== 'GeometryCollection') {
    throw new Error(`us-atlas topology has no "${name}" collection`);
  }
  // The topology's objects are typed with GeoJSON properties; topojson-client's functions want `{}`.
  return object as GeometryCollection;
}

type Shape = Feature<Polygon | MultiPolygon, { name?: string } | null>;

function shapes(topology: Topology, name: string): Shape[] {
  const converted = feature(topology, collection(topology, name));
  return ('features' in converted ? converted.features : [converted]) as Shape[];
}

/**
 * A point to hang a label on: the centroid of the largest polygon of the shape (so that Michigan's label
 * sits on the lower peninsula and not in the lake).
 */
export function labelPoint(shape: Polygon | MultiPolygon): [number, number] {
  if (shape.type === 'Polygon') return geoCentroid(shape);
  let best: Polygon | undefined;
  let bestArea = -1;
  for (const coordinates of shape.coordinates) {
    const polygon: Polygon = { type: 'Polygon', coordinates };
    const area = geoArea(polygon);
    if (area > bestArea) {
      bestArea = area;
      best = polygon;
    }
  }
  return best === undefined ? [0, 0] : geoCentroid(best);
}

export function boundsOf(shape: Polygon | MultiPolygon): [number, number, number, number] {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  const rings = shape.type === 'Polygon' ? shape.coordinates : shape.coordinates.flat();
  for (const ring of rings) {
    for (const [x, y] of ring) {
      if (x === undefined || y === undefined) continue;
      if (x < w) w = x;
      if (x > e) e = x;
      if (y < s) s = y;
      if (y > n) n = y;
    }
  }
  return [w, s, e, n];
}

export function buildBasemap(topology: Topology): Basemap {
  return runToEnd(basemapSteps(topology));
}

/** Counties labelled between two yields of basemapSteps (a few milliseconds' worth). */
const LABELS_PER_STEP = 400;

/**
 * buildBasemap as steps (about 150–250 ms in all on a slow machine, each step a few tens of ms), for
 * runSliced on the main thread.
 */
export function* basemapSteps(topology: Topology): Generator<void, Basemap, void> {
  const states = shapes(topology, 'states').filter((f) => f.geometry !== null);
  yield;
  const counties = shapes(topology, 'counties').filter((f) => f.geometry !== null);
  yield;
  const countyGeometries = new Map<string, GeometryObject>();
  for (const geometry of collection(topology, 'counties').geometries) {
    if (geometry.id !== undefined) countyGeometries.set(String(geometry.id), geometry);
  }
  const countyBounds = new Map<string, [number, number, number, number]>();
  const countyShapes = new Map<string, Polygon | MultiPolygon>();
  for (const county of counties) {
    countyBounds.set(String(county.id), boundsOf(county.geometry));
    countyShapes.set(String(county.id), county.geometry);
  }
  yield;
  const stateBorders = mesh(topology, collection(topology, 'states'), (a, b) => a !== b);
  yield;
  // Only borders between two counties; the coast and state lines are drawn by the layers above.
  const countyBorders = mesh(topology, collection(topology, 'counties'), (a, b) => a !== b);
  yield;
  const stateLabels = states.map((f): Feature<Point, { name: string }> => ({
    type: 'Feature',
    properties: { name: f.properties?.name ?? '' },
    geometry: { type: 'Point', coordinates: labelPoint(f.geometry) },
  }));
  const countyLabels: Feature<Point, { name: string; fips: string }>[] = [];
  for (const f of counties) {
    countyLabels.push({
      type: 'Feature',
      properties: { name: f.properties?.name ?? '', fips: String(f.id) },
      geometry: { type: 'Point', coordinates: labelPoint(f.geometry) },
    });
    if (countyLabels.length % LABELS_PER_STEP === 0) yield;
  }
  return {
    states: {
      type: 'FeatureCollection',
      features: states.map((f) => ({ ...f, properties: { name: f.properties?.name ?? '' } })),
    },
    stateBorders: { type: 'Feature', properties: {}, geometry: stateBorders },
    countyBorders: { type: 'Feature', properties: {}, geometry: countyBorders },
    stateLabels: { type: 'FeatureCollection', features: stateLabels },
    countyLabels: { type: 'FeatureCollection', features: countyLabels },
    countyGeometries,
    countyShapes,
    countyBounds,
    topology,
  };
}

export interface RegionShapeProps {
  id: string;
  name: string;
  program: string;
}

export interface RegionLike {
  id: string;
  name: string;
  program: string;
  counties: readonly string[];
}

/** A region's outline: the union of its known counties, or null when none of them is known. */
export function regionShape(basemap: Basemap, counties: readonly string[]): MultiPolygon | null {
  const geometries = counties
    .map((fips) => basemap.countyGeometries.get(fips))
    .filter((g): g is GeometryObject => g !== undefined);
  if (geometries.length === 0) return null;
  return merge(basemap.topology, geometries as Parameters<typeof merge>[1]);
}

/** Outlines and label points of regions (feature id = position in `regions`, for hover state). */
export function regionFeatures(
  basemap: Basemap,
  regions: readonly RegionLike[],
): {
  shapes: FeatureCollection<MultiPolygon, RegionShapeProps>;
  labels: FeatureCollection<Point, RegionShapeProps>;
} {
  const shapesOut: Feature<MultiPolygon, RegionShapeProps>[] = [];
  const labels: Feature<Point, RegionShapeProps>[] = [];
  regions.forEach((region, index) => {
    const shape = regionShape(basemap, region.counties);
    if (shape === null) return;
    const properties = { id: region.id, name: region.name, program: region.program };
    shapesOut.push({ type: 'Feature', id: index, geometry: shape, properties });
    labels.push({
      type: 'Feature',
      id: index,
      geometry: { type: 'Point', coordinates: labelPoint(shape) },
      properties,
    });
  });
  return {
    shapes: { type: 'FeatureCollection', features: shapesOut },
    labels: { type: 'FeatureCollection', features: labels },
  };
}

/** [west, south, east, north] around the given counties, or null when none is known. */
export function countiesBounds(
  basemap: Basemap,
  counties: readonly string[],
): [number, number, number, number] | null {
  let out: [number, number, number, number] | null = null;
  for (const fips of counties) {
    const b = basemap.countyBounds.get(fips);
    if (b === undefined) continue;
    out =
      out === null
        ? [...b]
        : [Math.min(out[0], b[0]), Math.min(out[1], b[1]), Math.max(out[2], b[2]), Math.max(out[3], b[3])];
  }
  return out;
}

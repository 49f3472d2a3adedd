// Turns the shipped us-atlas TopoJSON into what the map needs of it: the counties' shapes and bounds at run
// time (region outlines merged from their counties, shading, the camera's fit), and the basemap as GeoJSON
// (land, state and county borders, label points) for its tiles at build time and the briefing's figure.
// Pure; runs under Node in tests and in the build.
import { geoArea, geoCentroid } from 'd3-geo';
import { feature, merge, mesh } from 'topojson-client';
import type { Feature, FeatureCollection, MultiLineString, MultiPolygon, Point, Polygon } from 'geojson';
import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';
import { runToEnd } from '../../domain/steps.ts';

/**
 * The basemap's vector tiles (made at build time by scripts/basemap/tiles.ts from us-atlas, one tile pack
 * read through the `forgemap-basemap:` protocol, views/map/basemap-tiles.ts): their layers, their last
 * zoom (the map draws deeper zooms from it; the shapes are of 1:10,000,000 detail), and from which zoom
 * the style shows the county borders and names (the tiles below it leave them out).
 */
export const BASEMAP_TILES = {
  layers: {
    land: 'land',
    stateBorders: 'state-borders',
    countyBorders: 'county-borders',
    stateLabels: 'state-labels',
    countyLabels: 'county-labels',
  },
  maxzoom: 8,
  countyBordersFrom: 5,
  countyLabelsFrom: 7.5,
} as const;

export interface Lookup<T> {
  get(key: string): T | undefined;
}

/** A lookup that makes each value on first ask and keeps it. */
function lazy<T>(make: (key: string) => T | undefined): Lookup<T> {
  const made = new Map<string, T | undefined>();
  return {
    get(key) {
      if (!made.has(key)) made.set(key, make(key));
      return made.get(key);
    },
  };
}

/** What the map uses of the counties at run time. */
export interface CountyShapes {
  /** County FIPS → its geometry object in the topology, for merging region outlines. */
  countyGeometries: ReadonlyMap<string, GeometryObject>;
  /** County FIPS → its shape (made on first ask). */
  countyShapes: Lookup<Polygon | MultiPolygon>;
  /** County FIPS → [west, south, east, north] (made on first ask). */
  countyBounds: Lookup<[number, number, number, number]>;
  topology: Topology;
}

/** The basemap as GeoJSON, with the counties. */
export interface Basemap extends CountyShapes {
  states: FeatureCollection<Polygon | MultiPolygon, { name: string }>;
  stateBorders: Feature<MultiLineString>;
  countyBorders: Feature<MultiLineString>;
  stateLabels: FeatureCollection<Point, { name: string }>;
  countyLabels: FeatureCollection<Point, { name: string; fips: string }>;
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
 * The counties' geometries by FIPS, their shapes and bounds made on first ask: a region's outline, the
 * camera's fit and the shading use a few counties each, so none of them waits for all 3,200 (a few ms).
 */
export function countyShapesOf(topology: Topology): CountyShapes {
  const countyGeometries = new Map<string, GeometryObject>();
  for (const geometry of collection(topology, 'counties').geometries) {
    if (geometry.id !== undefined) countyGeometries.set(String(geometry.id), geometry);
  }
  const countyShapes = lazy((fips) => {
    const geometry = countyGeometries.get(fips);
    if (geometry === undefined) return undefined;
    const shape = feature(topology, geometry as Parameters<typeof feature>[1]) as Shape;
    return shape.geometry ?? undefined;
  });
  const countyBounds = lazy((fips) => {
    const shape = countyShapes.get(fips);
    return shape === undefined ? undefined : boundsOf(shape);
  });
  return { countyGeometries, countyShapes, countyBounds, topology };
}

/** buildBasemap as steps (about 150–250 ms in all on a slow machine, each step a few tens of ms). */
export function* basemapSteps(topology: Topology): Generator<void, Basemap, void> {
  const counties = countyShapesOf(topology);
  const states = shapes(topology, 'states').filter((f) => f.geometry !== null);
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
  for (const [fips, object] of counties.countyGeometries) {
    const geometry = counties.countyShapes.get(fips);
    if (geometry === undefined) continue;
    const name = (object.properties as { name?: string } | undefined)?.name;
    countyLabels.push({
      type: 'Feature',
      properties: { name: name ?? '', fips },
      geometry: { type: 'Point', coordinates: labelPoint(geometry) },
    });
    if (countyLabels.length % LABELS_PER_STEP === 0) yield;
  }
  return {
    ...counties,
    states: {
      type: 'FeatureCollection',
      features: states.map((f) => ({ ...f, properties: { name: f.properties?.name ?? '' } })),
    },
    stateBorders: { type: 'Feature', properties: {}, geometry: stateBorders },
    countyBorders: { type: 'Feature', properties: {}, geometry: countyBorders },
    stateLabels: { type: 'FeatureCollection', features: stateLabels },
    countyLabels: { type: 'FeatureCollection', features: countyLabels },
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
export function regionShape(basemap: CountyShapes, counties: readonly string[]): MultiPolygon | null {
  const geometries = counties
    .map((fips) => basemap.countyGeometries.get(fips))
    .filter((g): g is GeometryObject => g !== undefined);
  if (geometries.length === 0) return null;
  return merge(basemap.topology, geometries as Parameters<typeof merge>[1]);
}

/** Outlines and label points of regions (feature id = position in `regions`, for hover state). */
export function regionFeatures(
  basemap: CountyShapes,
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
  basemap: CountyShapes,
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

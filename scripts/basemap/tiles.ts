// Cuts the basemap (land, state and county borders, state and county names; views/map/basemap.ts) into
// vector tiles once, at build time, and packs them into one file (geo/tile-pack.ts). The page then draws
// the basemap from a few ready tiles instead of cutting the national shapes in MapLibre's worker at every
// start (about 0.5 s of a 2-core machine's worker, plus the shapes' build on the main thread).
// Deterministic: the same us-atlas in, the same bytes out.
import { GeoJSONVT } from '@maplibre/geojson-vt';
import type { GeoJSONVTTile } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { GeoJSON } from 'geojson';
import type { Topology } from 'topojson-specification';
import { encodeTilePack } from '../../src/geo/tile-pack.ts';
import type { PackedTile } from '../../src/geo/tile-pack.ts';
import { buildBasemap } from '../../src/views/map/basemap.ts';
import { BASEMAP_TILES } from '../../src/views/map/basemap.ts';

export const EXTENT = 4096;

/** Each layer of the tiles, what it holds and from which tile zoom on (below it, the style never shows it). */
function layersOf(topology: Topology): { name: string; data: GeoJSON; fromZoom: number }[] {
  const basemap = buildBasemap(topology);
  const { layers, countyBordersFrom, countyLabelsFrom } = BASEMAP_TILES;
  return [
    { name: layers.land, data: basemap.states, fromZoom: 0 },
    { name: layers.stateBorders, data: basemap.stateBorders, fromZoom: 0 },
    { name: layers.countyBorders, data: basemap.countyBorders, fromZoom: Math.floor(countyBordersFrom) },
    { name: layers.stateLabels, data: basemap.stateLabels, fromZoom: 0 },
    { name: layers.countyLabels, data: basemap.countyLabels, fromZoom: Math.floor(countyLabelsFrom) },
  ];
}

/** Every tile from zoom 0 to BASEMAP_TILES.maxzoom that holds something, packed. */
export function basemapTilePack(topology: Topology): Uint8Array {
  const { maxzoom } = BASEMAP_TILES;
  const layers = layersOf(topology).map((layer) => ({
    ...layer,
    index: new GeoJSONVT(layer.data, { maxZoom: maxzoom, indexMaxZoom: 4, extent: EXTENT, buffer: 64 }),
  }));
  const tiles: PackedTile[] = [];
  const queue: [number, number, number][] = [[0, 0, 0]];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    const [z, x, y] = next;
    const held: Record<string, GeoJSONVTTile> = {};
    let any = false;
    for (const layer of layers) {
      const tile = layer.index.getTile(z, x, y);
      if (tile === null || tile.features.length === 0) continue;
      // A layer below its zoom still says the tile has content (its children will need it).
      any = true;
      if (z >= layer.fromZoom) held[layer.name] = tile;
    }
    if (!any) continue;
    if (Object.keys(held).length > 0)
      tiles.push({ z, x, y, data: fromGeojsonVt(held, { version: 2, extent: EXTENT }) });
    if (z < maxzoom)
      for (const [dx, dy] of [
        [0, 0],
        [1, 0],
        [0, 1],
        [1, 1],
      ] as const)
        queue.push([z + 1, 2 * x + dx, 2 * y + dy]);
  }
  tiles.sort((a, b) => a.z - b.z || a.x - b.x || a.y - b.y);
  return encodeTilePack({ minzoom: 0, maxzoom, bounds: boundsOf(topology) }, tiles);
}

function boundsOf(topology: Topology): [number, number, number, number] {
  const [w = -180, s = -90, e = 180, n = 90] = topology.bbox ?? [];
  return [w, s, e, n];
}

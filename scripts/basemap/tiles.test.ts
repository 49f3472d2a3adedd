import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { describe, expect, it } from 'vitest';
import { decodeTilePack } from '../../src/geo/tile-pack.ts';
import { BASEMAP_TILES } from '../../src/views/map/basemap.ts';
import { loadCountyTopology } from '../../src/workers/reference-files.ts';
import { basemapTilePack } from './tiles.ts';

/** The web-mercator tile holding a point (the slippy-map formula). */
function tileAt(lon: number, lat: number, z: number): [number, number, number] {
  const n = 2 ** z;
  const rad = (lat * Math.PI) / 180;
  const x = Math.floor(((lon + 180) / 360) * n);
  const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n);
  return [z, x, y];
}

describe('the basemap’s tile pack, cut from the shipped us-atlas counties', async () => {
  const packed = basemapTilePack(await loadCountyTopology());
  const pack = decodeTilePack(packed.slice().buffer);
  const layersOf = (z: number, x: number, y: number) => {
    const bytes = pack.tile(z, x, y);
    return bytes === null ? null : new VectorTile(new PbfReader(bytes)).layers;
  };
  const { layers, maxzoom } = BASEMAP_TILES;

  it('holds Chicago’s county borders and names (Cook among them) at its last zoom', () => {
    const tile = layersOf(...tileAt(-87.75, 41.85, maxzoom));
    expect(tile).not.toBeNull();
    // Illinois' and Indiana's line runs through it; the states' names sit elsewhere.
    expect(Object.keys(tile!).sort()).toEqual(
      [layers.countyBorders, layers.countyLabels, layers.land, layers.stateBorders].sort(),
    );
    const names = Array.from(
      { length: tile![layers.countyLabels]!.length },
      (_, i) => tile![layers.countyLabels]!.feature(i).properties['name'],
    );
    expect(names).toContain('Cook');
    const illinois = Array.from(
      { length: tile![layers.land]!.length },
      (_, i) => tile![layers.land]!.feature(i).properties['name'],
    );
    expect(illinois).toContain('Illinois');
  });

  it('leaves county borders and names out of the zooms that never show them', () => {
    const national = layersOf(0, 0, 0);
    expect(Object.keys(national!).sort()).toEqual(
      [layers.land, layers.stateBorders, layers.stateLabels].sort(),
    );
    const z5 = layersOf(...tileAt(-87.75, 41.85, 5));
    expect(Object.keys(z5!)).toContain(layers.countyBorders);
    expect(Object.keys(z5!)).not.toContain(layers.countyLabels);
  });

  it('holds no tile deeper than its last zoom, none of the open sea, and is the same bytes each time', async () => {
    expect(Math.max(...pack.index.tiles.map(([z]) => z))).toBe(maxzoom);
    expect(layersOf(...tileAt(-40, 30, 6))).toBeNull(); // mid-Atlantic
    expect(basemapTilePack(await loadCountyTopology())).toEqual(packed);
  });
});

// The basemap's vector tiles in the page: one tile pack (made at build time, scripts/basemap/tiles.ts),
// fetched once and served to MapLibre tile by tile through the `forgemap-basemap:` protocol. A tile the
// pack does not hold (open sea) is an empty tile, not an error.
import type { addProtocol } from 'maplibre-gl';
import { decodeTilePack } from '../../geo/tile-pack.ts';
import type { TilePack } from '../../geo/tile-pack.ts';
import { loadOnce } from './load-once.ts';

const PACK_URL = new URL('../../../node_modules/.cache/forgemap/basemap.tiles', import.meta.url);

export const BASEMAP_PROTOCOL = 'forgemap-basemap';
/** The tile URL template of the style's basemap source. */
export const BASEMAP_TILE_URL = `${BASEMAP_PROTOCOL}://{z}/{x}/{y}`;

/** The pack, fetched on the first call (call it early: the map asks for tiles as soon as it has a style). */
export const loadBasemapPack: () => Promise<TilePack> = loadOnce(async () => {
  const response = await fetch(PACK_URL);
  if (!response.ok) throw new Error(`The basemap could not be loaded (${response.status}).`);
  return decodeTilePack(await response.arrayBuffer());
});

const TILE = new RegExp(`^${BASEMAP_PROTOCOL}://(\\d+)/(\\d+)/(\\d+)$`);

/** z, x, y of a basemap tile URL; null for any other. */
export function tileOf(url: string): [number, number, number] | null {
  const match = TILE.exec(url);
  return match === null ? null : [Number(match[1]), Number(match[2]), Number(match[3])];
}

let registered = false;

/**
 * Lets MapLibre read `forgemap-basemap://z/x/y` (once per page). MapLibre's `addProtocol` comes from the
 * map's own module: this one is also loaded at start (warm.ts), before MapLibre is.
 */
export function registerBasemapProtocol(add: typeof addProtocol): void {
  if (registered) return;
  registered = true;
  add(BASEMAP_PROTOCOL, async (params) => {
    const at = tileOf(params.url);
    if (at === null) throw new Error(`Not a basemap tile: ${params.url}`);
    const tile = (await loadBasemapPack()).tile(...at);
    // A copy: MapLibre hands the buffer over to its worker.
    return { data: tile === null ? new ArrayBuffer(0) : tile.slice().buffer };
  });
}

// A tile pack: every vector tile of a tile set in one file, so that the basemap is one request, one entry of
// the offline cache, and no 404 for the tiles that hold nothing (open sea). Made at build time
// (scripts/basemap/tiles.ts), read in the page (views/map/basemap-tiles.ts).
//
// Layout: the 4 bytes "FMTP", the length of the index as a little-endian uint32, the index as UTF-8 JSON
// (TilePackIndex), then the tiles' bytes one after another.

export interface TilePackIndex {
  version: 1;
  minzoom: number;
  maxzoom: number;
  /** [west, south, east, north] in degrees, around every tile's content. */
  bounds: [number, number, number, number];
  /** [z, x, y, offset from the start of the tiles' bytes, length] of each tile held. */
  tiles: [number, number, number, number, number][];
}

export interface TilePack {
  readonly index: TilePackIndex;
  /** The tile's bytes (a view into the pack), or null when the pack holds no such tile. */
  tile(z: number, x: number, y: number): Uint8Array | null;
}

const MAGIC = 'FMTP';

export interface PackedTile {
  z: number;
  x: number;
  y: number;
  data: Uint8Array;
}

export function encodeTilePack(
  meta: Pick<TilePackIndex, 'minzoom' | 'maxzoom' | 'bounds'>,
  tiles: readonly PackedTile[],
): Uint8Array {
  const entries: TilePackIndex['tiles'] = [];
  let offset = 0;
  for (const { z, x, y, data } of tiles) {
    entries.push([z, x, y, offset, data.length]);
    offset += data.length;
  }
  const index: TilePackIndex = { version: 1, ...meta, tiles: entries };
  const json = new TextEncoder().encode(JSON.stringify(index));
  const out = new Uint8Array(8 + json.length + offset);
  out.set(new TextEncoder().encode(MAGIC), 0);
  new DataView(out.buffer).setUint32(4, json.length, true);
  out.set(json, 8);
  let at = 8 + json.length;
  for (const { data } of tiles) {
    out.set(data, at);
    at += data.length;
  }
  return out;
}

const key = (z: number, x: number, y: number) => `${z}/${x}/${y}`;

/** Reads a pack; throws a message that says what is wrong when the bytes are not one. */
export function decodeTilePack(buffer: ArrayBuffer): TilePack {
  const bytes = new Uint8Array(buffer);
  if (bytes.length < 8 || new TextDecoder().decode(bytes.subarray(0, 4)) !== MAGIC) {
    throw new Error('The basemap file is not a tile pack (it does not start with "FMTP").');
  }
  const length = new DataView(buffer).getUint32(4, true);
  if (8 + length > bytes.length) throw new Error('The basemap file is cut short (its index is incomplete).');
  const index = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + length))) as TilePackIndex;
  if (index.version !== 1)
    throw new Error(`The basemap file has version ${String(index.version)}; 1 expected.`);
  const start = 8 + length;
  const byKey = new Map<string, [number, number]>();
  for (const [z, x, y, offset, size] of index.tiles) {
    if (start + offset + size > bytes.length)
      throw new Error(`The basemap file is cut short (tile ${key(z, x, y)}).`);
    byKey.set(key(z, x, y), [start + offset, size]);
  }
  return {
    index,
    tile(z, x, y) {
      const found = byKey.get(key(z, x, y));
      return found === undefined ? null : bytes.subarray(found[0], found[0] + found[1]);
    },
  };
}

// Makes the basemap's tile pack (scripts/basemap/tiles.ts) before Vite builds or serves the app, into
// node_modules/.cache/forgemap/ (views/map/basemap-tiles.ts loads it from there with `new URL`, so the build
// emits it as an asset and the offline cache keeps it). Made again only when what it is made from changed:
// the us-atlas shapes, the code that cuts them, or the versions of the libraries that do.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BASEMAP_PACK = join(root, 'node_modules', '.cache', 'forgemap', 'basemap.tiles');

const INPUTS = [
  'node_modules/us-atlas/counties-10m.json',
  'scripts/basemap/tiles.ts',
  'src/geo/tile-pack.ts',
  'src/views/map/basemap.ts',
];

function stampOf(): string {
  const hash = createHash('sha256');
  for (const file of INPUTS) hash.update(readFileSync(join(root, file)));
  const require = createRequire(import.meta.url);
  for (const name of ['@maplibre/geojson-vt', '@maplibre/vt-pbf', 'topojson-client', 'd3-geo']) {
    const version = (require(join(root, 'node_modules', name, 'package.json')) as { version: string })
      .version;
    hash.update(`${name}@${version}`);
  }
  return hash.digest('hex');
}

let ensured: Promise<boolean> | undefined;

/**
 * Writes the tile pack unless an up-to-date one is there; returns whether it wrote one. Once per process
 * (vitest's projects and the e2e build each load the config), and written whole or not at all.
 */
export function ensureBasemapPack(): Promise<boolean> {
  ensured ??= writeBasemapPack();
  return ensured;
}

async function writeBasemapPack(): Promise<boolean> {
  const stampFile = `${BASEMAP_PACK}.stamp`;
  const stamp = stampOf();
  if (existsSync(BASEMAP_PACK) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp)
    return false;
  const { basemapTilePack } = await import('./tiles.ts');
  const topology = JSON.parse(readFileSync(join(root, INPUTS[0]!), 'utf8')) as Parameters<
    typeof basemapTilePack
  >[0];
  mkdirSync(dirname(BASEMAP_PACK), { recursive: true });
  const partial = `${BASEMAP_PACK}.${process.pid}.part`;
  writeFileSync(partial, basemapTilePack(topology));
  renameSync(partial, BASEMAP_PACK);
  writeFileSync(stampFile, stamp);
  return true;
}

export function basemapTiles(): Plugin {
  return {
    name: 'forgemap-basemap-tiles',
    async config() {
      await ensureBasemapPack();
    },
  };
}

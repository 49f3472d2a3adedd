// The large reference tables as static files, shipped once: `new URL(…, import.meta.url)` makes Vite emit
// each file a single time as an asset that the page and every worker fetch (the browser's cache serves the
// second), instead of a JS module copied into each bundle and parsed as code. Each is loaded on first need
// and kept for the thread's lifetime. Under Node (CLI, tests) the same URLs are files, read from disk.
import type { Topology } from 'topojson-specification';
import { expectTopology } from '../geo/us-atlas.ts';

const FILES = {
  naics: new URL('../../data/reference/naics2017.json', import.meta.url),
  zips: new URL('../../data/reference/zips.json', import.meta.url),
  counties: new URL('../../node_modules/us-atlas/counties-10m.json', import.meta.url),
  states: new URL('../../node_modules/us-atlas/states-10m.json', import.meta.url),
} as const;

export type ReferenceFile = keyof typeof FILES;

const loaded = new Map<ReferenceFile, Promise<unknown>>();

/** The one function of node:fs/promises used here. */
interface NodeFs {
  readFile(path: URL, encoding: 'utf8'): Promise<string>;
}

/** The parsed JSON of a reference file, fetched once per thread. */
export function referenceFile(name: ReferenceFile): Promise<unknown> {
  let file = loaded.get(name);
  if (file === undefined) {
    file = read(FILES[name]);
    // A failed load is tried again on the next need (a flaky network, say), not cached.
    file.catch(() => loaded.delete(name));
    loaded.set(name, file);
  }
  return file;
}

async function read(url: URL): Promise<unknown> {
  if (url.protocol === 'file:') {
    // Node only; a name in a variable keeps the bundler from looking for it.
    const fsModule = 'node:fs/promises';
    const { readFile } = (await import(/* @vite-ignore */ fsModule)) as NodeFs;
    return JSON.parse(await readFile(url, 'utf8')) as unknown;
  }
  const response = await fetch(url);
  if (!response.ok) {
    throw new Error(
      `The reference file ${url.pathname.split('/').pop()} could not be loaded (${response.status}).`,
    );
  }
  return (await response.json()) as unknown;
}

/**
 * `counties-10m.json` of us-atlas: objects `counties` (id = 5-digit county FIPS, `properties.name`),
 * `states` (id = 2-digit state FIPS) and `nation`.
 */
export async function loadCountyTopology(): Promise<Topology> {
  return expectTopology(await referenceFile('counties'), 'counties-10m.json', 'counties');
}

/** `states-10m.json` of us-atlas: objects `states` (id = 2-digit state FIPS, `properties.name`) and `nation`. */
export async function loadStateTopology(): Promise<Topology> {
  return expectTopology(await referenceFile('states'), 'states-10m.json', 'states');
}

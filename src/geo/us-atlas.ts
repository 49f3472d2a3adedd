// Loads the Census cartographic-boundary shapes shipped in the `us-atlas` package (unprojected lon/lat
// TopoJSON) and checks their shape, so the app, the CLI and the tests all read the same pinned file.
import type { Topology } from 'topojson-specification';

/** Checks the few things the indexes rely on; the full shape is trusted to the pinned `us-atlas` release. */
export function isTopologyWith(value: unknown, objectName: string): value is Topology {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { type?: unknown; arcs?: unknown; objects?: unknown };
  if (candidate.type !== 'Topology' || !Array.isArray(candidate.arcs)) return false;
  if (typeof candidate.objects !== 'object' || candidate.objects === null) return false;
  const object = (candidate.objects as Record<string, unknown>)[objectName];
  if (typeof object !== 'object' || object === null) return false;
  const collection = object as { type?: unknown; geometries?: unknown };
  return collection.type === 'GeometryCollection' && Array.isArray(collection.geometries);
}

function expectTopology(value: unknown, file: string, objectName: string): Topology {
  // The file is part of the build, not user data: a wrong shape means a broken install, which no user
  // action can fix, so it is reported loudly instead of as an issue.
  if (!isTopologyWith(value, objectName)) {
    throw new Error(`us-atlas/${file} is not a TopoJSON topology with a "${objectName}" collection`);
  }
  return value;
}

/**
 * `counties-10m.json`: objects `counties` (id = 5-digit county FIPS, `properties.name`), `states`
 * (id = 2-digit state FIPS) and `nation`. Dynamic import keeps the 840 KB file out of the initial bundle.
 */
export async function loadCountyTopology(): Promise<Topology> {
  const module: { default: unknown } = await import('us-atlas/counties-10m.json');
  return expectTopology(module.default, 'counties-10m.json', 'counties');
}

/** `states-10m.json`: objects `states` (id = 2-digit state FIPS, `properties.name`) and `nation`. */
export async function loadStateTopology(): Promise<Topology> {
  const module: { default: unknown } = await import('us-atlas/states-10m.json');
  return expectTopology(module.default, 'states-10m.json', 'states');
}

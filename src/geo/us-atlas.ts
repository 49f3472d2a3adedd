// Checks the Census cartographic-boundary shapes of the `us-atlas` package (unprojected lon/lat TopoJSON),
// which workers/reference-files.ts loads, so the app, the CLI and the tests all read the same pinned file.
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

export function expectTopology(value: unknown, file: string, objectName: string): Topology {
  // The file is part of the build, not user data: a wrong shape means a broken install, which no user
  // action can fix, so it is reported loudly instead of as an issue.
  if (!isTopologyWith(value, objectName)) {
    throw new Error(`us-atlas/${file} is not a TopoJSON topology with a "${objectName}" collection`);
  }
  return value;
}

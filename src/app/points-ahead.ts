// A big kept dataset reopened on the map has its points sent to the points worker as soon as its columns are
// open, before its organizations are read and the map is made (~1 s for 100k organizations on two cores):
// the worker builds its cluster index meanwhile, and the map's own load of the same points finds it built
// (workers/points/points-engine.ts). Sent as the map will first ask for them: positions from the records'
// coordinates, every organization shown, points not sized. A dataset some of whose organizations are placed
// by ZIP code or county (geo/positions.ts, after reference files load) is not sent ahead.
import { POSITION_NONE, positionsFromColumns } from '../geo/positions.ts';
import type { ColumnarPlaces } from '../io/columnar.ts';
import { uniformRadii } from '../views/map/point-size.ts';
import { IN_THREAD_POINTS } from '../workers/points/early-points-worker.ts';
import { loadPointsAhead } from '../workers/points/points-client.ts';

/** The points as the map will first load them, or null when they cannot be known from the columns. */
export function pointsAhead(
  places: ColumnarPlaces,
): { coords: Float64Array; kinds: Uint8Array; radii: Float64Array; mask: Uint8Array } | null {
  const positions = positionsFromColumns(places.lat, places.lon, places.placeable);
  if (positions === null) return null;
  // A loop, not Uint8Array.from with a callback: ~14 ms at 100k in a trace, in a task before the picture.
  const mask = new Uint8Array(positions.via.length);
  for (let i = 0; i < mask.length; i++) mask[i] = positions.via[i] === POSITION_NONE ? 0 : 1;
  return { coords: positions.coords, kinds: places.kind.slice(), radii: uniformRadii(mask.length), mask };
}

/** Sends a kept dataset's points to the points worker now, when the map will cluster them there. */
export function loadKeptPointsAhead(places: ColumnarPlaces): void {
  if (places.kind.length <= IN_THREAD_POINTS) return;
  const points = pointsAhead(places);
  if (points === null) return;
  const { mask, ...columns } = points;
  loadPointsAhead(columns, mask);
}

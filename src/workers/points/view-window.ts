// Which part of the world the map's point source holds: the view, padded by its own size on every side, at
// the view's whole zoom. Small pans stay inside it and ask for nothing; leaving it or crossing a whole zoom
// asks the points worker for a new window.
import type { BBox } from 'geojson';

export interface ViewBounds {
  west: number;
  south: number;
  east: number;
  north: number;
}

export interface PointWindow {
  /** [west, south, east, north]; longitudes as the map gives them (they may run past ±180). */
  readonly bbox: BBox;
  /** The whole zoom the clusters are for. */
  readonly zoom: number;
}

/** Web Mercator stops here; the index holds nothing beyond. */
const MAX_LAT = 85.06;

/** The window for a view: its bounds padded by `pad` times their size on each side, at floor(zoom). */
export function windowFor(view: ViewBounds, zoom: number, pad = 1): PointWindow {
  const width = view.east - view.west;
  const height = view.north - view.south;
  const wholeWorld = width * (1 + 2 * pad) >= 360;
  const west = wholeWorld ? -180 : view.west - pad * width;
  const east = wholeWorld ? 180 : view.east + pad * width;
  const south = Math.max(-MAX_LAT, view.south - pad * height);
  const north = Math.min(MAX_LAT, view.north + pad * height);
  return { bbox: [west, south, east, north], zoom: Math.floor(zoom) };
}

/** True when `window` still serves a map showing `view` at `zoom`. */
export function windowCovers(window: PointWindow, view: ViewBounds, zoom: number): boolean {
  if (Math.floor(zoom) !== window.zoom) return false;
  const [west, south, east, north] = window.bbox;
  const lonCovered = east - west >= 360 || (view.west >= west && view.east <= east);
  const latCovered = (view.south >= south || south <= -MAX_LAT) && (view.north <= north || north >= MAX_LAT);
  return lonCovered && latCovered;
}

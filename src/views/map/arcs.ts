// Supply links drawn as curved lines: a quadratic Bézier between two lon/lat points, bent to one side so
// that a link A → B and its reverse B → A do not overlap, and the test for a link crossing the region edge.
import type { Feature, LineString } from 'geojson';

export type LonLat = readonly [lon: number, lat: number];

/** How far the curve's middle stands off the chord, as a fraction of the chord's length. */
export const ARC_BEND = 0.18;
const ARC_SEGMENTS = 24;

/**
 * Points of a curve from `from` to `to`: the first and last are the inputs exactly; the middle point stands
 * `bend × length` to the left of the chord (seen from `from`). Works in plain lon/lat, which is what the eye
 * reads as a gentle arc at regional scale; the longitude is scaled by cos(lat) so that the bend is round.
 */
export function arcPoints(
  from: LonLat,
  to: LonLat,
  bend = ARC_BEND,
  segments = ARC_SEGMENTS,
): [number, number][] {
  const [x0, y0] = from;
  const [x1, y1] = to;
  const k = Math.cos((((y0 + y1) / 2) * Math.PI) / 180) || 1;
  const dx = (x1 - x0) * k;
  const dy = y1 - y0;
  // The quadratic's middle point lies half-way between the chord midpoint and the control point.
  const cx = (x0 + x1) / 2 + (-dy * 2 * bend) / k;
  const cy = (y0 + y1) / 2 + dx * 2 * bend;
  const points: [number, number][] = [[x0, y0]];
  for (let i = 1; i < segments; i++) {
    const t = i / segments;
    const a = (1 - t) * (1 - t);
    const b = 2 * t * (1 - t);
    const c = t * t;
    points.push([a * x0 + b * cx + c * x1, a * y0 + b * cy + c * y1]);
  }
  points.push([x1, y1]);
  return points;
}

/** A link crosses the home-region boundary when exactly one of its ends is in the region. */
export function crossesBoundary(sourceInRegion: boolean, targetInRegion: boolean): boolean {
  return sourceInRegion !== targetInRegion;
}

/** Line width in pixels for a link's annual value: log scale, 1 px for unknown or tiny values. */
export function arcWidth(value: number | undefined): number {
  if (value === undefined || !(value > 0)) return 1;
  // $10k → 1 px … $100M → 7 px.
  return Math.min(8, Math.max(1, 1 + 1.5 * (Math.log10(value) - 4)));
}

export interface ArcProps {
  /** Index of the link in bundle.links. */
  link: number;
  value: number;
  width: number;
  crossing: boolean;
  /** 'in': the link brings goods to the focused organization(s); 'out': it takes them away. */
  direction: 'in' | 'out';
}

export function arcFeature(from: LonLat, to: LonLat, props: ArcProps): Feature<LineString, ArcProps> {
  return {
    type: 'Feature',
    geometry: { type: 'LineString', coordinates: arcPoints(from, to) },
    properties: props,
  };
}

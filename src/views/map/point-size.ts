// The size of an organization's point on the map, apart from the map's other sources (sources.ts) so that
// the app can size the points of a dataset it sends ahead (app/points-ahead.ts) without them.

/** An organization's point when points are not sized by anything, in pixels. */
const BASE_RADIUS = 5;

/** Every point's radius when points are not sized by anything (the map's first sizing). */
export function uniformRadii(count: number): Float64Array {
  return new Float64Array(count).fill(BASE_RADIUS);
}

/** Radius from a magnitude on a square-root scale, so that area follows the number; 3–16 px. */
export function radiusFor(amount: number | undefined, reference: number): number {
  if (amount === undefined || !(amount > 0) || !(reference > 0)) return 3;
  return Math.round((3 + 13 * Math.sqrt(Math.min(1, amount / reference))) * 10) / 10;
}

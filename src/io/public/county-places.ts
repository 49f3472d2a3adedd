// Counties as a public copy names and draws them (io/public/redact-public.ts): "Cook County, IL" at the
// county's centroid, from the shipped us-atlas county shapes and the states table.
import { geoCentroid } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { stateOfFips } from '../import/state-codes.ts';

export interface CountyPlaces {
  /** "Cook County, IL", "Orleans Parish, LA", "Baltimore city, MD"; null for a code not in the shapes. */
  label(fips: string): string | null;
  /** [lon, lat] of the county's centroid; null for a code not in the shapes. */
  centroid(fips: string): readonly [number, number] | null;
}

/** Independent cities: county-equivalents coded 5xx in these states (Census FIPS practice). */
const INDEPENDENT_CITY_STATES = new Set(['24', '29', '32', '51']);

/** A county's name as people write it, from its bare shape name ("Cook") and its 5-digit FIPS code. */
export function countyLabel(name: string, fips: string): string {
  const state = fips.slice(0, 2);
  const abbr = stateOfFips(state);
  const suffix = ((): string => {
    if (INDEPENDENT_CITY_STATES.has(state) && fips[2] === '5') return / city$/i.test(name) ? '' : ' city';
    if (state === '22') return ' Parish';
    // Alaska's boroughs and census areas, Puerto Rico's municipios and the island areas: the name alone.
    if (state === '02' || state === '72' || Number(state) > 56) return '';
    return / County$/.test(name) ? '' : ' County';
  })();
  return abbr === null ? `${name}${suffix}` : `${name}${suffix}, ${abbr}`;
}

/** Labels and centroids of every county of a us-atlas `counties` topology. */
export function countyPlaces(topology: Topology): CountyPlaces {
  const places = new Map<string, { label: string; at: readonly [number, number] }>();
  const object = topology.objects['counties'];
  const counties = object === undefined ? null : feature(topology, object);
  if (counties !== null && 'features' in counties) {
    for (const county of counties.features) {
      const fips = String(county.id ?? '');
      if (!/^\d{5}$/.test(fips)) continue;
      const name = (county.properties as { name?: unknown } | null)?.name;
      places.set(fips, {
        label: countyLabel(typeof name === 'string' && name !== '' ? name : fips, fips),
        at: geoCentroid(county),
      });
    }
  }
  return {
    label: (fips) => places.get(fips)?.label ?? null,
    centroid: (fips) => places.get(fips)?.at ?? null,
  };
}

// Region membership (DESIGN.md §2): an organization is in region R when its county is one of R's counties.
// The county comes from the record, else from lat/lon by point-in-county, else from the ZIP table.
import type { CountyFips } from './ids.ts';
import type { Organization } from './model.ts';

export interface CountyLocator {
  /** Point-in-county lookup; absent when the county shapes are not loaded. */
  countyAt?: ((lon: number, lat: number) => CountyFips | null) | undefined;
  /** ZIP → county; absent when the ZIP table is not loaded. */
  countyOfZip?: ((zip: string) => CountyFips | null) | undefined;
}

export type CountySource = 'record' | 'point' | 'zip';

export interface ResolvedCounty {
  county: CountyFips | null;
  via: CountySource | null;
}

export function resolveCounty(org: Organization, locator: CountyLocator): ResolvedCounty {
  if (org.county !== undefined) return { county: org.county, via: 'record' };
  if (org.lat !== undefined && org.lon !== undefined && locator.countyAt !== undefined) {
    const county = locator.countyAt(org.lon, org.lat);
    if (county !== null) return { county, via: 'point' };
  }
  if (org.zip !== undefined && locator.countyOfZip !== undefined) {
    const county = locator.countyOfZip(org.zip);
    if (county !== null) return { county, via: 'zip' };
  }
  return { county: null, via: null };
}

/** True when the organizations need a locator at all: some have no county on record. */
export function needsLocator(orgs: readonly Organization[]): { points: boolean; zips: boolean } {
  let points = false;
  let zips = false;
  for (const org of orgs) {
    if (org.county !== undefined) continue;
    if (org.lat !== undefined && org.lon !== undefined) points = true;
    else if (org.zip !== undefined) zips = true;
  }
  return { points, zips };
}

/** 1 for each organization in the region, 0 otherwise (also when its county cannot be found). */
export function regionMembership(
  orgs: readonly Organization[],
  counties: Iterable<string>,
  locator: CountyLocator,
): Uint8Array {
  const inRegion = new Set<string>(counties);
  const mask = new Uint8Array(orgs.length);
  if (inRegion.size === 0) return mask;
  orgs.forEach((org, i) => {
    const { county } = resolveCounty(org, locator);
    if (county !== null && inRegion.has(county)) mask[i] = 1;
  });
  return mask;
}

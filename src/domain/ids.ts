// Branded identifier and coordinate types: a string that is an organization id cannot be passed where a
// county FIPS code is expected, although both are strings at run time.
declare const brand: unique symbol;
export type Brand<T, B extends string> = T & { readonly [brand]: B };

export type OrgId = Brand<string, 'OrgId'>;
export type CapabilityId = Brand<string, 'CapabilityId'>;
export type RegionId = Brand<string, 'RegionId'>;
/** 5-digit county FIPS code, e.g. "17031" (Cook County, IL). */
export type CountyFips = Brand<string, 'CountyFips'>;
/** 2-digit state FIPS code, e.g. "17". */
export type StateFips = Brand<string, 'StateFips'>;
/** WGS84 degrees. */
export type Lat = Brand<number, 'Lat'>;
export type Lon = Brand<number, 'Lon'>;

export const NAICS_PATTERN = /^\d{6}$/;
export const COUNTY_FIPS_PATTERN = /^\d{5}$/;

/** True when a capability id is itself a 6-digit NAICS 2017 code. */
export function isNaicsCode(id: string): boolean {
  return NAICS_PATTERN.test(id);
}

import { describe, expect, it } from 'vitest';
import type { CountyFips } from './ids.ts';
import { needsLocator, regionMembership, resolveCounty } from './membership.ts';
import type { CountyLocator } from './membership.ts';
import { testOrganization } from './test-organization.ts';

const org = testOrganization;

// A toy world: everything west of -88 is county 17031, east is 18089; ZIP 60601 is in 17031.
const locator: CountyLocator = {
  countyAt: (lon) => (lon < -88 ? '17031' : '18089') as CountyFips,
  countyOfZip: (zip) => (zip.startsWith('60601') ? ('17031' as CountyFips) : null),
};

describe('resolveCounty', () => {
  it('prefers the county on record over coordinates and ZIP', () => {
    expect(
      resolveCounty(org({ county: '17043' as CountyFips, lat: 41, lon: -87, zip: '60601' }), locator),
    ).toEqual({
      county: '17043',
      via: 'record',
    });
  });
  it('uses point-in-county next, then the ZIP', () => {
    expect(resolveCounty(org({ lat: 41, lon: -87, zip: '60601' }), locator)).toEqual({
      county: '18089',
      via: 'point',
    });
    expect(resolveCounty(org({ zip: '60601-2222' }), locator)).toEqual({ county: '17031', via: 'zip' });
  });
  it('falls through to the ZIP when the point is in no county (the ocean)', () => {
    const ocean: CountyLocator = { ...locator, countyAt: () => null };
    expect(resolveCounty(org({ lat: 35, lon: -60, zip: '60601' }), ocean)).toEqual({
      county: '17031',
      via: 'zip',
    });
  });
  it('finds nothing without a locator or data', () => {
    expect(resolveCounty(org({ lat: 41, lon: -87 }), {})).toEqual({ county: null, via: null });
    expect(resolveCounty(org({ zip: '99999' }), locator)).toEqual({ county: null, via: null });
  });
});

describe('regionMembership', () => {
  it('marks the organizations whose county is in the region', () => {
    const orgs = [
      org({ county: '17031' as CountyFips }),
      org({ lat: 41, lon: -87 }),
      org({ zip: '60601' }),
      org({}),
    ];
    expect(Array.from(regionMembership(orgs, ['17031'], locator))).toEqual([1, 0, 1, 0]);
    expect(Array.from(regionMembership(orgs, [], locator))).toEqual([0, 0, 0, 0]);
  });
});

describe('needsLocator', () => {
  it('says which lookups are needed for organizations without a county', () => {
    expect(needsLocator([org({ county: '17031' as CountyFips })])).toEqual({ points: false, zips: false });
    expect(needsLocator([org({ lat: 1, lon: 2 }), org({ zip: '60601' })])).toEqual({
      points: true,
      zips: true,
    });
  });
});

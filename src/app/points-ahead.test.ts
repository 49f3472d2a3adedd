import { describe, expect, it } from 'vitest';
import type { Bundle, Organization } from '../domain/model.ts';
import { testOrganization } from '../domain/test-organization.ts';
import { resolvePositions } from '../geo/positions.ts';
import { readColumnar, writeColumnar } from '../io/columnar.ts';
import { orgTableOf } from '../views/derive/filter.ts';
import { drawableMask, orgRadii } from '../views/map/sources.ts';
import { pointsAhead } from './points-ahead.ts';

const org = (id: string, fields: Partial<Organization>): Organization =>
  testOrganization({ id: id as Organization['id'], name: id, ...fields });

function bundleOf(organizations: Organization[]): Bundle {
  return {
    format: 'forgemap.bundle',
    version: 1,
    meta: {
      id: 't',
      title: 'T',
      description: '',
      source: 'test',
      license: 'CC0',
      asOf: '2026-01-01',
      synthetic: true,
    },
    organizations,
    links: [],
    capabilities: [],
    regions: [],
  };
}

const placesOf = (bundle: Bundle) => readColumnar(writeColumnar(bundle), 'test').value!.places;

describe('pointsAhead', () => {
  it('gives the points the map first loads: record coordinates, every organization shown, points not sized', () => {
    const bundle = bundleOf([
      org('a', { kind: 'prime', lat: 41.9, lon: -87.6 }),
      org('b', { kind: 'training', lat: 0, lon: 0 }),
      // No position and nothing to place it by: not drawn.
      org('c', { kind: 'support' }),
      // Only half a position: not drawn either.
      org('d', { kind: 'manufacturer', lat: 40 }),
      org('e', { kind: 'manufacturer', lat: -33.5, lon: 151.2 }),
    ]);
    const ahead = pointsAhead(placesOf(bundle))!;
    // What the map computes from the organizations once they are read (useOrgSource).
    const positions = resolvePositions(bundle.organizations, {});
    expect(Array.from(ahead.coords)).toEqual(Array.from(positions.coords));
    expect(Array.from(ahead.kinds)).toEqual(Array.from(orgTableOf(bundle).kind));
    expect(Array.from(ahead.radii)).toEqual(Array.from(orgRadii(bundle, 'none')));
    const all = new Uint8Array(bundle.organizations.length).fill(1);
    expect(Array.from(ahead.mask)).toEqual(Array.from(drawableMask(positions, all)));
    expect(Array.from(ahead.mask)).toEqual([1, 1, 0, 0, 1]);
  });

  it('gives nothing when an organization without coordinates would be placed by its ZIP code or county', () => {
    const placed = [org('a', { lat: 41.9, lon: -87.6 })];
    expect(pointsAhead(placesOf(bundleOf([...placed, org('z', { zip: '60601' })])))).toBeNull();
    expect(
      pointsAhead(placesOf(bundleOf([...placed, org('k', { county: '17031' as Organization['county'] })]))),
    ).toBeNull();
    // With coordinates, the ZIP code is not used: still known.
    expect(
      pointsAhead(placesOf(bundleOf([...placed, org('y', { lat: 1, lon: 2, zip: '60601' })]))),
    ).not.toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import type { CountyFips, OrgId } from '../domain/ids.ts';
import type { Organization } from '../domain/model.ts';
import { testOrganization } from '../domain/test-organization.ts';
import {
  POSITION_COUNTY,
  POSITION_NONE,
  POSITION_RECORD,
  POSITION_ZIP,
  positionSourcesNeeded,
  positionsFromColumns,
  resolvePositions,
} from './positions.ts';

const org = (fields: Partial<Organization>): Organization =>
  testOrganization({ id: 'o' as OrgId, name: 'O', ...fields });

const sources = {
  zipCentroid: (zip: string) => (zip.startsWith('60601') ? ([-87.62, 41.88] as const) : null),
  countyCentroid: (county: string) => (county === '17143' ? ([-89.76, 40.79] as const) : null),
};

describe('resolvePositions', () => {
  it('uses the record, then the ZIP, then the county, else nothing', () => {
    const orgs = [
      org({ lat: 1, lon: 2, zip: '60601' }),
      org({ zip: '60601-1234', county: '17143' as CountyFips }),
      org({ zip: '99999', county: '17143' as CountyFips }),
      org({ county: '00000' as CountyFips }),
    ];
    const { coords, via } = resolvePositions(orgs, sources);
    expect(Array.from(via)).toEqual([POSITION_RECORD, POSITION_ZIP, POSITION_COUNTY, POSITION_NONE]);
    expect(Array.from(coords.slice(0, 6))).toEqual([2, 1, -87.62, 41.88, -89.76, 40.79]);
    expect(Number.isNaN(coords[6])).toBe(true);
  });

  it('says which sources are worth loading', () => {
    expect(positionSourcesNeeded([org({ lat: 1, lon: 2, zip: '1' })])).toEqual({
      zips: false,
      counties: false,
    });
    expect(positionSourcesNeeded([org({ zip: '60601' }), org({ county: '17031' as CountyFips })])).toEqual({
      zips: true,
      counties: true,
    });
  });
});

describe('positionsFromColumns', () => {
  /** The organizations' coordinate columns, as a kept dataset stores them (NaN where absent). */
  const columnsOf = (orgs: Organization[]) =>
    [
      Float64Array.from(orgs, (o) => o.lat ?? Number.NaN),
      Float64Array.from(orgs, (o) => o.lon ?? Number.NaN),
      Uint8Array.from(orgs, (o) => (o.zip !== undefined || o.county !== undefined ? 1 : 0)),
    ] as const;

  it('places as resolvePositions does when every organization has coordinates or no place', () => {
    const orgs = [
      org({ lat: 1, lon: 2, zip: '60601' }),
      org({}),
      org({ lat: -3.5, lon: 170 }),
      org({ lat: 4 }),
    ];
    expect(positionsFromColumns(...columnsOf(orgs))).toEqual(resolvePositions(orgs, sources));
  });

  it('leaves it to the records when one would be placed by its ZIP code or county', () => {
    const orgs = [org({ lat: 1, lon: 2 }), org({ county: '17143' as CountyFips })];
    expect(positionsFromColumns(...columnsOf(orgs))).toBeNull();
    expect(positionsFromColumns(...columnsOf([org({ lon: 2, zip: '60601' })]))).toBeNull();
  });
});

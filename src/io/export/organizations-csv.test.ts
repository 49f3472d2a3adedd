import { readFileSync } from 'node:fs';
import { csvParseRows } from 'd3-dsv';
import { describe, expect, it } from 'vitest';
import { loadBundle } from '../load-bundle.ts';
import { exportOrganizationsCsv } from './organizations-csv.ts';
import { edgeCaseBundle, emptyBundle } from './test-bundles.ts';

const HEADER =
  'id,name,kind,lat,lon,address,city,state,zip,county,naics,capabilities,certifications,employees,uei,cage,website,trains';

describe('exportOrganizationsCsv', () => {
  it('writes one row per organization, lists joined with ";", formulas guarded, negative numbers kept', () => {
    const bundle = edgeCaseBundle();
    bundle.organizations = bundle.organizations.filter((o) => o.id !== 'constructor');
    expect(exportOrganizationsCsv(bundle)).toBe(
      [
        HEADER,
        'full,"Acme, ""Precision"" Works & Sons <Ltd>",prime,41.878,-87.6298,"1 Main St.\nSuite 2",Chicago,IL,60601-1234,17031,332710;336411,5-axis-machining;332710,AS9100;ITAR,250,ABCDEF123456,1A2B3,https://acme.example/?a=1&b=2,',
        `__proto__,"'=HYPERLINK(""http://evil.example"",""x"")",manufacturer,,,,,,,,,,,,,,,`,
        "has space/and_x0041_,'-2+3,training,,,,,,,17043,,,,,,,,5-axis-machining",
        '',
      ].join('\n'),
    );
  });

  it('adds in_home_region, tier and critical columns when given, with own-key tier lookup', () => {
    const bundle = edgeCaseBundle();
    const tiers: Record<string, number> = Object.create(null) as Record<string, number>;
    tiers.full = 0;
    tiers.__proto__ = 2;
    const text = exportOrganizationsCsv(bundle, {
      inRegion: Uint8Array.from([1, 0, 1, 0]),
      tiers,
      critical: new Set(['constructor']),
    });
    const rows = csvParseRows(text);
    expect(rows[0]!.slice(-3)).toEqual(['in_home_region', 'tier', 'critical']);
    expect(rows.slice(1).map((row) => [row[0], ...row.slice(-3)])).toEqual([
      ['full', 'yes', '0', 'no'],
      ['__proto__', 'no', '2', 'no'],
      // "constructor" is not in `tiers`, although `tiers.constructor` would find a function on a plain object.
      ['constructor', 'yes', '', 'yes'],
      ['has space/and_x0041_', 'no', '', 'no'],
    ]);
  });

  it('reads "constructor" and "toString" ids as having no tier in a plain object too', () => {
    const rows = csvParseRows(exportOrganizationsCsv(edgeCaseBundle(), { tiers: { full: 1 } }));
    expect(rows.slice(1).map((row) => row.at(-1))).toEqual(['1', '', '', '']);
  });

  it('starts with a byte order mark for Excel when asked', () => {
    expect(exportOrganizationsCsv(emptyBundle(), { bom: true })).toBe(`\uFEFF${HEADER}\n`);
  });

  it('keeps every organization of the Chicago sample and its non-ASCII text', () => {
    const text = readFileSync(new URL('../../../data/samples/chicago.json', import.meta.url), 'utf8');
    const bundle = loadBundle(JSON.parse(text)).value!;
    const rows = csvParseRows(exportOrganizationsCsv(bundle));
    expect(rows).toHaveLength(bundle.organizations.length + 1);
    expect(rows.slice(1).map((row) => row[0])).toEqual(bundle.organizations.map((o) => o.id));
    expect(rows.slice(1).map((row) => row[1])).toEqual(bundle.organizations.map((o) => o.name));
    expect(rows.every((row) => row.length === 18)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { testAnalysis, testGap } from '../../analysis/test-results.ts';
import type { Bundle } from '../../domain/model.ts';
import { loadCountyTopology } from '../../workers/reference-files.ts';
import { exportBundleJson } from '../export/bundle-json.ts';
import { leaksIn, PUBLIC_REMOVED, publicCase } from '../export/test-bundles.ts';
import { allOutputs } from '../export/test-bundles.ts';
import { loadBundle } from '../load-bundle.ts';
import { parseJson } from '../parse-json.ts';
import { redactBundle, sharingNotice } from '../redact.ts';
import { countyLabel, countyPlaces } from './county-places.ts';
import type { CountyPlaces } from './county-places.ts';
import type { PublicContext } from './redact-public.ts';
import { carriedAnalysis, smallCell } from './redact-public.ts';

const PLACES: CountyPlaces = {
  label: (fips) => ({ '17031': 'Cook County, IL', '17043': 'DuPage County, IL' })[fips] ?? null,
  centroid: (fips) => (({ '17031': [-87.75, 41.85], '17043': [-88.09, 41.85] }) as const)[fips] ?? null,
};

const GAPS = {
  region: 'chicago',
  list: [
    testGap({
      capability: '332710',
      label: 'Machine shops',
      flags: ['leakage', 'single-source'],
      demand: 16_765_431,
      localValue: 7_999_999.5,
      importedValue: 8_765_431.5,
      leakage: 0.46,
      localSuppliers: 2,
      trainers: 1,
    }),
    testGap({
      capability: 'precision-machining',
      label: 'Precision machining',
      demand: 123_456_789,
      localValue: 123_456_789,
      importedValue: 0,
      leakage: 0,
      localSuppliers: 5,
      trainers: 0,
    }),
  ],
};

const CONTEXT: PublicContext = { countyOf: (org) => org.county ?? null, places: PLACES, gaps: GAPS };

const publicCopy = (context: PublicContext = CONTEXT): Bundle =>
  redactBundle(publicCase(), { profile: 'public', marking: 'Public — cleared', publicContext: context });

describe('the public profile', () => {
  it('names each firm by kind, number, shortened NAICS code and county, in counties of 3 firms or more', () => {
    const copy = publicCopy();
    expect(copy.organizations.map((o) => [o.id, o.name])).toEqual([
      ['prime-1', 'Prime 1 (33 · Cook County, IL)'],
      ['manufacturer-1', 'Manufacturer 1 (3327 · Cook County, IL)'],
      ['manufacturer-2', 'Manufacturer 2 (3327 · Cook County, IL)'],
      ['manufacturer-3', 'Manufacturer 3 (3327 · Cook County, IL)'],
      ['manufacturer-4', 'Manufacturer 4 (33 · DuPage County, IL)'],
      ['manufacturer-5', 'Manufacturer 5 (33 · DuPage County, IL)'],
      ['manufacturer-6', 'Manufacturer 6 (33 · DuPage County, IL)'],
      ['training-1', 'Training provider 1 (Cook County, IL)'],
    ]);
    // Placed at the county's centroid; nothing of the record but kind, county and state.
    expect(copy.organizations[0]).toEqual({
      id: 'prime-1',
      name: 'Prime 1 (33 · Cook County, IL)',
      kind: 'prime',
      lon: -87.75,
      lat: 41.85,
      state: 'IL',
      county: '17031',
      naics: [],
      capabilities: [],
      certifications: [],
      trains: [],
      needs: [],
    });
    // A capability stays where 3 firms of the county list it; one firm's capability (and its label) goes.
    expect(copy.organizations.filter((o) => o.capabilities.length > 0).map((o) => o.capabilities)).toEqual([
      ['precision-machining'],
      ['precision-machining'],
      ['precision-machining'],
    ]);
    expect(copy.capabilities.map((c) => c.id)).toEqual(['precision-machining']);
    // The one college's training subject is a cell of one.
    expect(copy.organizations.at(-1)!.trains).toEqual([]);
    expect(copy.links).toEqual([]);
    expect(copy.meta.dod).toBeUndefined();
    expect(copy.meta.description).toBe('');
  });

  it('sums links into county flows in bands, leaving out flows of fewer than 3 firms, and says what it left out', () => {
    const aggregates = publicCopy().meta.sharing!.public!;
    expect(aggregates.flows).toEqual([
      // Marrowbend and Tessellate to Quillfeather: 7,654,321 + 345,678.5 = 7,999,999.5 → the $1M–$10M band.
      { from: '17031', to: '17031', kind: 'supplies', firms: 3, value: 1_000_000 },
      // Ferrowick and Lumenstrake to Quillfeather: 3,580,246.
      { from: '17043', to: '17031', kind: 'supplies', firms: 3, value: 1_000_000 },
    ]);
    // Left out: Gantrywise's subcontract (2 firms), Oxbowry → Ferrowick (2), Solitarn in Kane → Quillfeather (2).
    expect(aggregates.suppressed).toEqual({ organizations: 1, unplaced: 1, flows: 3 });
    expect(aggregates.places).toEqual([
      { county: '17031', name: 'Cook County, IL', lon: -87.75, lat: 41.85 },
      { county: '17043', name: 'DuPage County, IL', lon: -88.09, lat: 41.85 },
    ]);
  });

  it("carries the sender's gap list in bands, leakage to 10%, and counts of 1 or 2 suppressed", () => {
    const aggregates = publicCopy().meta.sharing!.public!;
    expect(aggregates.region).toBe('chicago');
    expect(aggregates.gaps).toEqual([
      {
        capability: '332710',
        label: 'Machine shops',
        flags: ['leakage', 'single-source'],
        // Two local suppliers: their sales, and the totals they are part of, are suppressed.
        demand: null,
        localValue: null,
        importedValue: 1_000_000,
        leakage: null,
        localSuppliers: null,
        trainers: null,
      },
      {
        capability: 'precision-machining',
        label: 'Precision machining',
        flags: [],
        demand: 100_000_000,
        localValue: 100_000_000,
        importedValue: 0,
        leakage: 0,
        localSuppliers: 5,
        trainers: 0,
      },
    ]);
    expect([0, 1, 2, 3, 40].map(smallCell)).toEqual([0, null, null, 3, 40]);
  });

  it('no output holds a name, id, identifier, address, point, note, rare capability or exact dollar value', async () => {
    const all = await allOutputs(publicCopy());
    for (const [name, text] of Object.entries(all)) {
      expect(text.length, name).toBeGreaterThan(0);
      expect(leaksIn(text, PUBLIC_REMOVED), name).toEqual([]);
      expect(text, name).toContain('Manufacturer 4 (33 · DuPage County, IL)');
    }
    expect(all['bundle']).toContain('Public — cleared');
  });

  it('writes the network files as counties linked by their flows, beside the unlinked firms', async () => {
    const all = await allOutputs(publicCopy());
    expect(all['gexf']).toContain('<node id="county-17043" label="DuPage County, IL">');
    expect(all['gexf']).toMatch(/<edge id="e1" source="county-17043" target="county-17031">/);
    expect(all['gexf']).toContain('<attvalue for="value" value="1000000"/>');
    expect(all['graphml']).toMatch(/<edge id="e0" source="county-17031" target="county-17031">/);
    expect(all['graphml']!.match(/<edge /g)).toHaveLength(2);
    expect(all['graphml']!.match(/<node /g)).toHaveLength(10);
  });

  it('the control: a full copy holds what the public copy removes, so the search above can fail', async () => {
    const all = await allOutputs(redactBundle(publicCase(), { profile: 'full' }));
    for (const secret of ['Quillfeather', 'Quiverleaf', 'C4G3Z', 'NOTE-PX4', 'AS9100', '41.8712', '4321'])
      expect(all['bundle'], secret).toContain(secret);
    expect(all['bundle']).toContain('7654321');
  });

  it('loads back as a valid bundle, stays public when asked for less, and refuses a public copy without aggregates', () => {
    const copy = publicCopy();
    const text = exportBundleJson(copy);
    const loaded = loadBundle(parseJson(text, 'x.json').value);
    expect(loaded.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(loaded.value!.meta.sharing).toEqual(copy.meta.sharing);
    const again = redactBundle(loaded.value!, { profile: 'partner', marking: 'Second' });
    expect(again.meta.sharing).toEqual({ ...copy.meta.sharing, marking: 'Second' });
    expect(again.organizations).toEqual(copy.organizations);

    const json = JSON.parse(text) as { meta: { sharing: { public?: unknown } } };
    delete json.meta.sharing.public;
    const stripped = loadBundle(json);
    expect(stripped.value).toBeNull();
    expect(stripped.issues.map((i) => i.message).join(' ')).toMatch(
      /public copy must carry its county aggregates/,
    );
  });

  it('without county shapes, it knows counties from records only and names them by code', () => {
    const copy = redactBundle(publicCase(), { profile: 'public' });
    expect(copy.organizations[0]!.name).toBe('Prime 1 (33 · county 17031)');
    expect(copy.organizations[0]!.lat).toBeUndefined();
    expect(copy.meta.sharing!.public!.gaps).toBeUndefined();
  });

  it('shows the carried gap list for its region only, suppressed values as NaN, and nothing firm-level', () => {
    const copy = publicCopy();
    const base = testAnalysis({ region: 'chicago', regionOrganizations: 8, tiers: { x: 1 } });
    const shown = carriedAnalysis(copy, 'chicago', base)!;
    expect(shown.regionOrganizations).toBe(8);
    expect(shown.gaps.map((gap) => gap.capability)).toEqual(['332710', 'precision-machining']);
    const [machining, precision] = shown.gaps;
    expect([machining!.localSuppliers, machining!.trainers, machining!.demand, machining!.leakage]).toEqual([
      Number.NaN,
      Number.NaN,
      Number.NaN,
      Number.NaN,
    ]);
    expect(machining!.importedValue).toBe(1_000_000);
    expect(precision!.localSuppliers).toBe(5);
    expect(carriedAnalysis(copy, 'elsewhere', { ...base, region: 'elsewhere' })!.gaps).toEqual([]);
    // A copy that is not public is shown as analysed.
    expect(carriedAnalysis(publicCase(), 'chicago', base)).toBe(base);
  });

  it('says what a public view is and what it left out', () => {
    expect(sharingNotice(publicCopy().meta.sharing)).toMatch(
      /^Public view: no firm is named; .*left out: 1 organizations of counties with fewer than 3 firms, 1 without a county, 3 flows of fewer than 3 firms · Public — cleared$/,
    );
  });
});

describe('county places', () => {
  it('names counties, parishes, independent cities and boroughs as people write them', () => {
    expect(
      [
        ['Cook', '17031'],
        ['Orleans', '22071'],
        ['Baltimore', '24510'],
        ['Baltimore', '24005'],
        ['Carson City', '32510'],
        ['Anchorage', '02020'],
      ].map(([name, fips]) => countyLabel(name!, fips!)),
    ).toEqual([
      'Cook County, IL',
      'Orleans Parish, LA',
      'Baltimore city, MD',
      'Baltimore County, MD',
      'Carson City, NV',
      'Anchorage, AK',
    ]);
  });

  it('finds labels and centroids in the shipped county shapes', async () => {
    const places = countyPlaces(await loadCountyTopology());
    expect(places.label('17031')).toBe('Cook County, IL');
    const [lon, lat] = places.centroid('17031')!;
    // Cook County spans about 88.26°–87.52° W and 41.47°–42.15° N.
    expect(lon).toBeGreaterThan(-88.26);
    expect(lon).toBeLessThan(-87.52);
    expect(lat).toBeGreaterThan(41.47);
    expect(lat).toBeLessThan(42.15);
    expect(places.label('99999')).toBeNull();
  });
});

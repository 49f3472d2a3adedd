// Reference tables: the shipped files in data/reference/ validate and agree with each other, known facts
// hold (Peoria's counties, Cook County, Machine Shops, ZIP 60601), and broken rows are rejected by path.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CountyFips } from '../domain/ids.ts';
import { formatIssue } from '../domain/issues.ts';
import type { ReferenceKind, ReferenceTableTypes } from './reference-schemas.ts';
import {
  REFERENCE_KINDS,
  checkCountyStates,
  checkRegionCounties,
  checkStateCodes,
  checkZipCounties,
  isNaicsTitle,
  naicsTitleSchemaAccepts,
  parseReferenceTable,
} from './reference-schemas.ts';

function readShipped(kind: ReferenceKind): unknown {
  return JSON.parse(readFileSync(new URL(`../../data/reference/${kind}.json`, import.meta.url), 'utf8'));
}

/** Parses a shipped table for the fact checks; the first describe reports its issues one by one. */
function shipped<K extends ReferenceKind>(kind: K): ReferenceTableTypes[K] {
  const { value } = parseReferenceTable(kind, readShipped(kind));
  if (value === null) throw new Error(`${kind}.json did not parse`);
  return value;
}

/** A fresh, mutable copy of a shipped file for breaking on purpose. */
function copyOf(kind: ReferenceKind): { rows: Record<string, unknown>[] } & Record<string, unknown> {
  return structuredClone(readShipped(kind)) as { rows: Record<string, unknown>[] } & Record<string, unknown>;
}

const states = shipped('states');
const counties = shipped('counties');
const naics = shipped('naics2017');
const zips = shipped('zips');
const regions = shipped('regions');
const mep = shipped('mep-centers');

const region = (id: string) => {
  const found = regions.rows.find((r) => r.id === id);
  if (found === undefined) throw new Error(`no region ${id}`);
  return found;
};
const countyName = new Map(counties.rows.map((c) => [c.fips as string, `${c.name}, ${c.state}`]));

describe('shipped reference files', () => {
  it.each(REFERENCE_KINDS)('%s.json validates with no issues', (kind) => {
    const { value, issues } = parseReferenceTable(kind, readShipped(kind));
    expect(issues.map(formatIssue)).toEqual([]);
    expect(value?.table).toBe(kind);
  });

  it('generated tables carry table-level provenance', () => {
    for (const table of [states, counties, naics, zips]) {
      expect(table.source).toMatch(/@\d+\.\d+\.\d+/);
      expect(table.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(table.license).not.toBe('');
      expect(table.note).toContain('every row');
    }
  });

  it('agree with each other: counties ↔ states, regions ↔ counties, ZIPs ↔ counties, state codes', () => {
    expect(checkCountyStates(counties.rows, states.rows)).toEqual([]);
    expect(checkRegionCounties(regions.rows, counties.rows)).toEqual([]);
    expect(checkZipCounties(zips.rows, counties.rows)).toEqual([]);
    expect(checkStateCodes(regions.rows, states.rows)).toEqual([]);
    expect(checkStateCodes(mep.rows, states.rows)).toEqual([]);
  });

  it('sizes: 56 states and territories, 3,231 counties, 2,196 NAICS codes, over 39,000 ZIPs', () => {
    expect(states.rows).toHaveLength(56);
    expect(counties.rows).toHaveLength(3231);
    expect(Object.keys(naics.rows)).toHaveLength(2196);
    expect(zips.rows.length).toBeGreaterThan(39_000);
  });
});

describe('known facts', () => {
  it('Cook County 17031 is "Cook" in IL; state 17 is Illinois', () => {
    expect(counties.rows.find((c) => c.fips === '17031')).toEqual({
      fips: '17031',
      name: 'Cook',
      state: 'IL',
    });
    expect(states.rows.find((s) => s.fips === '17')).toEqual({ fips: '17', abbr: 'IL', name: 'Illinois' });
  });

  it('NAICS 332710 is "Machine Shops"; titles carry no trailing trilateral "T"', () => {
    expect(naics.rows['332710']).toBe('Machine Shops');
    expect(naics.rows['31-33']).toBe('Manufacturing');
    expect(naics.rows['331']).toBe('Primary Metal Manufacturing');
    expect(naics.rows['33271']).toBe('Machine Shops');
    expect(naics.rows['81']).toBe('Other Services (except Public Administration)');
    // The source has sectors only as ranges: "33" is not a key of its own.
    expect(naics.rows['33']).toBeUndefined();
    expect(Object.values(naics.rows).filter((t) => /[a-z)]T$/.test(t))).toEqual([]);
  });

  it('ZIP 60601 maps to Cook County (17031), Chicago, IL', () => {
    expect(zips.rows.find((r) => r[0] === '60601')).toEqual([
      '60601',
      41.8858,
      -87.6181,
      '17031',
      'Chicago',
      'IL',
    ]);
  });

  it('there are 24 IMCP communities, 12 per round', () => {
    const imcp = regions.rows.filter((r) => r.program === 'IMCP');
    expect(imcp).toHaveLength(24);
    expect(imcp.filter((r) => r.round === 1)).toHaveLength(12);
    expect(imcp.filter((r) => r.round === 2)).toHaveLength(12);
  });

  it('DMCSP rows plus the unlisted ones make 23 communities: 6, 5, 6, 6 by year', () => {
    const byYear = new Map<number, number>();
    for (const r of regions.rows)
      if (r.program === 'DMCSP') byYear.set(r.year ?? 0, (byYear.get(r.year ?? 0) ?? 0) + 1);
    for (const u of regions.unlisted ?? []) byYear.set(u.year ?? 0, (byYear.get(u.year ?? 0) ?? 0) + u.count);
    expect([...byYear.entries()].sort()).toEqual([
      [2020, 6],
      [2021, 5],
      [2022, 6],
      [2023, 6],
    ]);
  });

  it.each([
    ['imcp-greater-peoria', ['Peoria, IL', 'Tazewell, IL', 'Mason, IL', 'Woodford, IL', 'Logan, IL']],
    [
      'imcp-southwest-alabama',
      ['Baldwin', 'Choctaw', 'Clarke', 'Conecuh', 'Escambia', 'Mobile', 'Monroe', 'Washington'].map(
        (n) => `${n}, AL`,
      ),
    ],
    [
      'imcp-milwaukee-7',
      ['Kenosha', 'Milwaukee', 'Ozaukee', 'Racine', 'Walworth', 'Washington', 'Waukesha'].map(
        (n) => `${n}, WI`,
      ),
    ],
    [
      'imcp-washington-aerospace',
      ['Clallam', 'Snohomish', 'King', 'Pierce', 'Grant', 'Lincoln', 'Spokane'].map((n) => `${n}, WA`),
    ],
  ])('%s has exactly the counties the sources name', (id, names) => {
    const row = region(id);
    expect(row.countiesStatus).toBe('confirmed');
    expect(row.counties.map((f) => countyName.get(f)).sort()).toEqual([...names].sort());
  });

  it("Greater Peoria's counties are 17143, 17179, 17125, 17203, 17107", () => {
    expect([...region('imcp-greater-peoria').counties].sort()).toEqual([
      '17107',
      '17125',
      '17143',
      '17179',
      '17203',
    ]);
  });

  it('Chicago Metro Metal uses the 7 CMAP counties, marked as assumed', () => {
    const row = region('imcp-chicago-metro-metal');
    expect(row.countiesStatus).toBe('assumed');
    expect(row.unconfirmed).toContain('counties');
    expect([...row.counties].sort()).toEqual(['17031', '17043', '17089', '17093', '17097', '17111', '17197']);
  });

  it('regions without named counties leave them empty instead of guessing', () => {
    const withCounties = regions.rows.filter((r) => r.counties.length > 0).map((r) => r.id);
    expect(withCounties.sort()).toEqual([
      'imcp-chicago-metro-metal',
      'imcp-greater-peoria',
      'imcp-milwaukee-7',
      'imcp-southwest-alabama',
      'imcp-washington-aerospace',
    ]);
  });

  it('unconfirmed leads are null and marked: Central Valley and three 2023 DMCSP consortia', () => {
    const noLead = regions.rows.filter((r) => r.lead === null).map((r) => r.id);
    expect(noLead.sort()).toEqual([
      'dmcsp-2023-michigan-defense-resiliency',
      'dmcsp-2023-missouri',
      'dmcsp-2023-ny-space',
      'imcp-central-valley-agplus',
    ]);
    for (const id of noLead) expect(region(id).unconfirmed).toContain('lead');
  });

  it('MEP centers cover the 50 states and Puerto Rico; Alaska and Arizona are unnamed and marked', () => {
    expect(new Set(mep.rows.map((r) => r.state)).size).toBe(51);
    for (const state of ['AK', 'AZ']) {
      const row = mep.rows.find((r) => r.state === state);
      expect(row?.name).toBeNull();
      expect(row?.unconfirmed).toEqual(['name', 'city']);
    }
    expect(mep.rows.filter((r) => r.state === 'PA')).toHaveLength(7);
    expect(mep.rows.filter((r) => r.state === 'NY')).toHaveLength(11);
  });
});

describe('broken rows are rejected with their path', () => {
  type Case = [
    name: string,
    kind: ReferenceKind,
    breakIt: (doc: ReturnType<typeof copyOf>) => void,
    path: string,
  ];
  const cases: Case[] = [
    [
      'a 4-digit county in a region',
      'regions',
      (d) => ((d.rows[3]!.counties as string[])[1] = '1703'),
      'rows[3].counties[1]',
    ],
    [
      'a county given as a number',
      'regions',
      (d) => ((d.rows[0]!.counties as unknown[])[0] = 1003),
      'rows[0].counties[0]',
    ],
    [
      'counties filled in while unknown',
      'regions',
      (d) => (d.rows[1]!.counties = ['06037']),
      'rows[1].counties',
    ],
    ['a null lead not marked unconfirmed', 'regions', (d) => (d.rows[0]!.lead = null), 'rows[0].lead'],
    ['an IMCP row with a year', 'regions', (d) => (d.rows[0]!.year = 2014), 'rows[0].year'],
    ['an unknown program', 'regions', (d) => (d.rows[2]!.program = 'AMCC'), 'rows[2].program'],
    ['an unknown field', 'regions', (d) => (d.rows[2]!.counti = []), 'rows[2]'],
    ['an impossible asOf date', 'regions', (d) => (d.rows[4]!.asOf = '2014-02-30'), 'rows[4].asOf'],
    [
      'unconfirmed naming a missing field',
      'regions',
      (d) => (d.rows[0]!.unconfirmed = ['grant']),
      'rows[0].unconfirmed[0]',
    ],
    ['a duplicate region id', 'regions', (d) => (d.rows[5]!.id = d.rows[4]!.id), 'rows[5].id'],
    ['a lowercase state', 'counties', (d) => (d.rows[10]!.state = 'al'), 'rows[10].state'],
    ['a duplicate county', 'counties', (d) => (d.rows[2]!.fips = d.rows[1]!.fips), 'rows[2].fips'],
    [
      'a county name with a trailing space',
      'counties',
      (d) => (d.rows[0]!.name = 'Autauga '),
      'rows[0].name',
    ],
    ['a 3-digit state FIPS', 'states', (d) => (d.rows[0]!.fips = '001'), 'rows[0].fips'],
    ['a duplicate state abbreviation', 'states', (d) => (d.rows[1]!.abbr = d.rows[0]!.abbr), 'rows[1].abbr'],
    ['a latitude of 291', 'zips', (d) => ((d.rows[2] as unknown as unknown[])[1] = 291), 'rows[2][1]'],
    [
      'a ZIP that lost its leading zero',
      'zips',
      (d) => ((d.rows[0] as unknown as unknown[])[0] = '501'),
      'rows[0][0]',
    ],
    [
      'a short ZIP row',
      'zips',
      (d) => (d.rows[4] = ['60601', 41.9] as unknown as Record<string, unknown>),
      'rows[4]',
    ],
    ['ZIP rows out of order', 'zips', (d) => d.rows.reverse(), 'rows[1]'],
    [
      'a NAICS title with the marker left on',
      'naics2017',
      (d) => ((d.rows as unknown as Record<string, string>)['331'] = 'Primary Metal ManufacturingT'),
      'rows.331',
    ],
    [
      'a NAICS key that is not a code',
      'naics2017',
      (d) => ((d.rows as unknown as Record<string, string>)['33x'] = 'Machine Shops'),
      'rows.33x',
    ],
    [
      'a null MEP name not marked unconfirmed',
      'mep-centers',
      // rows[0] is Alaska, whose name is already null and marked; rows[1] is Alabama.
      (d) => (d.rows[1]!.name = null),
      'rows[1].name',
    ],
    ['an MEP id from another state', 'mep-centers', (d) => (d.rows[0]!.id = 'mep-zz-x'), 'rows[0].id'],
  ];

  it.each(cases)('%s', (_name, kind, breakIt, path) => {
    const doc = copyOf(kind);
    breakIt(doc);
    const { value, issues } = parseReferenceTable(kind, doc);
    expect(value).not.toBeNull();
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.map((i) => i.path)).toContain(path);
    expect(issues.every((i) => i.severity === 'error' && i.message.length > 0)).toBe(true);
  });

  it('a rejected row is left out and the other rows are kept', () => {
    const doc = copyOf('counties');
    doc.rows[0]!.fips = 'x';
    const { value } = parseReferenceTable('counties', doc);
    expect(value?.rows).toHaveLength(3230);
  });

  it.each([
    ['null', null],
    ['a list', []],
    ['text', 'states'],
    ['no rows', { table: 'states', source: 's', asOf: '2017-01-01', license: 'l' }],
    ['the wrong table', { table: 'counties', source: 's', asOf: '2017-01-01', license: 'l', rows: [] }],
  ])('a states table that is %s gives no value and an error, without throwing', (_name, raw) => {
    const { value, issues } = parseReferenceTable('states', raw);
    expect(value).toBeNull();
    expect(issues.some((i) => i.severity === 'error')).toBe(true);
  });
});

describe('checkRegionCounties', () => {
  const table = [
    { fips: '17031', name: 'Cook', state: 'IL' },
    { fips: '55079', name: 'Milwaukee', state: 'WI' },
  ] as const;
  const parsedCounties = parseReferenceTable('counties', {
    table: 'counties',
    source: 's',
    asOf: '2017-01-01',
    license: 'l',
    rows: table,
  }).value!.rows;
  const base = { ...region('imcp-chicago-metro-metal') };

  it('accepts counties that exist in one of the region states', () => {
    expect(checkRegionCounties([{ ...base, counties: [parsedCounties[0]!.fips] }], parsedCounties)).toEqual(
      [],
    );
  });

  it('flags a county missing from the county table', () => {
    const issues = checkRegionCounties(
      [{ ...base, counties: [parsedCounties[0]!.fips, '17999' as CountyFips] }],
      parsedCounties,
    );
    expect(issues.map((i) => i.path)).toEqual(['rows[0].counties[1]']);
    expect(issues[0]?.message).toContain('17999');
  });

  it('flags a county outside the region states', () => {
    const issues = checkRegionCounties([{ ...base, counties: [parsedCounties[1]!.fips] }], parsedCounties);
    expect(issues.map((i) => i.path)).toEqual(['rows[0].counties[0]']);
    expect(issues[0]?.message).toContain('outside the states');
  });
});

describe('isNaicsTitle (the titles read without zod)', () => {
  it('accepts exactly what the NAICS title schema accepts', () => {
    const candidates: unknown[] = [
      ...Object.values(naics.rows),
      '',
      ' ',
      'Machine Shops',
      ' Machine Shops',
      'Machine Shops ',
      '\tMachine Shops',
      'Machine Shops\n',
      '\u00a0Machine Shops',
      'x'.repeat(300),
      'x'.repeat(301),
      'Primary Metal ManufacturingT',
      'Services (except Public Administration)T',
      'AT',
      'T',
      'NAICS T',
      'Tool Manufacturing',
      null,
      undefined,
      331,
      ['Machine Shops'],
      { title: 'Machine Shops' },
    ];
    for (const title of candidates)
      expect([title, isNaicsTitle(title)]).toEqual([title, naicsTitleSchemaAccepts(title)]);
    // Both verdicts occur: the comparison is not trivially true.
    expect(new Set(candidates.map((title) => isNaicsTitle(title)))).toEqual(new Set([true, false]));
  });

  it.each([
    ['a list', []],
    ['text', 'rows'],
    ['null', null],
    ['a map', new Map([['331', 'Primary Metal Manufacturing']])],
  ])('rejects a NAICS table whose rows are %s, with its message', (_name, rows) => {
    const doc = { ...copyOf('naics2017'), rows };
    const { value, issues } = parseReferenceTable('naics2017', doc);
    expect(value).toBeNull();
    expect(issues.map((i) => i.message)).toEqual([
      expect.stringMatching(/^rows must be an object of code → title/),
    ]);
  });
});

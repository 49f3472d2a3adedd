import { describe, expect, it } from 'vitest';
import { loadBundle } from './load-bundle.ts';
import { migrateBundle } from './migrate.ts';
import type { MigrationStep } from './migrate.ts';
import { formatIssue } from '../domain/issues.ts';

/** A small valid bundle; each test builds its own copy so no test sees another's changes. */
function validBundle(): Record<string, unknown> {
  return {
    format: 'forgemap.bundle',
    version: 1,
    meta: {
      id: 'tiny',
      title: 'Tiny',
      source: 'hand-written test fixture',
      license: 'CC0-1.0',
      asOf: '2026-01-01',
      synthetic: true,
      homeRegion: 'r1',
    },
    organizations: [
      { id: 'p', name: 'Prime Co', kind: 'prime', county: '17031', lat: 41.88, lon: -87.63 },
      {
        id: 'a',
        name: 'Alpha Machining',
        kind: 'manufacturer',
        naics: ['332710'],
        zip: '60601',
        uei: 'ABCDEFGH1234',
      },
      { id: 't', name: 'Tech College', kind: 'training', trains: ['332710', 'nadcap-heat-treat'] },
    ],
    links: [{ source: 'a', target: 'p', kind: 'supplies', capability: '332710', value: 250000, year: 2025 }],
    capabilities: [{ id: 'nadcap-heat-treat', label: 'Nadcap heat treating', naics: '332811' }],
    regions: [{ id: 'r1', name: 'Region One', program: 'IMCP', counties: ['17031'] }],
  };
}

function withOrg(change: Record<string, unknown>, index = 1) {
  const bundle = validBundle();
  const orgs = bundle.organizations as Record<string, unknown>[];
  orgs[index] = { ...orgs[index], ...change };
  return bundle;
}

const errorsOf = (raw: unknown) => loadBundle(raw).issues.filter((i) => i.severity === 'error');

describe('loadBundle', () => {
  it('accepts a valid bundle with no issues and fills list defaults', () => {
    const { value, issues } = loadBundle(validBundle());
    expect(issues).toEqual([]);
    expect(value?.organizations).toHaveLength(3);
    expect(value?.organizations[0]?.naics).toEqual([]);
    expect(value?.organizations[0]?.needs).toEqual([]);
    expect(value?.meta.description).toBe('');
    expect(value?.links[0]?.value).toBe(250000);
  });

  it.each([
    [
      'a latitude out of range',
      { lat: 291.3, lon: 0 },
      'organizations[1].lat',
      'latitude 291.3 is outside -90…90',
    ],
    [
      'a NaN-like text latitude',
      { lat: 'NaN', lon: 0 },
      'organizations[1].lat',
      'latitude must be a number, found "NaN"',
    ],
    [
      'a 5-digit NAICS code',
      { naics: ['33271'] },
      'organizations[1].naics[0]',
      'NAICS code "33271" is not a 6-digit NAICS code',
    ],
    [
      'a 4-digit county',
      { county: '1703' },
      'organizations[1].county',
      'county "1703" is not a 5-digit county FIPS code',
    ],
    [
      'an unknown kind',
      { kind: 'factory' },
      'organizations[1].kind',
      'kind "factory" is not one of prime, manufacturer, training, support',
    ],
    ['a missing name', { name: undefined }, 'organizations[1].name', 'name is missing'],
    ['a blank name', { name: '   ' }, 'organizations[1].name', 'name is empty'],
    ['a bad ZIP', { zip: '6060' }, 'organizations[1].zip', 'ZIP "6060" is not a 5-digit ZIP or ZIP+4'],
    [
      'fractional employees',
      { employees: 12.5 },
      'organizations[1].employees',
      'employees must be a whole number',
    ],
  ])('rejects an organization with %s, naming the path', (_case, change, path, message) => {
    const { value, issues } = loadBundle(withOrg(change));
    const error = issues.find((i) => i.severity === 'error');
    expect(error?.path).toBe(path);
    expect(error?.message).toContain(message);
    // The rest of the bundle survives: the bad firm is rejected, the other two are kept.
    expect(value?.organizations.map((o) => o.id)).toEqual(['p', 't']);
  });

  it('rejects a link to an unknown organization and keeps the others', () => {
    const bundle = validBundle();
    (bundle.links as unknown[]).push({ source: 'ghost', target: 'p', kind: 'supplies' });
    const { value, issues } = loadBundle(bundle);
    expect(value?.links).toHaveLength(1);
    expect(issues).toEqual([
      expect.objectContaining({
        severity: 'error',
        path: 'links[1]',
        message: expect.stringContaining('"ghost"'),
      }),
    ]);
  });

  it('rejects the second of two organizations with the same id', () => {
    const bundle = validBundle();
    (bundle.organizations as unknown[]).push({
      id: 'a',
      name: 'Alpha Machining again',
      kind: 'manufacturer',
    });
    const { value, issues } = loadBundle(bundle);
    expect(value?.organizations.filter((o) => o.id === 'a').map((o) => o.name)).toEqual(['Alpha Machining']);
    expect(issues[0]).toMatchObject({ severity: 'error', path: 'organizations[3].id' });
    expect(issues[0]?.message).toContain('first used at organizations[1]');
  });

  it('warns about capabilities that are neither NAICS codes nor labelled', () => {
    const { issues } = loadBundle(withOrg({ capabilities: ['5-axis-machining'] }));
    expect(issues).toEqual([
      expect.objectContaining({ severity: 'warning', path: 'organizations[1].capabilities[0]' }),
    ]);
  });

  it('warns about unknown fields, including __proto__, without polluting prototypes', () => {
    const raw: unknown = JSON.parse(
      '{"format":"forgemap.bundle","version":1,"meta":{"id":"x","title":"X","source":"s","license":"l","asOf":"2026-01-01","synthetic":false},"organizations":[{"id":"a","name":"A","kind":"support","__proto__":{"polluted":true}}],"links":[]}',
    );
    const { value, issues } = loadBundle(raw);
    expect(value?.organizations).toHaveLength(1);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(issues.map((i) => i.path)).toContain('organizations[0].__proto__');
  });

  it('renders HTML in names as plain data, untouched', () => {
    const { value } = loadBundle(withOrg({ name: '<img src=x onerror=alert(1)>' }));
    expect(value?.organizations[1]?.name).toBe('<img src=x onerror=alert(1)>');
  });

  it('warns when the home region is unknown, and accepts one known from reference data', () => {
    const bundle = validBundle();
    (bundle.meta as Record<string, unknown>).homeRegion = 'imcp-greater-peoria';
    expect(loadBundle(bundle).issues.map((i) => i.path)).toEqual(['meta.homeRegion']);
    expect(loadBundle(bundle, { knownRegionIds: new Set(['imcp-greater-peoria']) }).issues).toEqual([]);
  });

  it('cannot open a bundle whose meta is broken, and says so', () => {
    const bundle = validBundle();
    (bundle.meta as Record<string, unknown>).asOf = '2026-02-30';
    const { value, issues } = loadBundle(bundle);
    expect(value).toBeNull();
    expect(issues.map((i) => i.path)).toEqual(['meta.asOf', 'meta']);
  });

  it.each([
    ['null', null, 'expected a JSON object, found null'],
    ['a list', [], 'found a list'],
    ['a GeoJSON file', { type: 'FeatureCollection' }, '"format" should be "forgemap.bundle"'],
    ['a newer version', { format: 'forgemap.bundle', version: 7 }, 'made by a newer Forgemap'],
    ['a version that is not a number', { format: 'forgemap.bundle', version: 'one' }, 'whole number'],
    [
      'organizations that are not a list',
      { ...validBundle(), organizations: 'none' },
      '"organizations" must be a list',
    ],
  ])('never throws on %s and explains why nothing was loaded', (_case, raw, message) => {
    const { value, issues } = loadBundle(raw);
    expect(value).toBeNull();
    expect(issues.map(formatIssue).join('\n')).toContain(message);
  });

  it('lists at most maxIssuesPerKind issues of one kind, then a count', () => {
    const bundle = validBundle();
    bundle.links = Array.from({ length: 30 }, () => ({ source: 'nobody', target: 'p', kind: 'supplies' }));
    const { issues } = loadBundle(bundle, { maxIssuesPerKind: 5 });
    expect(issues.filter((i) => i.severity === 'error')).toHaveLength(5);
    expect(issues.at(-1)?.message).toMatch(/^25 more issues like/);
  });

  it('flags nothing on the fields it knows', () => {
    expect(errorsOf(validBundle())).toEqual([]);
  });
});

describe('migrateBundle', () => {
  it('passes a current bundle through unchanged', () => {
    const raw = validBundle();
    expect(migrateBundle(raw)).toEqual({ value: raw, issues: [] });
  });

  it('runs each step from the file version to the target in order', () => {
    const steps: Record<number, MigrationStep> = {
      1: (b) => ({ bundle: { ...b, trail: ['1→2'] }, issues: [] }),
      2: (b) => ({ bundle: { ...b, trail: [...(b.trail as string[]), '2→3'] }, issues: [] }),
    };
    const { value, issues } = migrateBundle({ format: 'forgemap.bundle', version: 1 }, steps, 3);
    expect(value).toEqual({ format: 'forgemap.bundle', version: 3, trail: ['1→2', '2→3'] });
    expect(issues).toEqual([{ severity: 'info', message: 'Upgraded the bundle from version 1 to 3.' }]);
  });

  it('reports a missing step instead of guessing', () => {
    const { value, issues } = migrateBundle({ format: 'forgemap.bundle', version: 1 }, {}, 2);
    expect(value).toBeNull();
    expect(issues[0]?.message).toBe('No migration from bundle version 1 to 2.');
  });
});

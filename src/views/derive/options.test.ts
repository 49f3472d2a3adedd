import { describe, expect, it } from 'vitest';
import { createFilterIndex, orgTableOf } from './filter.ts';
import { filterOptions, normalizeText, searchCapabilities, searchOrganizations } from './options.ts';
import { bundleWith, testLabel } from './test-data.ts';

const bundle = bundleWith(
  [
    { id: 'p', kind: 'prime', naics: ['336411'], certifications: ['AS9100'] },
    { id: 'm1', naics: ['332710'], certifications: ['AS9100', 'ITAR'] },
    { id: 'm2', naics: ['332710'], capabilities: ['nadcap-heat-treat'] },
    { id: 'm3', naics: ['333517'] },
  ],
  [['m3', 'p', '332811', 1000]],
);
const options = filterOptions(createFilterIndex(bundle), testLabel);

describe('filterOptions', () => {
  it('lists capabilities with labels and organization counts, most common first', () => {
    expect(options.capabilities).toEqual([
      { id: '332710', label: 'Machine Shops', count: 2 },
      { id: '332811', label: 'Metal Heat Treating', count: 1 },
      { id: '333517', label: 'Machine Tool Manufacturing', count: 1 },
      { id: '336411', label: 'Aircraft Manufacturing', count: 1 },
      { id: 'nadcap-heat-treat', label: 'NADCAP heat treating', count: 1 },
    ]);
  });
  it('lists certifications with counts', () => {
    expect(options.certifications).toEqual([
      { name: 'AS9100', count: 2 },
      { name: 'ITAR', count: 1 },
    ]);
  });
  it('offers the kinds alone from the organizations table, before the rest of the index is built', () => {
    const early = filterOptions(orgTableOf(structuredClone(bundle)), testLabel);
    expect(early.kinds).toEqual(options.kinds);
    expect(early.capabilities).toEqual([]);
    expect(early.certifications).toEqual([]);
  });
  it('counts every kind, absent ones as 0', () => {
    expect(options.kinds).toEqual([
      { kind: 'prime', count: 1 },
      { kind: 'manufacturer', count: 3 },
      { kind: 'training', count: 0 },
      { kind: 'support', count: 0 },
    ]);
  });
});

describe('searchCapabilities', () => {
  const ids = (query: string) => searchCapabilities(options.capabilities, query).map((o) => o.id);
  it.each([
    ['3327', ['332710']],
    ['33', ['332710', '332811', '333517', '336411']],
    ['machine', ['332710', '333517']],
    ['MACH SHO', ['332710']],
    ['heat', ['332811', 'nadcap-heat-treat']],
    ['nadcap', ['nadcap-heat-treat']],
    ['treating metal', ['332811']],
    ['hine', []],
    ['zzz', []],
  ])('"%s" finds %j', (query, expected) => {
    expect(ids(query)).toEqual(expected);
  });
  it('returns the first options for an empty query, up to the limit', () => {
    expect(searchCapabilities(options.capabilities, '  ', 2).map((o) => o.id)).toEqual(['332710', '332811']);
  });
  it('lists code matches before title matches', () => {
    const opts = [
      { id: 'x', label: '3d printing', count: 9 },
      { id: '3d-scan', label: 'Scanning', count: 1 },
    ];
    expect(searchCapabilities(opts, '3d').map((o) => o.id)).toEqual(['3d-scan', 'x']);
  });
});

describe('normalizeText', () => {
  it('drops case, accents and extra spaces', () => {
    expect(normalizeText('  Société   GÉNÉRALE ')).toBe('societe generale');
  });
});

describe('searchOrganizations', () => {
  const names = bundleWith([
    { id: 'a', name: 'Precision Castparts' },
    { id: 'b', name: 'Acme Precision Machining' },
    { id: 'c', name: 'Imprecision Labs' },
    { id: 'd', name: 'Précis Tooling' },
    { id: 'e', name: 'Midwest Gear' },
    { id: 'f', name: '<img src=x onerror=alert(1)>' },
  ]);
  const found = (query: string, limit?: number) =>
    searchOrganizations(names, query, limit).map((i) => names.organizations[i]!.id);
  it('ranks name starts, then word starts, then other matches', () => {
    expect(found('precis')).toEqual(['d', 'a', 'b', 'c']);
  });
  it('is case- and accent-insensitive', () => {
    expect(found('PRÉCISION')).toEqual(['a', 'b', 'c']);
    expect(found('precis tool')).toEqual(['d']);
  });
  it('keeps the best matches within the limit', () => {
    expect(found('precis', 2)).toEqual(['d', 'a']);
  });
  it('finds nothing for an empty query', () => {
    expect(found('   ')).toEqual([]);
  });
  it('matches names with markup as plain text', () => {
    expect(found('<img')).toEqual(['f']);
  });
  it('returns indices into bundle.organizations', () => {
    expect(searchOrganizations(names, 'gear')).toEqual([4]);
  });
});

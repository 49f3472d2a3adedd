import { describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../analysis/types.ts';
import { createFilterIndex, linkArraysOf } from './filter.ts';
import { organizationProfile, safeWebUrl, sortRelations } from './profile.ts';
import type { Relation } from './profile.ts';
import { bundleWith, emptyAnalysis, testView } from './test-data.ts';

const bundle = bundleWith(
  [
    {
      id: 'p',
      kind: 'prime',
      naics: ['336411'],
      name: 'Big Prime',
      needs: [{ capability: '333517', annualValue: 5 }],
    },
    {
      id: 'm',
      name: 'Acme <b>Works</b>',
      naics: ['332710', '332710'],
      capabilities: ['nadcap-heat-treat'],
      certifications: ['AS9100'],
      address: '1 Main St',
      city: 'Chicago',
      state: 'IL',
      zip: '60601',
      employees: 40,
      uei: 'ABCDEF123456',
      cage: '1A2B3',
      website: 'acme.example',
    },
    { id: 'far', name: 'Far Forge', inRegion: false, naics: ['332811'] },
    { id: 'near', name: 'Near Tools', naics: ['333517'] },
    { id: 't', kind: 'training', name: 'City College', trains: ['332710'] },
  ],
  [
    ['m', 'p', '332710', 2_000_000],
    ['far', 'm', undefined, 300_000],
    ['near', 'm', '333517'],
    ['far', 'm', 'nadcap-heat-treat', 900_000],
  ],
);
bundle.links.push({
  source: 't' as never,
  target: 'm' as never,
  kind: 'trains',
  capability: '332710' as never,
});

const analysis: AnalysisResult = {
  ...emptyAnalysis(),
  gaps: [
    { ...stats('332811'), label: 'Metal Heat Treating', flags: ['missing', 'workforce'] },
    { ...stats('332710'), label: 'Machine Shops', flags: ['single-source'] },
    { ...stats('333517'), label: 'Machine Tool Manufacturing', flags: [] },
    { ...stats('nadcap-heat-treat'), label: 'NADCAP heat treating', flags: ['leakage'] },
  ],
  criticalSuppliers: ['m'],
  tiers: { p: 0, m: 1, far: 2, near: 2 },
};

function stats(capability: string) {
  return {
    capability,
    demand: 1,
    demandLinks: 1,
    localValue: 0,
    importedValue: 1,
    leakage: 1,
    localSuppliers: 0,
    hhi: null,
    trainers: 0,
  };
}

describe('organizationProfile', () => {
  const view = testView(bundle, analysis);
  const m = organizationProfile(view, 'm')!;

  it('returns null for an unknown id', () => {
    expect(organizationProfile(view, 'nobody')).toBeNull();
  });
  it('gives identity, location and registration facts as the data has them', () => {
    expect(m.name).toBe('Acme <b>Works</b>');
    expect(m.kind).toBe('manufacturer');
    expect(m.location).toEqual({
      address: '1 Main St',
      city: 'Chicago',
      state: 'IL',
      zip: '60601',
      county: '00001',
      lat: null,
      lon: null,
    });
    expect([m.employees, m.uei, m.cage]).toEqual([40, 'ABCDEF123456', '1A2B3']);
    expect(m.website).toBe('acme.example');
    expect(m.websiteUrl).toBe('https://acme.example/');
  });
  it('labels NAICS codes and capabilities, once each', () => {
    expect(m.naics).toEqual([{ id: '332710', label: 'Machine Shops' }]);
    expect(m.capabilities).toEqual([{ id: 'nadcap-heat-treat', label: 'NADCAP heat treating' }]);
    expect(m.certifications).toEqual(['AS9100']);
  });
  it('reads tier, critical status and region from the analysis', () => {
    expect([m.tier, m.critical, m.inRegion, m.analysed]).toEqual([1, true, true, true]);
    const far = organizationProfile(view, 'far')!;
    expect([far.tier, far.critical, far.inRegion]).toEqual([2, false, false]);
    expect(organizationProfile(view, 't')!.tier).toBeNull();
  });
  it('says nothing about tier, criticality or region before the analysis', () => {
    const bare = organizationProfile(testView(bundle, null), 'm')!;
    expect([bare.tier, bare.critical, bare.inRegion, bare.analysed, bare.gaps]).toEqual([
      null,
      false,
      null,
      false,
      [],
    ]);
  });
  it('lists suppliers on supply links by value, links without value last, trains links left out', () => {
    expect(m.suppliers.map((r) => [r.orgId, r.capability, r.value, r.inRegion])).toEqual([
      ['far', 'nadcap-heat-treat', 900_000, false],
      ['far', '332811', 300_000, false],
      ['near', '333517', null, true],
    ]);
    expect(m.suppliers[1]!.capabilityLabel).toBe('Metal Heat Treating');
  });
  it('lists customers', () => {
    expect(m.customers.map((r) => [r.orgId, r.name, r.kind, r.value])).toEqual([
      ['p', 'Big Prime', 'prime', 2_000_000],
    ]);
  });
  it('lists flagged gaps among what it offers, buys or trains, most severe first', () => {
    expect(m.gaps.map((g) => [g.capability, g.flags, g.roles])).toEqual([
      ['332811', ['missing', 'workforce'], ['buys']],
      ['332710', ['single-source'], ['offers']],
      ['nadcap-heat-treat', ['leakage'], ['offers', 'buys']],
    ]);
    expect(organizationProfile(view, 't')!.gaps.map((g) => [g.capability, g.roles])).toEqual([
      ['332710', ['trains']],
    ]);
  });
  it('counts declared needs as buying', () => {
    const p = organizationProfile(view, 'p')!;
    expect(p.needs).toEqual([{ capability: '333517', label: 'Machine Tool Manufacturing', annualValue: 5 }]);
    expect(p.gaps.map((g) => g.capability)).toEqual(['332710']);
  });
  it('lists what a training organization trains for', () => {
    expect(organizationProfile(view, 't')!.trains).toEqual([{ id: '332710', label: 'Machine Shops' }]);
  });
  it('lists a self-link as both supplier and customer', () => {
    const self = bundleWith([{ id: 'a', naics: ['332710'] }], [['a', 'a', undefined, 10]]);
    const a = organizationProfile(testView(self, emptyAnalysis()), 'a')!;
    expect([a.suppliers.length, a.customers.length, a.suppliers[0]!.capability]).toEqual([1, 1, '332710']);
  });
});

describe('sortRelations', () => {
  const row = (orgId: string, value: number | null, capabilityLabel: string): Relation => ({
    orgId,
    name: orgId,
    kind: 'manufacturer',
    capability: capabilityLabel,
    capabilityLabel,
    value,
    linkKind: 'supplies',
    inRegion: null,
  });
  const rows = () => [row('b', 5, 'Y'), row('a', null, 'Z'), row('c', 9, 'X'), row('d', 5, 'W')];
  it.each([
    ['value', 'desc', ['c', 'b', 'd', 'a']],
    ['value', 'asc', ['b', 'd', 'c', 'a']],
    ['name', 'asc', ['a', 'b', 'c', 'd']],
    ['name', 'desc', ['d', 'c', 'b', 'a']],
    ['capability', 'asc', ['d', 'c', 'b', 'a']],
  ] as const)('by %s %s', (key, direction, expected) => {
    expect(sortRelations(rows(), key, direction).map((r) => r.orgId)).toEqual(expected);
  });
});

describe('safeWebUrl', () => {
  it.each([
    ['https://acme.example/about', 'https://acme.example/about'],
    ['http://acme.example', 'http://acme.example/'],
    ['www.acme.example', 'https://www.acme.example/'],
    ['acme.example/path?q=1', 'https://acme.example/path?q=1'],
    ['javascript:alert(1)', null],
    ['JavaScript:alert(1)', null],
    ['  javascript:alert(1)', null],
    ['data:text/html,<script>alert(1)</script>', null],
    ['ftp://acme.example', null],
    ['https://user:pw@acme.example', null],
    ['not a url', null],
    ['localhost', null],
    ['', null],
  ])('%s → %s', (input, expected) => {
    expect(safeWebUrl(input)).toBe(expected);
  });
});

describe('with the link arrays', () => {
  it('gives the same profile as comparing ids, among 100k links', () => {
    const orgs = Array.from({ length: 10_000 }, (_, i) => ({ id: `o${i}`, naics: ['332710'] }));
    const big = bundleWith(
      orgs,
      Array.from({ length: 100_000 }, (_, l): [string, string, string, number] => [
        `o${(l * 7919) % 10_000}`,
        `o${(l * 104_729) % 10_000}`,
        '332710',
        l,
      ]),
    );
    const view = testView(JSON.parse(JSON.stringify(big)) as typeof big, emptyAnalysis());
    const profile = organizationProfile(view, 'o42')!;
    linkArraysOf(createFilterIndex(view.bundle));
    const again = organizationProfile(view, 'o42')!;
    expect(profile.suppliers.length + profile.customers.length).toBeGreaterThan(0);
    expect(again).toEqual(profile);
  });
});

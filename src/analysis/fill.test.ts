import { describe, expect, it } from 'vitest';
import type { Bundle } from '../domain/model.ts';
import { capabilityNaics, greatCircleKm, regionCentroid, whoCouldFill } from './fill.ts';
import { testBundle } from './test-bundle.ts';
import type { LinkSpec, OrgSpec } from './test-bundle.ts';

const HT = '332811'; // Metal Heat Treating, industry group 3328
const COAT = '332812'; // Metal Coating, 3328
const PLATE = '332813'; // Electroplating, 3328
const MS = '332710'; // Machine Shops, 3327

type Spec = OrgSpec & { certifications?: string[]; at?: [lon: number, lat: number] };

/** A bundle plus its region mask and coordinates (NaN where `at` is not given). */
function setup(specs: Spec[], links: LinkSpec[] = []) {
  const bundle: Bundle = testBundle(specs, links);
  specs.forEach((spec, i) => (bundle.organizations[i]!.certifications = spec.certifications ?? []));
  const inRegion = Uint8Array.from(specs, (s) => ((s.inRegion ?? true) ? 1 : 0));
  const coords = new Float64Array(specs.length * 2).fill(Number.NaN);
  specs.forEach((s, i) => {
    if (s.at !== undefined) [coords[2 * i], coords[2 * i + 1]] = s.at;
  });
  return { bundle, inRegion, coords };
}

// One degree of arc on the 6371.0088 km sphere: 6371.0088 × π / 180.
const ONE_DEGREE_KM = 111.19508;

describe('whoCouldFill: local candidates', () => {
  // H (local) and O (outside) heat-treat; both hold NADCAP-HT, so that is the one required certification
  // (AS9100 and ISO 9001 are held by one each).
  const specs: Spec[] = [
    { id: 'H', naics: [HT], certifications: ['NADCAP-HT', 'AS9100'] },
    { id: 'O', naics: [HT], certifications: ['NADCAP-HT', 'ISO 9001'], inRegion: false },
    { id: 'A', naics: [PLATE] },
    { id: 'B', naics: [MS], certifications: ['NADCAP-HT'] },
    { id: 'C', naics: [MS, COAT], certifications: ['X', 'NADCAP-HT'] },
    { id: 'D', naics: [MS], certifications: ['AS9100'] },
    { id: 'E', naics: [PLATE], certifications: ['NADCAP-HT'], inRegion: false },
    { id: 'P', kind: 'prime', naics: [COAT], certifications: ['NADCAP-HT'] },
    { id: 'T', kind: 'training', naics: [PLATE] },
  ];

  it('lists same-group firms and firms with the shared certifications, both reasons first', () => {
    const { bundle, inRegion, coords } = setup(specs);
    const result = whoCouldFill(bundle, inRegion, coords, HT);
    expect(result.naics).toBe(HT);
    expect(result.industryGroup).toBe('3328');
    expect(result.requiredCertifications).toEqual(['NADCAP-HT']);
    expect(result.localSuppliers).toBe(1);
    expect(result.outsideSuppliers).toBe(1);
    // D has neither reason; E is outside; P is a prime and T a school, not candidate suppliers.
    expect(result.local).toEqual([
      {
        org: 'C',
        name: 'C',
        reasons: ['industry-group', 'certifications'],
        naics: [COAT],
        certifications: ['NADCAP-HT'],
      },
      { org: 'A', name: 'A', reasons: ['industry-group'], naics: [PLATE], certifications: [] },
      { org: 'B', name: 'B', reasons: ['certifications'], naics: [], certifications: ['NADCAP-HT'] },
    ]);
  });

  it('an excluded (what-if removed) supplier no longer sets the required certifications', () => {
    const { bundle, inRegion, coords } = setup(specs);
    const result = whoCouldFill(bundle, inRegion, coords, HT, { exclude: ['H'] });
    // Only O remains: it holds ISO 9001 and NADCAP-HT, which B and C do not both have.
    expect(result.requiredCertifications).toEqual(['ISO 9001', 'NADCAP-HT']);
    expect(result.localSuppliers).toBe(0);
    expect(result.local.map((c) => [c.org, c.reasons])).toEqual([
      ['A', ['industry-group']],
      ['C', ['industry-group']],
    ]);
  });

  it('a firm that supplies the capability on a link is a supplier, not a candidate', () => {
    const { bundle, inRegion, coords } = setup(
      [
        { id: 'P', kind: 'prime' },
        { id: 'L', naics: [COAT] },
        { id: 'M', naics: [HT, MS] },
        { id: 'N', naics: [PLATE] },
      ],
      [
        ['L', 'P', HT, 10],
        ['M', 'P'],
      ],
    );
    const result = whoCouldFill(bundle, inRegion, coords, HT);
    // L sells heat treating on its link; M through its primary NAICS. Only N is left.
    expect(result.localSuppliers).toBe(2);
    expect(result.local.map((c) => c.org)).toEqual(['N']);
  });

  it('lists the local firms that already supply it as able to scale up, most sold first', () => {
    const { bundle, inRegion, coords } = setup(
      [
        { id: 'P', kind: 'prime', naics: [HT] },
        { id: 'L', naics: [COAT] },
        { id: 'M', naics: [HT, MS] },
        { id: 'K', naics: [MS], certifications: [] },
        { id: 'O', naics: [HT], inRegion: false },
      ],
      [
        ['L', 'P', HT, 10],
        ['L', 'P', HT, 5],
        ['M', 'P', undefined, 40],
        ['M', 'M', HT, 1000],
        ['O', 'P', HT, 99],
      ],
    );
    bundle.organizations[3]!.capabilities = [HT] as never;
    const result = whoCouldFill(bundle, inRegion, coords, HT);
    // M sells $40 (its self-link is declared supply, not a sale), L $15, K only declares it: $0. O is
    // outside, and the prime P buys.
    expect(result.scaleUp).toEqual([
      { org: 'M', name: 'M', supplied: 40 },
      { org: 'L', name: 'L', supplied: 15 },
      { org: 'K', name: 'K', supplied: 0 },
    ]);
    // Taken out by the what-if, M is no longer one.
    expect(whoCouldFill(bundle, inRegion, coords, HT, { exclude: ['M'] }).scaleUp.map((c) => c.org)).toEqual([
      'L',
      'K',
    ]);
  });

  it('when the suppliers share no certification, nobody qualifies by certification', () => {
    const { bundle, inRegion, coords } = setup([
      { id: 'H1', naics: [HT], certifications: ['NADCAP-HT'] },
      { id: 'H2', naics: [HT] },
      { id: 'B', naics: [MS], certifications: ['NADCAP-HT'] },
    ]);
    const result = whoCouldFill(bundle, inRegion, coords, HT);
    expect(result.requiredCertifications).toEqual([]);
    expect(result.local).toEqual([]);
  });

  it('a named capability uses the NAICS code the bundle maps it to', () => {
    const { bundle, inRegion, coords } = setup([
      { id: 'N', capabilities: ['nadcap-heat-treat'], certifications: ['NADCAP-HT'] },
      // Heat-treats, but is not Nadcap accredited: the closest candidate there is.
      { id: 'Q', naics: [HT] },
      { id: 'R', naics: [MS] },
    ]);
    bundle.capabilities = [{ id: 'nadcap-heat-treat' as never, label: 'Nadcap heat treating', naics: HT }];
    const result = whoCouldFill(bundle, inRegion, coords, 'nadcap-heat-treat');
    expect(result.naics).toBe(HT);
    expect(result.industryGroup).toBe('3328');
    expect(result.local.map((c) => [c.org, c.reasons, c.naics])).toEqual([['Q', ['industry-group'], [HT]]]);
  });

  it('a capability without a NAICS code has no industry group', () => {
    const { bundle, inRegion, coords } = setup([
      { id: 'W', capabilities: ['widgets'], certifications: ['ITAR'] },
      { id: 'Z', naics: [HT], certifications: ['ITAR'] },
    ]);
    const result = whoCouldFill(bundle, inRegion, coords, 'widgets');
    expect(result.naics).toBeNull();
    expect(result.industryGroup).toBeNull();
    expect(result.local.map((c) => [c.org, c.reasons])).toEqual([['Z', ['certifications']]]);
  });
});

describe('whoCouldFill: nearest outside suppliers', () => {
  // The region's two members at (−1°, 0°) and (1°, 0°): their centroid is (0°, 0°).
  const specs: Spec[] = [
    { id: 'in1', naics: [MS], at: [-1, 0] },
    { id: 'in2', naics: [MS], at: [1, 0] },
    { id: 'far', naics: [HT], inRegion: false, at: [3, 0] },
    { id: 'unplaced', naics: [HT], inRegion: false },
    { id: 'near', naics: [HT], inRegion: false, at: [0, 1] },
    { id: 'mid', naics: [HT], inRegion: false, at: [0, -2] },
  ];

  it('sorts by great-circle distance to the centroid, unplaced last, in km and miles', () => {
    const { bundle, inRegion, coords } = setup(specs);
    const result = whoCouldFill(bundle, inRegion, coords, HT);
    expect(result.centroid?.lon).toBeCloseTo(0, 9);
    expect(result.centroid?.lat).toBeCloseTo(0, 9);
    expect(result.outside.map((s) => s.org)).toEqual(['near', 'mid', 'far', 'unplaced']);
    const [near, mid, far, unplaced] = result.outside;
    expect(near!.km).toBeCloseTo(ONE_DEGREE_KM, 3);
    // 111.19508 km / 1.609344 km per mile.
    expect(near!.miles).toBeCloseTo(69.0934, 3);
    expect(mid!.km).toBeCloseTo(2 * ONE_DEGREE_KM, 3);
    expect(far!.km).toBeCloseTo(3 * ONE_DEGREE_KM, 3);
    expect(unplaced).toMatchObject({ km: null, miles: null });
  });

  it('keeps the nearest `limit` suppliers', () => {
    const { bundle, inRegion, coords } = setup(specs);
    expect(whoCouldFill(bundle, inRegion, coords, HT, { limit: 2 }).outside.map((s) => s.org)).toEqual([
      'near',
      'mid',
    ]);
  });

  it('without an in-region position there is no centroid and no distance', () => {
    const { bundle, inRegion, coords } = setup([
      { id: 'in', naics: [MS] },
      { id: 'out', naics: [HT], inRegion: false, at: [0, 1] },
    ]);
    const result = whoCouldFill(bundle, inRegion, coords, HT);
    expect(result.centroid).toBeNull();
    expect(result.outside).toEqual([{ org: 'out', name: 'out', km: null, miles: null }]);
  });
});

describe('greatCircleKm', () => {
  it.each([
    { a: { lon: 0, lat: 0 }, b: { lon: 0, lat: 0 }, km: 0 },
    { a: { lon: 0, lat: 0 }, b: { lon: 0, lat: 1 }, km: ONE_DEGREE_KM },
    // A quarter of the equator: 6371.0088 × π / 2.
    { a: { lon: 0, lat: 0 }, b: { lon: 90, lat: 0 }, km: 10007.5572 },
    // Across the antimeridian the short way round: 2° of the equator, not 358°.
    { a: { lon: 179, lat: 0 }, b: { lon: -179, lat: 0 }, km: 2 * ONE_DEGREE_KM },
    // Pole to pole: half a great circle, 6371.0088 × π.
    { a: { lon: 10, lat: 90 }, b: { lon: -70, lat: -90 }, km: 20015.1144 },
  ])('($a.lon, $a.lat) → ($b.lon, $b.lat) is $km km', ({ a, b, km }) => {
    expect(greatCircleKm(a, b)).toBeCloseTo(km, 2);
  });
});

describe('regionCentroid', () => {
  it('averages on the sphere, so a region across the antimeridian centres on it', () => {
    const centroid = regionCentroid(Uint8Array.of(1, 1), Float64Array.of(179, 10, -179, 10));
    expect(Math.abs(centroid!.lon)).toBeCloseTo(180, 6);
    // Two points at 10° N, 2° apart: the chord midpoint is a little north of 10°, projected back to 10.0015°.
    expect(centroid!.lat).toBeCloseTo(10.0015, 3);
  });

  it('ignores members without a position and non-members', () => {
    const centroid = regionCentroid(Uint8Array.of(1, 0, 1), Float64Array.of(5, 5, 50, 50, NaN, NaN));
    expect(centroid!.lon).toBeCloseTo(5, 9);
    expect(centroid!.lat).toBeCloseTo(5, 9);
  });
});

describe('capabilityNaics', () => {
  it('is the code itself, the mapped code, or null', () => {
    const { bundle } = setup([]);
    bundle.capabilities = [
      { id: 'mapped' as never, label: 'm', naics: HT },
      { id: 'bad' as never, label: 'b', naics: '3328' },
    ];
    expect(capabilityNaics(bundle, MS)).toBe(MS);
    expect(capabilityNaics(bundle, 'mapped')).toBe(HT);
    expect(capabilityNaics(bundle, 'bad')).toBeNull();
    expect(capabilityNaics(bundle, 'unknown')).toBeNull();
  });
});

// Hand-made bundles for the export tests: the awkward cases a lossless export must carry. Used by tests only.
import type { Bundle, Link, Organization } from '../../domain/model.ts';
import type { CapabilityId, CountyFips, OrgId, RegionId } from '../../domain/ids.ts';
import { testOrganization } from '../../domain/test-organization.ts';
import { decodeEmbedded, encodeEmbedded } from '../embed.ts';
import { exportBundleJson } from './bundle-json.ts';
import { exportOrganizationsGeoJson } from './geojson.ts';
import { exportGexf } from './gexf.ts';
import { exportGraphml } from './graphml.ts';
import { exportOrganizationsCsv } from './organizations-csv.ts';

const org = (fields: Partial<Organization> & Pick<Organization, 'id' | 'name'>): Organization =>
  testOrganization(fields);

/** Names and ids that break naive CSV, JSON, XML and object-key handling; every record valid for loadBundle. */
export function edgeCaseBundle(): Bundle {
  return {
    format: 'forgemap.bundle',
    version: 1,
    meta: {
      id: 'edge-cases',
      title: 'Edge cases <b>&</b> "quotes"',
      description: '',
      source: 'hand-made',
      license: 'CC0-1.0',
      asOf: '2026-01-31',
      synthetic: true,
      homeRegion: 'home' as RegionId,
    },
    organizations: [
      org({
        id: 'full' as OrgId,
        name: 'Acme, "Precision" Works & Sons <Ltd>',
        kind: 'prime',
        lat: 41.878,
        lon: -87.6298,
        address: '1 Main St.\nSuite 2',
        city: 'Chicago',
        state: 'IL',
        zip: '60601-1234',
        county: '17031' as CountyFips,
        naics: ['332710', '336411'],
        capabilities: ['5-axis-machining' as CapabilityId, '332710' as CapabilityId],
        certifications: ['AS9100', 'ITAR'],
        employees: 250,
        uei: 'ABCDEF123456',
        cage: '1A2B3',
        website: 'https://acme.example/?a=1&b=2',
        needs: [{ capability: '332710' as CapabilityId, annualValue: 1_500_000.5 }],
      }),
      org({ id: '__proto__' as OrgId, name: '=HYPERLINK("http://evil.example","x")' }),
      org({
        id: 'constructor' as OrgId,
        name: "O'Brien \t tab, ünïcødé 工厂 🏭 \u2028 \u0001 \uD800 </script>",
      }),
      org({
        id: 'has space/and_x0041_' as OrgId,
        name: '-2+3',
        kind: 'training',
        county: '17043' as CountyFips,
        trains: ['5-axis-machining' as CapabilityId],
        needs: [{ capability: '5-axis-machining' as CapabilityId }],
      }),
    ],
    links: [
      {
        source: 'constructor' as OrgId,
        target: 'full' as OrgId,
        kind: 'supplies',
        capability: '332710' as CapabilityId,
        value: 250_000,
        year: 2025,
      },
      // A parallel link between the same two organizations, and one with no optional field.
      {
        source: 'constructor' as OrgId,
        target: 'full' as OrgId,
        kind: 'subcontract',
        capability: '5-axis-machining' as CapabilityId,
        value: 0.25,
      },
      { source: '__proto__' as OrgId, target: 'full' as OrgId, kind: 'partners' },
      { source: 'has space/and_x0041_' as OrgId, target: '__proto__' as OrgId, kind: 'trains' },
    ],
    capabilities: [
      { id: '5-axis-machining' as CapabilityId, label: '5-axis machining' },
      { id: 'heat-treat' as CapabilityId, label: 'Heat treating', naics: '332811' },
    ],
    regions: [
      { id: 'home' as RegionId, name: 'Home', program: 'IMCP', counties: ['17031' as CountyFips] },
      {
        id: 'full-region' as RegionId,
        name: 'Full',
        program: 'DMCSP',
        counties: [],
        focus: 'aerospace',
        lead: 'Someone',
        designated: '2014',
        source: 'https://example.org',
      },
    ],
  };
}

/** The smallest valid bundle: no records at all. */
export function emptyBundle(): Bundle {
  return {
    format: 'forgemap.bundle',
    version: 1,
    meta: {
      id: 'empty',
      title: 'Empty',
      description: '',
      source: 'hand-made',
      license: 'CC0-1.0',
      asOf: '2026-01-01',
      synthetic: false,
    },
    organizations: [],
    links: [],
    capabilities: [],
    regions: [],
  };
}

/**
 * A plain bundle of 2,000 firms and `links` links (a generous 220,000 makes its export just over the size at
 * which the import worker parses links on two cores), with one link to a firm that does not exist near
 * the end (where the helper's part is). Deterministic.
 */
export function bigBundle(links = 220_000): Bundle {
  const organizations: Organization[] = Array.from({ length: 2000 }, (_, i) =>
    org({
      id: `org-${i}` as OrgId,
      name: `Firm ${i}`,
      kind: i % 50 === 0 ? 'prime' : 'manufacturer',
      county: '17031' as CountyFips,
      lat: 41.6 + (i % 40) / 100,
      lon: -87.9 + Math.floor(i / 40) / 200,
      naics: ['332710'],
    }),
  );
  const list: Link[] = [];
  for (let i = 0; list.length < links; i++) {
    const link: Link = {
      source: `org-${(i * 7919) % 2000}` as OrgId,
      target: `org-${(i % 40) * 50}` as OrgId,
      kind: 'supplies',
      capability: '332710' as CapabilityId,
    };
    if (i % 3 !== 0) link.value = (i * 104_729) % 9_000_000;
    if (i % 2 === 0) link.year = 2000 + (i % 25);
    list.push(link);
  }
  list[list.length - 10] = { source: 'org-1' as OrgId, target: 'nobody' as OrgId, kind: 'supplies' };
  return {
    format: 'forgemap.bundle',
    version: 1,
    meta: {
      id: 'big-test',
      title: 'Big test bundle',
      description: 'Generated for tests of big imports.',
      source: 'src/io/export/test-bundles.ts',
      license: 'CC0-1.0',
      asOf: '2026-01-01',
      synthetic: true,
    },
    organizations,
    links: list,
    capabilities: [],
    regions: [],
  };
}

/** A bundle whose every identifier, contact, note and dollar value is a string found nowhere else. */
export function secretive(): Bundle {
  return {
    format: 'forgemap.bundle',
    version: 1,
    meta: {
      id: 'secretive',
      title: 'Secretive sample',
      description: 'NOTE-QZ7 the prime is renegotiating',
      source: 'hand-made',
      license: 'CC0-1.0',
      asOf: '2026-11-30',
      synthetic: true,
      dod: {
        rule: 'hand-made',
        firms: 2,
        years: [{ fiscalYear: 2024, region: 98_765_432.5, state: 876_543_219, firms: 2 }],
      },
    },
    organizations: [
      testOrganization({
        id: 'p1' as OrgId,
        name: 'Quillfeather Defense Systems',
        kind: 'prime',
        lat: 41.5,
        lon: -87.5,
        address: '4417 Zephyrquarry Road',
        city: 'Chicago',
        state: 'IL',
        zip: '60601',
        county: '17031' as CountyFips,
        naics: ['336411'],
        uei: 'UEIQX7Z9K2L4',
        cage: 'C4G3Z',
        website: 'https://zephyrsecret.example/contact',
        needs: [{ capability: '332710' as CapabilityId, annualValue: 8_765_431 }],
      }),
      testOrganization({
        id: 's1' as OrgId,
        name: 'Marrowbend Machining',
        naics: ['332710'],
        uei: 'UEIMM4488JJQ',
        cage: 'Q9Z8X',
        website: 'https://marrowbend.example',
        address: '12 Vexhollow Lane',
      }),
    ],
    links: [
      { source: 's1' as OrgId, target: 'p1' as OrgId, kind: 'supplies', value: 7_654_321, year: 2024 },
      { source: 's1' as OrgId, target: 'p1' as OrgId, kind: 'subcontract', value: 345_678.5 },
      { source: 's1' as OrgId, target: 'p1' as OrgId, kind: 'supplies', value: 123_456_789 },
    ],
    capabilities: [],
    regions: [],
  };
}

/** What the partner profile removes from `secretive()`: no output of it may hold one. */
export const REMOVED_TEXT = [
  'NOTE-QZ7',
  'Zephyrquarry',
  'UEIQX7Z9K2L4',
  'C4G3Z',
  'zephyrsecret',
  'UEIMM4488JJQ',
  'Q9Z8X',
  'marrowbend.example',
  'Vexhollow',
];
export const REMOVED_VALUES = [7_654_321, 345_678.5, 123_456_789, 8_765_431, 98_765_432.5, 876_543_219];

/** Every way an output could spell a value: as JSON writes it, with US separators, and as bare digits. */
export function spellings(value: number): string[] {
  return [String(value), value.toLocaleString('en-US'), String(value).replace('.', '')];
}

/**
 * Eleven firms for the public profile: Cook County (17031) has a prime, three machine shops and a college;
 * DuPage (17043) three shops; Kane (17089) one shop, a cell too small to show; one shop has no county at all.
 * Every name, id, identifier, street and dollar value is a string found nowhere else.
 */
export function publicCase(): Bundle {
  const cook = '17031' as CountyFips;
  const dupage = '17043' as CountyFips;
  const shop = (
    id: string,
    name: string,
    county: CountyFips | undefined,
    naics: string,
    more: Partial<Organization> = {},
  ) =>
    testOrganization({
      id: id as OrgId,
      name,
      kind: 'manufacturer',
      ...(county === undefined ? {} : { county }),
      naics: [naics],
      uei: `UEIX${id.slice(4).toUpperCase()}QQQQQQQQ`.slice(0, 12),
      address: `${id} Quiverleaf Street`,
      ...more,
    });
  const link = (source: string, target: string, value: number, kind: Link['kind'] = 'supplies'): Link => ({
    source: source as OrgId,
    target: target as OrgId,
    kind,
    value,
  });
  return {
    format: 'forgemap.bundle',
    version: 1,
    meta: {
      id: 'public-case',
      title: 'Public case',
      description: 'NOTE-PX4 renegotiation',
      source: 'hand-made',
      license: 'CC0-1.0',
      asOf: '2026-11-30',
      synthetic: true,
      homeRegion: 'chicago' as RegionId,
      dod: {
        rule: 'hand-made',
        firms: 2,
        years: [{ fiscalYear: 2024, region: 98_765_432.5, state: 876_543_219, firms: 2 }],
      },
    },
    organizations: [
      testOrganization({
        id: 'org-quillfeather' as OrgId,
        name: 'Quillfeather Defense Systems',
        kind: 'prime',
        lat: 41.8712,
        lon: -87.6543,
        zip: '60607',
        city: 'Chicago',
        county: cook,
        naics: ['336411'],
        cage: 'C4G3Z',
        employees: 4321,
        needs: [{ capability: '332710' as CapabilityId, annualValue: 8_765_431 }],
      }),
      shop('org-marrowbend', 'Marrowbend Machining', cook, '332710', {
        capabilities: ['precision-machining' as CapabilityId, 'cryo-lapping' as CapabilityId],
        certifications: ['AS9100'],
      }),
      shop('org-tessellate', 'Tessellate Tooling', cook, '332710', {
        capabilities: ['precision-machining' as CapabilityId],
      }),
      shop('org-gantrywise', 'Gantrywise Forming', cook, '332720', {
        capabilities: ['precision-machining' as CapabilityId],
      }),
      testOrganization({
        id: 'org-brinkhollow' as OrgId,
        name: 'Brinkhollow Technical College',
        kind: 'training',
        county: cook,
        naics: ['611519'],
        trains: ['332710' as CapabilityId],
      }),
      shop('org-ferrowick', 'Ferrowick Metals', dupage, '332710'),
      shop('org-lumenstrake', 'Lumenstrake Parts', dupage, '332710'),
      shop('org-oxbowry', 'Oxbowry Gearworks', dupage, '333111'),
      shop('org-solitarn', 'Solitarn Castings', '17089' as CountyFips, '331511'),
      shop('org-nowhereton', 'Nowhereton Fabrication', undefined, '332312'),
    ],
    links: [
      link('org-marrowbend', 'org-quillfeather', 7_654_321),
      link('org-tessellate', 'org-quillfeather', 345_678.5),
      link('org-gantrywise', 'org-quillfeather', 123_456_789, 'subcontract'),
      link('org-ferrowick', 'org-quillfeather', 1_234_567),
      link('org-lumenstrake', 'org-quillfeather', 2_345_679),
      link('org-oxbowry', 'org-ferrowick', 56_789),
      link('org-solitarn', 'org-quillfeather', 999_123),
      link('org-nowhereton', 'org-quillfeather', 4_567_891),
    ],
    capabilities: [
      { id: 'precision-machining' as CapabilityId, label: 'Precision machining' },
      { id: 'cryo-lapping' as CapabilityId, label: 'Cryogenic lapping' },
    ],
    regions: [
      {
        id: 'chicago' as RegionId,
        name: 'Cook and DuPage',
        program: 'IMCP',
        counties: ['17031' as CountyFips, '17043' as CountyFips],
      },
    ],
  };
}

/** What the public profile removes from `publicCase()`: no output of it may hold one (nor the ids, nor names). */
export const PUBLIC_REMOVED_TEXT = [
  'Quillfeather',
  'Marrowbend',
  'Tessellate',
  'Gantrywise',
  'Brinkhollow',
  'Ferrowick',
  'Lumenstrake',
  'Oxbowry',
  'Solitarn',
  'Nowhereton',
  'Quiverleaf',
  'UEIX',
  'C4G3Z',
  'NOTE-PX4',
  'Cryogenic lapping',
  'cryo-lapping',
  'AS9100',
  '60607',
  '41.8712',
  '87.6543',
  '4321',
];
export const PUBLIC_REMOVED_VALUES = [
  7_654_321, 345_678.5, 123_456_789, 1_234_567, 2_345_679, 56_789, 999_123, 4_567_891, 8_765_431,
  98_765_432.5, 876_543_219, 7_999_999.5, 3_580_246,
];

/** Every removed text, id and spelling of a removed value that `text` holds: empty when nothing leaked. */
export function leaksIn(
  text: string,
  removed: { text: readonly string[]; values: readonly number[]; ids?: readonly string[] | undefined },
): string[] {
  return [
    ...removed.text,
    ...(removed.ids ?? []),
    ...removed.values.flatMap((value) => spellings(value)),
  ].filter((secret) => text.includes(secret));
}

/** What no output of a partner copy of `secretive()` may hold. */
export const PARTNER_REMOVED = { text: REMOVED_TEXT, values: REMOVED_VALUES };
/** What no output of a public copy of `publicCase()` may hold: also none of its organization ids. */
export const PUBLIC_REMOVED = {
  text: PUBLIC_REMOVED_TEXT,
  values: PUBLIC_REMOVED_VALUES,
  ids: publicCase().organizations.map((org) => org.id as string),
};

/** Every output of a bundle as text: the exports, and the embedded link's payload decoded back. */
export async function allOutputs(bundle: Bundle): Promise<Record<string, string>> {
  const decoded = await decodeEmbedded((await encodeEmbedded(exportBundleJson(bundle))).payload);
  return {
    bundle: exportBundleJson(bundle),
    csv: exportOrganizationsCsv(bundle),
    geojson: exportOrganizationsGeoJson(bundle),
    gexf: exportGexf(bundle),
    graphml: exportGraphml(bundle),
    link: decoded.value ?? '',
  };
}

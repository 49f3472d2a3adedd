import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Bundle, Organization } from '../domain/model.ts';
import { ORGANIZATION_FIELDS } from '../domain/model.ts';
import { testOrganization } from '../domain/test-organization.ts';
import { COLUMNAR_VERSION, readColumnar, writeColumnar } from './columnar.ts';
import { canonicalBundleText } from './export/bundle-json.ts';
import { encodeLinks, linkAt, rememberLinkColumns } from './link-split.ts';
import { loadBundle } from './load-bundle.ts';

/** The bundle a reader gives back, every record read. */
function readBack(bytes: Uint8Array<ArrayBuffer>): Bundle {
  const { value, issues } = readColumnar(bytes, 'test');
  expect(issues).toEqual([]);
  const reader = value!;
  const organizations = Array.from({ length: reader.organizationCount }, (_, i) => reader.organization(i));
  const links = Array.from({ length: reader.links.count }, (_, i) => linkAt(reader.links, i));
  return { ...reader.bundle, organizations, links };
}

const org = (id: string, extra: Partial<Organization> = {}): Organization =>
  testOrganization({ id: id as Organization['id'], name: `Firm ${id}`, ...extra });

/** Every field present somewhere and absent somewhere, text beyond ASCII (an emoji is two UTF-16 units). */
function varied(): Bundle {
  const full = org('a-1', {
    name: 'Fähr Präzision 🔩 GmbH',
    kind: 'prime',
    lat: 41.88,
    lon: -87.63,
    address: '1 Foundry Rd',
    city: 'Chicago',
    state: 'IL',
    zip: '60601',
    county: '17031' as Organization['county'],
    naics: ['332710', '336411'],
    capabilities: [
      '5-axis' as Organization['capabilities'][number],
      '332710' as Organization['capabilities'][number],
    ],
    certifications: ['AS9100', 'ITAR'],
    employees: 0,
    uei: 'ABCDEFGHJKLM',
    cage: '1ABC2',
    website: 'https://example.org/ü',
    needs: [
      { capability: '332811' as Organization['capabilities'][number], annualValue: 1_250_000.5 },
      { capability: '5-axis' as Organization['capabilities'][number] },
    ],
  });
  const school = org('b-2', {
    name: '',
    kind: 'training',
    city: '',
    trains: ['332710' as Organization['capabilities'][number]],
  });
  return {
    format: 'forgemap.bundle',
    version: 1,
    meta: {
      id: 'varied',
      title: 'Varied',
      description: 'All fields',
      source: 'hand-made',
      license: 'CC0',
      asOf: '2026-01-01',
      synthetic: true,
    },
    organizations: [full, school, org('c-3', { kind: 'support' })],
    links: [
      { source: 'b-2', target: 'a-1', kind: 'trains' } as Bundle['links'][number],
      {
        source: 'c-3',
        target: 'a-1',
        kind: 'supplies',
        capability: '5-axis',
        value: 0,
        year: 2024,
      } as Bundle['links'][number],
      { source: 'c-3', target: 'a-1', kind: 'subcontract', value: 12.5 } as Bundle['links'][number],
    ],
    capabilities: [{ id: '5-axis', label: '5-axis CNC machining' } as Bundle['capabilities'][number]],
    regions: [],
  };
}

describe('writeColumnar / readColumnar', () => {
  it('gives back the same bundle, key order included (the canonical texts are equal)', () => {
    const bundle = varied();
    const back = readBack(writeColumnar(bundle));
    // Strictly: records and links read back are plain objects, as JSON.parse makes them.
    expect(back).toStrictEqual(bundle);
    for (const read of [...back.organizations, ...back.links])
      expect(Object.getPrototypeOf(read)).toBe(Object.prototype);
    expect(canonicalBundleText(back)).toBe(canonicalBundleText(bundle));
    // Absent fields stay absent rather than undefined-valued.
    expect('lat' in back.organizations[1]!).toBe(false);
    expect(back.organizations[1]!.city).toBe('');
    expect(Object.keys(back.organizations[0]!)).toEqual(
      ORGANIZATION_FIELDS.filter((k) => k in bundle.organizations[0]!),
    );
  });

  it('gives back the Chicago sample exactly, in about a third of its JSON size', () => {
    const text = readFileSync(new URL('../../data/samples/chicago.json', import.meta.url), 'utf8');
    const bundle = loadBundle(JSON.parse(text)).value!;
    const bytes = writeColumnar(bundle);
    expect(canonicalBundleText(readBack(bytes))).toBe(canonicalBundleText(bundle));
    expect(bytes.byteLength).toBeLessThan(canonicalBundleText(bundle).length * 0.6);
  });

  it('writes links that remember their columns from those columns, to the same bundle', () => {
    const text = readFileSync(new URL('../../data/samples/chicago.json', import.meta.url), 'utf8');
    const bundle = loadBundle(JSON.parse(text)).value!;
    const plain = writeColumnar(bundle);
    // The same links as columns whose string table runs the other way: other bytes, the same links.
    const links = [...bundle.links];
    const own = encodeLinks(links);
    const last = own.strings.length - 1;
    const flip = (k: number) => (k < 0 ? k : last - k);
    rememberLinkColumns(links, {
      ...own,
      strings: [...own.strings].reverse(),
      source: own.source.map(flip),
      target: own.target.map(flip),
      capability: own.capability.map(flip),
    });
    const remembered = writeColumnar({ ...bundle, links });
    expect(remembered).not.toEqual(plain);
    expect(readBack(remembered)).toEqual(readBack(plain));
    expect(canonicalBundleText(readBack(remembered))).toBe(canonicalBundleText(bundle));
  });

  it('keeps an empty bundle', () => {
    const bundle: Bundle = { ...varied(), organizations: [], links: [] };
    expect(readBack(writeColumnar(bundle))).toEqual(bundle);
  });

  it('reads bytes that do not start at a multiple of 8 in their buffer', () => {
    const bytes = writeColumnar(varied());
    const shifted = new Uint8Array(bytes.byteLength + 3);
    shifted.set(bytes, 3);
    expect(readBack(shifted.subarray(3))).toEqual(varied());
  });

  it('reports a damaged copy with its name, and never half-reads it', () => {
    const bytes = writeColumnar(varied());
    const message = (damaged: Uint8Array<ArrayBuffer>) => {
      const { value, issues } = readColumnar(damaged, 'Bench 100k');
      expect(value).toBeNull();
      expect(issues).toHaveLength(1);
      expect(issues[0]!.severity).toBe('error');
      expect(issues[0]!.message).toContain('"Bench 100k"');
      return issues[0]!.message;
    };
    expect(message(bytes.slice(0, 8))).toContain('too short');
    expect(message(bytes.slice(0, bytes.byteLength - 40))).toMatch(/outside the file/);
    const wrongMagic = bytes.slice();
    wrongMagic[0] = 0;
    expect(message(wrongMagic)).toContain('not a Forgemap columnar file');
    const newer = bytes.slice();
    new DataView(newer.buffer).setUint32(4, COLUMNAR_VERSION + 1, true);
    expect(message(newer)).toContain(`format version ${COLUMNAR_VERSION + 1}`);
  });

  it('finds a link whose id index points outside the string table', () => {
    const bundle = varied();
    const bytes = writeColumnar(bundle);
    // The header says where links.source is; point the first link past the table.
    const headerLength = new DataView(bytes.buffer).getUint32(8, true);
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + headerLength))) as {
      sections: { name: string; offset: number }[];
    };
    const start = (12 + headerLength + 7) & ~7;
    const source = header.sections.find((s) => s.name === 'links.source')!;
    new DataView(bytes.buffer).setInt32(start + source.offset, 99, true);
    const { value, issues } = readColumnar(bytes, 'x');
    expect(value).toBeNull();
    expect(issues[0]!.message).toContain('link 0 names an id that is not in the file');
  });
});

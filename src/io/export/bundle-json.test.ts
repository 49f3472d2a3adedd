import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Bundle } from '../../domain/model.ts';
import { loadBundle } from '../load-bundle.ts';
import type { Link } from '../../domain/model.ts';
import { BUNDLE_KEYS } from '../../domain/model.ts';
import {
  bundleHash,
  canonicalBundleBytes,
  canonicalBundleText,
  canonicalLink,
  canonicalLinkJson,
  exportBundleJson,
} from './bundle-json.ts';
import { edgeCaseBundle, emptyBundle } from './test-bundles.ts';

const CHICAGO_TEXT = readFileSync(new URL('../../../data/samples/chicago.json', import.meta.url), 'utf8');

function chicago(): Bundle {
  const { value } = loadBundle(JSON.parse(CHICAGO_TEXT));
  if (value === null) throw new Error('the Chicago sample does not load');
  return value;
}

function reload(text: string) {
  return loadBundle(JSON.parse(text));
}

describe('exportBundleJson', () => {
  it('writes the shipped Chicago sample back byte for byte', () => {
    expect(exportBundleJson(chicago())).toBe(CHICAGO_TEXT);
  });

  it('round-trips the Chicago sample through loadBundle with no issues', () => {
    const bundle = chicago();
    const { value, issues } = reload(exportBundleJson(bundle));
    expect(issues).toEqual([]);
    expect(value).toStrictEqual(bundle);
  });

  it('round-trips absent optional fields, needs without values, unicode, HTML and "__proto__" ids', () => {
    const bundle = edgeCaseBundle();
    const { value, issues } = reload(exportBundleJson(bundle));
    expect(issues).toEqual([]);
    expect(value).toStrictEqual(bundle);
    expect(value?.organizations[1]?.id).toBe('__proto__');
    expect(value?.organizations[2]?.name).toBe(bundle.organizations[2]?.name);
  });

  it('round-trips an empty bundle', () => {
    const { value, issues } = reload(exportBundleJson(emptyBundle()));
    expect(issues).toEqual([]);
    expect(value).toStrictEqual(emptyBundle());
  });

  it('starts with format and version, then meta, organizations, links, capabilities, regions', () => {
    const parsed = JSON.parse(exportBundleJson(edgeCaseBundle())) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(BUNDLE_KEYS);
    expect(parsed.format).toBe('forgemap.bundle');
    expect(parsed.version).toBe(1);
  });

  it('writes one record per line and ends with a newline', () => {
    const text = exportBundleJson(edgeCaseBundle());
    const lines = text.split('\n');
    expect(lines.filter((line) => line.startsWith('{"id":"full"'))).toHaveLength(1);
    expect(text.endsWith(']}\n')).toBe(true);
  });

  it('puts keys in canonical order whatever order the objects were built in', () => {
    const bundle = edgeCaseBundle();
    const scrambled: Bundle = {
      ...bundle,
      meta: Object.fromEntries(Object.entries(bundle.meta).reverse()) as unknown as Bundle['meta'],
      organizations: bundle.organizations.map(
        (o) =>
          Object.fromEntries(Object.entries(o).reverse()) as unknown as (typeof bundle.organizations)[number],
      ),
      links: bundle.links.map(
        (l) => Object.fromEntries(Object.entries(l).reverse()) as unknown as (typeof bundle.links)[number],
      ),
    };
    expect(exportBundleJson(scrambled)).toBe(exportBundleJson(bundle));
    const org = (JSON.parse(exportBundleJson(scrambled)) as { organizations: object[] }).organizations[0]!;
    expect(Object.keys(org).slice(0, 5)).toEqual(['id', 'name', 'kind', 'lat', 'lon']);
  });

  it('leaves out undefined optional fields and stray run-time properties', () => {
    const bundle = edgeCaseBundle();
    const withExtras: Bundle = {
      ...bundle,
      organizations: [
        {
          ...bundle.organizations[1]!,
          lat: undefined,
          website: undefined,
          extra: 'x',
        } as Bundle['organizations'][number],
      ],
      links: [],
    };
    const text = exportBundleJson(withExtras);
    expect(text).toContain(
      '{"id":"__proto__","name":"=HYPERLINK(\\"http://evil.example\\",\\"x\\")","kind":"manufacturer","naics":[],"capabilities":[],"certifications":[],"trains":[],"needs":[]}',
    );
    expect(text).not.toContain('extra');
  });
});

describe('canonicalLinkJson', () => {
  it('is JSON.stringify of the canonical copy, whatever the key order, stray keys or undefined values', () => {
    const base = {
      source: 's"1',
      target: 't\u2028',
      kind: 'supplies',
      capability: '332710',
      value: 1.5e-7,
      year: 2020,
    };
    const variants: Record<string, unknown>[] = [
      base,
      { source: 'a', target: 'b', kind: 'trains' },
      { source: 'a', target: 'b', kind: 'supplies', value: -0 },
      Object.fromEntries(Object.entries(base).reverse()),
      { ...base, capability: undefined },
      { source: 'a', target: 'b', kind: 'supplies', year: 2001, value: 3 },
      { ...base, note: 'stray' },
      { ...base, toJSON: () => 'hijacked' },
      JSON.parse('{"source":"a","target":"b","kind":"supplies","__proto__":{"x":1}}') as Record<
        string,
        unknown
      >,
    ];
    for (const link of variants) {
      expect(canonicalLinkJson(link as unknown as Link)).toBe(
        JSON.stringify(canonicalLink(link as unknown as Link)),
      );
    }
  });
});

describe('canonicalBundleText', () => {
  it('is the export', () => {
    const bundle = edgeCaseBundle();
    expect(canonicalBundleText(bundle)).toBe(exportBundleJson(bundle));
  });
});

describe('canonicalBundleBytes', () => {
  it("is the canonical text's UTF-8, across many pieces and characters of every width", () => {
    const base = edgeCaseBundle();
    const names = ['Fähr Präzision', '精密加工', 'Bolt 🔩 Works', 'plain'];
    // Over two pieces (8,192 records each) of organizations and of links.
    const organizations = Array.from({ length: 20_000 }, (_, i) => ({
      ...base.organizations[0]!,
      id: `o-${i}` as Bundle['organizations'][number]['id'],
      name: `${names[i % names.length]!} ${i}`,
    }));
    const links = Array.from({ length: 17_000 }, (_, i) => ({
      ...base.links[0]!,
      source: organizations[i % 20_000]!.id,
      target: organizations[(i * 7) % 20_000]!.id,
    }));
    for (const bundle of [base, emptyBundle(), { ...base, organizations, links }]) {
      const bytes = canonicalBundleBytes(bundle);
      expect(
        Buffer.from(bytes).equals(Buffer.from(new TextEncoder().encode(canonicalBundleText(bundle)))),
      ).toBe(true);
    }
  });
});

describe('bundleHash', () => {
  it('is the first 16 hex digits of the SHA-256 of the canonical text', async () => {
    const bundle = edgeCaseBundle();
    const expected = createHash('sha256')
      .update(canonicalBundleText(bundle), 'utf8')
      .digest('hex')
      .slice(0, 16);
    await expect(bundleHash(bundle)).resolves.toBe(expected);
    expect(expected).toMatch(/^[0-9a-f]{16}$/);
  });

  it('does not change when a bundle is exported and opened again', async () => {
    const bundle = chicago();
    const reopened = reload(exportBundleJson(bundle)).value!;
    await expect(bundleHash(reopened)).resolves.toBe(await bundleHash(bundle));
  });

  it('changes when any field changes', async () => {
    const bundle = edgeCaseBundle();
    const renamed = structuredClone(bundle);
    renamed.organizations[0]!.name += ' ';
    expect(await bundleHash(renamed)).not.toBe(await bundleHash(bundle));
  });
});

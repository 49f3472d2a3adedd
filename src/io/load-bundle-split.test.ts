import { randomLcg } from 'd3-random';
import { describe, expect, it, vi } from 'vitest';
import { exportBundleJson } from './export/bundle-json.ts';
import type { PartParser } from './link-split.ts';
import { copyOfLinkColumns, decodeLinks, encodeLinkPart, planLinkSplit } from './link-split.ts';
import { loadBundle } from './load-bundle.ts';
import type { LoadOptions } from './load-bundle.ts';
import { loadBundleSplit } from './load-bundle-split.ts';
import type { Bundle } from '../domain/model.ts';

// Small texts are split here (minChars 0): the code path is the one a 100 MB bundle takes.
const tuning = { minChars: 0 };

/** The helper as the import worker reaches it: the answer crosses a structured clone, like a message. */
const inThread = (): PartParser & { calls: number } => {
  const parser = async (part: string) => {
    parser.calls++;
    return structuredClone(encodeLinkPart(part));
  };
  parser.calls = 0;
  return parser;
};

type Raw = Record<string, unknown>;

/** A valid bundle of `orgs` organizations and `links` links, seeded; records in the canonical key order. */
function bundleRaw(orgs: number, links: number, seed = 7): Raw {
  const random = randomLcg(seed / 1000);
  const pick = (n: number) => Math.floor(random() * n);
  const kinds = ['supplies', 'subcontract', 'trains', 'partners'];
  const caps = ['332710', '336413', '5-axis-machining', 'nadcap-heat-treat'];
  return {
    format: 'forgemap.bundle',
    version: 1,
    meta: {
      id: 'split-test',
      title: 'Split test',
      description: 'A "links" word and a ,{" sequence in a description must not confuse the cut.',
      source: 'hand-written test fixture',
      license: 'CC0-1.0',
      asOf: '2026-01-01',
      synthetic: true,
    },
    organizations: Array.from({ length: orgs }, (_, i) => ({
      id: `org-${i}`,
      name: i === 3 ? '<img src=x onerror=alert(1)>' : `Firm ${i}`,
      kind: i % 10 === 0 ? 'prime' : 'manufacturer',
      county: '17031',
      naics: ['332710'],
      capabilities: [],
      certifications: [],
      trains: [],
      needs: [],
    })),
    links: Array.from({ length: links }, (_, i) => {
      const link: Raw = { source: `org-${pick(orgs)}`, target: `org-${pick(orgs)}`, kind: kinds[i % 4] };
      if (i % 3 !== 0) link.capability = caps[pick(caps.length)];
      if (i % 5 !== 0) link.value = i % 7 === 0 ? pick(1e6) / 8 : pick(1e7);
      if (i % 2 === 0) link.year = 1990 + pick(40);
      return link;
    }),
    capabilities: [{ id: '5-axis-machining', label: '5-axis machining', naics: '332710' }],
    regions: [{ id: 'r1', name: 'Region One', program: 'IMCP', counties: ['17031'] }],
  };
}

const linksOf = (raw: Raw) => raw.links as Raw[];

/** What one thread makes of the text: the reference every split load must equal. */
function sequential(text: string, options: LoadOptions = {}) {
  return loadBundle(JSON.parse(text.replace(/^\ufeff/, '')) as unknown, options);
}

async function expectSameAsSequential(text: string, options: LoadOptions = {}, share?: number) {
  const parser = inThread();
  const split = await loadBundleSplit(text, parser, options, { ...tuning, share });
  expect(split).not.toBeNull();
  const expected = sequential(text, options);
  expect(split?.loaded).toEqual(expected);
  // Key order too: the canonical export of both is the same text.
  expect(split?.loaded.value && exportBundleJson(split.loaded.value)).toBe(
    expected.value && exportBundleJson(expected.value),
  );
  expect(JSON.stringify(split?.loaded.value?.links)).toBe(JSON.stringify(expected.value?.links));
  const raw = JSON.parse(text.replace(/^\ufeff/, '')) as Raw;
  expect(split?.organizations).toBe((raw.organizations as unknown[]).length);
  expect(split?.links).toBe(linksOf(raw).length);
  expect(parser.calls).toBe(1);
  if (split?.loaded.value) expectKnownColumns(split.loaded.value);
  return split;
}

/**
 * Where the split load used the helper's part, it remembers its links' columns (made as it checked them):
 * they decode to the same links, and their strings are the organizations' ids in order, then every other
 * string once. (A load that fell back to one parse has none; `required` says it must have them.)
 */
function expectKnownColumns({ organizations, links }: Bundle, required = false) {
  const columns = copyOfLinkColumns(links);
  if (columns === null && !required) return;
  expect(columns).not.toBeNull();
  const strings = columns!.strings;
  expect(strings.slice(0, organizations.length)).toEqual(organizations.map((org) => org.id));
  expect(new Set(strings).size).toBe(strings.length);
  expect(decodeLinks(columns!)).toEqual(links);
}

describe('loadBundleSplit', () => {
  it('gives exactly what one thread gives for a canonical export, at several shares', async () => {
    const raw = bundleRaw(40, 400);
    const text = exportBundleJson(loadBundle(raw).value!);
    for (const share of [0.05, 0.5, 0.6, 0.99]) {
      const split = await expectSameAsSequential(text, {}, share);
      expectKnownColumns(split!.loaded.value!, true);
    }
  });

  it('cuts a canonical export between two links and puts the sentinel there', () => {
    const text = exportBundleJson(loadBundle(bundleRaw(10, 100)).value!);
    const split = planLinkSplit(text, 0.5, 0);
    expect(split?.part.trimStart().startsWith('{"source":')).toBe(true);
    expect(split?.part.endsWith('}')).toBe(true);
    const head = JSON.parse(split!.head) as Raw;
    const parsedPart = JSON.parse(`[${split!.part}]`) as unknown[];
    expect(linksOf(head).length - 1 + parsedPart.length).toBe(100);
    expect(parsedPart.length).toBeGreaterThan(30);
    expect(parsedPart.length).toBeLessThan(70);
  });

  it('makes up a new sentinel each time, so a file holding an earlier one still reads the same', async () => {
    const text = exportBundleJson(loadBundle(bundleRaw(10, 100)).value!);
    const first = planLinkSplit(text, 0.5, 0)!.sentinel;
    const raw = JSON.parse(text) as Raw;
    (raw.meta as Raw).description = first;
    const links = linksOf(raw);
    links.splice(40, 0, first as unknown as Raw);
    const holding = JSON.stringify(raw);
    expect(planLinkSplit(holding, 0.5, 0)?.sentinel).not.toBe(first);
    // One "link" is that string: one thread rejects it, and so does the split load.
    const split = await expectSameAsSequential(holding, {}, 0.8);
    expect(split?.loaded.issues.some((i) => i.path === 'links[40]')).toBe(true);
  });

  it.each([
    ['compact JSON', (raw: Raw) => JSON.stringify(raw)],
    ['indented JSON', (raw: Raw) => JSON.stringify(raw, null, 2)],
    [
      'indented JSON with CRLF and a BOM',
      (raw: Raw) => `\ufeff${JSON.stringify(raw, null, 1).replace(/\n/g, '\r\n')}`,
    ],
    [
      'links as the last key',
      (raw: Raw) => {
        const { links, ...rest } = raw;
        return JSON.stringify({ ...rest, links });
      },
    ],
    [
      'links before organizations',
      (raw: Raw) => {
        const { links, format, version, meta, ...rest } = raw;
        return JSON.stringify({ format, version, meta, links, ...rest });
      },
    ],
  ])('gives what one thread gives for %s', async (_, write) => {
    await expectSameAsSequential(write(bundleRaw(30, 300)));
  });

  it('reports problems on both sides of the cut in the same order as one thread', async () => {
    const raw = bundleRaw(30, 300);
    const links = linksOf(raw);
    for (const i of [2, 50, 120, 200, 250, 299]) links[i] = { ...links[i], target: `missing-${i}` };
    for (const i of [10, 210, 260]) links[i] = { ...links[i], source: 'org-4', target: 'org-4' };
    for (const i of [30, 230]) links[i] = { ...links[i], capability: 'not-in-the-table' };
    (raw.organizations as Raw[]).push({ id: 'org-5', name: 'Duplicate', kind: 'manufacturer' });
    const text = exportBundleJson(loadBundle(raw).value!).replace(
      // The loader's own export drops the bad links: write them back as a user's file would have them.
      /"links":\[[\s\S]*?\n\]/,
      `"links":[\n${links.map((l) => JSON.stringify(l)).join(',\n')}\n]`,
    );
    const split = await expectSameAsSequential(text);
    // Rejected organizations and links on both sides of the cut: the columns hold the kept ones only.
    expectKnownColumns(split!.loaded.value!, true);
    const kinds = split?.loaded.issues.map((i) => i.message.slice(0, 14));
    expect(kinds?.filter((k) => k.startsWith('Link rejected'))).toHaveLength(6);
    expect(split?.loaded.issues.some((i) => i.path === 'links[260]')).toBe(true);
    // Capped lists stay capped the same way across the cut.
    await expectSameAsSequential(text, { maxIssuesPerKind: 2 });
  });

  it('gives the kept organizations their positions in the columns when some are rejected', async () => {
    const raw = bundleRaw(30, 300);
    const orgs = raw.organizations as Raw[];
    // A duplicate id and a record without a name, early in the list: every later organization moves up.
    orgs.splice(2, 0, { ...orgs[9], name: 'Duplicate of 9' });
    orgs.splice(5, 0, { id: 'org-nameless', kind: 'manufacturer' });
    linksOf(raw).push({ source: 'org-nameless', target: 'org-1', kind: 'supplies' });
    const split = await expectSameAsSequential(JSON.stringify(raw));
    const bundle = split!.loaded.value!;
    expect(bundle.organizations).toHaveLength(30);
    expectKnownColumns(bundle, true);
  });

  it("keeps one string for a capability spelled like an organization's id, on both sides of the cut", async () => {
    const raw = bundleRaw(30, 300);
    const links = linksOf(raw);
    for (const i of [5, 280]) links[i] = { ...links[i], capability: 'org-7' };
    const split = await expectSameAsSequential(JSON.stringify(raw));
    expectKnownColumns(split!.loaded.value!, true);
    const columns = copyOfLinkColumns(split!.loaded.value!.links)!;
    expect(columns.strings.filter((s) => s === 'org-7')).toHaveLength(1);
    expect(columns.strings[columns.capability[280]!]).toBe('org-7');
  });

  it('falls back to one parse for a link the fast path does not take as it is, with the same result', async () => {
    const raw = bundleRaw(20, 200);
    linksOf(raw)[180] = { ...linksOf(raw)[180], note: 'an unknown field' };
    linksOf(raw)[190] = { ...linksOf(raw)[190], value: -5 };
    const text = JSON.stringify(raw);
    const split = await expectSameAsSequential(text);
    expect(split?.loaded.issues.map((i) => i.path)).toEqual(
      expect.arrayContaining(['links[180].note', 'links[190].value']),
    );
  });

  it('keeps a "__proto__" key in a link exactly as one thread does', async () => {
    const text = JSON.stringify(bundleRaw(20, 200)).replace(
      '}],"capabilities"',
      ',"__proto__":{"polluted":true}}],"capabilities"',
    );
    expect(text).toContain('__proto__');
    await expectSameAsSequential(text);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('keys in another order inside links give the same objects, key order included', async () => {
    const raw = bundleRaw(20, 200);
    raw.links = linksOf(raw).map(({ year, ...rest }) => (year === undefined ? rest : { year, ...rest }));
    await expectSameAsSequential(JSON.stringify(raw));
  });

  it('answers null (so the caller reads the file the ordinary way) when the split does not apply', async () => {
    const parser = inThread();
    const good = JSON.stringify(bundleRaw(20, 200));
    const late = good.indexOf('"kind":', Math.floor(good.length * 0.9));
    const cases: [string, string][] = [
      ['a syntax error in the part', `${good.slice(0, late)}"kind"${good.slice(late + 7)}`],
      ['a last link without its brace', good.replace('}],"capabilities"', '],"capabilities"')],
      ['a syntax error before the part', good.replace('"name":"Firm 2"', '"name":"Firm 2"]')],
      ['a newer version', good.replace('"version":1', '"version":2')],
      ['not a bundle', JSON.stringify({ type: 'FeatureCollection', links: linksOf(bundleRaw(5, 50)) })],
      ['no links', JSON.stringify({ ...bundleRaw(5, 0), links: [] })],
    ];
    for (const [what, text] of cases) {
      expect(await loadBundleSplit(text, parser, {}, tuning), what).toBeNull();
    }
    expect(await loadBundleSplit(good, parser), 'small text, default threshold').toBeNull();
  });

  it('a helper that fails only costs time: the result is still the whole file read on one thread', async () => {
    const text = exportBundleJson(loadBundle(bundleRaw(20, 200)).value!);
    const failing: PartParser = () => Promise.reject(new Error('worker crashed'));
    const refusing: PartParser = async () => ({ ok: false, reason: 'no' });
    for (const parser of [failing, refusing]) {
      const split = await loadBundleSplit(text, parser, {}, tuning);
      expect(split?.loaded).toEqual(sequential(text));
    }
  });

  it('equals one thread, or declines, on randomly damaged texts (property test)', async () => {
    const base = exportBundleJson(loadBundle(bundleRaw(12, 80)).value!);
    const random = randomLcg(0.42);
    const pieces = ['', ',', '{', '}', ']', '"', '\\', ' ', '\n', '0', '-', '1e999', 'x', '"kind":"trains"'];
    const parser = vi.fn(async (part: string) => structuredClone(encodeLinkPart(part)));
    let split = 0;
    for (let n = 0; n < 300; n++) {
      let text = base;
      for (let edits = 1 + Math.floor(random() * 3); edits > 0; edits--) {
        // Edits fall mostly in the links, where the cut is.
        const at = Math.floor(text.length * (0.3 + 0.7 * random()));
        const cut = Math.floor(random() * 6);
        text =
          text.slice(0, at) + (pieces[Math.floor(random() * pieces.length)] ?? '') + text.slice(at + cut);
      }
      let expected: ReturnType<typeof loadBundle> | 'invalid';
      try {
        expected = sequential(text);
      } catch {
        expected = 'invalid';
      }
      const result = await loadBundleSplit(text, parser, {}, tuning);
      if (expected === 'invalid') {
        expect(result, text).toBeNull();
      } else if (result !== null) {
        split++;
        expect(result.loaded).toEqual(expected);
      }
    }
    // Most damaged texts still split (a bad link falls back inside the split load, with the same result).
    expect(split).toBeGreaterThan(50);
  });
});

import { describe, expect, it } from 'vitest';
import { testBundle } from '../../analysis/test-bundle.ts';
import type { Bundle } from '../../domain/model.ts';
import { NO_FILTERS } from '../../state/route.ts';
import type { Filters } from '../../state/route.ts';
import {
  countMaskKinds,
  countVisible,
  createFilterIndex,
  linkArraysOf,
  linkPasses,
  orgTableOf,
  prepareFilterIndex,
  prepareOrgTable,
  visibleLinkMask,
  visibleMask,
} from './filter.ts';
import { bundleWith } from './test-data.ts';
import { decodeLinks, encodeLinks, rememberLinkColumns } from '../../io/link-split.ts';
import { deferLinks } from '../../io/deferred-links.ts';

const filters = (f: Partial<Filters>): Filters => ({ ...NO_FILTERS, ...f });
const shown = (bundle: Bundle, f: Partial<Filters>, removed: string[] = []) => {
  const mask = visibleMask(createFilterIndex(bundle), filters(f), removed);
  return bundle.organizations.filter((_, i) => mask[i] === 1).map((o) => o.id);
};

const bundle = bundleWith(
  [
    { id: 'p', kind: 'prime', naics: ['336411'], certifications: ['AS9100'] },
    { id: 'm1', naics: ['332710'], certifications: ['AS9100', 'ITAR'] },
    { id: 'm2', capabilities: ['nadcap-heat-treat'] },
    { id: 'm3', naics: ['333517'] },
    { id: 't', kind: 'training', trains: ['332710'] },
  ],
  [
    ['m3', 'p', '332811', 1000],
    ['m1', 'p', undefined, 50],
  ],
);

describe('visibleMask', () => {
  it('shows everything without filters', () => {
    expect(shown(bundle, {})).toEqual(['p', 'm1', 'm2', 'm3', 't']);
  });
  it('keeps the listed kinds only', () => {
    expect(shown(bundle, { kinds: ['prime', 'training'] })).toEqual(['p', 't']);
  });
  it('matches a capability offered through naics or capabilities', () => {
    expect(shown(bundle, { capabilities: ['332710'] })).toEqual(['m1']);
    expect(shown(bundle, { capabilities: ['nadcap-heat-treat'] })).toEqual(['m2']);
  });
  it('matches a capability supplied on a supply link the organization does not list', () => {
    expect(shown(bundle, { capabilities: ['332811'] })).toEqual(['m3']);
  });
  it('does not count what a training organization trains as offering it', () => {
    expect(shown(bundle, { capabilities: ['332710'] })).not.toContain('t');
  });
  it('ignores capabilities on trains and partners links', () => {
    const b = testBundle([{ id: 'a' }, { id: 'b' }], [['a', 'b', '332811']], 'trains');
    expect(shown(b, { capabilities: ['332811'] })).toEqual([]);
  });
  it('shows organizations with any of several capabilities', () => {
    expect(shown(bundle, { capabilities: ['332710', 'nadcap-heat-treat', 'unknown'] })).toEqual(['m1', 'm2']);
  });
  it('shows nothing for a capability absent from the data', () => {
    expect(shown(bundle, { capabilities: ['999999'] })).toEqual([]);
  });
  it('matches any of the certifications', () => {
    expect(shown(bundle, { certifications: ['ITAR'] })).toEqual(['m1']);
    expect(shown(bundle, { certifications: ['AS9100', 'ITAR'] })).toEqual(['p', 'm1']);
  });
  it('combines kinds, capabilities and certifications with AND', () => {
    expect(shown(bundle, { kinds: ['manufacturer'], certifications: ['AS9100'] })).toEqual(['m1']);
    expect(shown(bundle, { capabilities: ['336411'], kinds: ['manufacturer'] })).toEqual([]);
  });
  it('hides removed organizations and ignores unknown removals', () => {
    expect(shown(bundle, {}, ['m2', 'nobody'])).toEqual(['p', 'm1', 'm3', 't']);
  });
  it('answers from the organizations table alone as the whole index does, without capabilities or certifications', () => {
    const table = orgTableOf(structuredClone(bundle));
    const index = createFilterIndex(bundle);
    for (const [f, removed] of [
      [{}, []],
      [{ kinds: ['prime', 'training'] }, []],
      [{ kinds: ['manufacturer'], minValue: 100 }, ['m2', 'nobody']],
    ] as [Partial<Filters>, string[]][])
      expect([...visibleMask(table, filters(f), removed)]).toEqual([
        ...visibleMask(index, filters(f), removed),
      ]);
  });
  it('refuses a capability or certification filter without the whole index', () => {
    const table = orgTableOf(structuredClone(bundle));
    expect(() => visibleMask(table, filters({ capabilities: ['332710'] }), [])).toThrow(/whole filter index/);
    expect(() => visibleMask(table, filters({ certifications: ['ITAR'] }), [])).toThrow(/whole filter index/);
  });
  it('does not filter organizations by minimum link value', () => {
    expect(shown(bundle, { minValue: 1e9 })).toHaveLength(5);
  });
  it('counts an organization once however many ways it matches', () => {
    const b = bundleWith(
      [{ id: 'a', naics: ['332710'], capabilities: ['332710'] }, { id: 'b' }],
      [
        ['a', 'b', '332710'],
        ['a', 'b', '332710'],
      ],
    );
    const index = createFilterIndex(b);
    const k = index.capabilities.keyIndex.get('332710')!;
    expect(index.capabilities.start[k + 1]! - index.capabilities.start[k]!).toBe(1);
  });
  it('reuses one index per bundle', () => {
    expect(createFilterIndex(bundle)).toBe(createFilterIndex(bundle));
  });
  it('builds the same index in slices', async () => {
    const copy = structuredClone(bundle);
    const sliced = await prepareFilterIndex(copy, { sliceMs: 0 });
    const direct = createFilterIndex(structuredClone(bundle));
    expect(sliced).toBe(createFilterIndex(copy));
    expect([...sliced.capabilities.items]).toEqual([...direct.capabilities.items]);
    expect(sliced.capabilities.keys).toEqual(direct.capabilities.keys);
  });
  it('builds the index on the organizations table built first, which then answers for it', async () => {
    const copy = structuredClone(bundle);
    const table = await prepareOrgTable(copy, { sliceMs: 0 });
    expect(orgTableOf(copy)).toBe(table);
    // Its ids' index waits for its first use (the whole index's build, or a lookup).
    expect(table.orgIndex.complete).toBe(false);
    await prepareFilterIndex(copy, { sliceMs: 0 });
    expect(table.orgIndex.complete).toBe(true);
    expect([...table.orgIndex]).toEqual([
      ['p', 0],
      ['m1', 1],
      ['m2', 2],
      ['m3', 3],
      ['t', 4],
    ]);
    // ORG_KINDS order: prime, manufacturer, training, support.
    expect([...table.kind]).toEqual([0, 1, 1, 1, 2]);
    const index = await prepareFilterIndex(copy, { sliceMs: 0 });
    expect(index.orgIndex).toBe(table.orgIndex);
    expect(index.kind).toBe(table.kind);
    expect(orgTableOf(copy)).toBe(index);
    expect(await prepareOrgTable(copy)).toBe(index);
  });
  it('stops a sliced build when aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      prepareFilterIndex(structuredClone(bundle), { signal: controller.signal }),
    ).rejects.toThrow();
  });
});

describe('linkPasses', () => {
  it.each([
    [undefined, 0, true],
    [undefined, 1, false],
    [0, 0, true],
    [99_999, 100_000, false],
    [100_000, 100_000, true],
    [2e6, 100_000, true],
  ])('a link of %s passes a minimum of %s: %s', (value, minValue, expected) => {
    expect(linkPasses({ value }, { minValue })).toBe(expected);
  });
});

describe('visibleLinkMask', () => {
  it('keeps links above the minimum between visible organizations', () => {
    const index = createFilterIndex(bundle);
    const all = visibleMask(index, NO_FILTERS, []);
    expect([...visibleLinkMask(index, { minValue: 0 }, all)]).toEqual([1, 1]);
    expect([...visibleLinkMask(index, { minValue: 100 }, all)]).toEqual([1, 0]);
    const noM3 = visibleMask(index, NO_FILTERS, ['m3']);
    expect([...visibleLinkMask(index, { minValue: 0 }, noM3)]).toEqual([0, 1]);
  });
});

describe('countVisible', () => {
  it('counts the ones', () => {
    expect(countVisible(Uint8Array.of(1, 0, 1, 1))).toBe(3);
  });
});

describe('countMaskKinds', () => {
  it('counts the organizations of each kind the mask holds', () => {
    const bundle = testBundle(
      [{ id: 'p', kind: 'prime' }, { id: 'm1' }, { id: 'm2' }, { id: 't', kind: 'training' }],
      [],
    );
    expect(countMaskKinds(createFilterIndex(bundle), Uint8Array.of(1, 0, 1, 1))).toEqual({
      prime: 1,
      manufacturer: 1,
      training: 1,
      support: 0,
    });
  });
});

/** A synthetic national-scale bundle: 100k organizations, 1M supply links. */

describe('an index of links read from kept columns', () => {
  it('is the same index as from the link objects: capabilities, link ends and values', () => {
    const links = [
      ...bundle.links,
      { source: 'm2', target: 'p', kind: 'subcontract', capability: 'nadcap-heat-treat', value: 7 },
      { source: 't', target: 'm1', kind: 'trains', capability: '332710' },
      { source: 'ghost', target: 'p', kind: 'supplies', capability: '336411' },
    ] as Bundle['links'];
    const columns = encodeLinks(links);
    const fromColumns = decodeLinks(columns);
    rememberLinkColumns(fromColumns, columns);
    const plain = createFilterIndex({ ...bundle, links: decodeLinks(encodeLinks(links)) });
    const kept = createFilterIndex({ ...bundle, links: fromColumns });
    expect(kept.capabilities).toEqual(plain.capabilities);
    expect(kept.certifications).toEqual(plain.certifications);
    expect(linkArraysOf(kept)).toEqual(linkArraysOf(plain));
    // The ghost supplier is no organization: −1, as from the objects.
    expect(linkArraysOf(kept).source.at(-1)).toBe(-1);
    expect(shown({ ...bundle, links: fromColumns }, { capabilities: ['nadcap-heat-treat'] })).toEqual(['m2']);
  });

  it('is built from the columns of links not yet made (a reopened dataset), without making them', async () => {
    const columns = encodeLinks(bundle.links);
    const plain = createFilterIndex({ ...bundle, links: decodeLinks(columns) });
    const later: Bundle = { ...bundle, links: [] };
    deferLinks(later, encodeLinks(bundle.links));
    const index = await prepareFilterIndex(later, { links: true });
    expect(Object.getOwnPropertyDescriptor(later, 'links')?.get).toBeDefined();
    expect(index.capabilities).toEqual(plain.capabilities);
    expect(linkArraysOf(index)).toEqual(linkArraysOf(plain));
  });
});

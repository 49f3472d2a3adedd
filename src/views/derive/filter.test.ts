import { describe, expect, it } from 'vitest';
import { testBundle } from '../../analysis/test-bundle.ts';
import type { Bundle, Link, Organization } from '../../domain/model.ts';
import type { CapabilityId, OrgId } from '../../domain/ids.ts';
import { NO_FILTERS } from '../../state/route.ts';
import type { Filters } from '../../state/route.ts';
import {
  countMaskKinds,
  countVisible,
  createFilterIndex,
  linkArraysOf,
  linkPasses,
  prepareFilterIndex,
  visibleLinkMask,
  visibleMask,
} from './filter.ts';
import { bundleWith } from './test-data.ts';

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
function bigBundle(orgCount: number, linkCount: number): Bundle {
  const kinds = ['prime', 'manufacturer', 'manufacturer', 'manufacturer', 'training', 'support'] as const;
  const certs = ['AS9100', 'ITAR', 'ISO9001', 'NADCAP-HT', 'CMMC-L2'];
  const organizations: Organization[] = [];
  for (let i = 0; i < orgCount; i++) {
    organizations.push({
      id: `o${i}` as OrgId,
      name: `Org ${i}`,
      kind: kinds[i % kinds.length]!,
      naics: [String(331000 + (i % 900))],
      capabilities: i % 7 === 0 ? (['5-axis-machining'] as CapabilityId[]) : [],
      certifications: i % 3 === 0 ? [certs[i % certs.length]!] : [],
      trains: [],
      needs: [],
    });
  }
  const links: Link[] = [];
  let seed = 42;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let l = 0; l < linkCount; l++) {
    links.push({
      source: `o${Math.floor(rand() * orgCount)}` as OrgId,
      target: `o${Math.floor(rand() * orgCount)}` as OrgId,
      kind: 'supplies',
      capability: String(331000 + Math.floor(rand() * 900)) as CapabilityId,
      value: Math.floor(rand() * 5e6),
    });
  }
  // Through JSON, like a loaded bundle: parsed strings are flat and not yet hashed, which is what the
  // index meets in the app.
  return JSON.parse(JSON.stringify({ ...testBundle([], []), organizations, links })) as Bundle;
}

describe('at national scale', () => {
  it('filters 100k organizations and 1M links (timings printed, not asserted)', async () => {
    const big = bigBundle(100_000, 1_000_000);
    const twin = JSON.parse(JSON.stringify(big)) as Bundle;
    let t = performance.now();
    let longest = 0;
    let last = t;
    const timer = setInterval(() => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
    }, 0);
    await prepareFilterIndex(twin, { sliceMs: 30, links: true });
    clearInterval(timer);
    const sliced = performance.now() - t;
    t = performance.now();
    const index = createFilterIndex(big);
    const build = performance.now() - t;

    const f = filters({
      kinds: ['manufacturer', 'prime'],
      capabilities: ['332710', '5-axis-machining', '331100'],
      certifications: ['AS9100', 'ITAR'],
      minValue: 1e6,
    });
    const runs = 10;
    t = performance.now();
    let mask: Uint8Array = new Uint8Array();
    for (let r = 0; r < runs; r++) mask = visibleMask(index, f, ['o1', 'o2']);
    const filter = (performance.now() - t) / runs;
    t = performance.now();
    linkArraysOf(index);
    const linkBuild = performance.now() - t;
    t = performance.now();
    let links: Uint8Array = new Uint8Array();
    for (let r = 0; r < runs; r++) links = visibleLinkMask(index, f, mask);
    const linkMask = (performance.now() - t) / runs;
    t = performance.now();
    const none = visibleMask(index, NO_FILTERS, []);
    const unfiltered = performance.now() - t;

    console.log(
      `filter index build ${build.toFixed(0)} ms (sliced: ${sliced.toFixed(0)} ms, longest gap between ` +
        `timer ticks ${longest.toFixed(0)} ms); ` +
        `link arrays build ${linkBuild.toFixed(0)} ms; visibleMask ${filter.toFixed(2)} ms ` +
        `(no filters ${unfiltered.toFixed(2)} ms); visibleLinkMask over 1M links ${linkMask.toFixed(2)} ms; ` +
        `${countVisible(mask)} orgs, ${countVisible(links)} links shown`,
    );
    expect(countVisible(none)).toBe(100_000);
    expect(countVisible(mask)).toBeGreaterThan(0);
  });
});

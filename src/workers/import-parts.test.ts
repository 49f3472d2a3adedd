import { describe, expect, it } from 'vitest';
import { testBundle } from '../analysis/test-bundle.ts';
import type { LinkSpec } from '../analysis/test-bundle.ts';
import type { ImportOutcome } from '../io/import/import-files.ts';
import { linkYears, yearsOf } from '../domain/fiscal-years.ts';
import { encodeLinks } from '../io/link-split.ts';
import { linkCount } from '../io/deferred-links.ts';
import {
  assembleBundle,
  makeLinksSliced,
  LINKS_PER_SLICE,
  ORGANIZATIONS_PER_PART,
  OutcomeAssembler,
  splitOutcome,
  transferOf,
  takeOwnIds,
} from './import-parts.ts';

function outcomeWith(orgs: number, links: number): ImportOutcome {
  const specs = Array.from({ length: orgs }, (_, i) => ({ id: `o${i}` }));
  const linkSpecs = Array.from({ length: links }, (_, k): LinkSpec => [
    `o${k % orgs}`,
    `o${(k + 1) % orgs}`,
    '332710',
    k,
  ]);
  const bundle = testBundle(specs, linkSpecs);
  return {
    value: { bundle, positions: [] },
    issues: [],
    report: {
      organizations: orgs,
      links,
      files: [],
      groups: [],
      totals: { rows: 0, accepted: 0, fixed: 0, rejected: 0 },
    },
    files: [],
  } as unknown as ImportOutcome;
}

describe('splitOutcome / OutcomeAssembler', () => {
  it.each([
    [0, 0, 0],
    [1, 0, 1],
    [ORGANIZATIONS_PER_PART, 10, 2],
    // One more organization spills into a second part; the links are one message of columns however many.
    [ORGANIZATIONS_PER_PART + 1, LINKS_PER_SLICE * 2 + 1, 3],
  ])(
    'sends %i organizations and %i links in %i messages and rebuilds the same outcome',
    async (orgs, links, parts) => {
      const outcome = outcomeWith(Math.max(orgs, 1), links);
      if (orgs === 0) outcome.value!.bundle.organizations = [];
      const split = splitOutcome(7, outcome);
      expect(split.parts).toHaveLength(parts);
      expect(split.parts.every((p) => p.type === 'links' || p.items.length <= ORGANIZATIONS_PER_PART)).toBe(
        true,
      );
      expect(split.parts.filter((p) => p.type === 'links')).toHaveLength(links > 0 ? 1 : 0);
      // The result itself carries no records.
      expect(split.result.outcome.value!.bundle.organizations).toEqual([]);
      expect(split.result.outcome.value!.bundle.links).toEqual([]);
      // Through structured clones, as between threads.
      const assembler = new OutcomeAssembler();
      for (const part of split.parts) assembler.add(structuredClone(part, { transfer: transferOf(part) }));
      const rebuilt = await assembler.finish(structuredClone(split.result));
      expect(rebuilt).toEqual(outcome);
      // Rebuilt links keep the key order of the canonical text.
      const link = rebuilt.value?.bundle.links[0];
      if (link !== undefined) expect(Object.keys(link)).toEqual(Object.keys(outcome.value!.bundle.links[0]!));
    },
  );

  it('passes a failed outcome through whole', async () => {
    const failed = {
      value: null,
      issues: [{ severity: 'error', message: 'x' }],
      report: {},
      files: [],
    } as unknown as ImportOutcome;
    const split = splitOutcome(1, failed);
    expect(split.parts).toEqual([]);
    expect(await new OutcomeAssembler().finish(split.result)).toEqual(failed);
  });

  it("gives the rebuilt bundle its links' fiscal years from their year column", async () => {
    const outcome = outcomeWith(30, 200);
    const links = outcome.value!.bundle.links;
    links.forEach((link, k) => {
      if (k % 4 !== 0) link.year = [2031, 2019, 2024][k % 3]!;
    });
    const split = splitOutcome(3, outcome);
    const assembler = new OutcomeAssembler();
    for (const part of split.parts) assembler.add(structuredClone(part, { transfer: transferOf(part) }));
    const rebuilt = (await assembler.finish(structuredClone(split.result))).value!.bundle;
    const expected = linkYears(rebuilt.links);
    expect(expected).toEqual([2019, 2024, 2031]);
    // Known without reading the links again: emptied, they still answer.
    rebuilt.links.length = 0;
    expect(yearsOf(rebuilt)).toEqual(expected);
  });
});

describe('assembleBundle with deferred links', () => {
  it('gives the bundle assembled at once, its links made on first read or in slices', async () => {
    const { bundle } = outcomeWith(40, 10_000).value!;
    const light = { ...bundle, organizations: [], links: [] };
    const assemble = (deferred: boolean) =>
      assembleBundle(light, structuredClone(bundle.organizations), encodeLinks(bundle.links), { deferred });
    const eager = await assemble(false);
    const read = await assemble(true);
    expect(linkCount(read)).toBe(10_000);
    expect(read).toStrictEqual(eager);
    const sliced = await assemble(true);
    // Slices of 0 ms: a batch of links per task, three tasks here.
    await makeLinksSliced(sliced, 0);
    expect(Object.getOwnPropertyDescriptor(sliced, 'links')?.value).toStrictEqual(eager.links);
    // The links take the organizations' own id strings, as eager ones do.
    expect(sliced.links[0]!.source).toBe(sliced.organizations[0]!.id);
  });
});

describe('takeOwnIds', () => {
  const orgs = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];

  // Strings compare by value: what can go wrong is a table entry changed, not which copy it holds.
  it.each([
    ['the ids first, in order, then capabilities', ['a', 'b', 'c', '332710']],
    ['the ids in another order', ['b', 'a', 'c', '332710']],
    ['a capability first', ['332710', 'a', 'b', 'c']],
    ['fewer strings than organizations', ['c', 'a']],
    ['an unknown end among the ids', ['a', 'x', 'c', 'b']],
  ])('keeps every entry of a table with %s', async (_, table) => {
    const strings = [...table];
    await takeOwnIds(strings, orgs);
    expect(strings).toEqual(table);
  });
});

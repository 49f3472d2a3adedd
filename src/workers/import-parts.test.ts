import { describe, expect, it } from 'vitest';
import { testBundle } from '../analysis/test-bundle.ts';
import type { LinkSpec } from '../analysis/test-bundle.ts';
import type { ImportOutcome } from '../io/import/import-files.ts';
import { LINKS_PER_PART, ORGANIZATIONS_PER_PART, OutcomeAssembler, splitOutcome } from './import-parts.ts';

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
    [ORGANIZATIONS_PER_PART, LINKS_PER_PART, 2],
    // One more of each spills into a second part of each kind: 2 + 2.
    [ORGANIZATIONS_PER_PART + 1, LINKS_PER_PART + 1, 4],
  ])(
    'sends %i organizations and %i links in %i parts and rebuilds the same outcome',
    (orgs, links, parts) => {
      const outcome = outcomeWith(Math.max(orgs, 1), links);
      if (orgs === 0) outcome.value!.bundle.organizations = [];
      const split = splitOutcome(7, outcome, null);
      expect(split.parts).toHaveLength(parts);
      expect(
        split.parts.every((p) => p.items.length <= Math.max(ORGANIZATIONS_PER_PART, LINKS_PER_PART)),
      ).toBe(true);
      // The result itself carries no records.
      expect(split.result.outcome.value!.bundle.organizations).toEqual([]);
      expect(split.result.outcome.value!.bundle.links).toEqual([]);
      // Through structured clones, as between threads.
      const assembler = new OutcomeAssembler();
      for (const part of split.parts) assembler.add(structuredClone(part));
      expect(assembler.finish(structuredClone(split.result))).toEqual(outcome);
    },
  );

  it('passes a failed outcome through whole', () => {
    const failed = {
      value: null,
      issues: [{ severity: 'error', message: 'x' }],
      report: {},
      files: [],
    } as unknown as ImportOutcome;
    const split = splitOutcome(1, failed, null);
    expect(split.parts).toEqual([]);
    expect(new OutcomeAssembler().finish(split.result)).toEqual(failed);
  });
});

import { describe, expect, it } from 'vitest';
import type { Bundle } from '../domain/model.ts';
import { deferLinks } from '../io/deferred-links.ts';
import { encodeLinks } from '../io/link-split.ts';
import { BIG_DATASET_RECORDS, isBigDataset, turnFor } from './big-dataset.ts';

/** A bundle with this many organizations and links (the records themselves do not matter here). */
const sized = (organizations: number, links: number) =>
  ({ organizations: new Array(organizations), links: new Array(links) }) as unknown as Bundle;

/** Which comes first: `turn` settling, or a task queued just before it. */
async function firstOf(turn: () => Promise<void>): Promise<'turn' | 'task'> {
  let first: 'turn' | 'task' | null = null;
  const task = new Promise<void>((resolve) =>
    setTimeout(() => {
      first ??= 'task';
      resolve();
    }, 0),
  );
  await turn().then(() => {
    first ??= 'turn';
  });
  await task;
  return first!;
}

describe('a big dataset', () => {
  it('counts organizations and links together', () => {
    expect(isBigDataset(sized(BIG_DATASET_RECORDS - 1, 0))).toBe(false);
    expect(isBigDataset(sized(100, BIG_DATASET_RECORDS - 100))).toBe(true);
    expect(isBigDataset(sized(BIG_DATASET_RECORDS, 0))).toBe(true);
  });

  it('counts links not made yet (a reopened dataset) without making them', () => {
    const link = { source: 'a', target: 'b', kind: 'supplies' } as Bundle['links'][number];
    const bundle = { organizations: [], links: [] } as unknown as Bundle;
    deferLinks(bundle, encodeLinks(new Array<typeof link>(BIG_DATASET_RECORDS).fill(link)));
    expect(isBigDataset(bundle)).toBe(true);
    expect(Object.getOwnPropertyDescriptor(bundle, 'links')?.get).toBeDefined();
  });

  it('is worked out in a later task; a small one at once', async () => {
    expect(await firstOf(() => turnFor(sized(100_000, 1_000_000)))).toBe('task');
    expect(await firstOf(() => turnFor(sized(1_610, 4_000)))).toBe('turn');
  });
});

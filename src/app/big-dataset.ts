// A big dataset (a national subaward file: 100k organizations, 1M links) is scheduled apart from a small
// one: the task that brings it ends before the positions and the organizations' table are worked out (so
// that the workers made for it start), and the rest of its filter index waits for its first picture. A
// small one (a region's sample, a 1k-node network file) is worked out at once, where a task boundary would
// only let a paint of the half-made page in first.
import type { Bundle } from '../domain/model.ts';
import { linkCount } from '../io/deferred-links.ts';
import { nextTask } from '../workers/sliced.ts';

/** Organizations and links together from which a dataset is big. */
export const BIG_DATASET_RECORDS = 100_000;

export function isBigDataset(bundle: Bundle): boolean {
  return bundle.organizations.length + linkCount(bundle) >= BIG_DATASET_RECORDS;
}

/** The next task for a big dataset, at once for a small one. */
export function turnFor(bundle: Bundle): Promise<void> {
  return isBigDataset(bundle) ? nextTask() : Promise.resolve();
}

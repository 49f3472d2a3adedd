// The device's dataset store, opened once per page, and the dataset a link names by hash, asked for as the
// page's first script runs (boot.ts) rather than once the app has rendered: IndexedDB answers (or reads a
// kept dataset's columns) while the app's script is fetched and run.
import { openDatasetStore } from '../state/dataset-store.ts';
import type { DatasetStore, StoredDataset } from '../state/dataset-store.ts';

let store: DatasetStore | undefined;
/** The device's dataset store, opened on first use. */
export function datasetStore(): DatasetStore {
  store ??= openDatasetStore();
  return store;
}

let early: { hash: string; answer: Promise<StoredDataset | undefined> } | undefined;

/** Asks the store for the dataset `hash` now; the next storedDataset(hash) takes the answer. */
export function askForStoredEarly(hash: string): void {
  const answer = datasetStore().get(hash);
  // Taken later (or never, when the app shows something else): no unhandled rejection meanwhile.
  answer.catch(() => undefined);
  early = { hash, answer };
}

/** The dataset `hash` kept on this device: the answer asked for early, else asked for now. */
export function storedDataset(hash: string): Promise<StoredDataset | undefined> {
  if (early?.hash !== hash) return datasetStore().get(hash);
  const { answer } = early;
  early = undefined;
  return answer;
}

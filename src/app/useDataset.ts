// Resolves the route's dataset to a bundle: a shipped sample (fetched from the app's origin), a dataset kept
// on this device (IndexedDB, by content hash), or one embedded in the link. A hash this device does not have
// comes back as `missing`, with what the link says about the file, so the app can ask for it.
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { Bundle, Organization } from '../domain/model.ts';
import { readColumnar, rememberColumnar, rememberPlaces } from '../io/columnar.ts';
import { assembleBundle, makeLinksSliced } from '../workers/import-parts.ts';
import { keptForm } from '../workers/kept-form.ts';
import { eachSliced, nextTask } from '../workers/sliced.ts';
import { decodeEmbedded } from '../io/embed.ts';
import type { Issue, Result } from '../domain/issues.ts';
import { parseJson } from '../io/parse-json.ts';
import type { StoredContent, StoredDatasetInfo } from '../state/dataset-store.ts';
import { datasetStore, storedDataset } from './device-store.ts';
import type { DatasetRef } from '../state/route.ts';
import { createImportClient } from '../workers/import-client.ts';
import type { ImportClient } from '../workers/import-client.ts';
import type { CanonicalBundle } from '../workers/import-protocol.ts';
import { markOnce } from '../ui/perf-marks.ts';
import { firstPictureOr } from './idle-work.ts';
import { useLatest } from '../ui/useLatest.ts';
import { loadKeptPointsAhead } from './points-ahead.ts';
import { bundleCode } from './bundle-code.ts';
import { fetchBundle } from './load-dataset.ts';
import { referenceRegionIds } from './reference-regions.ts';
import { findSample, SAMPLES } from './samples.ts';

export type DatasetState =
  | { status: 'loading'; key: string }
  | {
      status: 'ready';
      key: string;
      bundle: Bundle;
      issues: Issue[];
      /** Node positions an imported GEXF or GraphML file brought, by organization id. */
      filePositions?: ReadonlyMap<string, { x: number; y: number }> | undefined;
      /** Shown while it is being kept on this device: it has no `h:` link yet. */
      beingKept?: boolean;
    }
  | { status: 'missing'; key: string; hash: string }
  | { status: 'failed'; key: string; issues: Issue[] }
  /** No dataset asked for yet: the address names a file (`?data=`) that is being fetched and imported. */
  | { status: 'waiting'; key: string };

export function datasetKey(ref: DatasetRef): string {
  // Embedded payloads are long: their key is a cheap digest of the text, enough to tell links apart.
  if (ref.kind !== 'embedded') return `${ref.kind}:${ref.id}`;
  let h = 0;
  for (let i = 0; i < ref.id.length; i++) h = (Math.imul(h, 31) + ref.id.charCodeAt(i)) | 0;
  return `embedded:${ref.id.length}:${(h >>> 0).toString(16)}`;
}

export type InTab = { bundle: Bundle; filePositions?: ReadonlyMap<string, { x: number; y: number }> };
/** Bundles opened in this tab, by hash: found at once, and kept even when the device store failed. */
const opened = new Map<string, InTab>();

/**
 * The bundle of a `?data=` start being kept on this device: shown at once (the address names no dataset
 * yet), instead of after its canonical form and hash (seconds, for a big file). Its `h:` link then names
 * the very same bundle, so nothing is read, analysed or drawn again.
 */
let beingKept: InTab | null = null;
const beingKeptListeners = new Set<() => void>();
function setBeingKept(next: InTab | null): void {
  beingKept = next;
  for (const listener of beingKeptListeners) listener();
}
const subscribeBeingKept = (listener: () => void) => {
  beingKeptListeners.add(listener);
  return () => {
    beingKeptListeners.delete(listener);
  };
};
/**
 * The bundle being kept could not be kept: it is no longer shown. (One that was kept stays here until the
 * next is: its `h:` link names the same bundle, and the start's last render without that link shows it.)
 */
export function doneKeeping(): void {
  if (beingKept !== null) setBeingKept(null);
}

export type FilePosition = { id: string; x: number; y: number };

function positionMap(
  rows: readonly FilePosition[],
): ReadonlyMap<string, { x: number; y: number }> | undefined {
  if (rows.length === 0) return undefined;
  return new Map(rows.map((p) => [p.id, { x: p.x, y: p.y }]));
}
/** Told the hash of each bundle opened, so a view waiting for that very hash (a link) picks it up. */
const openListeners = new Set<(hash: string) => void>();

export interface KeptDataset {
  hash: string;
  bytes: number;
  /** Why it could not be kept on the device (it then lasts only as long as the tab), or null. */
  storeError: string | null;
}

/**
 * Keeps an imported bundle on this device under its content hash; the `h:` link then finds it. The import
 * worker hands over its kept form (hash, size, columns) ready made; without it, it is made here.
 */
export async function keepDataset(
  bundle: Bundle,
  canonical: CanonicalBundle | null | Promise<CanonicalBundle | null> = null,
  positions: readonly FilePosition[] = [],
): Promise<KeptDataset> {
  const filePositions = positionMap(positions);
  setBeingKept(filePositions === undefined ? { bundle } : { bundle, filePositions });
  const made = (await canonical) ?? (await keptForm(bundle));
  const { hash, size: bytes } = made;
  rememberColumnar(bundle, made.columns);
  opened.set(hash, filePositions === undefined ? { bundle } : { bundle, filePositions });
  for (const listener of openListeners) listener(hash);
  try {
    await datasetStore().put({
      hash,
      title: bundle.meta.title,
      bytes,
      organizations: bundle.organizations.length,
      synthetic: bundle.meta.synthetic,
      savedAt: new Date().toISOString(),
      content: { form: 'columns', bytes: made.columns },
      positions: positions.map((p): [string, number, number] => [p.id, p.x, p.y]),
    });
    return { hash, bytes, storeError: null };
  } catch (error) {
    return { hash, bytes, storeError: error instanceof Error ? error.message : String(error) };
  }
}

export async function listKeptDatasets(): Promise<StoredDatasetInfo[]> {
  try {
    return await datasetStore().list();
  } catch {
    return [];
  }
}

export async function forgetDataset(hash: string): Promise<void> {
  opened.delete(hash);
  await datasetStore().delete(hash);
}

/** Stored bundles above this size are read in the import worker, so a reload does not freeze the tab. */
const IN_THREAD_BYTES = 2 * 1024 * 1024;

let workerClient: ImportClient | undefined;
/** The app's one import client (worker); the import dialog uses it too. */
export function sharedImportClient(): ImportClient {
  workerClient ??= createImportClient();
  return workerClient;
}

/** How long a slice of a kept dataset's records is read before the tab may paint. */
const RECORD_SLICE_MS = 20;

/**
 * A kept bundle: from its columns, read on this thread a slice at a time (no parse, no second thread); a copy
 * an earlier version kept as JSON text is parsed like a file.
 */
async function fromStored(content: StoredContent, label: string, onMap: boolean): Promise<Result<Bundle>> {
  if (content.form === 'json') return fromStoredText(content.text, label);
  const read = readColumnar(content.bytes, label);
  if (read.value === null) return { value: null, issues: read.issues };
  const reader = read.value;
  // Each in tasks of their own: opening the columns (~50 ms at 100k), sending the points (~30 ms), then
  // the records in short slices (a minor GC of 30-70 ms, which reading 100k records brings every few
  // slices, falls in one of them). Together, the first two made a task of 80–100 ms.
  await nextTask();
  // Before its organizations are read: the points worker clusters meanwhile.
  if (onMap) {
    loadKeptPointsAhead(reader.places);
    await nextTask();
  }
  const organizations = new Array<Organization>(reader.organizationCount);
  await eachSliced(
    reader.organizationCount,
    (i) => (organizations[i] = reader.organization(i)),
    RECORD_SLICE_MS,
  );
  const light: Bundle = { ...reader.bundle, organizations: [], links: [] };
  // On the map, its links are made after the first picture (nothing on the way to it reads one).
  const bundle = await assembleBundle(light, organizations, reader.links, { deferred: onMap });
  if (onMap) void firstPictureOr().then(() => makeLinksSliced(bundle));
  rememberColumnar(bundle, content.blob ?? content.bytes);
  rememberPlaces(bundle, reader.places);
  return { value: bundle, issues: [] };
}

async function fromStoredText(text: string | Uint8Array, label: string): Promise<Result<Bundle>> {
  const size = typeof text === 'string' ? text.length : text.byteLength;
  if (size <= IN_THREAD_BYTES)
    return fromText(typeof text === 'string' ? text : new TextDecoder().decode(text), label);
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  const outcome = await sharedImportClient().run({
    files: [{ name: label, bytes }],
    formats: ['bundle'],
  });
  if (outcome.value === null) return { value: null, issues: outcome.issues };
  return { value: outcome.value.bundle, issues: [] };
}

async function fromText(text: string, label: string): Promise<Result<Bundle>> {
  const parsed = parseJson(text, label);
  if (parsed.value === null) return { value: null, issues: parsed.issues };
  const { loadBundle } = await bundleCode();
  return loadBundle(parsed.value, { knownRegionIds: referenceRegionIds() });
}

const failed = (key: string, message: string): DatasetState => ({
  status: 'failed',
  key,
  issues: [{ severity: 'error', message }],
});

async function resolve(ref: DatasetRef, signal: AbortSignal, onMap: boolean): Promise<DatasetState> {
  const key = datasetKey(ref);
  const done = (result: Result<Bundle>): DatasetState =>
    result.value === null
      ? { status: 'failed', key, issues: result.issues }
      : { status: 'ready', key, bundle: result.value, issues: result.issues };
  switch (ref.kind) {
    case 'sample': {
      const sample = findSample(ref.id);
      if (sample === undefined)
        return failed(
          key,
          `There is no sample dataset called "${ref.id}". The samples are: ${SAMPLES.map((s) => s.id).join(', ')}.`,
        );
      return done(await fetchBundle(sample.url, sample.label, referenceRegionIds(), signal));
    }
    case 'hash': {
      const inTab = opened.get(ref.id);
      if (inTab !== undefined) return { status: 'ready', key, issues: [], ...inTab };
      let stored;
      try {
        stored = await storedDataset(ref.id);
      } catch (error) {
        // No store (private mode, blocked): the dataset cannot be here; say which file is needed.
        console.warn(error);
        stored = undefined;
      }
      if (stored === undefined) return { status: 'missing', key, hash: ref.id };
      const result = await fromStored(stored.content, stored.title, onMap);
      if (result.value === null) return done(result);
      const filePositions = positionMap((stored.positions ?? []).map(([id, x, y]) => ({ id, x, y })));
      const entry =
        filePositions === undefined ? { bundle: result.value } : { bundle: result.value, filePositions };
      opened.set(ref.id, entry);
      return { status: 'ready', key, issues: result.issues, ...entry };
    }
    case 'embedded': {
      const text = await decodeEmbedded(ref.id);
      if (text.value === null) return { status: 'failed', key, issues: text.issues };
      return done(await fromText(text.value, 'the dataset embedded in the link'));
    }
  }
}

/**
 * The dataset when it needs no reading: a bundle opened in this tab under the route's hash, or, while the
 * address names none yet (`waiting`), the `?data=` start's bundle being kept. Else null.
 */
export function datasetAtOnce(
  key: string,
  waiting: boolean,
  inTab: InTab | undefined,
  keeping: InTab | null,
): DatasetState | null {
  if (inTab !== undefined) return { status: 'ready', key, issues: [], ...inTab };
  if (waiting && keeping !== null)
    return { status: 'ready', key: KEEPING, issues: [], ...keeping, beingKept: true };
  return null;
}

const WAITING = 'waiting';
/** The key of the `?data=` start's bundle while it is being kept (see beingKept). */
const KEEPING = 'keeping';

/**
 * The dataset the route names, reloaded whenever the route names another; with `null`, none (the app is
 * waiting for the file the address names, and loads nothing meanwhile). `onMap`: the dataset is to be drawn
 * on a map (a big kept one then has its points sent ahead, points-ahead.ts).
 */
export function useDataset(ref: DatasetRef | null, onMap = false): DatasetState {
  const key = ref === null ? WAITING : datasetKey(ref);
  const onMapNow = useLatest(onMap);
  const [state, setState] = useState<DatasetState>({ status: 'loading', key });
  const [revision, setRevision] = useState(0);
  const waitingFor = ref?.kind === 'hash' ? ref.id : null;
  const keeping = useSyncExternalStore(subscribeBeingKept, () => beingKept);
  // A bundle opened in this tab is there at once: a `?data=` start's bundle, shown while it was being kept,
  // goes on under its `h:` link without a render in between that has no dataset.
  const inTab = waitingFor === null ? undefined : opened.get(waitingFor);
  const atOnce = useMemo(
    () => datasetAtOnce(key, ref === null, inTab, keeping),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the key describes ref fully.
    [key, inTab, keeping],
  );
  useEffect(() => {
    if (waitingFor === null) return;
    const listener = (hash: string) => {
      if (hash === waitingFor) setRevision((r) => r + 1);
    };
    openListeners.add(listener);
    return () => {
      openListeners.delete(listener);
    };
  }, [waitingFor]);
  useEffect(() => {
    if (ref === null) return;
    const controller = new AbortController();
    setState({ status: 'loading', key });
    resolve(ref, controller.signal, onMapNow.current).then(
      (next) => {
        if (controller.signal.aborted) return;
        if (next.status === 'ready') markOnce('dataset');
        setState(next);
      },
      (error: unknown) => {
        if (!controller.signal.aborted)
          setState(
            failed(
              key,
              `Could not open the dataset: ${error instanceof Error ? error.message : String(error)}`,
            ),
          );
      },
    );
    return () => controller.abort();
    // The key describes ref fully; a revision means the bundle for it was just opened.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, revision]);
  useEffect(() => {
    if (atOnce !== null) markOnce('dataset');
  }, [atOnce]);
  if (atOnce !== null) return atOnce;
  if (ref === null) return { status: 'waiting', key };
  return state.key === key ? state : { status: 'loading', key };
}

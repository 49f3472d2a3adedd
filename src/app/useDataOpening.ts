// Opening data: files picked, dropped or named by `?data=` go to the import dialog; an imported bundle is
// kept on this device and shown under its `h:` link (restoring the view a permalink from another device
// names; otherwise in the default view, with the network in the file's own layout when it brought one). Also the datasets kept here, what is being opened, and the notices this flow has to give.
import { useCallback, useEffect, useState } from 'react';
import type { Bundle } from '../domain/model.ts';
import type { StoredDatasetInfo } from '../state/dataset-store.ts';
import { DEFAULT_ROUTE } from '../state/route.ts';
import type { Route } from '../state/route.ts';
import type { ImportClient } from '../workers/import-client.ts';
import type { CanonicalBundle } from '../workers/import-protocol.ts';
import { useDataParam, useFileDrop, useImportClient } from './OpenData.tsx';
import { firstPictureOr, holdIdleWork } from './idle-work.ts';
import { doneKeeping, keepDataset, listKeptDatasets } from './useDataset.ts';
import type { DatasetState, FilePosition } from './useDataset.ts';
import type { SetRoute } from './useRouteActions.ts';

export interface DataOpening {
  /** Files waiting in the import dialog, or null. */
  files: readonly File[] | null;
  client: ImportClient;
  openFiles(files: readonly File[]): void;
  /** Closes the import dialog without importing: the app shows what the route names. */
  closeDialog(): void;
  /**
   * Keeps an imported bundle and shows it (see the file's opening lines). Closes the import dialog; the app
   * shows what the route names only once the bundle is kept (or could not be).
   */
  openBundle(
    opened: Bundle,
    fileName: string,
    canonical: CanonicalBundle | null | Promise<CanonicalBundle | null>,
    positions?: readonly FilePosition[],
  ): Promise<void>;
  /** The title of a dataset being kept on this device (its canonical form may still be coming), or null. */
  opening: string | null;
  kept: StoredDatasetInfo[];
  notices: string[];
}

/**
 * `onSettled`: the file the address named (`?data=`) was imported, cancelled or could not be fetched; the
 * app then shows what the route names. `drawsPicture`: the view shown draws a map or a network.
 */
export function useDataOpening(
  loaded: DatasetState,
  setRoute: SetRoute,
  onSettled: () => void = () => {},
  drawsPicture = false,
): DataOpening {
  const [files, setFiles] = useState<readonly File[] | null>(null);
  const [opening, setOpening] = useState<string | null>(null);
  const [notices, setNotices] = useState<string[]>([]);
  const [kept, setKept] = useState<StoredDatasetInfo[]>([]);
  const refreshKept = useCallback(() => void listKeptDatasets().then(setKept), []);
  useEffect(refreshKept, [refreshKept]);
  const client = useImportClient();

  // Opened files go through the import dialog: nothing replaces the data on screen until Import.
  const openFiles = useCallback((picked: readonly File[]) => setFiles(picked), []);
  useFileDrop(openFiles);
  // A `?data=` address opens its file when the hash names no dataset, or one this device lacks.
  const [initialHash] = useState(() => window.location.hash.replace(/^#\/?/, ''));
  useDataParam(
    loaded.status === 'missing' || (initialHash === '' && loaded.status !== 'loading'),
    openFiles,
    (message) => {
      setNotices((n) => [...n, message]);
      onSettled();
    },
  );

  const waiting = loaded.status === 'missing' ? loaded.hash : null;
  const openBundle: DataOpening['openBundle'] = async (opened, fileName, canonical, positions = []) => {
    setFiles(null);
    setOpening(opened.meta.title);
    // The picture first: a `?data=` start's bundle is drawn while it is kept, and the import worker's kept
    // form (begun at the report) waits meanwhile: the two cores of a small machine cannot do both at once.
    if (loaded.status === 'waiting' && drawsPicture) {
      client.holdKeptForm(true);
      void firstPictureOr().then(() => client.holdKeptForm(false));
    }
    let result;
    try {
      result = await holdIdleWork(keepDataset(opened, canonical, positions));
    } catch (error) {
      doneKeeping();
      setNotices([
        `"${opened.meta.title}" could not be opened: ${error instanceof Error ? error.message : String(error)}`,
      ]);
      onSettled();
      return;
    } finally {
      setOpening(null);
    }
    const messages: string[] = [];
    if (result.storeError !== null)
      messages.push(
        `${result.storeError} "${opened.meta.title}" stays open in this tab only; a reload loses it.`,
      );
    if (waiting !== null && waiting !== result.hash)
      messages.push(
        `The file "${fileName}" is not the one the link names (its content hash is ${result.hash}, the link's ${waiting}); the view is restored on it anyway.`,
      );
    setNotices(messages);
    const file = { name: opened.meta.title, bytes: result.bytes };
    setRoute(
      (r): Route =>
        waiting !== null
          ? { ...r, dataset: { kind: 'hash', id: result.hash }, file }
          : {
              ...DEFAULT_ROUTE,
              view: r.view,
              dataset: { kind: 'hash', id: result.hash },
              file,
              // A network file's own layout (Gephi's, say) is how its author meant it to be seen.
              layout: positions.length > 0 ? 'file' : DEFAULT_ROUTE.layout,
            },
      { push: waiting === null },
    );
    onSettled();
    refreshKept();
  };

  return {
    files,
    client,
    openFiles,
    closeDialog: () => {
      setFiles(null);
      onSettled();
    },
    openBundle,
    opening,
    kept,
    notices,
  };
}

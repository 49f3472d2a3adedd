// Opening data files: the header's "Open data…" button, drops anywhere on the page, and the import client
// that reads them off the main thread (the import dialog shows its report before anything changes).
import { useEffect, useRef } from 'react';
import { dataParam, fetchDataParam } from './data-param.ts';
import { sharedImportClient } from './useDataset.ts';
import type { ImportClient } from '../workers/import-client.ts';
import { useLatest } from '../ui/useLatest.ts';

/** The app's import client (one worker, shared with reloading big datasets kept on the device). */
export function useImportClient(): ImportClient {
  return sharedImportClient();
}

/** A button that opens the browser's file chooser (a label around a hidden file input); the chosen files go to onFiles. */
export function FileButton(props: {
  label: string;
  className: string;
  /** Let the user choose several files at once. */
  multiple?: boolean;
  testId?: string | undefined;
  inputTestId: string;
  onFiles: (files: readonly File[]) => void;
}) {
  return (
    <label className={props.className} data-testid={props.testId}>
      {props.label}
      <input
        type="file"
        multiple={props.multiple}
        className="visually-hidden"
        data-testid={props.inputTestId}
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          // Cleared so that choosing the same file again opens it again.
          event.target.value = '';
          if (files.length > 0) props.onFiles(files);
        }}
      />
    </label>
  );
}

export function OpenDataButton({ onFiles }: { onFiles: (files: readonly File[]) => void }) {
  return (
    <FileButton
      label="Open data…"
      className="header-button"
      multiple
      testId="open-data"
      inputTestId="open-data-input"
      onFiles={onFiles}
    />
  );
}

/** Files dropped anywhere on the page go to `onFiles`; the browser's default (opening the file) is stopped. */
export function useFileDrop(onFiles: (files: readonly File[]) => void): void {
  const latest = useLatest(onFiles);
  useEffect(() => {
    const over = (event: DragEvent) => {
      if (event.dataTransfer?.types.includes('Files') !== true) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
      document.body.classList.add('dropping');
    };
    const leave = (event: DragEvent) => {
      if (event.relatedTarget === null) document.body.classList.remove('dropping');
    };
    const drop = (event: DragEvent) => {
      document.body.classList.remove('dropping');
      const files = [...(event.dataTransfer?.files ?? [])];
      if (files.length === 0) return;
      event.preventDefault();
      latest.current(files);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [latest]);
}

/**
 * `?data=<same-origin URL>` in the page address: fetches that file and opens it like a picked file, when
 * the link names no dataset yet or names one this device does not have. The parameter stays in the
 * address (a reload or a copied link fetches it again); only the hash changes.
 */
export function useDataParam(
  wanted: boolean,
  onFiles: (files: readonly File[]) => void,
  onProblem: (message: string) => void,
): void {
  const done = useRef(false);
  const files = useLatest(onFiles);
  const problem = useLatest(onProblem);
  useEffect(() => {
    if (!wanted || done.current) return;
    const param = dataParam();
    if (param === null) return;
    done.current = true;
    let url: URL;
    try {
      url = new URL(param, window.location.href);
    } catch {
      problem.current(`The address's data parameter "${param}" is not a URL; nothing was loaded.`);
      return;
    }
    if (url.origin !== window.location.origin) {
      problem.current(
        `The address asks to load data from ${url.origin}, another site; Forgemap only loads data from its own origin (${window.location.origin}). Download the file and open it instead.`,
      );
      return;
    }
    const name = decodeURIComponent(url.pathname.split('/').pop() ?? '') || 'data';
    void fetchDataParam(url).then(
      async (response) => {
        if (!response.ok) {
          problem.current(
            `Could not load ${name} from the address's data parameter: the server answered ${response.status} ${response.statusText}.`,
          );
          return;
        }
        files.current([new File([await response.blob()], name)]);
      },
      (error: unknown) =>
        problem.current(
          `Could not load ${name} from the address's data parameter: ${error instanceof Error ? error.message : String(error)}.`,
        ),
    );
  }, [wanted, files, problem]);
}

// Opening data files: the header's "Open data…" button and drops anywhere on the page. Reads Forgemap
// bundle JSON files (any supported version, migrated) with the same loader as the CLI.
import { useEffect, useRef } from 'react';
import type { Bundle } from '../domain/model.ts';
import type { Result } from '../io/issues.ts';
import { loadBundle } from '../io/load-bundle.ts';
import { parseJson } from '../io/parse-json.ts';
import { referenceRegionIds } from './reference-regions.ts';

/** Larger files would freeze the tab while parsing; the CLI handles them. */
export const MAX_OPEN_BYTES = 200 * 1024 * 1024;

export async function readBundleFiles(files: readonly File[]): Promise<Result<Bundle>> {
  const file = files[0];
  if (file === undefined)
    return { value: null, issues: [{ severity: 'error', message: 'No file was given.' }] };
  if (file.size > MAX_OPEN_BYTES)
    return {
      value: null,
      issues: [
        {
          severity: 'error',
          file: file.name,
          message: `The file is ${Math.round(file.size / 1024 / 1024)} MB; the app opens files up to ${MAX_OPEN_BYTES / 1024 / 1024} MB. Nothing was changed.`,
        },
      ],
    };
  const parsed = parseJson(await file.text(), file.name);
  if (parsed.value === null) return { value: null, issues: parsed.issues };
  const loaded = loadBundle(parsed.value, { knownRegionIds: referenceRegionIds() });
  return { value: loaded.value, issues: loaded.issues.map((i) => ({ ...i, file: file.name })) };
}

export function OpenDataButton({ onFiles }: { onFiles: (files: readonly File[]) => void }) {
  return (
    <label className="header-button" data-testid="open-data">
      Open data…
      <input
        type="file"
        multiple
        className="visually-hidden"
        data-testid="open-data-input"
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          event.target.value = '';
          if (files.length > 0) onFiles(files);
        }}
      />
    </label>
  );
}

/** Files dropped anywhere on the page go to `onFiles`; the browser's default (opening the file) is stopped. */
export function useFileDrop(onFiles: (files: readonly File[]) => void): void {
  const latest = useRef(onFiles);
  useEffect(() => {
    latest.current = onFiles;
  }, [onFiles]);
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
  }, []);
}

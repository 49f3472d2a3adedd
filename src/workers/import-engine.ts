// Runs one import request: loads the ZIP table on first use (a separate file, fetched only when an import
// needs it) and calls the pure importer. Shared by the import worker and the in-thread fallback.
import type { ZipGeocoder } from '../geo/zip-geocoder.ts';
import { createZipGeocoder } from '../geo/zip-geocoder.ts';
import { importFiles } from '../io/import/import-files.ts';
import type { ImportOutcome } from '../io/import/import-files.ts';
import type { ImportPhase, ImportRequest } from './import-protocol.ts';

let zipGeocoder: Promise<ZipGeocoder | null> | null = null;

/** The shipped ZIP table as a geocoder, loaded once; null if it cannot be loaded (firms stay unplaced). */
export function loadZipGeocoder(): Promise<ZipGeocoder | null> {
  zipGeocoder ??= import('../../data/reference/zips.json', { with: { type: 'json' } })
    .then((module: { default: unknown }) => createZipGeocoder(module.default).geocoder)
    .catch(() => null);
  return zipGeocoder;
}

export type ImportProgress = (phase: ImportPhase, fraction: number) => void;

export async function runImport(
  request: ImportRequest,
  onProgress: ImportProgress = () => {},
  isCancelled: () => boolean = () => false,
): Promise<ImportOutcome> {
  onProgress('reference', 0);
  const zip = await loadZipGeocoder();
  onProgress('reading', 0);
  return importFiles(
    request.files.map((file) => ({ name: file.name, data: file.bytes })),
    {
      formats: request.formats,
      mappings: request.mappings,
      base: request.base,
      today: request.today,
      zipGeocoder: zip,
      onProgress: (fraction) => onProgress('reading', fraction),
      isCancelled,
    },
  );
}

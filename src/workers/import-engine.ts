// Runs one import request: loads the ZIP table on first use (a separate file, fetched only when an import
// needs it) and calls the pure importer. Shared by the import worker and the in-thread fallback.
import type { ZipGeocoder } from '../geo/zip-geocoder.ts';
import { createZipGeocoder } from '../geo/zip-geocoder.ts';
import { importFiles } from '../io/import/import-files.ts';
import { readOnEngine } from '../io/import/engine-files.ts';
import type { RecordsHost } from '../io/records/subaward-read.ts';
import type { ImportOutcome } from '../io/import/import-files.ts';
import { keptForm } from './kept-form.ts';
import type { ImportFile } from '../io/import/import-files.ts';
import { decodeText } from '../io/import/decode-text.ts';
import { BUNDLE_FORMAT } from '../domain/model.ts';
import { MAX_FILE_BYTES } from '../io/import/limits.ts';
import type { PartParser } from '../io/link-split.ts';
import { SPLIT_MIN_CHARS } from '../io/link-split.ts';
import { loadBundleSplit } from '../io/load-bundle-split.ts';
import { referenceFile } from './reference-files.ts';
import type { CanonicalBundle, ImportPhase, ImportRequest } from './import-protocol.ts';

let zipGeocoder: Promise<ZipGeocoder | null> | null = null;

/** The shipped ZIP table as a geocoder, loaded once; null if it cannot be loaded (firms stay unplaced). */
export function loadZipGeocoder(): Promise<ZipGeocoder | null> {
  zipGeocoder ??= referenceFile('zips')
    .then((table) => createZipGeocoder(table).geocoder)
    .catch(() => null);
  return zipGeocoder;
}

export type ImportProgress = (phase: ImportPhase, fraction: number) => void;

/** Files up to this size are searched for a ZIP column before the table is loaded; bigger ones load it. */
const ZIP_SCAN_MAX_BYTES = 16 * 1024 * 1024;
/** Every ZIP column name the importers read contains one of these (column-mapping.ts, USAspending's). */
const ZIP_NAMES = /zip|post/i;

/** A bundle's text opens with its format, as Forgemap writes it: `{"format": "forgemap.bundle"`. */
const BUNDLE_OPENING = new RegExp(
  `^\\ufeff?\\s*\\{\\s*"format"\\s*:\\s*"${BUNDLE_FORMAT.replace('.', '\\.')}"`,
);

function namesBundle(bytes: Uint8Array): boolean {
  return BUNDLE_OPENING.test(new TextDecoder().decode(bytes.subarray(0, 256)));
}

/**
 * Whether an import may read a ZIP code, so needs the ZIP table (2.2 MB, a few hundred ms to fetch and
 * parse on a slow machine): a column mapped to ZIP by the user, or a file whose text names one. Archives,
 * UTF-16 text and files too big to search cheaply count as needing it; a network file without any ZIP
 * attribute (most GEXF and GraphML files) does not.
 */
export function mayReadZip(request: ImportRequest): boolean {
  if (request.mappings?.some((mapping) => mapping?.target === 'organizations' && mapping.columns.zip != null))
    return true;
  return request.files.some(({ bytes }, index) => {
    // A Forgemap bundle's organizations carry their own coordinates: its reader has no use for the table.
    if (request.formats?.[index] === 'bundle' || namesBundle(bytes)) return false;
    if (bytes.byteLength > ZIP_SCAN_MAX_BYTES) return true;
    const [b0, b1] = bytes;
    const archive = (b0 === 0x50 && b1 === 0x4b) || (b0 === 0x1f && b1 === 0x8b);
    const utf16 = (b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff);
    return archive || utf16 || ZIP_NAMES.test(new TextDecoder('latin1').decode(bytes));
  });
}

/** What keeping an imported bundle on the device takes (its hash, size and columns); see keptForm. */
export async function canonicalOf(
  outcome: ImportOutcome,
  between?: () => Promise<void>,
): Promise<CanonicalBundle | null> {
  return outcome.value === null ? null : keptForm(outcome.value.bundle, between);
}

/**
 * `openHost` starts the records engine, for Subawards downloads. `parsePart`, where given, lets a big bundle be parsed on two cores (io/load-bundle-split.ts); the outcome
 * is the same without it.
 */
export async function runImport(
  request: ImportRequest,
  onProgress: ImportProgress = () => {},
  isCancelled: () => boolean = () => false,
  parsePart?: PartParser,
  openHost: () => Promise<RecordsHost> = () => Promise.reject(new Error('no records engine here')),
): Promise<ImportOutcome> {
  const splits = request.files.map((file, index) => {
    const forced = request.formats?.[index];
    const big = file.bytes.byteLength >= SPLIT_MIN_CHARS && file.bytes.byteLength <= MAX_FILE_BYTES;
    return parsePart !== undefined && big && (forced == null || forced === 'bundle');
  });
  // The helper starts while the ZIP table loads, and is up before this thread blocks on a big parse.
  const helperUp = splits.includes(true) ? parsePart?.ready?.() : undefined;
  onProgress('reference', 0);
  const zip = mayReadZip(request) ? await loadZipGeocoder() : null;
  await helperUp;
  onProgress('reading', 0);
  const files: ImportFile[] = [];
  for (const [index, file] of request.files.entries()) {
    if (parsePart === undefined || splits[index] !== true) {
      files.push({ name: file.name, data: file.bytes });
      continue;
    }
    const decoded = decodeText(file.bytes);
    const bundle = await loadBundleSplit(decoded.text, parsePart);
    files.push({ name: file.name, data: file.bytes, decoded, bundle: bundle ?? undefined });
  }
  // Subawards downloads are read on the records engine (DuckDB-Wasm, started only for them).
  const read = await readOnEngine(files, request, openHost);
  return importFiles(read, {
    formats: request.formats,
    mappings: request.mappings,
    base: request.base,
    today: request.today,
    zipGeocoder: zip,
    onProgress: (fraction) => onProgress('reading', fraction),
    isCancelled,
  });
}

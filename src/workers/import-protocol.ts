// The typed messages between the app and the import worker: one request carries the files' bytes and
// the user's choices (formats, column mappings, the open dataset for a links table); the worker answers
// with progress fractions and then the outcome or an error.
import type { Bundle } from '../domain/model.ts';
import type { ColumnMapping } from '../io/import/column-mapping.ts';
import type { ImportFormat } from '../io/import/formats.ts';
import type { ImportOutcome } from '../io/import/import-files.ts';
import type { LinkColumns } from '../io/link-split.ts';

export interface ImportRequestFile {
  name: string;
  bytes: Uint8Array;
}

export interface ImportRequest {
  files: ImportRequestFile[];
  formats?: (ImportFormat | null)[] | undefined;
  mappings?: (ColumnMapping | null)[] | undefined;
  base?: Bundle | null | undefined;
  /** YYYY-MM-DD; default today. */
  today?: string | undefined;
}

export type ImportPhase = 'reference' | 'reading';

export type ToImportWorker = { type: 'import'; id: number; request: ImportRequest };

/**
 * The canonical bundle text (UTF-8) and its content hash, made where the bundle is (the worker). A big one
 * comes as a Blob made in the worker: a Blob crosses threads by reference and IndexedDB writes it without
 * blocking, while making one from bytes copies them (~150 ms for 136 MB, on the main thread otherwise).
 */
export interface CanonicalBundle {
  hash: string;
  bytes: Uint8Array<ArrayBuffer> | Blob;
}

/** Canonical forms at least this big come as a Blob. */
export const CANONICAL_BLOB_BYTES = 1024 * 1024;

/**
 * What a run resolves to: the outcome and, when something was imported, its canonical form. That comes
 * later (seconds for a big bundle): the report is shown without it, and only keeping the dataset waits.
 */
export interface ImportResult extends ImportOutcome {
  canonical: Promise<CanonicalBundle | null>;
}

/**
 * The bundle's organizations travel in parts ahead of the result, each its own message (and so its own
 * main-thread task to deserialize); its links travel as columns (typed arrays that move, and the distinct
 * ids), which the client turns back into links a slice at a time. A million link objects in messages took
 * seconds of main-thread time to deserialize.
 */
export type FromImportWorker =
  | { type: 'progress'; id: number; phase: ImportPhase; fraction: number }
  | { type: 'part'; id: number; key: 'organizations'; items: unknown[] }
  | { type: 'links'; id: number; columns: LinkColumns }
  | { type: 'result'; id: number; outcome: ImportOutcome }
  | { type: 'canonical'; id: number; canonical: CanonicalBundle | null }
  | { type: 'error'; id: number; message: string };

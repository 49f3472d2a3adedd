// What the app asks of the import worker and what it answers (the methods are in import-api.ts): one request
// carries the files' bytes and the user's choices (formats, column mappings, the open dataset for a links
// table); the worker answers with progress, the outcome's parts and the outcome, then its canonical form.
import { z } from 'zod';
import type { Bundle } from '../domain/model.ts';
import type { ColumnMapping } from '../io/import/column-mapping.ts';
import type { ImportFormat } from '../io/import/formats.ts';
import type { ImportOutcome } from '../io/import/import-files.ts';

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

/**
 * The request's outline, checked where the importer runs: the files with their bytes (which the importer
 * checks row by row); the user's choices go through the importer's own sanitizing.
 */
export const importRequestSchema = z.custom<ImportRequest>(
  (value) =>
    z
      .object({ files: z.array(z.object({ name: z.string(), bytes: z.instanceof(Uint8Array) })) })
      .safeParse(value).success,
  'the request needs its files, each with a name and its bytes',
);

export type ImportPhase = 'reference' | 'reading';

/**
 * What keeping an imported bundle on the device takes, made where the bundle is (a worker): the content hash
 * of its canonical text (its `h:` id), that text's size in bytes, and the bundle in columns (io/columnar.ts),
 * the form it is kept in. Big columns come as a Blob made in the worker: a Blob crosses threads by reference
 * and IndexedDB writes it without blocking, while making one from bytes copies them on the main thread.
 */
export interface CanonicalBundle {
  hash: string;
  /** UTF-8 bytes of the canonical text (what the hash is of). */
  size: number;
  columns: Uint8Array<ArrayBuffer> | Blob;
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
 * What the import worker's methods accept (import-api.ts), checked before each runs; here, not there, so
 * that the client has them without loading the importer (serve and inThreadLazy check them against the API).
 */
export const importArgSchemas = {
  run: importRequestSchema,
  canonical: z.null(),
  'hold-kept-form': z.object({ hold: z.boolean() }),
};

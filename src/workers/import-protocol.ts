// The typed messages between the app and the import worker: one request carries the files' bytes and
// the user's choices (formats, column mappings, the open dataset for a links table); the worker answers
// with progress fractions and then the outcome or an error.
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

export type ImportPhase = 'reference' | 'reading';

export type ToImportWorker = { type: 'import'; id: number; request: ImportRequest };

export type FromImportWorker =
  | { type: 'progress'; id: number; phase: ImportPhase; fraction: number }
  | { type: 'result'; id: number; outcome: ImportOutcome }
  | { type: 'error'; id: number; message: string };

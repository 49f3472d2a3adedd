// Which download a file is, from its first line, in the words both hosts (CLI and browser) report it with.
import { csvParseRows } from 'd3-dsv';
import { recordKindOf, SAM_FIELDS } from './columns.ts';
import type { RecordKind } from './columns.ts';

/** The first line of a CSV text (a leading byte-order mark dropped) as header cells; null when there is none. */
export function headerCells(start: string): string[] | null {
  const line = start.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  if (line.trim() === '') return null;
  return csvParseRows(line)[0] ?? null;
}

/** How much of a file's start is read to find its header line. */
export const HEADER_BYTES = 256 * 1024;

/** Entries of a zip that may be downloads: CSV, Census `.txt`, SAM `.dat`. */
export const RECORD_ENTRY = /\.(csv|txt|dat)$/i;
export const NO_RECORD_ENTRY = 'the zip file holds no .csv, .txt or .dat file';

/** A file's kind, or the sentence (after "<file>: ") that says why it cannot be used. */
export function classifyDownload(start: string): { kind: RecordKind } | { problem: string } {
  const sam = samExtractOf(start);
  if (sam !== null) return sam;
  const header = headerCells(start);
  if (header === null) return { problem: 'is empty' };
  const verdict = recordKindOf(header);
  if (verdict.kind === null) return { problem: verdict.problem };
  if (verdict.missing.length > 0)
    return {
      problem: `the header has no ${verdict.missing.join(', ')} column${verdict.missing.length > 1 ? 's' : ''}`,
    };
  return { kind: verdict.kind };
}

/** The message when no prime transactions file is among the files. */
export const NO_PRIME_FILE =
  'no contract prime transactions file among the files (Contracts_PrimeTransactions_*.csv)';

/** A SAM.gov entity extract from its first lines (a `BOF` line, then entities), or null when it is not one. */
function samExtractOf(start: string): { kind: 'sam' } | { problem: string } | null {
  const [first = '', record = ''] = start.replace(/^\uFEFF/, '').split(/\r?\n/, 2);
  if (!/^BOF\b/.test(first)) return null;
  if (record.trim() === '' || record.startsWith('EOF'))
    return { problem: 'is a SAM.gov extract with no entity in it' };
  const fields = record.split('|');
  if (!/^[A-Z0-9]{12}$/.test(fields[0] ?? '') || fields.length < SAM_FIELDS.naics)
    return {
      problem: `is a SAM.gov extract in another layout (the V2 public extract starts each line with a 12-character UEI and has at least ${SAM_FIELDS.naics} fields); download SAM_PUBLIC_MONTHLY_V2`,
    };
  return { kind: 'sam' };
}

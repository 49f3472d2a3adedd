// Which download a file is, from its first line, in the words both hosts (CLI and browser) report it with.
import { csvParseRows } from 'd3-dsv';
import { recordKindOf } from './columns.ts';
import type { RecordKind } from './columns.ts';

/** The first line of a CSV text (a leading byte-order mark dropped) as header cells; null when there is none. */
export function headerCells(start: string): string[] | null {
  const line = start.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  if (line.trim() === '') return null;
  return csvParseRows(line)[0] ?? null;
}

/** How much of a file's start is read to find its header line. */
export const HEADER_BYTES = 256 * 1024;

/** A file's kind, or the sentence (after "<file>: ") that says why it cannot be used. */
export function classifyDownload(start: string): { kind: RecordKind } | { problem: string } {
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

// The one CSV writer (exports, table downloads, the import report): d3-dsv quoting plus the OWASP guard
// against formula injection, so a firm named "=HYPERLINK(…)" opens in Excel as text, never as a formula.
import { csvFormatRows, csvFormatValue } from 'd3-dsv';

export type CsvValue = string | number | null | undefined;

export interface CsvOptions {
  /** Start with a UTF-8 byte order mark, which Excel needs to read non-ASCII text as UTF-8. */
  bom?: boolean;
}

/** Spreadsheets run a cell starting with one of these as a formula (OWASP "CSV Injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A negative number such as "-87.6" is data, not a formula, and must stay numeric. */
const NEGATIVE_NUMBER = /^-(?:\d+(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?$/i;

/** One cell's text: empty for missing values, a quote before anything a spreadsheet would evaluate. */
export function safeCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (FORMULA_START.test(value) && !NEGATIVE_NUMBER.test(value)) return `'${value}`;
  return value;
}

/** One cell as it stands in a CSV line: made safe, then quoted when it holds a comma, quote or line break. */
export function csvCell(value: CsvValue): string {
  return csvFormatValue(safeCell(value));
}

/** A header row and data rows as CSV text, every cell made safe, ending with a newline. */
export function csvText(
  header: readonly string[],
  rows: readonly (readonly CsvValue[])[],
  options: CsvOptions = {},
): string {
  const table: string[][] = [header.map(safeCell)];
  for (const row of rows) table.push(row.map(safeCell));
  return `${options.bom === true ? '\uFEFF' : ''}${csvFormatRows(table)}\n`;
}

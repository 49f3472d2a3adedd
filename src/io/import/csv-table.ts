// CSV text → header and rows with papaparse: the delimiter (comma, semicolon, tab, pipe) is read from the
// header line, quoted commas and line breaks inside quotes are kept, CRLF and empty lines are handled.
import Papa from 'papaparse';

export type Delimiter = ',' | ';' | '\t' | '|';
const DELIMITERS: readonly Delimiter[] = [',', ';', '\t', '|'];

export interface CsvProblem {
  /** Spreadsheet row number (the header is row `headerRow`). */
  row: number;
  /**
   * `unclosed-quote`: the row opens a quoted cell that never closes; it and every line after it are left
   * out (`lostLines` of them, this row's line included) instead of being read as one cell.
   */
  kind: 'quotes' | 'unclosed-quote' | 'field-count';
  /** A sentence about the row, without the row's number. */
  message: string;
  /** Lines of the file that were not read as rows (for `unclosed-quote`). */
  lostLines?: number;
}

export interface CsvTable {
  /** Column names, trimmed; a repeated name gets " (2)", " (3)" so each column can be chosen. */
  headers: string[];
  /** Row number of the header line (1 unless the file starts with empty lines). */
  headerRow: number;
  /** Records after the header; `rows[i]` is spreadsheet row `headerRow + 1 + i`. Empty lines are `[]`. */
  rows: string[][];
  delimiter: Delimiter;
  problems: CsvProblem[];
  /** True when the file has more data rows than `maxRows` (the rest were not read). */
  truncated: boolean;
  emptyLines: number;
}

/** The delimiter of a header line: the candidate that occurs most often outside quotes. */
export function guessDelimiter(line: string): Delimiter {
  const counts = new Map<Delimiter, number>();
  let quoted = false;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (DELIMITERS as readonly string[]).includes(char)) {
      const d = char as Delimiter;
      counts.set(d, (counts.get(d) ?? 0) + 1);
    }
  }
  let best: Delimiter = ',';
  let most = 0;
  for (const d of DELIMITERS) {
    const count = counts.get(d) ?? 0;
    if (count > most) {
      best = d;
      most = count;
    }
  }
  return best;
}

/** The first line that is not blank, for detection. */
export function firstLine(text: string): string {
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const line = text.slice(start, end).replace(/\r$/, '');
    if (line.trim() !== '') return line;
    start = end + 1;
  }
  return '';
}

export function parseCsvTable(text: string, maxRows: number): CsvTable {
  const delimiter = guessDelimiter(firstLine(text));
  const parsed = Papa.parse<string[]>(text, {
    delimiter,
    quoteChar: '"',
    skipEmptyLines: false,
    // Header, leading empty lines and one row past the limit (to know it was exceeded) are read at most.
    preview: maxRows + 64,
  });
  let records = parsed.data;
  // A quote that never closes makes papaparse read the rest of the file as one cell: another row's cells
  // in a name. Nothing from that line on is a row; the problem says which line and how many were lost.
  const unclosed = parsed.errors.find((error) => error.code === 'MissingQuotes' && error.row !== undefined);
  let lost: { line: number; lines: number } | null = null;
  if (unclosed?.row !== undefined) {
    records = records.slice(0, unclosed.row);
    lost = linesFrom(text, unclosed.index ?? text.length);
  }
  let headerIndex = 0;
  while (headerIndex < records.length && isEmptyRecord(records[headerIndex])) headerIndex++;
  const header = records[headerIndex] ?? [];
  const headers = uniqueHeaders(header);
  const headerRow = headerIndex + 1;
  let rows = records.slice(headerIndex + 1).map((record) => (isEmptyRecord(record) ? [] : record));
  // A file ending in a line break yields one last empty record that is no line of the file.
  while (rows.length > 0 && (rows[rows.length - 1]?.length ?? 0) === 0) rows.pop();
  let truncated = false;
  if (rows.length > maxRows) {
    truncated = true;
    rows = rows.slice(0, maxRows);
  }

  const problems: CsvProblem[] = [];
  for (const error of parsed.errors) {
    if (error.type !== 'Quotes' || error.row === undefined || error === unclosed) continue;
    if (unclosed?.row !== undefined && error.row >= unclosed.row) continue;
    problems.push({
      row: error.row + 1,
      kind: 'quotes',
      message: 'has a quote mark inside a cell that is not doubled ("")',
    });
  }
  if (unclosed?.row !== undefined && lost !== null) {
    const after = lost.lines - 1;
    problems.push({
      row: unclosed.row + 1,
      kind: 'unclosed-quote',
      lostLines: lost.lines,
      message:
        `(line ${lost.line} of the file) opens a quoted cell that is never closed, so it` +
        (after > 0 ? ` and the ${after} ${after === 1 ? 'line' : 'lines'} after it were` : ' was') +
        ' not imported: close the quote (") or remove it, then import the file again',
    });
  }
  let emptyLines = 0;
  rows.forEach((row, i) => {
    if (row.length === 0) emptyLines++;
    else if (row.length !== headers.length && headers.length > 0) {
      problems.push({
        row: headerRow + 1 + i,
        kind: 'field-count',
        message: `has ${row.length} cells but the header has ${headers.length}`,
      });
    }
  });
  return { headers, headerRow, rows, delimiter, problems, truncated, emptyLines };
}

/** The 1-based line holding character `index`, and how many non-blank lines run from it to the end. */
function linesFrom(text: string, index: number): { line: number; lines: number } {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  const start = text.lastIndexOf('\n', Math.max(0, index - 1)) + 1;
  const lines = text
    .slice(start)
    .split('\n')
    .filter((l) => l.trim() !== '').length;
  return { line, lines };
}

function isEmptyRecord(record: string[] | undefined): boolean {
  return record === undefined || record.every((cell) => cell.trim() === '');
}

function uniqueHeaders(header: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return header.map((raw, index) => {
    const name = raw.trim() === '' ? `column ${index + 1}` : raw.trim();
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return count === 1 ? name : `${name} (${count})`;
  });
}

// CSV text of table rows (RFC 4180: comma separated, CRLF line ends, fields quoted when they hold a comma,
// quote or line break), with spreadsheet formula injection defused.

export interface CsvColumn<Row> {
  header: string;
  /** The cell's text in the file; numbers go out unformatted so spreadsheets can compute with them. */
  csv: (row: Row) => string | number | null | undefined;
}

/**
 * A cell that starts with = + - @ (or a tab or carriage return, which some spreadsheets skip before those)
 * would run as a formula when the file is opened: prefix it with a single quote so it stays text. Numbers
 * are written as numbers, so a negative amount keeps its minus sign.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv<Row>(rows: readonly Row[], columns: readonly CsvColumn<Row>[]): string {
  const lines = [columns.map((column) => csvCell(column.header))];
  for (const row of rows) lines.push(columns.map((column) => csvCell(column.csv(row))));
  return lines.map((cells) => cells.join(',')).join('\r\n') + '\r\n';
}

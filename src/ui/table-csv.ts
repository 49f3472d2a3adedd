// CSV text of table rows, through the app's one CSV writer (io/export/csv-text.ts: d3-dsv quoting, formula
// injection defused, negative numbers kept numeric).
import { csvText } from '../io/export/csv-text.ts';
import type { CsvValue } from '../io/export/csv-text.ts';

export interface CsvColumn<Row> {
  header: string;
  /** The cell's text in the file; numbers go out unformatted so spreadsheets can compute with them. */
  csv: (row: Row) => CsvValue;
}

export function toCsv<Row>(rows: readonly Row[], columns: readonly CsvColumn<Row>[]): string {
  return csvText(
    columns.map((column) => column.header),
    rows.map((row) => columns.map((column) => column.csv(row))),
  );
}

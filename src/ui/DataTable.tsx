// A generic accessible table: a caption, sortable column headers (buttons, aria-sort), arrow-key movement
// between cells (roving tabindex) and a "Download CSV" button that saves the rows in the order shown.
import { useId, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';
import { toCsv } from './table-csv.ts';
import './ui.css';

export type CellValue = string | number | null;
export type SortDirection = 'ascending' | 'descending';
export interface SortState {
  column: string;
  direction: SortDirection;
}

export interface DataColumn<Row> {
  /** Stable id: the sort state and test ids use it. */
  id: string;
  header: string;
  /** The cell's value: what sorting compares and what the CSV holds. */
  accessor: (row: Row) => CellValue;
  /** Text shown for the value (e.g. "$1.2M"); default: the value as is, an em dash for null. */
  format?: ((value: CellValue, row: Row) => string) | undefined;
  /** Custom content (a button, badges); sorting and the CSV still use `accessor`. */
  render?: ((row: Row) => ReactNode) | undefined;
  /** Right-aligned with tabular figures; sorts largest first on the first click. */
  numeric?: boolean | undefined;
  /** Default true. */
  sortable?: boolean | undefined;
  /** The cells of this column name their row (`<th scope="row">`). */
  rowHeader?: boolean | undefined;
  /** What the CSV holds, when not the raw value (e.g. a list joined with "; "). */
  csv?: ((row: Row) => CellValue) | undefined;
}

export interface DataTableProps<Row> {
  caption: string;
  /** Show the caption, or keep it for screen readers only (default: shown). */
  captionHidden?: boolean | undefined;
  columns: readonly DataColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  initialSort?: SortState | null | undefined;
  /** The order, when the caller keeps it (e.g. in the link); `onSortChange` then hears each header click. */
  sort?: SortState | null | undefined;
  onSortChange?: ((sort: SortState) => void) | undefined;
  /** File name of the "Download CSV" button; no button without it. */
  csvFileName?: string | undefined;
  /** data-testid of the table; its parts get `${testId}-sort-${column.id}`, `${testId}-csv`, `${testId}-row`. */
  testId?: string | undefined;
  rowClassName?: ((row: Row) => string | undefined) | undefined;
  /** Shown instead of the table when there are no rows. */
  emptyText?: string | undefined;
  className?: string | undefined;
}

// A fixed locale and numeric collation: "Shop 2" before "Shop 10", the same on every machine.
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Compares two cell values ascending; null (no value) sorts last in both directions (see sortRows). */
function compareValues(a: CellValue, b: CellValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

/**
 * A sorted copy of the rows. Stable: equal values keep their given order. Missing values (null, NaN) go
 * last whichever the direction, so "largest first" never starts with blanks.
 */
export function sortRows<Row>(
  rows: readonly Row[],
  columns: readonly DataColumn<Row>[],
  sort: SortState | null | undefined,
): Row[] {
  const column = sort === null || sort === undefined ? undefined : columns.find((c) => c.id === sort.column);
  if (column === undefined || sort == null) return [...rows];
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const keyed = rows.map((row, index) => ({ row, index, value: column.accessor(row) }));
  const missing = (v: CellValue) => v === null || (typeof v === 'number' && Number.isNaN(v));
  keyed.sort((a, b) => {
    const am = missing(a.value);
    const bm = missing(b.value);
    if (am || bm) return am === bm ? a.index - b.index : am ? 1 : -1;
    return sign * compareValues(a.value, b.value) || a.index - b.index;
  });
  return keyed.map((k) => k.row);
}

/** The sort after activating a header: the same column flips; a new one starts largest (numbers) or A first. */
export function nextSort(current: SortState | null | undefined, column: string, numeric: boolean): SortState {
  if (current != null && current.column === column) {
    return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  }
  return { column, direction: numeric ? 'descending' : 'ascending' };
}

/** The cell that an arrow, Home or End key moves to in a rows × columns grid; null for other keys. */
export function moveCell(
  at: { row: number; column: number },
  key: string,
  size: { rows: number; columns: number },
  ctrlKey = false,
): { row: number; column: number } | null {
  const clamp = (value: number, max: number) => Math.max(0, Math.min(max - 1, value));
  switch (key) {
    case 'ArrowUp':
      return { row: clamp(at.row - 1, size.rows), column: at.column };
    case 'ArrowDown':
      return { row: clamp(at.row + 1, size.rows), column: at.column };
    case 'ArrowLeft':
      return { row: at.row, column: clamp(at.column - 1, size.columns) };
    case 'ArrowRight':
      return { row: at.row, column: clamp(at.column + 1, size.columns) };
    case 'Home':
      return ctrlKey ? { row: 0, column: 0 } : { row: at.row, column: 0 };
    case 'End':
      return ctrlKey
        ? { row: size.rows - 1, column: size.columns - 1 }
        : { row: at.row, column: size.columns - 1 };
    default:
      return null;
  }
}

function shownText<Row>(column: DataColumn<Row>, row: Row): string {
  const value = column.accessor(row);
  if (column.format !== undefined) return column.format(value, row);
  return value === null ? '—' : String(value);
}

export function DataTable<Row>({
  caption,
  captionHidden = false,
  columns,
  rows,
  rowKey,
  initialSort = null,
  sort: givenSort,
  onSortChange,
  csvFileName,
  testId,
  rowClassName,
  emptyText = 'No rows.',
  className,
}: DataTableProps<Row>) {
  const [ownSort, setOwnSort] = useState<SortState | null>(initialSort);
  const sort = givenSort !== undefined ? givenSort : ownSort;
  const sortBy = (column: string, numeric: boolean) => {
    const next = nextSort(sort, column, numeric);
    setOwnSort(next);
    onSortChange?.(next);
  };
  const [active, setActive] = useState({ row: 0, column: 0 });
  const tableRef = useRef<HTMLTableElement>(null);
  const captionId = useId();
  const sorted = useMemo(() => sortRows(rows, columns, sort), [rows, columns, sort]);
  // The active cell may fall outside the table when the rows change; clamp instead of resetting on every render.
  const at = {
    row: Math.min(active.row, Math.max(0, sorted.length - 1)),
    column: Math.min(active.column, Math.max(0, columns.length - 1)),
  };
  const part = (name: string) => (testId === undefined ? undefined : `${testId}-${name}`);

  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    // Keys typed into a control inside a cell belong to that control.
    if ((event.target as HTMLElement).closest('td, th') !== event.target) return;
    if (event.key === 'Enter' || event.key === ' ') {
      const control = (event.target as HTMLElement).querySelector<HTMLElement>(
        'button, a[href], input, select',
      );
      if (control !== null) {
        event.preventDefault();
        control.click();
      }
      return;
    }
    const next = moveCell(at, event.key, { rows: sorted.length, columns: columns.length }, event.ctrlKey);
    if (next === null) return;
    event.preventDefault();
    setActive(next);
    tableRef.current
      ?.querySelector<HTMLElement>(`[data-cell="${next.row}:${next.column}"]`)
      ?.focus({ preventScroll: false });
  };

  const download = () => {
    const csv = toCsv(
      sorted,
      columns.map((column) => ({ header: column.header, csv: column.csv ?? column.accessor })),
    );
    // The byte-order mark makes spreadsheet programs read the file as UTF-8.
    const url = URL.createObjectURL(new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }));
    const anchor = document.createElement('a');
    anchor.href = url;
    anchor.download = csvFileName ?? 'table.csv';
    anchor.click();
    // Revoke after the click has been handled, so the download has started.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };

  return (
    <div className={`ui-data-table${className === undefined ? '' : ` ${className}`}`}>
      {csvFileName !== undefined && rows.length > 0 && (
        <div className="ui-data-table-tools">
          <button type="button" onClick={download} data-testid={part('csv')} aria-describedby={captionId}>
            Download CSV
          </button>
        </div>
      )}
      {rows.length === 0 ? (
        <p className="ui-data-table-empty" id={captionId} data-testid={testId}>
          {caption}: {emptyText}
        </p>
      ) : (
        <div className="ui-data-table-scroll">
          <table ref={tableRef} data-testid={testId}>
            <caption id={captionId} className={captionHidden ? 'ui-visually-hidden' : undefined}>
              {caption}
            </caption>
            <thead>
              <tr>
                {columns.map((column) => {
                  const sorted = sort?.column === column.id ? sort.direction : undefined;
                  const numeric = column.numeric === true;
                  return (
                    <th
                      key={column.id}
                      scope="col"
                      aria-sort={sorted}
                      className={numeric ? 'ui-num' : undefined}
                    >
                      {column.sortable === false ? (
                        column.header
                      ) : (
                        <button
                          type="button"
                          className="ui-sort-button"
                          data-testid={part(`sort-${column.id}`)}
                          onClick={() => sortBy(column.id, numeric)}
                        >
                          {column.header}
                          <span className="ui-sort-marker" aria-hidden="true">
                            {sorted === 'ascending' ? '▲' : sorted === 'descending' ? '▼' : '↕'}
                          </span>
                        </button>
                      )}
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody onKeyDown={onKeyDown}>
              {sorted.map((row, r) => (
                <tr key={rowKey(row)} className={rowClassName?.(row)} data-testid={part('row')}>
                  {columns.map((column, c) => {
                    const Cell = column.rowHeader === true ? 'th' : 'td';
                    return (
                      <Cell
                        key={column.id}
                        scope={column.rowHeader === true ? 'row' : undefined}
                        className={column.numeric === true ? 'ui-num' : undefined}
                        tabIndex={r === at.row && c === at.column ? 0 : -1}
                        data-cell={`${r}:${c}`}
                        onFocus={() => setActive({ row: r, column: c })}
                      >
                        {column.render !== undefined ? column.render(row) : shownText(column, row)}
                      </Cell>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DataTable, moveCell, nextSort, sortRows } from './DataTable.tsx';
import type { DataColumn } from './DataTable.tsx';

interface Row {
  name: string;
  value: number | null;
}

const columns: DataColumn<Row>[] = [
  { id: 'name', header: 'Name', accessor: (r) => r.name, rowHeader: true },
  {
    id: 'value',
    header: 'Value',
    accessor: (r) => r.value,
    numeric: true,
    format: (v) => (v === null ? 'none' : `$${String(v)}`),
  },
];
const rows: Row[] = [
  { name: 'Shop 10', value: 5 },
  { name: 'shop 2', value: null },
  { name: 'Alpha', value: 30 },
  { name: 'Beta', value: 5 },
];
const names = (list: Row[]) => list.map((r) => r.name);

describe('sortRows', () => {
  it('sorts text A to Z ignoring case, numbers inside text by value', () => {
    expect(names(sortRows(rows, columns, { column: 'name', direction: 'ascending' }))).toEqual([
      'Alpha',
      'Beta',
      'shop 2',
      'Shop 10',
    ]);
  });

  it('sorts numbers largest first with ties in the given order and missing values last', () => {
    expect(names(sortRows(rows, columns, { column: 'value', direction: 'descending' }))).toEqual([
      'Alpha',
      'Shop 10',
      'Beta',
      'shop 2',
    ]);
    expect(names(sortRows(rows, columns, { column: 'value', direction: 'ascending' }))).toEqual([
      'Shop 10',
      'Beta',
      'Alpha',
      'shop 2',
    ]);
  });

  it('keeps the given order without a sort or with an unknown column, and never mutates the input', () => {
    const copy = [...rows];
    expect(sortRows(rows, columns, null)).toEqual(rows);
    expect(sortRows(rows, columns, { column: 'nope', direction: 'ascending' })).toEqual(rows);
    sortRows(rows, columns, { column: 'name', direction: 'descending' });
    expect(rows).toEqual(copy);
  });
});

describe('nextSort', () => {
  it.each([
    { current: null, column: 'name', numeric: false, want: { column: 'name', direction: 'ascending' } },
    { current: null, column: 'value', numeric: true, want: { column: 'value', direction: 'descending' } },
    {
      current: { column: 'value', direction: 'descending' as const },
      column: 'value',
      numeric: true,
      want: { column: 'value', direction: 'ascending' },
    },
    {
      current: { column: 'name', direction: 'ascending' as const },
      column: 'name',
      numeric: false,
      want: { column: 'name', direction: 'descending' },
    },
    {
      current: { column: 'name', direction: 'descending' as const },
      column: 'value',
      numeric: true,
      want: { column: 'value', direction: 'descending' },
    },
  ])(
    '$current.column $current.direction, then $column → $want.direction',
    ({ current, column, numeric, want }) => {
      expect(nextSort(current, column, numeric)).toEqual(want);
    },
  );
});

describe('moveCell', () => {
  const size = { rows: 3, columns: 2 };
  it.each([
    { at: { row: 1, column: 0 }, key: 'ArrowDown', want: { row: 2, column: 0 } },
    { at: { row: 2, column: 0 }, key: 'ArrowDown', want: { row: 2, column: 0 } },
    { at: { row: 0, column: 0 }, key: 'ArrowUp', want: { row: 0, column: 0 } },
    { at: { row: 1, column: 0 }, key: 'ArrowRight', want: { row: 1, column: 1 } },
    { at: { row: 1, column: 1 }, key: 'ArrowRight', want: { row: 1, column: 1 } },
    { at: { row: 1, column: 1 }, key: 'ArrowLeft', want: { row: 1, column: 0 } },
    { at: { row: 1, column: 1 }, key: 'Home', want: { row: 1, column: 0 } },
    { at: { row: 1, column: 0 }, key: 'End', want: { row: 1, column: 1 } },
    { at: { row: 1, column: 0 }, key: 'a', want: null },
  ])('$key from ($at.row, $at.column)', ({ at, key, want }) => {
    expect(moveCell(at, key, size)).toEqual(want);
  });

  it('Ctrl+Home and Ctrl+End go to the first and last cell', () => {
    expect(moveCell({ row: 1, column: 1 }, 'Home', size, true)).toEqual({ row: 0, column: 0 });
    expect(moveCell({ row: 0, column: 0 }, 'End', size, true)).toEqual({ row: 2, column: 1 });
  });
});

describe('DataTable', () => {
  const html = renderToStaticMarkup(
    <DataTable
      caption="Firms <b>"
      columns={columns}
      rows={rows}
      rowKey={(r) => r.name}
      initialSort={{ column: 'value', direction: 'descending' }}
      csvFileName="firms.csv"
      testId="firms"
    />,
  );

  it('has a caption (as text) and marks the sorted header with aria-sort', () => {
    expect(html).toContain('<caption');
    expect(html).toContain('Firms &lt;b&gt;');
    expect(html.match(/aria-sort="descending"/g)).toHaveLength(1);
    expect(html).toMatch(/<th scope="col" aria-sort="descending" class="ui-num"><button/);
    expect(html).not.toContain('aria-sort="ascending"');
  });

  it('gives each sortable header a button and the table a CSV button', () => {
    expect(html).toContain('data-testid="firms-sort-name"');
    expect(html).toContain('data-testid="firms-sort-value"');
    expect(html).toMatch(/<button[^>]*data-testid="firms-csv"[^>]*>Download CSV<\/button>/);
  });

  it('renders the rows in the initial sort order with formatted values and row headers', () => {
    const order = [...html.matchAll(/<th scope="row"[^>]*>([^<]*)<\/th>/g)].map((m) => m[1]);
    expect(order).toEqual(['Alpha', 'Shop 10', 'Beta', 'shop 2']);
    expect(html).toContain('>$30<');
    expect(html).toContain('>none<');
  });

  it('puts only the first cell in the tab order (roving tabindex)', () => {
    expect(html.match(/tabindex="0"/g)).toHaveLength(1);
    expect(html).toContain('<th scope="row" tabindex="0" data-cell="0:0">Alpha</th>');
  });

  it('says so when there are no rows, without a CSV button', () => {
    const empty = renderToStaticMarkup(
      <DataTable caption="Firms" columns={columns} rows={[]} rowKey={(r) => r.name} csvFileName="x.csv" />,
    );
    expect(empty).toContain('Firms: No rows.');
    expect(empty).not.toContain('Download CSV');
    expect(empty).not.toContain('<table');
  });
});

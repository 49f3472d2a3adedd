// The frame every gap chart sits in: a titled figure, the SVG, and its table twin (a DataTable) behind a
// "Show table" button (WAI-ARIA disclosure), so the numbers are readable without the picture; or, with nothing
// to draw, a sentence saying why instead of an empty axis.
import { useId, useState } from 'react';
import type { ReactNode } from 'react';
import { DataTable } from '../../../ui/DataTable.tsx';
import type { DataTableProps, SortDirection } from '../../../ui/DataTable.tsx';
import type { ChartOptions } from './parts.tsx';

/** The chart's table twin, sorted at first by `sort` (column id, direction); its test id is the figure's with `-data`. */
export interface ChartTable<Row> extends Pick<DataTableProps<Row>, 'columns' | 'rows' | 'rowKey'> {
  sort?: readonly [column: string, direction: SortDirection];
}

/** What a chart says of itself. */
export interface ChartText {
  /** The figure's test id is `chart-${name}` unless the options name another; its table's CSV is `${name}.csv`. */
  name: string;
  title: string;
  /** One sentence under the title: what the chart shows. */
  description: string;
  /** The table twin's caption. */
  caption: string;
}

export interface ChartFrameProps<Row> {
  text: ChartText;
  /**
   * The region the chart is about (after the title), the table shown from the start (e.g. in the print
   * briefing), and the figure's test id: the toggle gets `${testId}-toggle`, the table wrapper `${testId}-table`.
   */
  options: ChartOptions;
  chart: ReactNode;
  table: ChartTable<Row>;
  /** Said instead of the chart and its table when the table has no row: why there is nothing to draw. */
  empty?: string | undefined;
}

export function ChartFrame<Row>({ text, options, chart, table, empty }: ChartFrameProps<Row>) {
  const { title, description, name } = text;
  const { regionName, tableOpen = false, testId = `chart-${name}` } = options;
  const [open, setOpen] = useState(tableOpen);
  const id = useId();
  return (
    <figure className="gap-chart" data-testid={testId} aria-labelledby={`${id}-title`}>
      <figcaption className="gap-chart-head">
        <h3 id={`${id}-title`} className="gap-chart-title">
          {regionName === undefined ? title : `${title} — ${regionName}`}
        </h3>
        <p className="gap-chart-description">{description}</p>
      </figcaption>
      {empty !== undefined && table.rows.length === 0 ? (
        <p className="gap-chart-empty" data-testid={`${testId}-empty`}>
          {empty}
        </p>
      ) : (
        <>
          {chart}
          <button
            type="button"
            className="gap-chart-toggle"
            aria-expanded={open}
            aria-controls={`${id}-table`}
            data-testid={`${testId}-toggle`}
            onClick={() => setOpen((o) => !o)}
          >
            {open ? 'Hide table' : 'Show table'}
          </button>
          <div id={`${id}-table`} className="gap-chart-table" hidden={!open} data-testid={`${testId}-table`}>
            <DataTable
              columns={table.columns}
              rows={table.rows}
              rowKey={table.rowKey}
              initialSort={
                table.sort === undefined ? null : { column: table.sort[0], direction: table.sort[1] }
              }
              caption={text.caption}
              csvFileName={`${name}.csv`}
              testId={`${testId}-data`}
            />
          </div>
        </>
      )}
    </figure>
  );
}

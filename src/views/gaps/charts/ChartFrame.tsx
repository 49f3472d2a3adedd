// The frame every gap chart sits in: a titled figure, the SVG, and its table twin (a DataTable) behind a
// "Show table" button (WAI-ARIA disclosure), so the numbers are readable without the picture.
import { useId, useState } from 'react';
import type { ReactNode } from 'react';
import { DataTable } from '../../../ui/DataTable.tsx';
import type { DataTableProps } from '../../../ui/DataTable.tsx';

/** The chart's table twin; its test id is the figure's with `-data`. */
export type ChartTable<Row> = Pick<
  DataTableProps<Row>,
  'caption' | 'columns' | 'rows' | 'rowKey' | 'initialSort' | 'csvFileName'
>;

export interface ChartFrameProps<Row> {
  title: string;
  /** The region the chart is about, after the title. */
  regionName?: string | undefined;
  /** One sentence under the title: what the chart shows. */
  description?: string | undefined;
  /** data-testid of the figure; the toggle gets `${testId}-toggle`, the table wrapper `${testId}-table`. */
  testId: string;
  /** Show the table from the start (e.g. in the print briefing). */
  tableOpen?: boolean | undefined;
  chart: ReactNode;
  table: ChartTable<Row>;
}

export function ChartFrame<Row>({
  title,
  regionName,
  description,
  testId,
  tableOpen = false,
  chart,
  table,
}: ChartFrameProps<Row>) {
  const [open, setOpen] = useState(tableOpen);
  const id = useId();
  return (
    <figure className="gap-chart" data-testid={testId} aria-labelledby={`${id}-title`}>
      <figcaption className="gap-chart-head">
        <h3 id={`${id}-title`} className="gap-chart-title">
          {regionName === undefined ? title : `${title} — ${regionName}`}
        </h3>
        {description !== undefined && <p className="gap-chart-description">{description}</p>}
      </figcaption>
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
        <DataTable {...table} testId={`${testId}-data`} />
      </div>
    </figure>
  );
}

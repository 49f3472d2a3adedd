// The frame every gap chart sits in: a titled figure, the SVG, and its table twin behind a "Show table"
// button (WAI-ARIA disclosure), so the numbers are readable without the picture.
import { useId, useState } from 'react';
import type { ReactNode } from 'react';

export interface ChartFrameProps {
  title: string;
  /** One sentence under the title: what the chart shows. */
  description?: string | undefined;
  /** data-testid of the figure; the toggle gets `${testId}-toggle`, the table wrapper `${testId}-table`. */
  testId: string;
  /** Show the table from the start (e.g. in the print briefing). */
  tableOpen?: boolean | undefined;
  chart: ReactNode;
  table: ReactNode;
}

export function ChartFrame({ title, description, testId, tableOpen = false, chart, table }: ChartFrameProps) {
  const [open, setOpen] = useState(tableOpen);
  const id = useId();
  return (
    <figure className="gap-chart" data-testid={testId} aria-labelledby={`${id}-title`}>
      <figcaption className="gap-chart-head">
        <h3 id={`${id}-title`} className="gap-chart-title">
          {title}
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
        {table}
      </div>
    </figure>
  );
}

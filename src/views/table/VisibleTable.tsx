// The table view of the map and network: the organizations the filters show, sortable and keyboard
// navigable (the generic DataTable), the first TABLE_ROWS of them on screen and all of them in the CSV.
import { useMemo } from 'react';
import { toCsv } from '../../ui/table-csv.ts';
import { DataTable } from '../../ui/DataTable.tsx';
import type { DataColumn } from '../../ui/DataTable.tsx';
import type { DatasetView } from '../contracts.ts';
import { download } from '../export/download.ts';
import { exportFileName } from '../../io/export/file-name.ts';
import { suppliedValues } from '../map/sources.ts';
import { KIND_LABELS } from '../labels.ts';
import type { VisibleRow } from './visible-rows.ts';
import { visibleRows } from './visible-rows.ts';
import './table.css';

/** Rows drawn at once: more would make the page slow to scroll and to sort; the CSV has every row. */
export const TABLE_ROWS = 1_000;

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });

interface VisibleTableProps {
  data: DatasetView;
  onSelect: (orgId: string) => void;
  onClose: () => void;
}

export function VisibleTable({ data, onSelect, onClose }: VisibleTableProps) {
  const supplied = useMemo(() => suppliedValues(data.bundle), [data.bundle]);
  const rows = useMemo(() => visibleRows(data, supplied), [data, supplied]);
  const shown = useMemo(
    () => [...rows].sort((a, b) => b.supplied - a.supplied || a.i - b.i).slice(0, TABLE_ROWS),
    [rows],
  );
  const columns = useMemo((): DataColumn<VisibleRow>[] => {
    return [
      {
        id: 'name',
        header: 'Organization',
        accessor: (r) => r.name,
        rowHeader: true,
        render: (r) => (
          <button type="button" className="link-button" onClick={() => onSelect(r.id)}>
            {r.name}
          </button>
        ),
      },
      { id: 'kind', header: 'Kind', accessor: (r) => KIND_LABELS[r.kind] },
      { id: 'place', header: 'Place', accessor: (r) => r.place || null },
      { id: 'county', header: 'County FIPS', accessor: (r) => r.county },
      {
        id: 'naics',
        header: 'Primary NAICS',
        accessor: (r) => r.naics,
        format: (_v, r) => (r.naics === null ? '—' : `${r.naics} ${r.naicsLabel ?? ''}`.trim()),
      },
      { id: 'tier', header: 'Tier', accessor: (r) => r.tier, numeric: true },
      { id: 'region', header: 'In home region', accessor: (r) => (r.inRegion ? 'yes' : 'no') },
      {
        id: 'supplied',
        header: 'Supplied (USD/yr)',
        accessor: (r) => r.supplied,
        numeric: true,
        format: (v) => (typeof v === 'number' ? usd.format(v) : '—'),
      },
      { id: 'certifications', header: 'Certifications', accessor: (r) => r.certifications || null },
    ];
  }, [onSelect]);

  const downloadAll = () => {
    const csv = toCsv(
      rows,
      columns.map((c) => ({ header: c.header, csv: (r: VisibleRow) => c.accessor(r) })),
    );
    download(
      new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }),
      exportFileName(data.bundle.meta, 'organizations-shown', 'csv'),
    );
  };

  return (
    <section
      className="visible-table panel"
      aria-labelledby="visible-table-title"
      data-testid="visible-table"
    >
      <div className="visible-table-head">
        <h2 id="visible-table-title">
          {rows.length.toLocaleString('en-US')} organizations shown
          {data.bundle.meta.synthetic && <span className="badge badge-synthetic">Synthetic sample data</span>}
        </h2>
        <button type="button" onClick={downloadAll} data-testid="visible-table-csv">
          Download all (CSV)
        </button>
        <button type="button" onClick={onClose} data-testid="visible-table-close">
          Back to the picture
        </button>
      </div>
      {rows.length > TABLE_ROWS && (
        <p className="visible-table-note" role="status">
          The {TABLE_ROWS.toLocaleString('en-US')} largest suppliers are listed; the CSV has all{' '}
          {rows.length.toLocaleString('en-US')}. Filter to narrow the list.
        </p>
      )}
      <DataTable
        caption="Organizations the filters show"
        captionHidden
        columns={columns}
        rows={shown}
        rowKey={(r) => r.id}
        initialSort={{ column: 'supplied', direction: 'descending' }}
        testId="visible-table-data"
        emptyText="No organization passes the filters."
      />
    </section>
  );
}

// DoD contract obligations placed in the region, by fiscal year, with the region's share of its state's: the
// headline of a bundle built from public records (meta.dod, written by build-region).
import type { YearRange } from '../../../domain/fiscal-years.ts';
import type { DodFigures, DodYear } from '../../../domain/model.ts';
import type { DataColumn } from '../../../ui/DataTable.tsx';
import type { PlotBox } from './Axis.tsx';
import { ChartFrame } from './ChartFrame.tsx';
import type { ChartTable, ChartText } from './ChartFrame.tsx';
import { ColumnBars } from './ColumnBars.tsx';
import type { ChartOptions } from './parts.tsx';
import { usdColumn } from './parts.tsx';
import { formatCount, formatPercent, formatUsd } from '../../derive/format.ts';

export interface DodYearsChartProps extends ChartOptions {
  dod: DodFigures;
  /** The fiscal years the views are narrowed to: the other years' bars are drawn faint. */
  years?: YearRange | null | undefined;
}

const box: PlotBox = { width: 640, height: 280, margin: { top: 24, right: 24, bottom: 52, left: 72 } };
const usd = (value: number) => formatUsd(value, 2);
/** The region's share of its state's DoD dollars that year; null when the state has none. */
export const shareOf = (y: DodYear): number | null => (y.state > 0 ? y.region / y.state : null);

export function DodYearsChart({ dod, years = null, ...options }: DodYearsChartProps) {
  const outside = (year: number) => years !== null && (year < years.from || year > years.to);
  const text: ChartText = {
    name: 'dod-years',
    title: `DoD obligations by fiscal year · ${formatCount(dod.firms)} DoD-performing firms`,
    description: `${dod.rule} From USAspending contract records.`,
    caption: 'DoD obligations in the region and its state, by fiscal year',
  };
  const label =
    `Bar chart of DoD obligations placed in the region by fiscal year: ` +
    dod.years.map((y) => `FY${y.fiscalYear} ${usd(y.region)}`).join(', ') +
    '.';
  const chart = (
    <ColumnBars
      bars={dod.years.map((y) => {
        const share = shareOf(y);
        return {
          key: String(y.fiscalYear),
          name: `FY${y.fiscalYear}`,
          value: y.region,
          className: outside(y.fiscalYear) ? 'bar-dod bar-outside' : 'bar-dod',
          title: `FY${y.fiscalYear}: ${usd(y.region)} in the region (${formatCount(y.firms)} firms)${share === null ? '' : `, ${formatPercent(share)} of the state's ${usd(y.state)}`}${outside(y.fiscalYear) ? '; outside the fiscal years shown' : ''}`,
        };
      })}
      box={box}
      label={label}
      axisTitles={{ x: 'Fiscal year', y: 'DoD obligations (USD)' }}
      format={usd}
      testId="dod-bar"
    />
  );
  const columns: DataColumn<DodYear>[] = [
    {
      id: 'year',
      header: 'Fiscal year',
      accessor: (y) => y.fiscalYear,
      format: (v) => `FY${String(v)}`,
      rowHeader: true,
    },
    usdColumn('region', 'In the region', (y) => y.region),
    usdColumn('state', 'In the state', (y) => y.state),
    {
      id: 'share',
      header: 'Share of the state',
      accessor: (y) => shareOf(y),
      numeric: true,
      format: (v) => (typeof v === 'number' ? formatPercent(v) : '—'),
    },
    { id: 'firms', header: 'Firms', accessor: (y) => y.firms, numeric: true },
  ];
  const table: ChartTable<DodYear> = {
    columns,
    rows: dod.years,
    rowKey: (y) => String(y.fiscalYear),
    sort: ['year', 'ascending'],
  };
  return <ChartFrame text={text} options={options} chart={chart} table={table} />;
}

// Organizations per supply tier: tier 0 the primes, tier 1 their direct suppliers, and so on (DESIGN.md §3),
// as vertical bars with their counts.
import type { DataColumn } from '../../../ui/DataTable.tsx';
import type { PlotBox } from './Axis.tsx';
import { ChartFrame } from './ChartFrame.tsx';
import type { ChartTable, ChartText } from './ChartFrame.tsx';
import { ColumnBars } from './ColumnBars.tsx';
import type { ChartOptions } from './parts.tsx';
import { formatCount } from '../../derive/format.ts';

export interface TierChartProps extends ChartOptions {
  /** tierCounts[k] = organizations at tier k (AnalysisResult.tierCounts). */
  tierCounts: readonly number[];
}

interface TierRow {
  tier: number;
  name: string;
  count: number;
}

const WIDTH = 640;
const HEIGHT = 280;
const MARGIN = { top: 20, right: 24, bottom: 52, left: 64 };

const box: PlotBox = { width: WIDTH, height: HEIGHT, margin: MARGIN };

export function tierName(tier: number): string {
  return tier === 0 ? 'Tier 0 (primes)' : `Tier ${tier}`;
}

const TEXT: ChartText = {
  name: 'tiers',
  title: 'Organizations per tier',
  description:
    'Supply links between an organization and the nearest prime it sells to, directly or through others.',
  caption: 'Organizations per supply tier',
};

export function TierChart({ tierCounts, ...options }: TierChartProps) {
  const rows: TierRow[] = tierCounts.map((count, tier) => ({ tier, name: tierName(tier), count }));
  const total = tierCounts.reduce((sum, n) => sum + n, 0);
  const label =
    rows.length === 0
      ? 'No organization reaches a prime.'
      : `Bar chart of ${formatCount(total)} organizations by supply tier: ` +
        rows.map((row) => `${row.name.toLowerCase()} ${formatCount(row.count)}`).join(', ') +
        '.';
  const chart = (
    <ColumnBars
      bars={rows.map((row) => ({
        key: String(row.tier),
        name: row.name,
        value: row.count,
        className: row.tier === 0 ? 'bar-prime' : 'bar-tier',
        title: `${row.name}: ${formatCount(row.count)} organizations`,
      }))}
      box={box}
      label={label}
      axisTitles={{ x: 'Supply tier (links from a prime)', y: 'Organizations' }}
      format={formatCount}
      // Integer counts: no tick at 0.5 organizations.
      integerTicks
      testId="tier-bar"
    />
  );

  const columns: DataColumn<TierRow>[] = [
    {
      id: 'tier',
      header: 'Tier',
      accessor: (row) => row.tier,
      format: (_, row) => row.name,
      rowHeader: true,
    },
    { id: 'count', header: 'Organizations', accessor: (row) => row.count, numeric: true },
  ];

  const table: ChartTable<TierRow> = {
    columns,
    rows,
    rowKey: (row) => String(row.tier),
    sort: ['tier', 'ascending'],
  };
  return <ChartFrame text={TEXT} options={options} chart={chart} table={table} />;
}

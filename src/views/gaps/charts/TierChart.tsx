// Organizations per supply tier: tier 0 the primes, tier 1 their direct suppliers, and so on (DESIGN.md §3),
// as vertical bars with their counts.
import { scaleBand, scaleLinear } from 'd3-scale';
import type { DataColumn } from '../../../ui/DataTable.tsx';
import { AxisBottom, AxisLeft } from './Axis.tsx';
import type { PlotBox } from './Axis.tsx';
import { ChartFrame } from './ChartFrame.tsx';
import type { ChartTable, ChartText } from './ChartFrame.tsx';
import { ChartSvg } from './parts.tsx';
import type { ChartOptions } from './parts.tsx';
import { formatCount } from '../../derive/format.ts';
import { px } from './format.ts';

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
  const max = Math.max(1, ...tierCounts);
  const x = scaleBand<number>()
    .domain(rows.map((row) => row.tier))
    .range([MARGIN.left, WIDTH - MARGIN.right])
    .padding(0.25);
  const y = scaleLinear()
    .domain([0, max])
    .nice(5)
    .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  const total = tierCounts.reduce((sum, n) => sum + n, 0);
  const label =
    rows.length === 0
      ? 'No organization reaches a prime.'
      : `Bar chart of ${formatCount(total)} organizations by supply tier: ` +
        rows.map((row) => `${row.name.toLowerCase()} ${formatCount(row.count)}`).join(', ') +
        '.';
  // Integer counts: no tick at 0.5 organizations.
  const yTicks = y.ticks(5).filter((value) => Number.isInteger(value));

  const chart = (
    <ChartSvg label={label} width={WIDTH} height={HEIGHT}>
      <AxisLeft
        ticks={yTicks.map((value) => ({ at: y(value), text: formatCount(value) }))}
        box={box}
        title="Organizations"
        grid
      />
      <AxisBottom
        ticks={rows.map((row) => ({ at: (x(row.tier) ?? 0) + x.bandwidth() / 2, text: row.name }))}
        box={box}
        title="Supply tier (links from a prime)"
      />
      {rows.map((row) => {
        const left = x(row.tier) ?? 0;
        const top = y(row.count);
        return (
          <g key={row.tier} data-testid="tier-bar" data-tier={row.tier}>
            <title>{`${row.name}: ${formatCount(row.count)} organizations`}</title>
            <rect
              className={row.tier === 0 ? 'bar-prime' : 'bar-tier'}
              x={px(left)}
              y={px(top)}
              width={px(x.bandwidth())}
              height={px(y(0) - top)}
              data-value={row.count}
            />
            <text
              className="chart-value"
              x={px(left + x.bandwidth() / 2)}
              y={px(top - 4)}
              textAnchor="middle"
            >
              {formatCount(row.count)}
            </text>
          </g>
        );
      })}
    </ChartSvg>
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

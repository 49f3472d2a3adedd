// How many capabilities carry each gap flag (missing, single source, leakage, concentrated, workforce),
// as horizontal bars; a capability with two flags counts under both.
import { scaleBand, scaleLinear } from 'd3-scale';
import type { Gap, GapFlag } from '../../../analysis/types.ts';
import { GAP_FLAGS } from '../../../analysis/types.ts';
import type { DataColumn } from '../../../ui/DataTable.tsx';
import { FLAG_HELP, FLAG_LABELS } from '../../labels.ts';
import { AxisBottom } from './Axis.tsx';
import type { PlotBox } from './Axis.tsx';
import { ChartFrame } from './ChartFrame.tsx';
import type { ChartTable, ChartText } from './ChartFrame.tsx';
import { BarValue, ChartSvg, RowLabel } from './parts.tsx';
import type { ChartOptions } from './parts.tsx';
import { formatCount } from '../../derive/format.ts';
import { px } from './format.ts';

export interface FlagSummaryProps extends ChartOptions {
  gaps: readonly Gap[];
}

interface FlagRow {
  flag: GapFlag;
  label: string;
  help: string;
  count: number;
}

const WIDTH = 640;
const MARGIN = { top: 12, right: 40, bottom: 48, left: 130 };
const ROW = 28;
const HEIGHT = MARGIN.top + MARGIN.bottom + GAP_FLAGS.length * ROW;

const box: PlotBox = { width: WIDTH, height: HEIGHT, margin: MARGIN };

export function flagCounts(gaps: readonly Gap[]): FlagRow[] {
  return GAP_FLAGS.map((flag) => ({
    flag,
    label: FLAG_LABELS[flag],
    help: FLAG_HELP[flag],
    count: gaps.filter((gap) => gap.flags.includes(flag)).length,
  }));
}

const TEXT: ChartText = {
  name: 'gap-flags',
  title: 'Gap flags',
  description: 'Capabilities in demand carrying each flag; one capability can carry several.',
  caption: 'Capabilities per gap flag',
};

export function FlagSummary({ gaps, ...options }: FlagSummaryProps) {
  const rows = flagCounts(gaps);
  const max = Math.max(1, ...rows.map((row) => row.count));
  const x = scaleLinear()
    .domain([0, max])
    .nice(5)
    .range([MARGIN.left, WIDTH - MARGIN.right]);
  const y = scaleBand<GapFlag>()
    .domain(GAP_FLAGS)
    .range([MARGIN.top, HEIGHT - MARGIN.bottom])
    .padding(0.25);
  const label =
    `Bar chart of ${formatCount(gaps.length)} capabilities in demand by gap flag: ` +
    rows.map((row) => `${row.label.toLowerCase()} ${formatCount(row.count)}`).join(', ') +
    '.';

  const chart = (
    <ChartSvg label={label} width={WIDTH} height={HEIGHT}>
      <AxisBottom
        ticks={x
          .ticks(Math.min(5, max))
          .filter((value) => Number.isInteger(value))
          .map((value) => ({ at: x(value), text: formatCount(value) }))}
        box={box}
        title="Capabilities"
        grid
      />
      {rows.map((row) => {
        const top = y(row.flag) ?? 0;
        const band = y.bandwidth();
        return (
          <g key={row.flag} data-testid="flag-bar" data-flag={row.flag}>
            <title>{`${row.label}: ${formatCount(row.count)} capabilities. ${row.help}.`}</title>
            <RowLabel right={MARGIN.left - 8} top={top} band={band}>
              {row.label}
            </RowLabel>
            <rect
              className={`bar-flag bar-flag-${row.flag}`}
              x={px(x(0))}
              y={px(top)}
              width={px(x(row.count) - x(0))}
              height={px(band)}
              data-value={row.count}
            />
            <BarValue end={x(row.count)} top={top} band={band}>
              {formatCount(row.count)}
            </BarValue>
          </g>
        );
      })}
    </ChartSvg>
  );

  const columns: DataColumn<FlagRow>[] = [
    { id: 'flag', header: 'Flag', accessor: (row) => row.label, rowHeader: true },
    { id: 'count', header: 'Capabilities', accessor: (row) => row.count, numeric: true },
    { id: 'help', header: 'Meaning', accessor: (row) => row.help, sortable: false },
  ];

  const table: ChartTable<FlagRow> = { columns, rows, rowKey: (row) => row.flag };
  return <ChartFrame text={TEXT} options={options} chart={chart} table={table} />;
}

// Capabilities ranked by imported value: one horizontal bar each, the imported part from the axis (so the
// ranked quantity lines up) and the local part stacked after it. Click a bar to select that gap.
import { scaleBand, scaleLinear } from 'd3-scale';
import type { Gap } from '../../../analysis/types.ts';
import type { DataColumn } from '../../../ui/DataTable.tsx';
import { AxisBottom } from './Axis.tsx';
import type { PlotBox } from './Axis.tsx';
import { ChartFrame } from './ChartFrame.tsx';
import type { ChartTable, ChartText } from './ChartFrame.tsx';
import {
  BarValue,
  capabilityColumn,
  ChartSvg,
  codeColumn,
  gapKey,
  leakageColumn,
  RowLabel,
  usdColumn,
} from './parts.tsx';
import type { GapChartOptions } from './parts.tsx';
import { formatPercent, formatUsd } from '../../derive/format.ts';
import { px, truncate } from './format.ts';

/** `gaps`: the capabilities in demand; the chart ranks them by imported value itself. */
export interface ImportedValueChartProps extends GapChartOptions {
  /** Bars shown (default 12). */
  limit?: number | undefined;
  /** Drawn for a side panel (300 wide, shorter labels) instead of the dashboard (640 wide). */
  compact?: boolean | undefined;
}

// The right margin leaves room for the value printed after the longest bar.
const LAYOUTS = {
  wide: { width: 640, margin: { top: 28, right: 60, bottom: 48, left: 210 }, label: 32, local: 250 },
  compact: { width: 300, margin: { top: 28, right: 16, bottom: 48, left: 112 }, label: 17, local: 90 },
} as const;
const ROW = 24;

/** Most imported first; then demand, then id, as the gap list ranks them. */
export function rankByImported(gaps: readonly Gap[], limit: number): Gap[] {
  return [...gaps]
    .filter((gap) => gap.demand > 0)
    .sort(
      (a, b) =>
        b.importedValue - a.importedValue ||
        b.demand - a.demand ||
        (a.capability < b.capability ? -1 : a.capability > b.capability ? 1 : 0),
    )
    .slice(0, limit);
}

const TEXT: ChartText = {
  name: 'imported-value',
  title: 'Imported value by capability',
  description: "What the region's buyers pay suppliers outside the region for, largest first.",
  caption: 'Capabilities ranked by imported value',
};

export function ImportedValueChart({
  gaps,
  limit = 12,
  selectedGap,
  onSelectGap,
  compact = false,
  ...options
}: ImportedValueChartProps) {
  const {
    width: WIDTH,
    margin: MARGIN,
    label: LABEL,
    local: LOCAL_AT,
  } = LAYOUTS[compact ? 'compact' : 'wide'];
  const rows = rankByImported(gaps, limit);
  const height = MARGIN.top + MARGIN.bottom + Math.max(1, rows.length) * ROW;
  const box: PlotBox = { width: WIDTH, height, margin: MARGIN };
  const max = Math.max(1, ...rows.map((gap) => gap.demand));
  const x = scaleLinear()
    .domain([0, max])
    .nice(5)
    .range([MARGIN.left, WIDTH - MARGIN.right]);
  const y = scaleBand<string>()
    .domain(rows.map((gap) => gap.capability))
    .range([MARGIN.top, height - MARGIN.bottom])
    .padding(0.2);
  const first = rows[0];
  const where = options.regionName === undefined ? '' : ` into ${options.regionName}`;
  const label =
    first === undefined
      ? 'No capability in demand.'
      : `Bar chart of the ${rows.length} capabilities with the most imported value${where}. ` +
        `Largest: ${first.label}, ${formatUsd(first.importedValue)} imported of ${formatUsd(first.demand)}.`;

  const chart = (
    <ChartSvg label={label} width={WIDTH} height={height}>
      <g className="chart-legend" transform={`translate(${MARGIN.left},10)`}>
        <rect className="bar-imported" width={12} height={12} y={-6} />
        <text x={16} dy="0.32em">
          {compact ? 'Imported' : 'Imported (bought outside the region)'}
        </text>
        <rect className="bar-local" x={LOCAL_AT} width={12} height={12} y={-6} />
        <text x={LOCAL_AT + 16} dy="0.32em">
          Local
        </text>
      </g>
      <AxisBottom
        ticks={x.ticks(5).map((value) => ({ at: x(value), text: formatUsd(value) }))}
        box={box}
        title="Annual demand (USD): imported, then local"
        grid
      />
      {rows.map((gap) => {
        const top = y(gap.capability) ?? 0;
        const band = y.bandwidth();
        const selected = gap.capability === selectedGap;
        const importedEnd = x(gap.importedValue);
        const localEnd = x(gap.importedValue + gap.localValue);
        return (
          <g
            key={gap.capability}
            className={`chart-row${selected ? ' is-selected' : ''}`}
            data-testid="imported-bar"
            data-capability={gap.capability}
            onClick={onSelectGap === undefined ? undefined : () => onSelectGap(gap.capability)}
          >
            <title>
              {`${gap.label}: ${formatUsd(gap.importedValue)} imported, ${formatUsd(gap.localValue)} local (${formatPercent(gap.leakage)} leakage)`}
            </title>
            <RowLabel right={MARGIN.left - 8} top={top} band={band}>
              {selected ? '▶ ' : ''}
              {truncate(gap.label, LABEL)}
            </RowLabel>
            <rect
              className="bar-imported"
              x={px(x(0))}
              y={px(top)}
              width={px(importedEnd - x(0))}
              height={px(band)}
              data-value={gap.importedValue}
            />
            <rect
              className="bar-local"
              x={px(importedEnd)}
              y={px(top)}
              width={px(localEnd - importedEnd)}
              height={px(band)}
              data-value={gap.localValue}
            />
            {/* The dollars belong to the imported part: printed where it ends, over the local part if any. */}
            <BarValue end={importedEnd} top={top} band={band} className="chart-value-imported">
              {formatUsd(gap.importedValue)}
            </BarValue>
          </g>
        );
      })}
    </ChartSvg>
  );

  const columns: DataColumn<Gap>[] = [
    capabilityColumn(onSelectGap, selectedGap),
    codeColumn,
    usdColumn('imported', 'Imported', (gap) => gap.importedValue),
    usdColumn('local', 'Local', (gap) => gap.localValue),
    usdColumn('demand', 'Demand', (gap) => gap.demand),
    leakageColumn,
  ];

  const table: ChartTable<Gap> = { columns, rows, rowKey: gapKey, sort: ['imported', 'descending'] };
  // Callers show the chart only for a home region (without one, they say to choose one).
  const empty = `Nothing to rank: no buyer in ${options.regionName ?? 'the region'} buys a capability from a supplier on record.`;
  return <ChartFrame text={TEXT} options={options} chart={chart} table={table} empty={empty} />;
}

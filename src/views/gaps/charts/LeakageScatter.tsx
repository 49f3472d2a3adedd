// Leakage against local capacity: one dot per capability in demand, x = local suppliers (square-root
// scale, so 0, 1 and 2 stay apart next to 500), y = the share of demand bought outside the region. Dots
// up and to the right are matchmaking opportunities; hover shows the numbers, click selects the gap.
import { scaleLinear, scaleSqrt } from 'd3-scale';
import { useState } from 'react';
import type { Gap } from '../../../analysis/types.ts';
import { LEAKAGE_THRESHOLD } from '../../../analysis/flags.ts';
import type { DataColumn } from '../../../ui/DataTable.tsx';
import { AxisBottom, AxisLeft } from './Axis.tsx';
import type { PlotBox } from './Axis.tsx';
import { ChartFrame } from './ChartFrame.tsx';
import type { ChartTable, ChartText } from './ChartFrame.tsx';
import { capabilityColumn, ChartSvg, codeColumn, gapKey, leakageColumn, usdColumn } from './parts.tsx';
import type { GapChartOptions } from './parts.tsx';
import { formatCount, formatPercent, formatUsd } from '../../derive/format.ts';
import { px, truncate } from './format.ts';

export type LeakageScatterProps = GapChartOptions;

const WIDTH = 640;
const HEIGHT = 340;
const MARGIN = { top: 20, right: 24, bottom: 52, left: 64 };
/** Round supplier counts to label on the square-root axis; d3's own ticks crowd its low end. */
const COUNT_TICKS = [0, 1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000];

const TEXT: ChartText = {
  name: 'leakage',
  title: 'Leakage and local capacity',
  description: 'Each dot a capability. High and to the right: local firms exist, but buyers go elsewhere.',
  caption: 'Capabilities by local suppliers and leakage',
};

const box: PlotBox = { width: WIDTH, height: HEIGHT, margin: MARGIN };

export function LeakageScatter({ gaps, selectedGap, onSelectGap, ...options }: LeakageScatterProps) {
  const [hovered, setHovered] = useState<string | null>(null);
  const maxSuppliers = Math.max(1, ...gaps.map((gap) => gap.localSuppliers));
  const x = scaleSqrt()
    .domain([0, maxSuppliers])
    .range([MARGIN.left, WIDTH - MARGIN.right]);
  const y = scaleLinear()
    .domain([0, 1])
    .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  const xTicks = COUNT_TICKS.filter((n) => n <= maxSuppliers);
  // Keep the last tick at the domain's end so the axis says how far it goes.
  // A round tick too close to it would print over it: the end tick replaces that one.
  if (xTicks[xTicks.length - 1] !== maxSuppliers) {
    if (x(maxSuppliers) - x(xTicks[xTicks.length - 1]!) < 32) xTicks.pop();
    xTicks.push(maxSuppliers);
  }
  const flaggedLeakage = gaps.filter((gap) => gap.flags.includes('leakage')).length;
  const selected = gaps.find((gap) => gap.capability === selectedGap);
  const hover = gaps.find((gap) => gap.capability === hovered);
  const label =
    gaps.length === 0
      ? 'No capability in demand.'
      : `Scatter plot of ${gaps.length} capabilities: local suppliers against leakage. ` +
        `Leakage flag (local suppliers, ${formatPercent(LEAKAGE_THRESHOLD)} or more bought outside) on ${formatCount(flaggedLeakage)} of them.` +
        (selected === undefined ? '' : ` Selected: ${selected.label}.`);

  // The selected dot is drawn last so nothing hides it.
  const ordered = selected === undefined ? gaps : [...gaps.filter((g) => g !== selected), selected];

  const chart = (
    <ChartSvg label={label} width={WIDTH} height={HEIGHT} onMouseLeave={() => setHovered(null)}>
      <AxisLeft
        ticks={[0, 0.25, 0.5, 0.75, 1].map((value) => ({ at: y(value), text: formatPercent(value) }))}
        box={box}
        title="Leakage (share imported)"
        grid
      />
      <AxisBottom
        ticks={xTicks.map((value) => ({ at: x(value), text: formatCount(value) }))}
        box={box}
        title="Local suppliers (square-root scale)"
      />
      <line
        className="chart-threshold"
        x1={MARGIN.left}
        x2={WIDTH - MARGIN.right}
        y1={px(y(LEAKAGE_THRESHOLD))}
        y2={px(y(LEAKAGE_THRESHOLD))}
      />
      <text
        className="chart-threshold-label"
        x={WIDTH - MARGIN.right}
        y={px(y(LEAKAGE_THRESHOLD) - 5)}
        textAnchor="end"
      >
        Leakage flag from {formatPercent(LEAKAGE_THRESHOLD)}
      </text>
      {ordered.map((gap) => {
        const isSelected = gap.capability === selectedGap;
        const kind = gap.flags.includes('missing')
          ? 'missing'
          : gap.flags.includes('leakage')
            ? 'leakage'
            : 'other';
        return (
          <circle
            key={gap.capability}
            className={`chart-dot dot-${kind}${isSelected ? ' is-selected' : ''}`}
            data-testid="leakage-dot"
            data-capability={gap.capability}
            cx={px(x(gap.localSuppliers))}
            cy={px(y(gap.leakage))}
            r={isSelected ? 8 : 5}
            onMouseEnter={() => setHovered(gap.capability)}
            onClick={onSelectGap === undefined ? undefined : () => onSelectGap(gap.capability)}
          >
            <title>{`${gap.label}: ${localSuppliersText(gap.localSuppliers)}, ${formatPercent(gap.leakage)} leakage`}</title>
          </circle>
        );
      })}
      {selected !== undefined && (
        <text
          className="chart-selected-label"
          data-testid="leakage-selected-label"
          x={px(x(selected.localSuppliers) + 11)}
          y={px(y(selected.leakage) + 4)}
        >
          ◀ {truncate(selected.label, 36)}
        </text>
      )}
      {hover !== undefined && <LeakageTooltip gap={hover} x={x(hover.localSuppliers)} y={y(hover.leakage)} />}
    </ChartSvg>
  );

  const columns: DataColumn<Gap>[] = [
    capabilityColumn(onSelectGap, selectedGap),
    codeColumn,
    { id: 'suppliers', header: 'Local suppliers', accessor: (gap) => gap.localSuppliers, numeric: true },
    leakageColumn,
    usdColumn('imported', 'Imported', (gap) => gap.importedValue),
  ];

  const table: ChartTable<Gap> = { columns, rows: gaps, rowKey: gapKey, sort: ['leakage', 'descending'] };
  return <ChartFrame text={TEXT} options={options} chart={chart} table={table} />;
}

/** The hovered dot's numbers as SVG text, placed left of the dot when it is near the right edge. */
export function LeakageTooltip({ gap, x, y }: { gap: Gap; x: number; y: number }) {
  const lines = [
    truncate(gap.label, 40),
    localSuppliersText(gap.localSuppliers),
    `${formatPercent(gap.leakage)} leakage · ${formatUsd(gap.importedValue)} imported`,
  ];
  const width = 250;
  const height = 14 + lines.length * 15;
  const left = x + 12 + width > WIDTH ? x - 12 - width : x + 12;
  const top = Math.max(0, Math.min(HEIGHT - height, y - height / 2));
  return (
    <g
      className="chart-tooltip"
      data-testid="leakage-tooltip"
      transform={`translate(${px(left)},${px(top)})`}
      pointerEvents="none"
    >
      <rect width={width} height={height} rx={4} />
      {lines.map((line, i) => (
        <text key={i} x={8} y={18 + i * 15} className={i === 0 ? 'chart-tooltip-title' : undefined}>
          {line}
        </text>
      ))}
    </g>
  );
}

function localSuppliersText(n: number): string {
  return `${formatCount(n)} local supplier${n === 1 ? '' : 's'}`;
}

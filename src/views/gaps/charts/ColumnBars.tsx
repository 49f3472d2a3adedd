// Vertical bars with their values written above them, on a left axis from 0 and a bottom axis of the bars'
// names: the tier chart and the DoD dollars by fiscal year draw with it.
import { scaleBand, scaleLinear } from 'd3-scale';
import { AxisBottom, AxisLeft } from './Axis.tsx';
import type { PlotBox } from './Axis.tsx';
import { ChartSvg } from './parts.tsx';
import { px } from './format.ts';

export interface ColumnBar {
  key: string;
  /** The bar's name under the axis. */
  name: string;
  value: number;
  className: string;
  /** The bar's tooltip. */
  title: string;
}

export interface ColumnBarsProps {
  bars: readonly ColumnBar[];
  box: PlotBox;
  /** The chart's accessible description. */
  label: string;
  axisTitles: { x: string; y: string };
  format: (value: number) => string;
  /** Only whole-number ticks (counts). */
  integerTicks?: boolean;
  testId: string;
}

export function ColumnBars({
  bars,
  box,
  label,
  axisTitles,
  format,
  integerTicks = false,
  testId,
}: ColumnBarsProps) {
  const { width, height, margin } = box;
  const x = scaleBand<string>()
    .domain(bars.map((bar) => bar.key))
    .range([margin.left, width - margin.right])
    .padding(0.25);
  const y = scaleLinear()
    .domain([0, Math.max(1, ...bars.map((bar) => bar.value))])
    .nice(5)
    .range([height - margin.bottom, margin.top]);
  const ticks = y.ticks(5).filter((value) => !integerTicks || Number.isInteger(value));
  return (
    <ChartSvg label={label} width={width} height={height}>
      <AxisLeft
        ticks={ticks.map((value) => ({ at: y(value), text: format(value) }))}
        box={box}
        title={axisTitles.y}
        grid
      />
      <AxisBottom
        ticks={bars.map((bar) => ({ at: (x(bar.key) ?? 0) + x.bandwidth() / 2, text: bar.name }))}
        box={box}
        title={axisTitles.x}
      />
      {bars.map((bar) => {
        const left = x(bar.key) ?? 0;
        const top = y(Math.max(0, bar.value));
        return (
          <g key={bar.key} data-testid={testId} data-key={bar.key}>
            <title>{bar.title}</title>
            <rect
              className={bar.className}
              x={px(left)}
              y={px(top)}
              width={px(x.bandwidth())}
              height={px(y(0) - top)}
              data-value={bar.value}
            />
            <text
              className="chart-value"
              x={px(left + x.bandwidth() / 2)}
              y={px(top - 4)}
              textAnchor="middle"
            >
              {format(bar.value)}
            </text>
          </g>
        );
      })}
    </ChartSvg>
  );
}

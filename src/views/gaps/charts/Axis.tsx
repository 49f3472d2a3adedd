// Axes drawn by React from ticks computed with d3 scales: a bottom axis and a left axis, each with its
// tick labels and an axis title. No d3 DOM mutation, so server and client render the same SVG.
import { px } from './format.ts';

export interface Tick {
  /** Position along the axis, px. */
  at: number;
  text: string;
}

interface AxisProps {
  ticks: readonly Tick[];
  /** Start and end of the axis line along its direction, px. */
  range: readonly [number, number];
  /** Where the axis sits across its direction: y for a bottom axis, x for a left axis. */
  offset: number;
  title: string;
  /** Position of the title along the axis (default: middle of the range). */
  titleAt?: number;
  /** Grid lines across the plot, this long (0: none). */
  grid?: number;
}

export function AxisBottom({ ticks, range, offset, title, titleAt, grid = 0 }: AxisProps) {
  return (
    <g className="chart-axis chart-axis-x" transform={`translate(0,${px(offset)})`}>
      <line className="chart-axis-line" x1={px(range[0])} x2={px(range[1])} y1={0} y2={0} />
      {ticks.map((tick) => (
        <g key={`${tick.at}:${tick.text}`} className="chart-tick" transform={`translate(${px(tick.at)},0)`}>
          {grid > 0 && <line className="chart-grid" y1={0} y2={-px(grid)} />}
          <line y1={0} y2={5} />
          <text y={18} textAnchor="middle">
            {tick.text}
          </text>
        </g>
      ))}
      <text
        className="chart-axis-title"
        x={px(titleAt ?? (range[0] + range[1]) / 2)}
        y={38}
        textAnchor="middle"
      >
        {title}
      </text>
    </g>
  );
}

export function AxisLeft({ ticks, range, offset, title, titleAt, grid = 0 }: AxisProps) {
  const middle = px(titleAt ?? (range[0] + range[1]) / 2);
  return (
    <g className="chart-axis chart-axis-y" transform={`translate(${px(offset)},0)`}>
      <line className="chart-axis-line" x1={0} x2={0} y1={px(range[0])} y2={px(range[1])} />
      {ticks.map((tick) => (
        <g key={`${tick.at}:${tick.text}`} className="chart-tick" transform={`translate(0,${px(tick.at)})`}>
          {grid > 0 && <line className="chart-grid" x1={0} x2={px(grid)} />}
          <line x1={-5} x2={0} />
          <text x={-8} dy="0.32em" textAnchor="end">
            {tick.text}
          </text>
        </g>
      ))}
      <text
        className="chart-axis-title"
        transform={`translate(-44,${middle}) rotate(-90)`}
        textAnchor="middle"
      >
        {title}
      </text>
    </g>
  );
}

// Axes drawn by React from ticks computed with d3 scales: a bottom axis and a left axis, each with its
// tick labels and an axis title. No d3 DOM mutation, so server and client render the same SVG.
import { px } from './format.ts';

export interface Tick {
  /** Position along the axis, px. */
  at: number;
  text: string;
}

/** A chart's size and the margins around its plot, px. */
export interface PlotBox {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

interface AxisProps {
  ticks: readonly Tick[];
  /** The chart the axis runs along the plot of: below it, or on its left. */
  box: PlotBox;
  title: string;
  /** Grid lines across the plot at each tick. */
  grid?: boolean;
}

export function AxisBottom({ ticks, box, title, grid = false }: AxisProps) {
  const { width, height, margin } = box;
  const range = [margin.left, width - margin.right] as const;
  const offset = height - margin.bottom;
  const gridLength = grid ? height - margin.bottom - margin.top : 0;
  return (
    <g className="chart-axis chart-axis-x" transform={`translate(0,${px(offset)})`}>
      <line className="chart-axis-line" x1={px(range[0])} x2={px(range[1])} y1={0} y2={0} />
      {ticks.map((tick) => (
        <g key={`${tick.at}:${tick.text}`} className="chart-tick" transform={`translate(${px(tick.at)},0)`}>
          {gridLength > 0 && <line className="chart-grid" y1={0} y2={-px(gridLength)} />}
          <line y1={0} y2={5} />
          <text y={18} textAnchor="middle">
            {tick.text}
          </text>
        </g>
      ))}
      <text className="chart-axis-title" x={px((range[0] + range[1]) / 2)} y={38} textAnchor="middle">
        {title}
      </text>
    </g>
  );
}

export function AxisLeft({ ticks, box, title, grid = false }: AxisProps) {
  const { width, height, margin } = box;
  const range = [height - margin.bottom, margin.top] as const;
  const offset = margin.left;
  const gridLength = grid ? width - margin.left - margin.right : 0;
  const middle = px((range[0] + range[1]) / 2);
  return (
    <g className="chart-axis chart-axis-y" transform={`translate(${px(offset)},0)`}>
      <line className="chart-axis-line" x1={0} x2={0} y1={px(range[0])} y2={px(range[1])} />
      {ticks.map((tick) => (
        <g key={`${tick.at}:${tick.text}`} className="chart-tick" transform={`translate(0,${px(tick.at)})`}>
          {gridLength > 0 && <line className="chart-grid" x1={0} x2={px(gridLength)} />}
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

// Pieces every gap chart repeats: the SVG root (an image with a spoken summary, fixed size) and the table
// twin's capability column, a button that selects the gap where the chart offers selection.
import type { ReactNode, SVGProps } from 'react';
import type { Gap } from '../../../analysis/types.ts';
import type { DataColumn } from '../../../ui/DataTable.tsx';
import { formatPercent, formatUsd } from '../../derive/format.ts';
import { px } from './format.ts';

export interface ChartSvgProps extends Omit<SVGProps<SVGSVGElement>, 'width' | 'height'> {
  /** What the chart shows, in one or two sentences (the SVG is role="img"). */
  label: string;
  width: number;
  height: number;
  children: ReactNode;
}

export function ChartSvg({ label, width, height, children, ...rest }: ChartSvgProps) {
  return (
    <svg
      className="gap-chart-svg"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      style={{ minWidth: width }}
      {...rest}
    >
      {children}
    </svg>
  );
}

/** The "Capability" row-header column; with `onSelectGap`, each label is a toggle button for its gap. */
export function capabilityColumn(
  onSelectGap: ((capability: string) => void) | undefined,
  selectedGap: string | undefined,
): DataColumn<Gap> {
  return {
    id: 'label',
    header: 'Capability',
    accessor: (gap) => gap.label,
    rowHeader: true,
    render:
      onSelectGap === undefined
        ? undefined
        : (gap) => (
            <button
              type="button"
              className="link-button"
              aria-pressed={gap.capability === selectedGap}
              onClick={() => onSelectGap(gap.capability)}
            >
              {gap.label}
            </button>
          ),
  };
}

/** The columns the gap charts' tables share: the capability's code, dollars, and the leakage share. */
export const codeColumn: DataColumn<Gap> = {
  id: 'capability',
  header: 'Code',
  accessor: (gap) => gap.capability,
};

export function usdColumn<Row = Gap>(
  id: string,
  header: string,
  accessor: (row: Row) => number,
): DataColumn<Row> {
  return {
    id,
    header,
    accessor,
    numeric: true,
    format: (value) => (typeof value === 'number' ? formatUsd(value) : '—'),
  };
}

export const leakageColumn: DataColumn<Gap> = {
  id: 'leakage',
  header: 'Leakage',
  accessor: (gap) => gap.leakage,
  numeric: true,
  format: (value) => (typeof value === 'number' ? formatPercent(value) : '—'),
};

/** Where a horizontal bar sits: the top of its band and the band's height, px. */
export interface BarBand {
  top: number;
  band: number;
}

/** A horizontal bar's label, right-aligned so that it ends at `right`, centred on the band. */
export function RowLabel({ right, top, band, children }: BarBand & { right: number; children: ReactNode }) {
  return (
    <text className="chart-row-label" x={right} y={px(top + band / 2)} dy="0.32em" textAnchor="end">
      {children}
    </text>
  );
}

/** The value written just after a horizontal bar that ends at `end`. */
export function BarValue({
  end,
  top,
  band,
  className,
  children,
}: BarBand & { end: number; className?: string | undefined; children: ReactNode }) {
  return (
    <text
      className={className === undefined ? 'chart-value' : `chart-value ${className}`}
      x={px(end + 4)}
      y={px(top + band / 2)}
      dy="0.32em"
    >
      {children}
    </text>
  );
}

/** A gap's row key in the charts' tables: its capability. */
export const gapKey = (gap: Gap): string => gap.capability;

/** What every gap chart takes besides its data: the region for the title, the table open, the test id. */
export interface ChartOptions {
  /** Region name for the title and the accessible description. */
  regionName?: string | undefined;
  tableOpen?: boolean | undefined;
  testId?: string | undefined;
}

/** What the charts of capabilities take: the gaps, and the selected gap with a way to choose another. */
export interface GapChartOptions extends ChartOptions {
  gaps: readonly Gap[];
  selectedGap?: string | undefined;
  onSelectGap?: ((capability: string) => void) | undefined;
}

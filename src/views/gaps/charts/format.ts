// Number formats and rounding shared by the gap charts: d3-format dollars ("$1.2M"), percentages, counts,
// and coordinates rounded to a tenth of a pixel so the SVG is the same on every machine.
import { format, formatPrefix } from 'd3';

const percent = format('.0%');
const count = format(',d');

/** "$1.2M", "$156M", "$2.5B", "$950", "$0"; an em dash for a missing or infinite value. */
export function formatUsd(value: number | null | undefined): string {
  if (value == null || !Number.isFinite(value)) return '—';
  // The SI prefix of the value itself keeps one decimal at every scale; "G" reads as billions in dollars.
  return formatPrefix('$,.1~', Math.abs(value) || 1)(value).replace(/G$/, 'B');
}

/** "75%" for 0.75. */
export function formatPercent(value: number): string {
  return Number.isFinite(value) ? percent(value) : '—';
}

export function formatCount(value: number): string {
  return count(value);
}

/** A coordinate rounded to 0.1 px. */
export function px(value: number): number {
  return Math.round(value * 10) / 10;
}

/** A label cut to `max` characters with an ellipsis; the full text goes in a <title>. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

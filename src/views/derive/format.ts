// Number formats every view uses, said once: compact dollars (d3-format, the same on every machine, so chart
// snapshots do not depend on the ICU version), full dollars, percentages, counts; and the minimum-value
// presets.
import { format, formatPrefix } from 'd3-format';
import { SMALL_CELL } from '../../domain/model.ts';
import type { RedactionProfile } from '../../domain/model.ts';
import { valueBand } from '../../io/value-bands.ts';

const percent = format('.0%');
const usdFull = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  maximumFractionDigits: 0,
});
const integer = new Intl.NumberFormat('en-US');

/** "$1.2M", "$156M", "$2.5B", "$1.2k", "$950", "$0"; an em dash for a missing or infinite value. */
export function formatUsd(value: number | null | undefined, decimals = 1): string {
  if (value == null || !Number.isFinite(value)) return '—';
  // The SI prefix of the value itself keeps `decimals` decimals at every scale (trailing zeros dropped);
  // "G" reads as billions in dollars.
  return formatPrefix(`$,.${decimals}~`, Math.abs(value) || 1)(value).replace(/G$/, 'B');
}

/** "75%" for 0.75; an em dash for a value that is not finite. */
export function formatPercent(value: number): string {
  return Number.isFinite(value) ? percent(value) : '—';
}

/** "$1,234,567", for titles and screen readers where the compact form loses precision. */
export function formatUsdFull(value: number | null | undefined): string {
  return value == null || !Number.isFinite(value) ? 'no value' : usdFull.format(value);
}

/** "1,234"; NaN is a count a public copy suppressed (1 or 2 firms: io/public/redact-public.ts). */
export function formatCount(value: number): string {
  return Number.isNaN(value) ? `fewer than ${SMALL_CELL}` : integer.format(value);
}

/**
 * Dollars as a copy's profile allows: compact, or in a partner or public copy the label of the band whose
 * lower bound the copy holds ("$1M–$10M"), since the exact value is not in it; NaN is a value a public copy
 * suppressed.
 */
export function formatDollars(value: number, profile: RedactionProfile | undefined): string {
  if (Number.isNaN(value)) return 'suppressed';
  return profile === 'partner' || profile === 'public' ? valueBand(value).label : formatUsd(value);
}

/** Minimum link value presets, USD per year. */
export const MIN_VALUE_PRESETS: readonly { value: number; label: string }[] = [
  { value: 0, label: 'Any' },
  { value: 100_000, label: '$100k' },
  { value: 1_000_000, label: '$1M' },
  { value: 10_000_000, label: '$10M' },
];

/**
 * Reads what a user typed as a minimum value: digits with optional separators and a k/m/b suffix
 * ("250k", "1.5M", "$2,000,000"). Returns null when it is not a non-negative amount.
 */
export function parseMoney(text: string): number | null {
  const match = /^\$?\s*(\d+(?:\.\d+)?)\s*([kmb])?$/i.exec(text.trim().replace(/[,_\s](?=\d)/g, ''));
  if (match === null) return null;
  const scale = { k: 1e3, m: 1e6, b: 1e9 }[(match[2] ?? '').toLowerCase()] ?? 1;
  const value = Number(match[1]) * scale;
  return Number.isFinite(value) && value <= 1e13 ? Math.round(value) : null;
}

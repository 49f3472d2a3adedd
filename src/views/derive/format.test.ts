import { describe, expect, it } from 'vitest';
import { formatCount, formatDollars, formatUsd, formatUsdFull, parseMoney } from './format.ts';

describe('parseMoney', () => {
  it.each([
    ['250000', 250_000],
    ['250k', 250_000],
    ['1.5M', 1_500_000],
    ['$2,000,000', 2_000_000],
    ['2 b', 2e9],
    ['0', 0],
    ['', null],
    ['-5', null],
    ['abc', null],
    ['1e5', null],
  ])('"%s" reads as %s', (text, expected) => {
    expect(parseMoney(text)).toBe(expected);
  });
});

describe('formatting', () => {
  it('writes dollars compactly or in full, and counts with separators', () => {
    expect(formatUsd(1_234_567)).toBe('$1.2M');
    expect(formatUsd(3_650_000, 2)).toBe('$3.65M');
    expect(formatUsd(5_000_000, 2)).toBe('$5M');
    expect(formatUsd(5_312_000_000, 2)).toBe('$5.31B');
    expect(formatUsd(null)).toBe('—');
    expect(formatUsdFull(1_234_567)).toBe('$1,234,567');
    expect(formatUsdFull(undefined)).toBe('no value');
    expect(formatCount(12345)).toBe('12,345');
  });

  it('writes what a redacted copy holds: bands for its dollars, and what a public copy suppressed', () => {
    expect(formatCount(Number.NaN)).toBe('fewer than 3');
    expect(formatDollars(10_000_000, 'partner')).toBe('$10M–$100M');
    expect(formatDollars(0, 'public')).toBe('under $1M');
    expect(formatDollars(Number.NaN, 'public')).toBe('suppressed');
    expect(formatDollars(10_000_000, 'full')).toBe('$10M');
    expect(formatDollars(10_000_000, undefined)).toBe('$10M');
  });
});

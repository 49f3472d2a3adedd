import { describe, expect, it } from 'vitest';
import { formatCount, formatUsd, formatUsdFull, parseMoney } from './format.ts';

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
});

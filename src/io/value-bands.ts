// Dollar bands of the redacted profiles (io/redact.ts): a value is replaced by its band's lower bound, so only
// the band can be read back.

/** Each band's lower bound and its label. */
export const VALUE_BANDS: readonly { from: number; label: string }[] = [
  { from: 0, label: 'under $1M' },
  { from: 1_000_000, label: '$1M–$10M' },
  { from: 10_000_000, label: '$10M–$100M' },
  { from: 100_000_000, label: 'over $100M' },
];

/** The band a dollar value falls in (negative values, such as de-obligations, count as the lowest band). */
export function valueBand(value: number): { from: number; label: string } {
  let band = VALUE_BANDS[0]!;
  for (const candidate of VALUE_BANDS) if (value >= candidate.from) band = candidate;
  return band;
}

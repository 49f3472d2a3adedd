import { describe, expect, it } from 'vitest';
import { formatYearRange, linkYears, withinYears, yearsOf } from './fiscal-years.ts';
import type { OrgId } from './ids.ts';
import type { Bundle, Link } from './model.ts';

const link = (source: string, value: number | undefined, year?: number): Link => ({
  source: source as OrgId,
  target: 'P' as OrgId,
  kind: 'subcontract',
  value,
  year,
});

function bundleOf(links: Link[]): Bundle {
  return {
    format: 'forgemap-bundle',
    version: 1,
    meta: {
      id: 't',
      title: 't',
      description: '',
      source: '',
      license: '',
      asOf: '2024-09-30',
      synthetic: true,
      linksByFiscalYear: true,
    },
    organizations: [],
    links,
    capabilities: [],
    regions: [],
  } as unknown as Bundle;
}

// A buys 900 in FY2022 and 300 in FY2024; B 600 in FY2023; C is undated (120 a year).
const dated = bundleOf([link('A', 900, 2022), link('A', 300, 2024), link('B', 600, 2023), link('C', 120)]);
const valuesBySource = (bundle: Bundle) =>
  bundle.links.map((l) => [l.source, l.year ?? null, l.value ?? null]);

describe('linkYears', () => {
  it('lists the distinct years of dated links, ascending', () => {
    expect(linkYears(dated.links)).toEqual([2022, 2023, 2024]);
    expect(yearsOf(dated)).toEqual([2022, 2023, 2024]);
    expect(linkYears([link('C', 1)])).toEqual([]);
  });
});

describe('withinYears', () => {
  it('without a range, averages every dated link over all the years (USD per year)', () => {
    expect(valuesBySource(withinYears(dated, null))).toEqual([
      ['A', 2022, 300],
      ['A', 2024, 100],
      ['B', 2023, 200],
      ['C', null, 120],
    ]);
  });
  it('keeps only the years in range, averaged over the bundle years inside it', () => {
    // FY2023–FY2024: two years of the bundle; A's FY2022 link is left out.
    expect(valuesBySource(withinYears(dated, { from: 2023, to: 2030 }))).toEqual([
      ['A', 2024, 150],
      ['B', 2023, 300],
      ['C', null, 120],
    ]);
    // One year: values as they are.
    expect(valuesBySource(withinYears(dated, { from: 2022, to: 2022 }))).toEqual([
      ['A', 2022, 900],
      ['C', null, 120],
    ]);
  });
  it('counts only the years the bundle has, not every year of the range', () => {
    const gappy = bundleOf([link('A', 800, 2020), link('B', 400, 2024)]);
    expect(valuesBySource(withinYears(gappy, { from: 2019, to: 2024 }))).toEqual([
      ['A', 2020, 400],
      ['B', 2024, 200],
    ]);
  });
  it('a range with none of the bundle years keeps only the undated links', () => {
    expect(valuesBySource(withinYears(dated, { from: 2010, to: 2012 }))).toEqual([['C', null, 120]]);
  });
  it('returns the bundle itself when nothing changes, and the same narrowing for the same range', () => {
    const undated = bundleOf([link('C', 1)]);
    expect(withinYears(undated, { from: 2020, to: 2021 })).toBe(undated);
    const oneYear = bundleOf([link('A', 5, 2023)]);
    expect(withinYears(oneYear, null)).toBe(oneYear);
    const first = withinYears(dated, { from: 2023, to: 2024 });
    expect(withinYears(dated, { from: 2023, to: 2024 })).toBe(first);
    expect(first.organizations).toBe(dated.organizations);
    expect(dated.links[0]!.value).toBe(900);
  });
});

describe('withinYears, links only dated', () => {
  // A bundle whose link years only date them (the samples): values are USD per year already.
  const dated2 = { ...dated, meta: { ...dated.meta, linksByFiscalYear: false } };
  it('is the bundle itself without a range, and keeps the values of a range as they are', () => {
    expect(withinYears(dated2, null)).toBe(dated2);
    expect(valuesBySource(withinYears(dated2, { from: 2023, to: 2024 }))).toEqual([
      ['A', 2024, 300],
      ['B', 2023, 600],
      ['C', null, 120],
    ]);
  });
});

describe('formatYearRange', () => {
  it('names one year or a span', () => {
    expect(formatYearRange({ from: 2023, to: 2023 })).toBe('FY2023');
    expect(formatYearRange({ from: 2022, to: 2024 })).toBe('FY2022–FY2024');
  });
});

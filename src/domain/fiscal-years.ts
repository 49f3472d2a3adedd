// Fiscal years of a bundle's links (DESIGN.md §2: `year` on a link) and a bundle narrowed to a range of
// them. Link values are USD per year. In a bundle whose links are by fiscal year (`meta.linksByFiscalYear`:
// build-region, the Subawards import) a dated link holds its pair's dollars in that one year, so over a range
// the dollars are averaged over the years the bundle has in that range; elsewhere a link's year only dates it,
// and narrowing keeps the links of the range as they are. Undated links belong to every range.
import type { Bundle, Link } from './model.ts';

/** A closed range of fiscal years, `from` ≤ `to`. */
export interface YearRange {
  from: number;
  to: number;
}

/** Years a link may carry (the bundle schema's bounds). */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2100;

/** The distinct fiscal years of dated links, ascending. */
export function linkYears(links: readonly Link[]): number[] {
  const years = new Set<number>();
  for (const link of links) if (link.year !== undefined) years.add(link.year);
  return [...years].sort((a, b) => a - b);
}

const narrowed = new WeakMap<Bundle, { key: string; bundle: Bundle }>();

/**
 * The bundle with only the links of fiscal years in `range` (undated links kept); in a bundle by fiscal year,
 * each dated link's value divided by the number of the bundle's years in the range, so that values stay USD
 * per year. Without a range the range is every year the bundle has. The bundle itself when nothing changes;
 * the last narrowing of each bundle is cached, so that views and the analysis share it.
 */
export function withinYears(bundle: Bundle, range: YearRange | null | undefined): Bundle {
  const years = yearsOf(bundle);
  if (years.length === 0) return bundle;
  const byYear = bundle.meta.linksByFiscalYear === true;
  if (!byYear && (range === null || range === undefined)) return bundle;
  const from = range?.from ?? years[0]!;
  const to = range?.to ?? years[years.length - 1]!;
  const count = years.filter((y) => y >= from && y <= to).length;
  if (count === years.length && (count === 1 || !byYear)) return bundle;
  const key = `${from}-${to}`;
  const hit = narrowed.get(bundle);
  if (hit?.key === key) return hit.bundle;
  const links: Link[] = [];
  for (const link of bundle.links) {
    if (link.year === undefined) links.push(link);
    else if (link.year >= from && link.year <= to)
      links.push(
        !byYear || count === 1 || link.value === undefined ? link : { ...link, value: link.value / count },
      );
  }
  const result = { ...bundle, links };
  narrowed.set(bundle, { key, bundle: result });
  return result;
}

const yearCache = new WeakMap<Bundle, number[]>();

/**
 * Tells `yearsOf` the years of a bundle's links, found without reading a million link objects (from their
 * columns: a bundle assembled from them, import-parts.ts). They must be `linkYears(bundle.links)`.
 */
export function rememberYears(bundle: Bundle, years: readonly number[]): void {
  yearCache.set(bundle, [...years]);
}

/** linkYears of a bundle's links, computed once per bundle. */
export function yearsOf(bundle: Bundle): number[] {
  let years = yearCache.get(bundle);
  if (years === undefined) {
    years = linkYears(bundle.links);
    yearCache.set(bundle, years);
  }
  return years;
}

/** "FY2023", or "FY2022–FY2024". */
export function formatYearRange({ from, to }: YearRange): string {
  return from === to ? `FY${from}` : `FY${from}–FY${to}`;
}

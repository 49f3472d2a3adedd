// The fiscal-year filter: from and to, each a drop-down of the years the dataset's links carry (a bundle built
// from public award records has one link per pair and fiscal year), with what the range shows. The filter
// panel and the gap dashboard both show it; it is absent when there are no years to choose from.
import { useId } from 'react';
import { formatYearRange } from '../../domain/fiscal-years.ts';
import type { Filters } from '../../state/route.ts';
import { Select } from '../../ui/Select.tsx';
import { setYears } from '../derive/filter-edits.ts';
import './panels.css';

export function FiscalYearFilter({
  years,
  averaged,
  filters,
  onChange,
}: {
  years: readonly number[];
  /** Links are by fiscal year (meta.linksByFiscalYear): dollars over several years are a year's average. */
  averaged: boolean;
  filters: Filters;
  onChange: (filters: Filters) => void;
}) {
  const helpId = useId();
  if (years.length === 0 || (years.length === 1 && filters.years === null)) return null;
  const first = years[0]!;
  const last = years[years.length - 1]!;
  const range = filters.years ?? { from: first, to: last };
  const inRange = years.filter((y) => y >= range.from && y <= range.to);
  // A range from a link may name years the dataset does not have: the drop-downs show the nearest ones.
  const from = years.find((y) => y >= range.from) ?? last;
  const to = [...years].reverse().find((y) => y <= range.to) ?? first;
  const choices = Object.fromEntries(years.map((y) => [String(y), `FY${y}`]));
  const all = `FY${first}–FY${last}`;
  return (
    <fieldset className="filter-group" data-testid="year-filter">
      <legend>Fiscal years</legend>
      <div className="year-range">
        <Select
          label="From"
          value={String(from)}
          choices={choices}
          onChange={(year) => onChange(setYears(filters, Number(year), Math.max(Number(year), to), years))}
          testId="year-from"
        />
        <Select
          label="to"
          value={String(to)}
          choices={choices}
          onChange={(year) => onChange(setYears(filters, Math.min(from, Number(year)), Number(year), years))}
          testId="year-to"
        />
      </div>
      <p id={helpId} className="field-help" data-testid="year-help">
        {inRange.length === 0
          ? `None of the dataset's fiscal years (${all}) is in ${formatYearRange(range)}: only undated links are shown.`
          : filters.years === null
            ? `All ${years.length} fiscal years (${all})${averaged ? "; link dollars are a year's average over them" : ''}.`
            : inRange.length === 1 || !averaged
              ? `Links of ${formatYearRange(range)} only${averaged ? ", with that year's dollars" : ''}.`
              : `Links of ${formatYearRange(range)}; dollars are a year's average over its ${inRange.length} fiscal years.`}
      </p>
      {filters.years !== null && (
        <button
          type="button"
          className="preset"
          onClick={() => onChange({ ...filters, years: null })}
          data-testid="all-years"
        >
          All years
        </button>
      )}
    </fieldset>
  );
}

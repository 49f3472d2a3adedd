import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../../state/route.ts';
import type { Filters } from '../../state/route.ts';
import * as edits from './filter-edits.ts';

const f = (partial: Partial<Filters>): Filters => ({ ...NO_FILTERS, ...partial });

describe('toggleKind', () => {
  it('hiding a kind from "all" lists the others', () => {
    expect(edits.toggleKind(f({}), 'training').kinds).toEqual(['prime', 'manufacturer', 'support']);
  });
  it('showing the last hidden kind goes back to "all"', () => {
    expect(edits.toggleKind(f({ kinds: ['prime', 'manufacturer', 'support'] }), 'training').kinds).toEqual(
      [],
    );
  });
  it('keeps kinds in canonical order', () => {
    expect(edits.toggleKind(f({ kinds: ['support'] }), 'prime').kinds).toEqual(['prime', 'support']);
  });
  it('refuses to hide the only kind shown', () => {
    const only = f({ kinds: ['prime'] });
    expect(edits.toggleKind(only, 'prime')).toBe(only);
    expect(edits.canHideKind(only, 'prime')).toBe(false);
    expect(edits.canHideKind(only, 'support')).toBe(true);
    expect(edits.canHideKind(f({}), 'prime')).toBe(true);
  });
});

describe('capability and certification edits', () => {
  it('adds a capability once and removes it', () => {
    const one = edits.addCapability(f({}), '332710');
    expect(one.capabilities).toEqual(['332710']);
    expect(edits.addCapability(one, '332710')).toBe(one);
    expect(edits.removeCapability(one, '332710').capabilities).toEqual([]);
  });
  it('toggles a certification', () => {
    const on = edits.toggleCertification(f({}), 'ITAR');
    expect(on.certifications).toEqual(['ITAR']);
    expect(edits.toggleCertification(on, 'ITAR').certifications).toEqual([]);
  });
});

describe('setMinValue', () => {
  it.each([
    [100_000, 100_000],
    [-5, 0],
    [Number.NaN, 0],
  ])('%s becomes %s', (input, expected) => {
    expect(edits.setMinValue(f({ minValue: 7 }), input).minValue).toBe(expected);
  });
});

describe('hasFilters / clearFilters', () => {
  it('sees any filter and clears them all', () => {
    expect(edits.hasFilters(f({}))).toBe(false);
    expect(edits.hasFilters(f({ minValue: 1 }))).toBe(true);
    expect(edits.hasFilters(f({ kinds: ['prime'] }))).toBe(true);
    expect(edits.hasFilters(f({ years: { from: 2023, to: 2023 } }))).toBe(true);
    expect(edits.clearFilters()).toEqual(NO_FILTERS);
  });
});

describe('setYears', () => {
  const years = [2021, 2022, 2023, 2024];
  it('narrows to a range, putting its ends in order', () => {
    expect(edits.setYears(f({}), 2022, 2023, years).years).toEqual({ from: 2022, to: 2023 });
    expect(edits.setYears(f({}), 2024, 2022, years).years).toEqual({ from: 2022, to: 2024 });
  });
  it('a range over every year of the bundle is no narrowing', () => {
    expect(edits.setYears(f({ years: { from: 2022, to: 2022 } }), 2021, 2024, years).years).toBeNull();
    expect(edits.setYears(f({ years: { from: 2022, to: 2022 } }), 2020, 2030, years).years).toBeNull();
  });
  it('gives the same filters back when the range does not change', () => {
    const narrowed = f({ years: { from: 2022, to: 2023 } });
    expect(edits.setYears(narrowed, 2023, 2022, years)).toBe(narrowed);
    const all = f({});
    expect(edits.setYears(all, 2021, 2024, years)).toBe(all);
  });
});

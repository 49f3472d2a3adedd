// Pure edits of the filter state made by the filter panel: each takes the filters and returns new ones,
// keeping lists canonical (an empty kind list means "all kinds", so a list naming every kind becomes empty).
import { ORG_KINDS } from '../../domain/model.ts';
import type { OrgKind } from '../../domain/model.ts';
import { NO_FILTERS } from '../../state/route.ts';
import type { Filters } from '../../state/route.ts';
import { shownKinds } from './filter.ts';

/**
 * Shows or hides one kind. Hiding the only kind left shown is refused (the filters come back unchanged):
 * an empty list means "all", so it could not mean "none".
 */
export function toggleKind(filters: Filters, kind: OrgKind): Filters {
  const shown = shownKinds(filters);
  const next = shown.includes(kind) ? shown.filter((k) => k !== kind) : [...shown, kind];
  if (next.length === 0) return filters;
  const kinds = next.length === ORG_KINDS.length ? [] : ORG_KINDS.filter((k) => next.includes(k));
  return { ...filters, kinds };
}

/** Whether unchecking this kind is allowed (see toggleKind). */
export function canHideKind(filters: Filters, kind: OrgKind): boolean {
  const shown = shownKinds(filters);
  return !(shown.length === 1 && shown[0] === kind);
}

export function addCapability(filters: Filters, capability: string): Filters {
  if (filters.capabilities.includes(capability)) return filters;
  return { ...filters, capabilities: [...filters.capabilities, capability] };
}

export function removeCapability(filters: Filters, capability: string): Filters {
  return { ...filters, capabilities: filters.capabilities.filter((c) => c !== capability) };
}

export function toggleCertification(filters: Filters, name: string): Filters {
  const certifications = filters.certifications.includes(name)
    ? filters.certifications.filter((c) => c !== name)
    : [...filters.certifications, name];
  return { ...filters, certifications };
}

export function setMinValue(filters: Filters, minValue: number): Filters {
  const value = Number.isFinite(minValue) && minValue > 0 ? minValue : 0;
  return value === filters.minValue ? filters : { ...filters, minValue: value };
}

/**
 * Narrows the links to fiscal years `from`…`to` of the bundle's `years` (ascending). The two ends are put in
 * order; a range holding every year of the bundle is no narrowing at all (null).
 */
export function setYears(filters: Filters, from: number, to: number, years: readonly number[]): Filters {
  const range = { from: Math.min(from, to), to: Math.max(from, to) };
  const all = years.length === 0 || (range.from <= years[0]! && range.to >= years[years.length - 1]!);
  const next = all ? null : range;
  if (next?.from === filters.years?.from && next?.to === filters.years?.to) return filters;
  return { ...filters, years: next };
}

export function hasFilters(filters: Filters): boolean {
  return (
    filters.years !== null ||
    filters.kinds.length > 0 ||
    filters.capabilities.length > 0 ||
    filters.certifications.length > 0 ||
    filters.minValue > 0
  );
}

export function clearFilters(): Filters {
  return { ...NO_FILTERS, kinds: [], capabilities: [], certifications: [] };
}

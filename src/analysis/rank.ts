// Severity order of the gap list (DESIGN.md §3): a total order, so the same data always lists the same way.
import { compareText } from './compare-text.ts';
import type { CapabilityStats } from './types.ts';

/**
 * Most severe first: importedValue desc, then demand desc, then demandLinks desc (ranks gaps of datasets
 * without dollar values), then capability id ascending in code-unit order, independent of the locale.
 */
export function compareGaps(a: CapabilityStats, b: CapabilityStats): number {
  return (
    b.importedValue - a.importedValue ||
    b.demand - a.demand ||
    b.demandLinks - a.demandLinks ||
    compareText(a.capability, b.capability)
  );
}

/** A sorted copy; the input is left as it was. */
export function rankGaps<T extends CapabilityStats>(gaps: readonly T[]): T[] {
  return [...gaps].sort(compareGaps);
}

// The real IMCP and DMCSP communities shipped with the app (data/reference/regions.json), validated on load.
import regionsJson from '../../data/reference/regions.json';
import type { RegionRow } from '../io/reference-schemas.ts';
import { parseRegionsTable } from '../io/reference-schemas.ts';

export type ReferenceRegion = RegionRow & {
  /** "round 1, 2014" or "2022": when the community was designated. */
  when: string;
};

function load(): ReferenceRegion[] {
  const { value, issues } = parseRegionsTable(regionsJson);
  // The table is validated in CI; a bad row here is a build problem, reported once in the console.
  if (issues.length > 0) console.warn('Reference regions:', issues);
  return (value?.rows ?? []).map((row) => ({
    ...row,
    when:
      row.program === 'IMCP'
        ? `round ${row.round ?? '?'}, ${row.asOf.slice(0, 4)}`
        : String(row.year ?? row.asOf.slice(0, 4)),
  }));
}

export const REFERENCE_REGIONS: readonly ReferenceRegion[] = load();

const ids = new Set(REFERENCE_REGIONS.map((region) => region.id as string));
export function referenceRegionIds(): ReadonlySet<string> {
  return ids;
}

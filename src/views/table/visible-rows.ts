// The rows of the table view of the map and network: one per organization the filters show, with the
// facts a reader scans for (kind, place, county, primary NAICS, tier, home region, value supplied). Pure.
import type { OrgKind } from '../../domain/model.ts';
import type { DatasetView } from '../contracts.ts';

export interface VisibleRow {
  /** Index in bundle.organizations. */
  i: number;
  id: string;
  name: string;
  kind: OrgKind;
  place: string;
  county: string | null;
  naics: string | null;
  naicsLabel: string | null;
  tier: number | null;
  inRegion: boolean;
  /** USD per year, Σ of its supply links as supplier. */
  supplied: number;
  certifications: string;
}

export function visibleRows(data: DatasetView, supplied: Float64Array): VisibleRow[] {
  const rows: VisibleRow[] = [];
  const tiers = data.analysis?.tiers;
  data.bundle.organizations.forEach((org, i) => {
    if (data.visible[i] !== 1) return;
    const naics = org.naics[0] ?? null;
    rows.push({
      i,
      id: org.id,
      name: org.name,
      kind: org.kind,
      place: [org.city, org.state].filter((p) => p !== undefined && p !== '').join(', '),
      county: org.county ?? null,
      naics,
      naicsLabel: naics === null ? null : data.label(naics),
      tier: tiers !== undefined && Object.hasOwn(tiers, org.id) ? (tiers[org.id] ?? null) : null,
      inRegion: data.inRegion[i] === 1,
      supplied: supplied[i] ?? 0,
      certifications: org.certifications.join('; '),
    });
  });
  return rows;
}

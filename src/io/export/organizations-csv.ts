// Organizations as CSV, one row per organization, for spreadsheets; optional columns add what the analysis
// knows about each one (in the home region, supply tier, critical supplier).
import type { Bundle } from '../../domain/model.ts';
import { ORGANIZATION_TABLE_FIELDS } from '../../domain/model.ts';
import type { CsvOptions, CsvValue } from './csv-text.ts';
import { csvText } from './csv-text.ts';

export interface OrganizationsCsvOptions extends CsvOptions {
  /** 1 for organizations in the home region, by organization index (`regionMembership`): adds `in_home_region`. */
  inRegion?: Uint8Array;
  /** Organization id → supply tier (`AnalysisResult.tiers`): adds `tier`, empty when none. */
  tiers?: Readonly<Record<string, number>>;
  /** Critical suppliers' ids (`AnalysisResult.criticalSuppliers`): adds `critical`. */
  critical?: ReadonlySet<string>;
}

export const ORGANIZATION_COLUMNS = ORGANIZATION_TABLE_FIELDS;

const yesNo = (flag: boolean) => (flag ? 'yes' : 'no');

export function exportOrganizationsCsv(bundle: Bundle, options: OrganizationsCsvOptions = {}): string {
  const { inRegion, tiers, critical } = options;
  const header: string[] = [...ORGANIZATION_COLUMNS];
  if (inRegion !== undefined) header.push('in_home_region');
  if (tiers !== undefined) header.push('tier');
  if (critical !== undefined) header.push('critical');
  // A shared copy's marking line, on every row, so no row travels without it.
  const marking = bundle.meta.sharing?.marking;
  if (marking !== undefined) header.push('marking');

  const rows = bundle.organizations.map((o, i) => {
    const row: CsvValue[] = [
      o.id,
      o.name,
      o.kind,
      o.lat,
      o.lon,
      o.address,
      o.city,
      o.state,
      o.zip,
      o.county,
      o.naics.join(';'),
      o.capabilities.join(';'),
      o.certifications.join(';'),
      o.employees,
      o.uei,
      o.cage,
      o.website,
      o.trains.join(';'),
    ];
    if (inRegion !== undefined) row.push(yesNo(inRegion[i] === 1));
    // Object.hasOwn: an id such as "constructor" must not find Object.prototype's member.
    if (tiers !== undefined) row.push(Object.hasOwn(tiers, o.id) ? tiers[o.id] : undefined);
    if (critical !== undefined) row.push(yesNo(critical.has(o.id)));
    if (marking !== undefined) row.push(marking);
    return row;
  });
  return csvText(header, rows, options);
}

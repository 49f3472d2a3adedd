// What a file lacks, said once in the report: for each field no column (or attribute) holds, what Forgemap
// assumed in its place and what the user loses, with where to fix it. Per-row problems are reported by the
// readers; these are about the file as a whole, so a network file of bare nodes does not arrive silently as
// "77 manufacturers" nowhere on the map.
import type { LinkField, OrganizationField } from './column-mapping.ts';
import type { FileLog } from './report.ts';
import { plural } from './report-text.ts';

export interface FieldSource {
  /** What holds a field in this format: "column", "node attribute", "edge attribute", "property". */
  holder: string;
  /** True when the import dialog offers a mapping for this file, so the fix can be chosen there. */
  mappable: boolean;
}

function fix(source: FieldSource, field: string): string {
  return source.mappable
    ? ` To change that, choose the ${source.holder} under "${field}" in the mapping above, or add one to the file.`
    : ' To change that, add one to the file.';
}

/** `has(field)`: some column holds it. `count`: organizations read from the file. */
export function noteMissingOrganizationFields(
  log: FileLog,
  has: (field: OrganizationField) => boolean,
  count: number,
  source: FieldSource,
  options: { located?: boolean; namedById?: boolean } = {},
): void {
  if (count === 0) return;
  const all =
    count === 1
      ? 'the one organization was'
      : count === 2
        ? 'both organizations were'
        : `all ${plural(count, 'organization')} were`;
  if (options.namedById === true && !has('name')) {
    log.issue('field-missing', {
      column: 'name',
      message: `No ${source.holder} holds the names (a label or a "name" ${source.holder}), so each organization is named by its id.${fix(source, 'Name')}`,
    });
  }
  if (!has('kind')) {
    log.issue('field-missing', {
      column: 'kind',
      message: `No ${source.holder} holds the kind of organization (prime, manufacturer, training or support), so ${all} imported as manufacturers, though supplier tiers and chokepoints start from primes.${fix(source, 'Kind')}`,
    });
  }
  const located = options.located === true || (has('lat') && has('lon')) || has('zip') || has('county');
  if (!located) {
    log.issue('field-missing', {
      column: 'location',
      severity: 'warning',
      message: `No ${source.holder} holds a location (latitude and longitude, a ZIP code or a county FIPS code), so ${count === 1 ? 'the organization is' : `the ${plural(count, 'organization')} are`} not on the map or in any region; the network view shows them.${source.mappable ? ` To place them, choose a ZIP, county or latitude and longitude ${source.holder} in the mapping above, or add one to the file.` : ` To place them, add a ZIP, county or latitude and longitude ${source.holder} to the file.`}`,
    });
  }
}

/** `count`: links read from the file. */
export function noteMissingLinkFields(
  log: FileLog,
  has: (field: LinkField) => boolean,
  count: number,
  source: FieldSource,
): void {
  if (count === 0) return;
  const links = count === 1 ? 'the link' : count === 2 ? 'both links' : `the ${plural(count, 'link')}`;
  if (!has('value')) {
    log.issue('field-missing', {
      column: 'value',
      message: `No ${source.holder} holds the value of the links (USD a year), so ${links} carry no dollars: they count as $0 in imported value and dollars at risk.${fix(source, 'Value (USD/year)')}`,
    });
  }
  if (!has('capability')) {
    log.issue('field-missing', {
      column: 'capability',
      message: `No ${source.holder} holds what the links supply (a capability or NAICS code), so ${links} name no capability and no gap can be found in them.${fix(source, 'Capability')}`,
    });
  }
  if (!has('kind')) {
    log.issue('field-missing', {
      column: 'kind',
      severity: 'info',
      message: `No ${source.holder} holds the kind of link, so ${links} ${count === 1 ? 'was' : 'were'} read as "supplies" (the supplier sells to the buyer).`,
    });
  }
}

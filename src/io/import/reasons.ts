// Every reason an import can note, fix or reject something, with the heading the report groups it under.
// Keeping them in one table makes the report's groups stable and lets tests name them.
import type { Severity } from '../../domain/issues.ts';

/** What happened to the row or file the issue is about. */
export type IssueEffect = 'rejected' | 'fixed' | 'note';

interface ReasonInfo {
  title: string;
  severity: Severity;
  effect: IssueEffect;
}

const reason = (title: string, severity: Severity, effect: IssueEffect): ReasonInfo => ({
  title,
  severity,
  effect,
});

export const REASONS = {
  'file-too-large': reason('File too large', 'error', 'rejected'),
  'too-many-rows': reason('Too many rows', 'error', 'rejected'),
  'empty-file': reason('Empty file', 'error', 'rejected'),
  'unknown-format': reason('Unrecognised file', 'error', 'rejected'),
  'file-not-read': reason('File could not be read', 'error', 'rejected'),
  'file-combination': reason('Files that cannot be combined', 'error', 'rejected'),
  'latin1-text': reason('Text decoded as Windows-1252 (Latin-1)', 'info', 'note'),
  'empty-lines': reason('Empty lines skipped', 'info', 'note'),
  'unused-columns': reason('Columns not used', 'info', 'note'),
  'mapping-unknown-column': reason('Mapping names a column the file does not have', 'warning', 'note'),
  'no-name-column': reason('No name column', 'error', 'rejected'),
  'no-link-columns': reason('No supplier or buyer column', 'error', 'rejected'),
  'field-missing': reason('Fields the file does not have, and what was assumed', 'info', 'note'),
  'csv-quotes': reason('Broken quotes', 'warning', 'note'),
  'csv-unclosed-quote': reason(
    'A quoted cell never closed: the rest of the file not imported',
    'error',
    'rejected',
  ),
  'csv-field-count': reason('Rows with a different number of cells than the header', 'warning', 'note'),
  'record-not-object': reason('Records that are not objects', 'error', 'rejected'),
  'name-missing': reason('Name missing', 'error', 'rejected'),
  'name-too-long': reason('Name too long', 'error', 'rejected'),
  'id-duplicate': reason('Id used twice in one file', 'error', 'rejected'),
  'id-renamed': reason('Id already used by another file', 'warning', 'fixed'),
  'kind-missing': reason('Kind missing', 'warning', 'fixed'),
  'kind-unknown': reason('Kind not recognised', 'warning', 'fixed'),
  'kind-normalized': reason('Kind written another way', 'info', 'fixed'),
  'latitude-invalid': reason('Latitude not a number', 'warning', 'fixed'),
  'longitude-invalid': reason('Longitude not a number', 'warning', 'fixed'),
  'latitude-out-of-range': reason('Latitude out of range', 'warning', 'fixed'),
  'longitude-out-of-range': reason('Longitude out of range', 'warning', 'fixed'),
  'coordinates-half': reason('Only one coordinate', 'warning', 'fixed'),
  'geocoded-from-zip': reason('Placed by ZIP code', 'info', 'fixed'),
  'zip-not-found': reason('ZIP code not in the ZIP table', 'warning', 'note'),
  'zip-invalid': reason('ZIP code not valid', 'warning', 'fixed'),
  'zip-repaired': reason('ZIP code repaired', 'info', 'fixed'),
  'county-padded': reason('County FIPS code repaired', 'info', 'fixed'),
  'county-invalid': reason('County FIPS code not valid', 'warning', 'fixed'),
  'state-name': reason('State written out', 'info', 'fixed'),
  'state-invalid': reason('State not recognised', 'warning', 'fixed'),
  'naics-repaired': reason('NAICS code repaired', 'info', 'fixed'),
  'naics-invalid': reason('NAICS code not valid', 'warning', 'fixed'),
  'capability-invalid': reason('Capability not valid', 'warning', 'fixed'),
  'employees-invalid': reason('Employees not a whole number', 'warning', 'fixed'),
  'uei-invalid': reason('UEI not valid', 'warning', 'fixed'),
  'cage-invalid': reason('CAGE code not valid', 'warning', 'fixed'),
  'text-too-long': reason('Text too long', 'warning', 'fixed'),
  'duplicate-merged': reason('Duplicate firms merged', 'info', 'fixed'),
  'link-missing-end': reason('Link without supplier or buyer', 'error', 'rejected'),
  'link-unknown-org': reason('Link to an unknown organization', 'error', 'rejected'),
  'link-ambiguous-org': reason('Link to a name several organizations share', 'error', 'rejected'),
  'link-kind-unknown': reason('Link kind not recognised', 'warning', 'fixed'),
  'value-invalid': reason('Value not a number', 'warning', 'fixed'),
  'value-out-of-range': reason('Value out of range', 'warning', 'fixed'),
  'year-invalid': reason('Year not valid', 'warning', 'fixed'),
  'links-without-organizations': reason('Links with no organizations to attach to', 'error', 'rejected'),
  'subaward-no-prime': reason('Subaward without a prime awardee', 'error', 'rejected'),
  'subaward-no-subawardee': reason('Subaward without a subawardee', 'error', 'rejected'),
  'subaward-self': reason('Subaward from a firm to itself', 'warning', 'note'),
  'subaward-mixed-naics': reason('Several NAICS codes between one prime and one subawardee', 'info', 'note'),
  'subaward-years': reason('Pairs with subawards in several fiscal years (a link per year)', 'info', 'note'),
  'foreign-subawardee': reason('Foreign subawardees (outside every US region)', 'info', 'note'),
  'geojson-not-point': reason('Feature is not a point', 'error', 'rejected'),
  'geojson-not-feature': reason('Not a GeoJSON feature', 'error', 'rejected'),
  'graph-undirected': reason('Undirected edges read as supplier → buyer', 'info', 'note'),
  'graph-unknown-node': reason('Edge to an unknown node', 'error', 'rejected'),
  'graph-positions': reason('Layout positions kept', 'info', 'note'),
  'graph-groups': reason('Group nodes flattened', 'info', 'note'),
  'graph-yed-labels': reason('Names taken from yEd labels', 'info', 'note'),
  'bundle-issue': reason('Problems in the bundle', 'warning', 'note'),
  'bundle-record-rejected': reason('Bundle records rejected', 'error', 'rejected'),
  cancelled: reason('Import cancelled', 'error', 'rejected'),
} as const satisfies Record<string, ReasonInfo>;

export type IssueReason = keyof typeof REASONS;

export function reasonInfo(reasonCode: IssueReason): ReasonInfo {
  return REASONS[reasonCode];
}

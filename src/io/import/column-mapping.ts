// Which column holds which field: detected from common header names, returned as a plain object a UI
// can show and edit, then passed back to re-run the import with the user's choices.
import { ORGANIZATION_TABLE_FIELDS } from '../../domain/model.ts';

export const ORGANIZATION_FIELDS = ORGANIZATION_TABLE_FIELDS;
export type OrganizationField = (typeof ORGANIZATION_FIELDS)[number];

export const LINK_FIELDS = ['source', 'target', 'kind', 'capability', 'value', 'year'] as const;
export type LinkField = (typeof LINK_FIELDS)[number];

export type MappingTarget = 'organizations' | 'links';

/** Field → column name (a name from the file's headers), or null when no column holds the field. */
export type ColumnMapping =
  | { target: 'organizations'; columns: Record<OrganizationField, string | null> }
  | { target: 'links'; columns: Record<LinkField, string | null> };

export const FIELD_LABELS: Readonly<Record<OrganizationField | LinkField, string>> = {
  id: 'Id',
  name: 'Name',
  kind: 'Kind',
  lat: 'Latitude',
  lon: 'Longitude',
  address: 'Address',
  city: 'City',
  state: 'State',
  zip: 'ZIP',
  county: 'County FIPS',
  naics: 'NAICS codes',
  capabilities: 'Capabilities',
  certifications: 'Certifications',
  employees: 'Employees',
  uei: 'UEI',
  cage: 'CAGE code',
  website: 'Website',
  trains: 'Trains for',
  source: 'Supplier (source)',
  target: 'Buyer (target)',
  capability: 'Capability',
  value: 'Value (USD/year)',
  year: 'Year',
};

// Header spellings seen in exports from CRMs, SAM.gov, spreadsheets and GIS tools, compared after
// lower-casing and removing everything but letters and digits ("Zip Code" → "zipcode").
const ORGANIZATION_SYNONYMS: Record<OrganizationField, readonly string[]> = {
  id: ['id', 'orgid', 'organizationid', 'firmid', 'companyid', 'key', 'recordid'],
  name: [
    'name',
    'company',
    'companyname',
    'firm',
    'firmname',
    'organization',
    'organisation',
    'organizationname',
    'orgname',
    'legalbusinessname',
    'businessname',
    'vendorname',
    'label',
  ],
  kind: ['kind', 'type', 'orgtype', 'organizationtype', 'category', 'role'],
  lat: ['lat', 'latitude', 'y', 'ycoord'],
  lon: ['lon', 'lng', 'long', 'longitude', 'x', 'xcoord'],
  address: ['address', 'street', 'streetaddress', 'address1', 'addressline1', 'addr'],
  city: ['city', 'town', 'cityname'],
  state: ['state', 'st', 'statecode', 'stateabbr', 'stateabbreviation', 'province', 'statename'],
  zip: ['zip', 'zipcode', 'zip5', 'zip4', 'postalcode', 'postcode', 'postal'],
  county: ['county', 'countyfips', 'fips', 'countycode', 'countyfipscode', 'geoid'],
  naics: ['naics', 'naicscode', 'naicscodes', 'primarynaics', 'naics2017'],
  capabilities: ['capabilities', 'capability', 'processes', 'services'],
  certifications: ['certifications', 'certification', 'certs', 'quality', 'qualitycertifications'],
  employees: ['employees', 'employeecount', 'numberofemployees', 'headcount', 'staff', 'emp'],
  uei: ['uei', 'ueisam', 'samuei', 'ueinumber', 'uniqueentityid'],
  cage: ['cage', 'cagecode'],
  website: ['website', 'url', 'web', 'homepage', 'site'],
  trains: ['trains', 'trainsfor', 'programs', 'training'],
};

const LINK_SYNONYMS: Record<LinkField, readonly string[]> = {
  source: [
    'source',
    'from',
    'supplier',
    'supplierid',
    'suppliername',
    'seller',
    'vendor',
    'sourceid',
    'provider',
  ],
  target: [
    'target',
    'to',
    'buyer',
    'buyerid',
    'buyername',
    'customer',
    'customername',
    'purchaser',
    'targetid',
    'client',
  ],
  kind: ['kind', 'type', 'relationship', 'linktype', 'relation'],
  capability: ['capability', 'naics', 'naicscode', 'product', 'commodity', 'capabilityid'],
  value: ['value', 'amount', 'annualvalue', 'dollars', 'usd', 'spend', 'obligation', 'valueusd', 'total'],
  year: ['year', 'fiscalyear', 'fy'],
};

export function headerKey(header: string): string {
  return header.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Synonyms that name layout positions in graph files rather than geographic coordinates. */
const LAYOUT_KEYS = new Set(['x', 'y', 'xcoord', 'ycoord']);

export function autoDetectMapping(
  headers: readonly string[],
  target: MappingTarget,
  options: { geographicXY?: boolean } = {},
): ColumnMapping {
  const geographicXY = options.geographicXY ?? true;
  const pick = <F extends string>(fields: readonly F[], synonyms: Record<F, readonly string[]>) => {
    const keys = headers.map(headerKey);
    const used = new Set<number>();
    const columns = Object.create(null) as Record<F, string | null>;
    for (const field of fields) {
      columns[field] = null;
      // The earlier synonym is the better match ("name" before "label"), so synonyms lead the search.
      for (const synonym of synonyms[field]) {
        if (!geographicXY && LAYOUT_KEYS.has(synonym)) continue;
        const at = keys.findIndex((key, i) => key === synonym && !used.has(i));
        if (at !== -1) {
          used.add(at);
          columns[field] = headers[at] ?? null;
          break;
        }
      }
    }
    return { ...columns };
  };
  return target === 'organizations'
    ? { target, columns: pick(ORGANIZATION_FIELDS, ORGANIZATION_SYNONYMS) }
    : { target, columns: pick(LINK_FIELDS, LINK_SYNONYMS) };
}

/** True when the headers look like a links table: a supplier-like and a buyer-like column, and no name. */
export function looksLikeLinks(headers: readonly string[]): boolean {
  const mapping = autoDetectMapping(headers, 'links');
  const orgs = autoDetectMapping(headers, 'organizations');
  return (
    mapping.target === 'links' &&
    mapping.columns.source !== null &&
    mapping.columns.target !== null &&
    orgs.target === 'organizations' &&
    orgs.columns.name === null
  );
}

/** Names in a mapping that are not headers of the file (a mapping from another file, or edited badly). */
export function unknownMappedColumns(mapping: ColumnMapping, headers: readonly string[]): string[] {
  const known = new Set(headers);
  return Object.values<string | null>(mapping.columns).filter(
    (column): column is string => column !== null && !known.has(column),
  );
}

/** A fresh mapping with every field unmapped, for a UI switching a file between targets. */
export function emptyMapping(target: MappingTarget): ColumnMapping {
  return autoDetectMapping([], target);
}

/**
 * Reads a mapping that came from outside (a worker message, a UI): unknown fields are dropped, and only
 * string column names are kept, so nothing but the known fields ever lands on the object.
 */
export function sanitizeMapping(raw: unknown): ColumnMapping | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const target: unknown = Reflect.get(raw, 'target');
  const columns: unknown = Reflect.get(raw, 'columns');
  if ((target !== 'organizations' && target !== 'links') || typeof columns !== 'object' || columns === null)
    return null;
  const fields: readonly string[] = target === 'organizations' ? ORGANIZATION_FIELDS : LINK_FIELDS;
  const out = emptyMapping(target);
  const outColumns = out.columns as Record<string, string | null>;
  for (const field of fields) {
    if (!Object.prototype.hasOwnProperty.call(columns, field)) continue;
    const value: unknown = Reflect.get(columns, field);
    outColumns[field] = typeof value === 'string' && value !== '' ? value : null;
  }
  return out;
}

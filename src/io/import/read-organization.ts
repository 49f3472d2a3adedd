// One row (a CSV line, a GeoJSON feature, a graph node) → an organization draft. Every value is read
// leniently, every repair and every dropped value is reported against the row, and a firm without a
// usable name is the only thing rejected. Firms without coordinates are placed by ZIP when possible.
import type { CountyFips } from '../../domain/ids.ts';
import type { OrgKind } from '../../domain/model.ts';
import type { OrganizationField } from './column-mapping.ts';
import type { ImportContext } from './context.ts';
import type { OrganizationDraft } from './organization-draft.ts';
import type { IssueReason } from './reasons.ts';
import type { FileLog } from './report.ts';
import { stateCode } from './state-codes.ts';
import {
  quote,
  readCode,
  readCount,
  readCountyFips,
  readNaics,
  readNumber,
  readZip,
  slugify,
  splitList,
} from './values.ts';

export interface RowSource<F extends string> {
  /** The cell of a field, or undefined when no column holds it (or the cell is absent). */
  value(field: F): string | undefined;
  /** The column name a field was read from, for the report. */
  column(field: F): string | undefined;
}

export interface ReadOrganizationOptions {
  decimalComma: boolean;
  /** False when no column holds the kind: every firm is a manufacturer without a note per row. */
  kindMapped: boolean;
  defaultKind?: OrgKind;
  /** Coordinates that come from elsewhere than cells (a GeoJSON geometry), already checked. */
  point?: { lat: number; lon: number } | undefined;
}

const KIND_WORDS: ReadonlyMap<string, OrgKind> = new Map([
  ...['prime', 'primes', 'oem', 'buyer', 'primecontractor', 'contractor', 'integrator', 'customer'].map(
    (w) => [w, 'prime'] as const,
  ),
  ...[
    'manufacturer',
    'manufacturers',
    'manufacturing',
    'mfg',
    'supplier',
    'vendor',
    'subcontractor',
    'shop',
    'firm',
  ].map((w) => [w, 'manufacturer'] as const),
  ...[
    'training',
    'trainer',
    'school',
    'college',
    'university',
    'education',
    'communitycollege',
    'trainingprovider',
  ].map((w) => [w, 'training'] as const),
  ...[
    'support',
    'mep',
    'mepcenter',
    'edo',
    'agency',
    'lab',
    'laboratory',
    'government',
    'association',
    'nonprofit',
  ].map((w) => [w, 'support'] as const),
]);

const TEXT_LIMITS = { name: 500, address: 500, city: 200, website: 500 } as const;

export function readOrganization(
  source: RowSource<OrganizationField>,
  row: number,
  log: FileLog,
  ctx: ImportContext,
  options: ReadOrganizationOptions,
): OrganizationDraft | null {
  const cell = (field: OrganizationField): string => (source.value(field) ?? '').trim();
  const note = (reason: IssueReason, field: OrganizationField, value: string, message: string) =>
    log.issue(reason, { row, column: source.column(field), value, message });

  const name = cell('name');
  if (name === '') {
    log.issue('name-missing', {
      row,
      column: source.column('name'),
      message: 'the name is empty; an organization needs a name, so this row was not imported.',
    });
    return null;
  }
  if (name.length > TEXT_LIMITS.name) {
    note(
      'name-too-long',
      'name',
      name,
      `the name has ${name.length} characters, more than ${TEXT_LIMITS.name}; this row was not imported.`,
    );
    return null;
  }

  const draft: OrganizationDraft = {
    name,
    kind: options.defaultKind ?? 'manufacturer',
    naics: [],
    capabilities: [],
    certifications: [],
    trains: [],
    needs: [],
  };
  const id = cell('id');
  if (id !== '') draft.localId = id;

  if (options.kindMapped) {
    const raw = cell('kind');
    const kind = KIND_WORDS.get(raw.toLowerCase().replace(/[^a-z]/g, ''));
    if (raw === '') note('kind-missing', 'kind', raw, `the kind is empty; imported as ${draft.kind}.`);
    else if (kind === undefined)
      note(
        'kind-unknown',
        'kind',
        raw,
        `kind ${quote(raw)} is not one of prime, manufacturer, training, support; imported as ${draft.kind}.`,
      );
    else {
      draft.kind = kind;
      if (raw.toLowerCase() !== kind)
        note('kind-normalized', 'kind', raw, `kind ${quote(raw)} read as ${kind}.`);
    }
  }

  for (const field of ['address', 'city', 'website'] as const) {
    const value = cell(field);
    if (value === '') continue;
    if (value.length > TEXT_LIMITS[field]) {
      note(
        'text-too-long',
        field,
        value,
        `the ${field} has ${value.length} characters, more than ${TEXT_LIMITS[field]}; it was left out.`,
      );
    } else draft[field] = value;
  }

  const state = cell('state');
  if (state !== '') {
    const code = stateCode(state);
    if (code === null)
      note(
        'state-invalid',
        'state',
        state,
        `state ${quote(state)} is not a US state or territory; it was left out.`,
      );
    else {
      draft.state = code;
      if (state.toUpperCase() !== code)
        note('state-name', 'state', state, `state ${quote(state)} read as ${code}.`);
    }
  }

  const zipText = cell('zip');
  if (zipText !== '') {
    const zip = readZip(zipText);
    if (!zip.ok) note('zip-invalid', 'zip', zipText, `ZIP ${zip.problem}; it was left out.`);
    else {
      draft.zip = zip.value;
      if (zip.fixed !== undefined) note('zip-repaired', 'zip', zipText, `ZIP ${zip.fixed}.`);
    }
  }

  const countyText = cell('county');
  if (countyText !== '') {
    const county = readCountyFips(countyText);
    if (!county.ok)
      note('county-invalid', 'county', countyText, `county ${county.problem}; it was left out.`);
    else {
      draft.county = county.value as CountyFips;
      if (county.fixed !== undefined)
        note('county-padded', 'county', countyText, `county FIPS ${county.fixed}.`);
    }
  }

  for (const raw of splitList(cell('naics'))) {
    const code = readNaics(raw);
    if (!code.ok) note('naics-invalid', 'naics', raw, `NAICS ${code.problem}; it was left out.`);
    else {
      if (code.fixed !== undefined) note('naics-repaired', 'naics', raw, `NAICS ${code.fixed}.`);
      if (!draft.naics.includes(code.value) && draft.naics.length < 50) draft.naics.push(code.value);
    }
  }
  readCapabilityList(
    cell('capabilities'),
    draft.capabilities,
    (raw, problem) => note('capability-invalid', 'capabilities', raw, problem),
    ctx,
  );
  readCapabilityList(
    cell('trains'),
    draft.trains,
    (raw, problem) => note('capability-invalid', 'trains', raw, problem),
    ctx,
  );
  for (const cert of splitList(cell('certifications'))) {
    if (cert.length > 100)
      note(
        'text-too-long',
        'certifications',
        cert,
        `certification ${quote(cert)} is longer than 100 characters; it was left out.`,
      );
    else if (!draft.certifications.includes(cert) && draft.certifications.length < 100)
      draft.certifications.push(cert);
  }

  const employees = cell('employees');
  if (employees !== '') {
    const count = readCount(employees, 10_000_000);
    if (!count.ok) note('employees-invalid', 'employees', employees, `employees ${count.problem}; left out.`);
    else draft.employees = count.value;
  }
  for (const [field, length, what] of [
    ['uei', 12, 'UEI'],
    ['cage', 5, 'CAGE code'],
  ] as const) {
    const raw = cell(field);
    if (raw === '') continue;
    const code = readCode(raw, length, what);
    if (!code.ok)
      note(field === 'uei' ? 'uei-invalid' : 'cage-invalid', field, raw, `${code.problem}; it was left out.`);
    else draft[field] = code.value;
  }

  if (options.point !== undefined) {
    draft.lat = options.point.lat;
    draft.lon = options.point.lon;
  } else readCoordinates(cell('lat'), cell('lon'), draft, source, row, log, options.decimalComma);
  return draft;
}

/**
 * Adds a draft to the collected organizations, then places the firm by ZIP if it still has no position.
 * Placing after the merge keeps a duplicate row from being reported as geocoded when its twin has a point.
 */
export function addOrganization(
  draft: OrganizationDraft,
  row: number,
  log: FileLog,
  ctx: ImportContext,
  zipColumn: string | undefined,
): void {
  const id = ctx.orgs.add(draft, { file: log.name, row, noun: log.noun }, log);
  const org = id === null ? undefined : ctx.orgs.get(id);
  if (org !== undefined && org.lat === undefined) placeByZip(org, row, log, ctx, zipColumn);
}

function readCoordinates(
  latText: string,
  lonText: string,
  draft: OrganizationDraft,
  source: RowSource<OrganizationField>,
  row: number,
  log: FileLog,
  decimalComma: boolean,
): void {
  if (latText === '' && lonText === '') return;
  const lat = readCoordinate(latText, 'latitude', 90, decimalComma);
  const lon = readCoordinate(lonText, 'longitude', 180, decimalComma);
  if (lat.ok && lon.ok) {
    draft.lat = lat.value;
    draft.lon = lon.value;
    return;
  }
  if (latText === '' || lonText === '') {
    const [field, value, missing] =
      latText === '' ? (['lon', lonText, 'latitude'] as const) : (['lat', latText, 'longitude'] as const);
    log.issue('coordinates-half', {
      row,
      column: source.column(field),
      value,
      message: `there is no ${missing}, so the coordinates were left out.`,
    });
    return;
  }
  for (const [result, field, value] of [
    [lat, 'lat', latText],
    [lon, 'lon', lonText],
  ] as const) {
    if (result.ok) continue;
    log.issue(result.reason, {
      row,
      column: source.column(field),
      value,
      message: `${result.message}; the coordinates were left out.`,
    });
  }
}

type Coordinate = { ok: true; value: number } | { ok: false; reason: IssueReason; message: string };

function readCoordinate(
  text: string,
  what: 'latitude' | 'longitude',
  limit: number,
  decimalComma: boolean,
): Coordinate {
  const reasonOf = (kind: 'invalid' | 'out-of-range'): IssueReason => `${what}-${kind}`;
  if (text === '') return { ok: false, reason: reasonOf('invalid'), message: `${what} is missing` };
  const number = readNumber(text, decimalComma);
  if (!number.ok)
    return { ok: false, reason: reasonOf('invalid'), message: `${what} ${quote(text)} is not a number` };
  if (number.value < -limit || number.value > limit)
    return {
      ok: false,
      reason: reasonOf('out-of-range'),
      message: `${what} ${number.value} is outside -${limit}…${limit}`,
    };
  return { ok: true, value: number.value };
}

/** Places a firm without coordinates at its ZIP's centre, and takes the ZIP's county if it has none. */
export function placeByZip(
  draft: Omit<OrganizationDraft, 'localId'>,
  row: number,
  log: FileLog,
  ctx: ImportContext,
  column: string | undefined,
): void {
  if (draft.zip === undefined || ctx.zip === null) return;
  const found = ctx.zip.lookup(draft.zip);
  if (found === null) {
    log.issue('zip-not-found', {
      row,
      column,
      value: draft.zip,
      message: `ZIP ${draft.zip} is not in the ZIP table, so "${draft.name}" has no position on the map.`,
    });
    return;
  }
  draft.lat = found.lat;
  draft.lon = found.lon;
  const county = draft.county === undefined ? `, county ${found.county}` : '';
  if (draft.county === undefined) draft.county = found.county;
  log.issue('geocoded-from-zip', {
    row,
    column,
    value: draft.zip,
    message: `placed at the centre of ZIP ${found.zip} (${found.city}, ${found.state}${county}).`,
  });
}

function readCapabilityList(
  cellText: string,
  into: string[],
  problem: (raw: string, message: string) => void,
  ctx: ImportContext,
): void {
  for (const raw of splitList(cellText)) {
    const naics = readNaics(raw);
    let id: string;
    if (naics.ok) id = naics.value;
    else {
      id = slugify(raw, 100);
      if (id === '' || !/^[a-z0-9][a-z0-9._-]{0,99}$/.test(id)) {
        problem(
          raw,
          `capability ${quote(raw)} has no letters or digits to make an id from; it was left out.`,
        );
        continue;
      }
      // The words as written become the label, so "5-Axis Machining" still reads that way on the map.
      if (id !== raw && !ctx.capabilityLabels.has(id)) ctx.capabilityLabels.set(id, raw.slice(0, 300));
    }
    if (!into.includes(id) && into.length < 200) into.push(id);
  }
}

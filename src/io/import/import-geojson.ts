// GeoJSON points → organizations: properties are mapped like CSV columns, the point gives lat/lon.
// Features are numbered from 1 in file order; anything but a point (or a feature without geometry,
// placed by its ZIP) is rejected with its type.
import type { OrganizationField, ColumnMapping } from './column-mapping.ts';
import { autoDetectMapping, unknownMappedColumns } from './column-mapping.ts';
import { PROGRESS_EVERY } from './context.ts';
import type { ImportContext } from './context.ts';
import { MAX_ROWS } from './limits.ts';
import { noteMissingOrganizationFields } from './missing-fields.ts';
import { addOrganization, readOrganization } from './read-organization.ts';
import type { RowSource } from './read-organization.ts';
import type { FileLog } from './report.ts';

export interface GeoJsonShape {
  features: unknown[];
  headers: string[];
}

/** The features and the union of their property names, or a message saying why there are none. */
export function geoJsonFeatures(json: unknown): GeoJsonShape | string {
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    return 'The GeoJSON is not an object.';
  const type: unknown = Reflect.get(json, 'type');
  let features: unknown[];
  if (type === 'Feature') features = [json];
  else if (type === 'FeatureCollection') {
    const list: unknown = Reflect.get(json, 'features');
    if (!Array.isArray(list)) return 'The GeoJSON FeatureCollection has no "features" list.';
    features = list;
  } else
    return `The GeoJSON "type" is ${JSON.stringify(type) ?? 'missing'}, not "FeatureCollection" or "Feature".`;
  const headers = new Set<string>();
  for (const feature of features) {
    const properties = propertiesOf(feature);
    if (properties !== null) for (const key of Object.keys(properties)) headers.add(key);
  }
  return { features, headers: [...headers] };
}

function propertiesOf(feature: unknown): object | null {
  if (typeof feature !== 'object' || feature === null) return null;
  const properties: unknown = Reflect.get(feature, 'properties');
  return typeof properties === 'object' && properties !== null && !Array.isArray(properties)
    ? properties
    : null;
}

/** A property value as cell text: numbers and booleans as written, lists joined with "; ". */
function cellText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map((v) => cellText(v) ?? '').join('; ');
  return undefined;
}

export function importGeoJson(
  shape: GeoJsonShape,
  mapping: (ColumnMapping & { target: 'organizations' }) | null,
  log: FileLog,
  ctx: ImportContext,
  maxRows: number = MAX_ROWS,
): void {
  if (shape.features.length > maxRows) {
    log.issue('too-many-rows', {
      message: `The file has ${shape.features.length.toLocaleString('en-US')} features; Forgemap imports at most ${maxRows.toLocaleString('en-US')} per file. Split it into smaller files.`,
    });
    return;
  }
  const chosen =
    mapping ??
    (autoDetectMapping(shape.headers, 'organizations') as ColumnMapping & { target: 'organizations' });
  const missing = unknownMappedColumns(chosen, shape.headers);
  if (missing.length > 0) {
    log.issue('mapping-unknown-column', {
      message: `The mapping names ${missing.map((m) => `"${m}"`).join(', ')}, which no feature has as a property; left empty.`,
    });
  }
  if (chosen.columns.name === null) {
    log.issue('no-name-column', {
      message: `No property holds the organization names (looked for "name", "company", …); choose one in the mapping. Properties found: ${shape.headers.map((h) => `"${h}"`).join(', ') || 'none'}.`,
    });
    return;
  }
  let properties: object | null = null;
  const source: RowSource<OrganizationField> = {
    value(field) {
      const key = chosen.columns[field];
      if (key === null || properties === null || !Object.prototype.hasOwnProperty.call(properties, key))
        return undefined;
      return cellText(Reflect.get(properties, key));
    },
    column: (field) => chosen.columns[field] ?? undefined,
  };
  const kindMapped = chosen.columns.kind !== null;
  let read = 0;
  log.size(shape.features.length);
  shape.features.forEach((feature, index) => {
    const row = index + 1;
    if (index % PROGRESS_EVERY === 0) ctx.progress(index / shape.features.length);
    log.accept(row);
    if (typeof feature !== 'object' || feature === null || Reflect.get(feature, 'type') !== 'Feature') {
      log.issue('geojson-not-feature', {
        row,
        message: 'this entry of "features" is not a GeoJSON Feature; it was not imported.',
      });
      return;
    }
    properties = propertiesOf(feature);
    const geometry: unknown = Reflect.get(feature, 'geometry');
    let point: { lat: number; lon: number } | undefined;
    if (geometry !== null && geometry !== undefined) {
      const type: unknown = typeof geometry === 'object' ? Reflect.get(geometry, 'type') : undefined;
      if (type !== 'Point') {
        log.issue('geojson-not-point', {
          row,
          value: typeof type === 'string' ? type : undefined,
          message: `the geometry is ${typeof type === 'string' ? `a ${type}` : 'not valid GeoJSON'}, not a Point; only points can be organizations, so it was not imported.`,
        });
        return;
      }
      point = readPoint(Reflect.get(geometry, 'coordinates'), row, log);
    }
    const draft = readOrganization(source, row, log, ctx, {
      decimalComma: false,
      kindMapped,
      point,
    });
    if (draft === null) return;
    addOrganization(draft, row, log, ctx, source.column('zip'));
    read++;
  });
  // Each feature's point is its location; a feature without one is placed by its ZIP, or said to be unplaced.
  const known = new Set(shape.headers);
  noteMissingOrganizationFields(
    log,
    (field) => chosen.columns[field] !== null && known.has(chosen.columns[field]),
    read,
    { holder: 'property', mappable: true },
    { located: true },
  );
  ctx.progress(1);
}

function readPoint(
  coordinates: unknown,
  row: number,
  log: FileLog,
): { lat: number; lon: number } | undefined {
  if (!Array.isArray(coordinates) || coordinates.length < 2) {
    log.issue('longitude-invalid', {
      row,
      message: 'the point has no [longitude, latitude] pair; it was placed by ZIP if possible.',
    });
    return undefined;
  }
  const [lon, lat] = coordinates as unknown[];
  for (const [value, what, limit, reason] of [
    [lon, 'longitude', 180, 'longitude'],
    [lat, 'latitude', 90, 'latitude'],
  ] as const) {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      log.issue(`${reason}-invalid`, {
        row,
        value: String(value),
        message: `${what} ${JSON.stringify(value) ?? String(value)} is not a number; the point was left out.`,
      });
      return undefined;
    }
    if (value < -limit || value > limit) {
      log.issue(`${reason}-out-of-range`, {
        row,
        value: String(value),
        message: `${what} ${value} is outside -${limit}…${limit}; the point was left out.`,
      });
      return undefined;
    }
  }
  return { lat: lat as number, lon: lon as number };
}

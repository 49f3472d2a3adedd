// Offline ZIP geocoder over the reference table `data/reference/zips.json`: ZIP → centroid, county, city,
// state. The table is validated row by row; bad rows are skipped and reported as issues, nothing throws.
import type { CountyFips } from '../domain/ids.ts';
import type { Issue } from '../domain/issues.ts';

export interface ZipRecord {
  /** Canonical 5-digit ZIP, e.g. "02139". */
  readonly zip: string;
  readonly lat: number;
  readonly lon: number;
  readonly county: CountyFips;
  readonly city: string;
  /** 2-letter USPS abbreviation. */
  readonly state: string;
}

export interface ZipGeocoder {
  /**
   * Accepts "60601", "60601-1234", "606011234" and surrounding spaces. Three or four digits are read as a ZIP
   * whose leading zeros a spreadsheet dropped ("2139" → "02139", "501" → "00501"); anything else is null.
   */
  lookup(zip: string): ZipRecord | null;
  /** Number of usable rows. */
  size: number;
}

export interface ZipGeocoderResult {
  geocoder: ZipGeocoder;
  issues: Issue[];
}

const COLUMNS = ['zip', 'lat', 'lon', 'county', 'city', 'state'] as const;
type Column = (typeof COLUMNS)[number];

// A corrupt table would otherwise produce one issue per row (tens of thousands); past this many the
// rest are counted in the summary instead.
const MAX_ROW_ISSUES = 50;

const ZIP_COUNT = 100_000;

/** Builds the geocoder from the parsed JSON of `zips.json`; the table's shape is checked, not assumed. */
export function createZipGeocoder(table: unknown): ZipGeocoderResult {
  const issues: Issue[] = [];
  const fail = (message: string, path?: string): ZipGeocoderResult => {
    issues.push({ severity: 'error', message, path });
    return { geocoder: emptyGeocoder(), issues };
  };

  if (typeof table !== 'object' || table === null || Array.isArray(table)) {
    return fail('the ZIP table is not a JSON object');
  }
  const { table: name, columns, rows } = table as Record<string, unknown>;
  if (name !== 'zips') return fail(`expected a table named "zips", found ${describe(name)}`, 'table');
  if (!Array.isArray(columns)) return fail('the ZIP table has no list of columns', 'columns');
  const position = {} as Record<Column, number>;
  for (const column of COLUMNS) {
    const at = columns.indexOf(column);
    if (at === -1) return fail(`the ZIP table has no "${column}" column`, 'columns');
    position[column] = at;
  }
  if (!Array.isArray(rows)) return fail('the ZIP table has no list of rows', 'rows');

  // Direct addressing: ZIPs are 5 digits, so a 100,000-slot array of row numbers answers in O(1) and
  // costs 400 KB, less than a Map holding 40,000 string keys.
  const slot = new Int32Array(ZIP_COUNT).fill(-1);
  const records: ZipRecord[] = [];
  let skipped = 0;
  const reject = (issue: Issue): void => {
    skipped++;
    if (skipped <= MAX_ROW_ISSUES) issues.push(issue);
  };

  rows.forEach((row: unknown, index) => {
    const path = `rows[${index}]`;
    if (!Array.isArray(row)) {
      reject({
        severity: 'warning',
        path,
        message: `row is ${describe(row)}, not a list of values; row skipped`,
      });
      return;
    }
    const parsed = readRow(row, position);
    if ('message' in parsed) {
      reject({ severity: 'warning', path, column: parsed.column, message: `${parsed.message}; row skipped` });
      return;
    }
    const zipNumber = Number(parsed.zip);
    const previous = slot[zipNumber] ?? -1;
    if (previous !== -1) {
      reject({
        severity: 'warning',
        path,
        message: `ZIP ${parsed.zip} appears again; the first row is kept`,
      });
      return;
    }
    slot[zipNumber] = records.length;
    records.push(Object.freeze(parsed));
  });

  if (skipped > 0) {
    const more = skipped > MAX_ROW_ISSUES ? ` (the first ${MAX_ROW_ISSUES} are listed)` : '';
    issues.push({
      severity: 'warning',
      path: 'rows',
      message: `${skipped} of ${rows.length} ZIP rows were skipped${more}`,
    });
  }

  return {
    issues,
    geocoder: {
      size: records.length,
      lookup(zip) {
        const key = normalizeZip(zip);
        if (key === null) return null;
        return records[slot[Number(key)] ?? -1] ?? null;
      },
    },
  };
}

/**
 * The 5-digit ZIP a user most likely meant, or null. 3–4 digits are zero-padded because spreadsheets and
 * CSV exports store ZIPs as numbers ("02139" → 2139); 1–2 digits or 6–8 digits are too ambiguous to guess.
 */
export function normalizeZip(input: unknown): string | null {
  if (typeof input !== 'string') return null;
  const text = input.trim();
  const full = /^(\d{5})(?:-?\d{4})?$/.exec(text);
  if (full !== null) return full[1] ?? null;
  return /^\d{3,4}$/.test(text) ? text.padStart(5, '0') : null;
}

interface RowProblem {
  column: Column;
  message: string;
}

function readRow(row: readonly unknown[], position: Record<Column, number>): ZipRecord | RowProblem {
  const zip = row[position.zip];
  const lat = row[position.lat];
  const lon = row[position.lon];
  const county = row[position.county];
  const city = row[position.city];
  const state = row[position.state];
  if (typeof zip !== 'string' || !/^\d{5}$/.test(zip)) {
    return { column: 'zip', message: `ZIP ${describe(zip)} is not 5 digits` };
  }
  if (typeof lat !== 'number' || !Number.isFinite(lat)) {
    return { column: 'lat', message: `latitude must be a number, found ${describe(lat)}` };
  }
  if (lat < -90 || lat > 90) return { column: 'lat', message: `latitude ${lat} is outside -90…90` };
  if (typeof lon !== 'number' || !Number.isFinite(lon)) {
    return { column: 'lon', message: `longitude must be a number, found ${describe(lon)}` };
  }
  if (lon < -180 || lon > 180) return { column: 'lon', message: `longitude ${lon} is outside -180…180` };
  if (typeof county !== 'string' || !/^\d{5}$/.test(county)) {
    return { column: 'county', message: `county ${describe(county)} is not a 5-digit county FIPS code` };
  }
  if (typeof city !== 'string')
    return { column: 'city', message: `city must be text, found ${describe(city)}` };
  if (typeof state !== 'string' || !/^[A-Z]{2}$/.test(state)) {
    return { column: 'state', message: `state ${describe(state)} is not a 2-letter abbreviation` };
  }
  return { zip, lat, lon, county: county as CountyFips, city, state };
}

function emptyGeocoder(): ZipGeocoder {
  return { size: 0, lookup: () => null };
}

/** A short, quoted rendering of a bad value for messages: `"6060"`, `291`, `null`, `an object`. */
function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

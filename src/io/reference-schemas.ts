// zod schemas and never-throwing parsers for the reference tables in data/reference/ (states, counties,
// NAICS 2017 titles, ZIPs, IMCP/DMCSP regions, MEP centers), plus the checks that span two tables.
import { z } from 'zod';
import type { CountyFips, RegionId, StateFips } from '../domain/ids.ts';
import { describeValue } from './describe-value.ts';
import type { Issue, Result } from '../domain/issues.ts';
import { formatPath } from '../domain/issues.ts';

const text = (what: string, max = 2000) =>
  z
    .string({ error: (iss) => `${what} must be text, found ${describeValue(iss.input)}` })
    .max(max, { error: `${what} is longer than ${max} characters` })
    .refine((s) => s.trim() !== '', { error: `${what} is empty` })
    .refine((s) => s === s.trim(), { error: `${what} has spaces at the start or end` });

const pattern = (what: string, re: RegExp, shape: string) =>
  z
    .string({ error: (iss) => `${what} must be text, found ${describeValue(iss.input)}` })
    .refine((s) => re.test(s), { error: (iss) => `${what} ${describeValue(iss.input)} is not ${shape}` });

const range = (what: string, min: number, max: number) =>
  z
    .number({ error: (iss) => `${what} must be a number, found ${describeValue(iss.input)}` })
    .refine((n) => n >= min && n <= max, {
      error: (iss) => `${what} ${describeValue(iss.input)} is outside ${min}…${max}`,
    });

const list = <T extends z.ZodType>(item: T, what: string) =>
  z.array(item, { error: (iss) => `${what} must be a list, found ${describeValue(iss.input)}` });

/** Objects reject unknown keys: a typo in hand-curated data must not pass silently. */
const record = <S extends z.ZodRawShape>(shape: S, what: string) =>
  z.strictObject(shape, {
    error: (iss) =>
      iss.code === 'unrecognized_keys'
        ? `${what} has unknown field${iss.keys.length === 1 ? '' : 's'} ${iss.keys.map((k) => `"${k}"`).join(', ')}`
        : `${what} must be an object, found ${describeValue(iss.input)}`,
  });

const usps = pattern('state', /^[A-Z]{2}$/, 'a 2-letter USPS state code like "IL"');
const stateFips = pattern('state FIPS code', /^\d{2}$/, 'a 2-digit state FIPS code').transform(
  (s) => s as StateFips,
);
const countyFips = pattern('county', /^\d{5}$/, 'a 5-digit county FIPS code').transform(
  (s) => s as CountyFips,
);
const zipCode = pattern('ZIP', /^\d{5}$/, 'a 5-digit ZIP code');
// A calendar check by round trip: Date.parse alone rolls "2014-02-30" over to March 2.
const isoDateSchema = pattern('date', /^\d{4}-\d{2}-\d{2}$/, 'a date written YYYY-MM-DD').refine(
  (s) => {
    const time = Date.parse(`${s}T00:00:00Z`);
    return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === s;
  },
  { error: (iss) => `date ${describeValue(iss.input)} does not exist` },
);
const sources = list(text('source'), 'source').min(1, { error: 'source must name at least one source' });

/** Header shared by the generated tables: provenance at table level applies to every row. */
const provenance = {
  source: text('source'),
  asOf: isoDateSchema,
  license: text('license'),
  note: text('note', 5000).optional(),
};

// ---- row schemas -------------------------------------------------------------------------------

export const stateRowSchema = record(
  { fips: stateFips, abbr: usps, name: text('state name', 200) },
  'state row',
);
export type StateRow = z.output<typeof stateRowSchema>;

export const countyRowSchema = record(
  { fips: countyFips, name: text('county name', 200), state: usps },
  'county row',
);
export type CountyRow = z.output<typeof countyRowSchema>;

export const ZIP_COLUMNS = ['zip', 'lat', 'lon', 'county', 'city', 'state'] as const;
export const zipRowSchema = z.tuple(
  [zipCode, range('latitude', -90, 90), range('longitude', -180, 180), countyFips, text('city', 200), usps],
  {
    error: (iss) =>
      `a ZIP row must be a list [${ZIP_COLUMNS.join(', ')}], found ${Array.isArray(iss.input) ? `a list of ${iss.input.length}` : describeValue(iss.input)}`,
  },
);
export type ZipRow = z.output<typeof zipRowSchema>;

export const NAICS_KEY_PATTERN = /^(\d{2,6}|\d{2}-\d{2})$/;
const NAICS_TITLE_MAX = 300;
const naicsTitle = text('NAICS title', NAICS_TITLE_MAX).refine((s) => !/[a-z)]T$/.test(s), {
  error: (iss) => `NAICS title ${describeValue(iss.input)} still ends in the trilateral marker "T"`,
});

/** A plain object (not a list, nor a class's instance), as zod's records take. */
function isObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * What `naicsTitle` accepts, checked without zod: the app reads the 2,196 titles at every start, and zod
 * took ~20 ms of the main thread for them. A title this refuses goes through the schema for its message.
 */
export function isNaicsTitle(title: unknown): title is string {
  return (
    typeof title === 'string' &&
    title !== '' &&
    title.length <= NAICS_TITLE_MAX &&
    title === title.trim() &&
    !/[a-z)]T$/.test(title)
  );
}

/** The schema's verdict on a title, for the test that `isNaicsTitle` agrees with it. */
export function naicsTitleSchemaAccepts(title: unknown): boolean {
  return naicsTitle.safeParse(title).success;
}

export const REGION_PROGRAMS = ['IMCP', 'DMCSP'] as const;
export const COUNTIES_STATUSES = ['confirmed', 'assumed', 'unknown'] as const;

const regionShape = {
  id: pattern(
    'region id',
    /^(imcp|dmcsp-\d{4})-[a-z0-9]+(-[a-z0-9]+)*$/,
    'like "imcp-greater-peoria" or "dmcsp-2022-illinois"',
  ).transform((s) => s as RegionId),
  name: text('region name', 300),
  program: z.enum(REGION_PROGRAMS, {
    error: (iss) => `program ${describeValue(iss.input)} is not one of ${REGION_PROGRAMS.join(', ')}`,
  }),
  round: z
    .union([z.literal(1), z.literal(2)], {
      error: (iss) => `round ${describeValue(iss.input)} is not 1 or 2`,
    })
    .optional(),
  year: range('year', 2020, 2100)
    .refine(Number.isInteger, { error: 'year must be a whole number' })
    .optional(),
  lead: text('lead', 500).nullable(),
  focus: text('focus', 1000).nullable(),
  states: list(usps, 'states').min(1, { error: 'states must name at least one state' }),
  counties: list(countyFips, 'counties'),
  countiesStatus: z.enum(COUNTIES_STATUSES, {
    error: (iss) =>
      `countiesStatus ${describeValue(iss.input)} is not one of ${COUNTIES_STATUSES.join(', ')}`,
  }),
  unconfirmed: list(text('field name', 50), 'unconfirmed'),
  grant: text('grant', 100).optional(),
  note: text('note', 2000).optional(),
  source: sources,
  asOf: isoDateSchema,
};

export const regionRowSchema = record(regionShape, 'region').superRefine((row, ctx) => {
  const problem = (path: PropertyKey[], message: string): void => {
    ctx.addIssue({ code: 'custom', path, message });
  };
  if (row.program === 'IMCP') {
    if (row.round === undefined) problem(['round'], 'an IMCP region needs its round (1 or 2)');
    if (row.year !== undefined) problem(['year'], 'an IMCP region has a round, not a year');
    if (!row.id.startsWith('imcp-')) problem(['id'], `IMCP region id "${row.id}" must start with "imcp-"`);
  } else {
    if (row.year === undefined) problem(['year'], 'a DMCSP community needs its designation year');
    if (row.round !== undefined) problem(['round'], 'a DMCSP community has a year, not a round');
    const prefix = `dmcsp-${row.year ?? ''}-`;
    if (!row.id.startsWith(prefix))
      problem(['id'], `DMCSP region id "${row.id}" must start with "${prefix}"`);
  }
  if (row.countiesStatus === 'unknown' && row.counties.length > 0) {
    problem(['counties'], 'counties must be empty when countiesStatus is "unknown" (do not guess)');
  }
  if (row.countiesStatus !== 'unknown' && row.counties.length === 0) {
    problem(['counties'], `countiesStatus is "${row.countiesStatus}" but no counties are listed`);
  }
  if (row.countiesStatus === 'assumed' && !row.unconfirmed.includes('counties')) {
    problem(['unconfirmed'], 'assumed counties must be listed in unconfirmed');
  }
  if (row.lead === null && !row.unconfirmed.includes('lead')) {
    problem(['lead'], 'lead is missing but not marked unconfirmed');
  }
  if (row.focus === null && !row.unconfirmed.includes('focus')) {
    problem(['focus'], 'focus is missing but not marked unconfirmed');
  }
  checkUnconfirmedFields(row, ctx);
  row.counties.forEach((fips, i) => {
    if (row.counties.indexOf(fips) !== i) problem(['counties', i], `county ${fips} is listed twice`);
  });
});
export type RegionRow = z.output<typeof regionRowSchema>;

export const mepCenterRowSchema = record(
  {
    id: pattern('MEP center id', /^mep-[a-z]{2}-[a-z0-9]+(-[a-z0-9]+)*$/, 'like "mep-il-imec"'),
    state: usps,
    name: text('center name', 300).nullable(),
    city: text('city', 200).nullable(),
    laterName: text('later name', 300).optional(),
    laterCity: text('later city', 200).optional(),
    unconfirmed: list(text('field name', 50), 'unconfirmed'),
    note: text('note', 2000).optional(),
    source: sources,
    asOf: isoDateSchema,
  },
  'MEP center',
).superRefine((row, ctx) => {
  if (!row.id.startsWith(`mep-${row.state.toLowerCase()}-`)) {
    ctx.addIssue({
      code: 'custom',
      path: ['id'],
      message: `id "${row.id}" does not match state ${row.state}`,
    });
  }
  for (const field of ['name', 'city'] as const) {
    if (row[field] === null && !row.unconfirmed.includes(field)) {
      ctx.addIssue({
        code: 'custom',
        path: [field],
        message: `${field} is missing but not marked unconfirmed`,
      });
    }
  }
  checkUnconfirmedFields(row, ctx);
});
export type MepCenterRow = z.output<typeof mepCenterRowSchema>;

/** Every name in `unconfirmed` must be a field of the row, listed once. */
function checkUnconfirmedFields(row: { unconfirmed: string[] }, ctx: z.RefinementCtx): void {
  row.unconfirmed.forEach((field, i) => {
    if (!(field in row) || field === 'unconfirmed') {
      ctx.addIssue({
        code: 'custom',
        path: ['unconfirmed', i],
        message: `unconfirmed names "${field}", not a field of this row`,
      });
    } else if (row.unconfirmed.indexOf(field) !== i) {
      ctx.addIssue({ code: 'custom', path: ['unconfirmed', i], message: `"${field}" is listed twice` });
    }
  });
}

// ---- table schemas (rows are checked one by one, so each header takes rows as a plain list) ------

const tableName = <T extends string>(name: T) =>
  z.literal(name, { error: (iss) => `table must be "${name}", found ${describeValue(iss.input)}` });

const rowsList = z.array(z.unknown(), {
  error: (iss) => `rows must be a list, found ${describeValue(iss.input)}`,
});

const statesHeader = record({ table: tableName('states'), ...provenance, rows: rowsList }, 'states table');
const countiesHeader = record(
  { table: tableName('counties'), ...provenance, rows: rowsList },
  'counties table',
);
const zipsHeader = record(
  {
    table: tableName('zips'),
    ...provenance,
    columns: list(z.string(), 'columns').refine(
      (cols) => cols.length === ZIP_COLUMNS.length && cols.every((c, i) => c === ZIP_COLUMNS[i]),
      { error: `columns must be exactly ${JSON.stringify(ZIP_COLUMNS)}` },
    ),
    rows: rowsList,
  },
  'zips table',
);
const naicsHeader = record(
  {
    table: tableName('naics2017'),
    ...provenance,
    rows: z.record(z.string(), z.unknown(), {
      error: (iss) => `rows must be an object of code → title, found ${describeValue(iss.input)}`,
    }),
  },
  'NAICS table',
);
const unlistedSchema = record(
  {
    program: regionShape.program,
    year: range('year', 2000, 2100).optional(),
    round: regionShape.round,
    count: range('count', 1, 1000).refine(Number.isInteger, { error: 'count must be a whole number' }),
    reason: text('reason', 2000),
    source: sources,
  },
  'unlisted entry',
);
const regionsHeader = record(
  {
    table: tableName('regions'),
    source: text('source'),
    note: text('note', 5000).optional(),
    unlisted: list(unlistedSchema, 'unlisted').optional(),
    rows: rowsList,
  },
  'regions table',
);
const mepHeader = record(
  {
    table: tableName('mep-centers'),
    source: text('source'),
    note: text('note', 5000).optional(),
    rows: rowsList,
  },
  'MEP centers table',
);

type Provenance = { source: string; asOf: string; license: string; note?: string | undefined };
export type StatesTable = Provenance & { table: 'states'; rows: StateRow[] };
export type CountiesTable = Provenance & { table: 'counties'; rows: CountyRow[] };
export type ZipsTable = Provenance & { table: 'zips'; columns: string[]; rows: ZipRow[] };
export type NaicsTable = Provenance & { table: 'naics2017'; rows: Record<string, string> };
export type RegionsTable = Omit<z.output<typeof regionsHeader>, 'rows'> & { rows: RegionRow[] };
export type MepCentersTable = Omit<z.output<typeof mepHeader>, 'rows'> & { rows: MepCenterRow[] };

export interface ReferenceTableTypes {
  states: StatesTable;
  counties: CountiesTable;
  naics2017: NaicsTable;
  zips: ZipsTable;
  regions: RegionsTable;
  'mep-centers': MepCentersTable;
}
export type ReferenceKind = keyof ReferenceTableTypes;
export const REFERENCE_KINDS: readonly ReferenceKind[] = [
  'states',
  'counties',
  'naics2017',
  'zips',
  'regions',
  'mep-centers',
];

export function isReferenceKind(value: unknown): value is ReferenceKind {
  return typeof value === 'string' && (REFERENCE_KINDS as readonly string[]).includes(value);
}

// ---- parsing ------------------------------------------------------------------------------------

function zodIssues(error: z.ZodError, prefix: readonly PropertyKey[]): Issue[] {
  return error.issues.map((issue) => ({
    severity: 'error',
    message: issue.message,
    path: formatPath([...prefix, ...issue.path]) || undefined,
  }));
}

interface ParsedRows<H, R> {
  value: (Omit<H, 'rows'> & { rows: R[] }) | null;
  issues: Issue[];
  /** Position in the file of each kept row, so later checks point at the right `rows[i]`. */
  positions: number[];
}

/** Parses the header, then each row on its own: one bad row is reported and left out, the rest are kept. */
/** A field whose value no two rows may share: `keyOf` gives the value, `what` names it in the message. */
interface UniqueKey<R> {
  field: PropertyKey;
  what: string;
  keyOf: (row: R) => string;
}

function parseRows<H extends { rows: unknown[] }, R>(
  raw: unknown,
  header: z.ZodType<H, unknown>,
  row: z.ZodType<R, unknown>,
  unique: readonly UniqueKey<R>[],
): ParsedRows<H, R> {
  const head = header.safeParse(raw, { reportInput: true });
  if (!head.success) return { value: null, issues: zodIssues(head.error, []), positions: [] };
  const issues: Issue[] = [];
  const rows: R[] = [];
  const positions: number[] = [];
  head.data.rows.forEach((item, index) => {
    const parsed = row.safeParse(item, { reportInput: true });
    if (parsed.success) {
      rows.push(parsed.data);
      positions.push(index);
    } else issues.push(...zodIssues(parsed.error, ['rows', index]));
  });
  for (const key of unique) issues.push(...uniqueKeys(rows, positions, key));
  return { value: { ...head.data, rows }, issues, positions };
}

/** Flags a key seen twice; `keyOf` returns the value that must be unique. */
function uniqueKeys<R>(
  rows: readonly R[],
  positions: readonly number[],
  { field, what, keyOf }: UniqueKey<R>,
): Issue[] {
  const first = new Map<string, number>();
  const issues: Issue[] = [];
  rows.forEach((row, i) => {
    const key = keyOf(row);
    const index = positions[i] ?? i;
    const seen = first.get(key);
    if (seen === undefined) first.set(key, index);
    else
      issues.push({
        severity: 'error',
        path: formatPath(['rows', index, field]),
        message: `${what} "${key}" is already used by rows[${seen}]`,
      });
  });
  return issues;
}

export function parseStatesTable(raw: unknown): Result<StatesTable> {
  return parseRows(raw, statesHeader, stateRowSchema, [
    { field: 'fips', what: 'state FIPS', keyOf: (r) => r.fips },
    { field: 'abbr', what: 'state abbreviation', keyOf: (r) => r.abbr },
  ]);
}

export function parseCountiesTable(raw: unknown): Result<CountiesTable> {
  return parseRows(raw, countiesHeader, countyRowSchema, [
    { field: 'fips', what: 'county FIPS', keyOf: (r) => r.fips },
  ]);
}

export function parseZipsTable(raw: unknown): Result<ZipsTable> {
  const unique = [{ field: 0, what: 'ZIP', keyOf: (r: ZipRow) => r[0] }];
  const { value, issues, positions } = parseRows(raw, zipsHeader, zipRowSchema, unique);
  if (value === null) return { value, issues };
  // The geocoder may binary-search the rows, so order is part of the format.
  const unsorted = value.rows.findIndex((r, i) => i > 0 && (value.rows[i - 1]?.[0] ?? '') > r[0]);
  if (unsorted > 0) {
    issues.push({
      severity: 'error',
      path: formatPath(['rows', positions[unsorted] ?? unsorted]),
      message: 'rows are not sorted by ZIP',
    });
  }
  return { value, issues };
}

export function parseNaicsTable(raw: unknown): Result<NaicsTable> {
  // The header through zod, its 2,196 rows without: an object of them is what the schema asks for.
  const table = isObject(raw) && isObject(raw['rows']) ? { header: raw, rows: raw['rows'] } : null;
  const head = naicsHeader.safeParse(table === null ? raw : { ...table.header, rows: {} }, {
    reportInput: true,
  });
  if (!head.success) return { value: null, issues: zodIssues(head.error, []) };
  const issues: Issue[] = [];
  const rows: Record<string, string> = {};
  for (const [code, title] of Object.entries(table?.rows ?? head.data.rows)) {
    if (!NAICS_KEY_PATTERN.test(code)) {
      issues.push({
        severity: 'error',
        path: formatPath(['rows', code]),
        message: `"${code}" is not a NAICS code (2 to 6 digits, or a range like "31-33")`,
      });
      continue;
    }
    if (isNaicsTitle(title)) {
      rows[code] = title;
      continue;
    }
    const parsed = naicsTitle.safeParse(title, { reportInput: true });
    if (parsed.success) rows[code] = parsed.data;
    else issues.push(...zodIssues(parsed.error, ['rows', code]));
  }
  return { value: { ...head.data, rows }, issues };
}

export function parseRegionsTable(raw: unknown): Result<RegionsTable> {
  return parseRows(raw, regionsHeader, regionRowSchema, [
    { field: 'id', what: 'region id', keyOf: (r) => r.id },
  ]);
}

export function parseMepCentersTable(raw: unknown): Result<MepCentersTable> {
  return parseRows(raw, mepHeader, mepCenterRowSchema, [
    { field: 'id', what: 'MEP center id', keyOf: (r) => r.id },
  ]);
}

const PARSERS: { [K in ReferenceKind]: (raw: unknown) => Result<ReferenceTableTypes[K]> } = {
  states: parseStatesTable,
  counties: parseCountiesTable,
  naics2017: parseNaicsTable,
  zips: parseZipsTable,
  regions: parseRegionsTable,
  'mep-centers': parseMepCentersTable,
};

/** Validates one reference table; never throws. */
export function parseReferenceTable<K extends ReferenceKind>(
  kind: K,
  raw: unknown,
): Result<ReferenceTableTypes[K]> {
  return PARSERS[kind](raw);
}

/** Row count of a parsed table, for reports. */
export function referenceRowCount(table: ReferenceTableTypes[ReferenceKind]): number {
  return Array.isArray(table.rows) ? table.rows.length : Object.keys(table.rows).length;
}

// ---- checks across tables -----------------------------------------------------------------------

/** Every region county exists in the county table and lies in one of the region's states. */
export function checkRegionCounties(regions: readonly RegionRow[], counties: readonly CountyRow[]): Issue[] {
  const byFips = new Map(counties.map((c) => [c.fips as string, c]));
  const issues: Issue[] = [];
  regions.forEach((region, r) => {
    region.counties.forEach((fips, i) => {
      const county = byFips.get(fips);
      const path = formatPath(['rows', r, 'counties', i]);
      if (county === undefined) {
        issues.push({
          severity: 'error',
          path,
          message: `county ${fips} of "${region.name}" is not in counties.json`,
        });
      } else if (!region.states.includes(county.state)) {
        issues.push({
          severity: 'error',
          path,
          message: `county ${fips} (${county.name}, ${county.state}) is outside the states of "${region.name}" (${region.states.join(', ')})`,
        });
      }
    });
  });
  return issues;
}

/** Every county's state abbreviation agrees with its FIPS prefix in the state table. */
export function checkCountyStates(counties: readonly CountyRow[], states: readonly StateRow[]): Issue[] {
  const abbrByFips = new Map(states.map((s) => [s.fips as string, s.abbr]));
  const issues: Issue[] = [];
  counties.forEach((county, i) => {
    const expected = abbrByFips.get(county.fips.slice(0, 2));
    if (expected !== county.state) {
      issues.push({
        severity: 'error',
        path: formatPath(['rows', i, 'state']),
        message:
          expected === undefined
            ? `county ${county.fips} has state FIPS ${county.fips.slice(0, 2)}, which is not in states.json`
            : `county ${county.fips} is in ${expected} by its FIPS code, not ${county.state}`,
      });
    }
  });
  return issues;
}

/** Every ZIP's county exists, and the ZIP's state is that county's state. */
export function checkZipCounties(zips: readonly ZipRow[], counties: readonly CountyRow[]): Issue[] {
  const stateByFips = new Map(counties.map((c) => [c.fips as string, c.state]));
  const issues: Issue[] = [];
  zips.forEach(([zip, , , county, , state], i) => {
    const countyState = stateByFips.get(county);
    if (countyState === undefined) {
      issues.push({
        severity: 'error',
        path: formatPath(['rows', i, 3]),
        message: `ZIP ${zip}: county ${county} is not in counties.json`,
      });
    } else if (countyState !== state) {
      issues.push({
        severity: 'error',
        path: formatPath(['rows', i, 5]),
        message: `ZIP ${zip}: state ${state} differs from its county's state ${countyState}`,
      });
    }
  });
  return issues;
}

/** States named by regions and MEP centers exist in the state table. */
export function checkStateCodes(
  rows: ReadonlyArray<{ states?: readonly string[]; state?: string }>,
  states: readonly StateRow[],
): Issue[] {
  const known = new Set(states.map((s) => s.abbr));
  const issues: Issue[] = [];
  rows.forEach((row, r) => {
    const codes = row.states ?? (row.state === undefined ? [] : [row.state]);
    codes.forEach((code, i) => {
      if (!known.has(code)) {
        issues.push({
          severity: 'error',
          path: formatPath(row.states === undefined ? ['rows', r, 'state'] : ['rows', r, 'states', i]),
          message: `state "${code}" is not in states.json`,
        });
      }
    });
  });
  return issues;
}

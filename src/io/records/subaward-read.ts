// A contract Subawards download read on the records engine (DuckDB, as build-region's steps), for the Open data
// import: the engine reads the file and groups its rows (sql/import-subawards.sql); the importer
// (io/import/import-subawards.ts) makes organizations and links of the groups, with the checks every format has.
import { headerKey } from '../import/column-mapping.ts';
import { csvSource, sqlText } from './host.ts';
import type { SqlEngine } from './pipeline.ts';

/** What a host gives the readers that run on the engine (the CLI's DuckDB, the browser's DuckDB-Wasm). */
export interface RecordsHost {
  engine: SqlEngine;
  /** Makes a text readable by SQL as a file; resolves to the name queries read it by. */
  addText(name: string, text: string): Promise<string>;
  /** The text of a file of src/io/records/sql. */
  sql(file: string): Promise<string>;
  close(): Promise<void>;
}

/** The columns of a Subawards download the import reads; a file may lack any of them. */
export const SUBAWARD_IMPORT_COLUMNS = [
  'prime_awardee_uei',
  'prime_awardee_name',
  'prime_awardee_country_code',
  'prime_awardee_country_name',
  'prime_awardee_zip_code',
  'prime_awardee_city_name',
  'prime_awardee_address_line_1',
  'prime_awardee_state_code',
  'prime_awardee_foreign_postal_code',
  'prime_awardee_county_fips_code',
  'prime_awardee_state_fips_code',
  'subawardee_uei',
  'subawardee_name',
  'subawardee_country_code',
  'subawardee_country_name',
  'subawardee_zip_code',
  'subawardee_city_name',
  'subawardee_address_line_1',
  'subawardee_state_code',
  'subawardee_foreign_postal_code',
  'prime_award_naics_code',
  'subaward_amount',
  'subaward_action_date',
  'subaward_action_date_fiscal_year',
] as const;
export type SubawardColumn = (typeof SUBAWARD_IMPORT_COLUMNS)[number];

/** One appearance of a firm: a distinct side, UEI, name, country and ZIP, with the facts of its first row. */
export interface SubawardFirm {
  id: number;
  side: 'prime_awardee' | 'subawardee';
  row: number;
  uei: string;
  name: string;
  country: string;
  zip: string;
  city: string;
  address: string;
  state: string;
  countryName: string;
  foreignPostalCode: string;
  /** The prime awardee's county and state FIPS codes as written (a subawardee has none). */
  county: string;
  stateFips: string;
}

/** The subawards between two appearances in one fiscal year (null: no year could be read). */
export interface SubawardPair {
  prime: number;
  sub: number;
  year: number | null;
  /** The first row of the group. */
  row: number;
  /** The sum of the amounts read, and how many were read. */
  total: number;
  amounts: number;
  /** Dollars (amounts below zero count as zero) by award NAICS, in the order the codes first appear. */
  naics: { code: string; dollars: number }[];
}

/** A row whose text the engine could not take, with the appearances it names (null for an unnamed firm). */
export interface SubawardRowIssue {
  row: number;
  reason: 'subaward-no-prime' | 'subaward-no-subawardee' | 'value-invalid' | 'naics-invalid';
  column: SubawardColumn;
  value: string;
  prime: number | null;
  sub: number | null;
}

/** What the engine read of one file: plain data, sent from a worker as it is. */
export interface SubawardRead {
  /** The row number of the last record (the header is row 1). */
  lastRow: number;
  /** The file's header names, by the import column each one is (absent: the file has no such column). */
  columns: Partial<Record<SubawardColumn, string>>;
  firms: SubawardFirm[];
  pairs: SubawardPair[];
  issues: SubawardRowIssue[];
  /** The distinct subaward action dates, for the bundle's as-of date. */
  dates: string[];
}

/** Which header name is each import column (case, spaces and punctuation aside, as every CSV import matches them). */
export function subawardColumns(present: readonly string[]): Partial<Record<SubawardColumn, string>> {
  const byKey = new Map<string, string>();
  for (const name of present) if (!byKey.has(headerKey(name))) byKey.set(headerKey(name), name);
  const out: Partial<Record<SubawardColumn, string>> = {};
  for (const column of SUBAWARD_IMPORT_COLUMNS) {
    const name = byKey.get(headerKey(column));
    if (name !== undefined) out[column] = name;
  }
  return out;
}

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;
/**
 * A download's reader: every column text, short rows padded, fields split by `delimiter` and quoted as RFC 4180
 * says; one thread, which keeps the rows in file order and lets a quoted field hold a line break.
 */
const readerOf = (file: string, delimiter: string) =>
  csvSource([file]).replace(
    /\)$/,
    `, null_padding = true, strict_mode = false, parallel = false, quote = '"', escape = '"', delim = ${sqlText(delimiter)})`,
  );

/**
 * Reads the Subawards download at `file` (a name the host's `addText` gave), whose fields `delimiter` splits
 * (the importer's guess from the header line), into groups.
 */
export async function readSubawards(
  host: RecordsHost,
  file: string,
  delimiter: string,
): Promise<SubawardRead> {
  const { engine } = host;
  const reader = (f: string) => readerOf(f, delimiter);
  const described = await engine.rows(`DESCRIBE SELECT * FROM ${reader(file)}`);
  const columns = subawardColumns(described.map((row) => String(row.column_name)));
  const select = SUBAWARD_IMPORT_COLUMNS.map((column) => {
    const name = columns[column];
    return name === undefined ? `NULL::VARCHAR AS ${column}` : `${quoted(name)} AS ${column}`;
  }).join(', ');
  // The record number is the row's place in the file, which the reader keeps (insertion order is preserved).
  await engine.exec(
    `CREATE OR REPLACE TABLE sa_raw AS SELECT row_number() OVER () + 1 AS row, ${select} FROM ${reader(file)}`,
  );
  await engine.exec(
    `CREATE OR REPLACE TABLE sa_options AS SELECT ${delimiter === ',' ? 'false' : 'true'} AS decimal_comma`,
  );
  await engine.exec(await host.sql('import-subawards.sql'));

  const [last] = await engine.rows('SELECT coalesce(max(row), 1) AS last FROM sa_raw');
  const f = await engine.columns(
    'SELECT id, side, row, uei, name, country, zip, city, address, state, country_name, foreign_postal_code, county, state_fips FROM sa_firm ORDER BY id',
  );
  const text = (column: string, i: number) => String(f[column]?.[i] ?? '');
  const firms = (f.id ?? []).map((id, i): SubawardFirm => ({
    id: Number(id),
    side: Number(f.side?.[i]) === 0 ? 'prime_awardee' : 'subawardee',
    row: Number(f.row?.[i]),
    uei: text('uei', i),
    name: text('name', i),
    country: text('country', i),
    zip: text('zip', i),
    city: text('city', i),
    address: text('address', i),
    state: text('state', i),
    countryName: text('country_name', i),
    foreignPostalCode: text('foreign_postal_code', i),
    county: text('county', i),
    stateFips: text('state_fips', i),
  }));
  // Most pairs have one NAICS code, which is on the pair; the codes of the others come apart.
  const several = new Map<string, { code: string; dollars: number }[]>();
  const pairKey = (r: Record<string, unknown>) =>
    `${Number(r.prime)} ${Number(r.sub)} ${r.fiscal_year === null ? '' : Number(r.fiscal_year)}`;
  for (const r of await engine.rows(
    'SELECT prime, sub, fiscal_year, naics, dollars FROM sa_pair_naics ORDER BY row, naics',
  )) {
    const key = pairKey(r);
    several.set(key, [...(several.get(key) ?? []), { code: String(r.naics), dollars: Number(r.dollars) }]);
  }
  const p = await engine.columns(
    'SELECT prime, sub, fiscal_year, row, total, amounts, codes, naics, dollars FROM sa_pair ORDER BY row, prime, sub',
  );
  const pairs = (p.prime ?? []).map((prime, i): SubawardPair => {
    const pair = {
      prime: Number(prime),
      sub: Number(p.sub?.[i]),
      fiscal_year: p.fiscal_year?.[i] ?? null,
    };
    const naics = p.naics?.[i] ?? null;
    return {
      prime: pair.prime,
      sub: pair.sub,
      year: pair.fiscal_year === null ? null : Number(pair.fiscal_year),
      row: Number(p.row?.[i]),
      total: Number(p.total?.[i]),
      amounts: Number(p.amounts?.[i]),
      naics:
        Number(p.codes?.[i]) > 1
          ? (several.get(pairKey(pair)) ?? [])
          : naics === null
            ? []
            : [{ code: String(naics), dollars: Number(p.dollars?.[i]) }],
    };
  });
  const issues = (
    await engine.rows('SELECT row, reason, field, value, prime, sub FROM sa_issue ORDER BY row, reason')
  ).map((r): SubawardRowIssue => ({
    row: Number(r.row),
    reason: r.reason as SubawardRowIssue['reason'],
    column: r.field as SubawardColumn,
    value: String(r.value),
    prime: r.prime === null ? null : Number(r.prime),
    sub: r.sub === null ? null : Number(r.sub),
  }));
  const dates = (await engine.rows("SELECT DISTINCT action_date FROM sa_read WHERE action_date <> ''")).map(
    (r) => String(r.action_date),
  );
  return { lastRow: Number(last?.last ?? 1), columns, firms, pairs, issues, dates };
}

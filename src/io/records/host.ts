// The statements a host runs to load the downloads before the pipeline's steps, the same in the CLI (DuckDB)
// and in the browser (DuckDB-Wasm): only where the files come from differs. Files are named by the paths (or
// registered names) the host gives; every column is read as text.
import { CBP_COLUMNS, PRIME_TRANSACTION_COLUMNS, SAM_FIELDS, SUBAWARD_COLUMNS } from './columns.ts';

/** SQL text of a string literal. */
export const sqlText = (value: string) => `'${value.replaceAll("'", "''")}'`;

/** The reader over a set of CSV files: header row, all VARCHAR, columns matched by name, the file's name kept. */
export function csvSource(files: readonly string[]): string {
  return `read_csv([${files.map(sqlText).join(', ')}], header = true, all_varchar = true, union_by_name = true, filename = 'source_file')`;
}

/** Settings that keep the engine off the network: no extension is ever downloaded. */
export const OFFLINE_SETTINGS =
  'SET autoinstall_known_extensions = false; SET autoload_known_extensions = false';

/**
 * The statement that makes `table` (prime_raw, sub_raw or cbp_raw) over `files`, whose columns (as DESCRIBE gave them)
 * are `present`: each column the pipeline reads that no file has is added as NULL. With no file, an empty
 * table of those columns.
 */
const RAW_COLUMNS = {
  prime_raw: PRIME_TRANSACTION_COLUMNS,
  sub_raw: SUBAWARD_COLUMNS,
  cbp_raw: CBP_COLUMNS,
} as const;

export function rawTableSql(
  table: keyof typeof RAW_COLUMNS,
  files: readonly string[],
  present: readonly string[],
): string {
  const columns = RAW_COLUMNS[table];
  if (files.length === 0) {
    const defs = [...columns, 'source_file'].map((c) => `"${c}" VARCHAR`).join(', ');
    return `CREATE OR REPLACE TABLE ${table} (${defs})`;
  }
  const have = new Set(present.map((c) => c.toLowerCase()));
  const added = columns.filter((c) => !have.has(c)).map((c) => `NULL::VARCHAR AS "${c}"`);
  return `CREATE OR REPLACE VIEW ${table} AS SELECT *${added.length > 0 ? `, ${added.join(', ')}` : ''} FROM ${csvSource(files)}`;
}

/**
 * The statement that makes `sam_raw` (the SAM_FIELDS, as text, and source_file) over SAM.gov extracts: each
 * line is read whole (the extract has no header, a BOF and an EOF line, and names may hold quotes) and split on
 * `|`; only lines that start with a UEI are entities.
 */
export function samTableSql(files: readonly string[]): string {
  const names = Object.keys(SAM_FIELDS) as (keyof typeof SAM_FIELDS)[];
  if (files.length === 0)
    return `CREATE OR REPLACE TABLE sam_raw (${[...names, 'source_file'].map((c) => `"${c}" VARCHAR`).join(', ')})`;
  const fields = names.map((name) => `f[${SAM_FIELDS[name]}] AS "${name}"`).join(', ');
  const lines = `read_csv([${files.map(sqlText).join(', ')}], columns = {'line': 'VARCHAR'}, delim = chr(1), header = false, quote = '', escape = '', auto_detect = false, filename = true)`;
  return `CREATE OR REPLACE VIEW sam_raw AS SELECT ${fields}, source_file FROM (SELECT string_split(line, '|') AS f, filename AS source_file FROM ${lines}) WHERE regexp_matches(f[1], '^[A-Z0-9]{12}$')`;
}

/** The region's counties as a table. */
export function regionCountySql(counties: readonly string[]): string {
  const values = counties.map((c) => `(${sqlText(c)})`).join(', ');
  return `CREATE OR REPLACE TABLE region_county (fips VARCHAR); INSERT INTO region_county VALUES ${values}`;
}

/** ZIP → county from a two-column CSV file (zip,county) the host writes from data/reference/zips.json. */
export function zipCountySql(file: string): string {
  return `CREATE OR REPLACE TABLE zip_county AS SELECT zip, county FROM read_csv(${sqlText(file)}, header = true, all_varchar = true)`;
}

/** The CSV text of that file, from the rows of the ZIP table ([zip, lat, lon, county, …]). */
export function zipCountyCsv(rows: readonly (readonly unknown[])[]): string {
  let text = 'zip,county\n';
  for (const row of rows) text += `${String(row[0])},${String(row[3])}\n`;
  return text;
}

// `build-region`: a region's bundle from USAspending downloads (contract prime transactions, and optionally
// contract subawards), built by the SQL pipeline of src/io/records on DuckDB. The downloads are read by DuckDB
// itself, streaming, never held in JavaScript memory.
import { DuckDBInstance } from '@duckdb/node-api';
import type { DuckDBConnection } from '@duckdb/node-api';
import { mkdtemp, open, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportBundleJson } from '../../src/io/export/bundle-json.ts';
import {
  classifyDownload,
  HEADER_BYTES,
  NO_PRIME_FILE,
  NO_RECORD_ENTRY,
} from '../../src/io/records/files.ts';
import {
  csvSource,
  OFFLINE_SETTINGS,
  rawTableSql,
  samTableSql,
  regionCountySql,
  zipCountyCsv,
  zipCountySql,
} from '../../src/io/records/host.ts';
import type { RecordKind } from '../../src/io/records/columns.ts';
import { buildRegion } from '../../src/io/records/pipeline.ts';
import type { Headline } from '../../src/io/records/pipeline.ts';
import { DOD_RULE, samSentence } from '../../src/io/records/pipeline.ts';
import { plural } from '../../src/io/import/report-text.ts';
import { formatPercent, formatUsd as formatUsd1 } from '../../src/views/derive/format.ts';
import type { CommandOutput } from './output.ts';
import { referenceRegions } from './reference.ts';
import { capabilityLabeler } from '../../src/analysis/labels.ts';
import { referenceLoaders } from '../../src/workers/reference-loaders.ts';
import { extractRecordEntries } from './unzip.ts';
import { engineOf, recordsSql } from './duck.ts';

export interface BuildRegionOptions {
  files: readonly string[];
  output: string;
  /** A region id of the reference data, or null with `counties`. */
  region: string | null;
  counties: readonly string[];
  /** Rows per list in the printed headline. */
  limit?: number;
}

const ZIPS_FILE = fileURLToPath(new URL('../../data/reference/zips.json', import.meta.url));

/** The start of a file, as text, enough to hold its header line. */
async function startOf(file: string): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(HEADER_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

/** The columns the files have, as DuckDB reads them together. */
async function columnsOf(connection: DuckDBConnection, files: readonly string[]): Promise<string[]> {
  if (files.length === 0) return [];
  const described = await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${csvSource(files)}`);
  return described.getRowObjectsJS().map((row) => String(row.column_name));
}

export async function buildRegionCommand(options: BuildRegionOptions): Promise<CommandOutput> {
  const regions = await referenceRegions();
  let region: { id: string; name: string; program: string; counties: string[] };
  if (options.region !== null) {
    const row = regions.find((r) => r.id === options.region);
    if (row === undefined)
      return {
        lines: [],
        errors: [
          `build-region: no region "${options.region}" in the reference data (data/reference/regions.json)`,
        ],
        exitCode: 2,
      };
    region = { id: row.id, name: row.name, program: row.program, counties: [...row.counties] };
  } else {
    const bad = options.counties.filter((c) => !/^[0-9]{5}$/.test(c));
    if (options.counties.length === 0 || bad.length > 0)
      return {
        lines: [],
        errors: [
          bad.length > 0
            ? `build-region: --counties takes 5-digit county FIPS codes; not one: ${bad.join(', ')}`
            : 'build-region: name a region (--region <id>) or its counties (--counties 17031,17043,…)',
        ],
        exitCode: 2,
      };
    region = {
      id: 'counties',
      name: `Counties ${options.counties.join(', ')}`,
      program: 'custom',
      counties: [...options.counties],
    };
  }

  // Zipped downloads are unpacked into a temporary folder first; each entry is then a file of its own.
  const scratch = await mkdtemp(join(tmpdir(), 'forgemap-records-'));
  try {
    return await buildFromFiles(options, region, scratch);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

async function buildFromFiles(
  options: BuildRegionOptions,
  region: { id: string; name: string; program: string; counties: string[] },
  scratch: string,
): Promise<CommandOutput> {
  const errors: string[] = [];
  const inputs: { file: string; label: string }[] = [];
  for (const file of options.files) {
    if (!file.toLowerCase().endsWith('.zip')) {
      inputs.push({ file, label: file });
      continue;
    }
    try {
      const entries = await extractRecordEntries(file, scratch);
      if (entries.length === 0) errors.push(`${file}: ${NO_RECORD_ENTRY}`);
      for (const entry of entries)
        inputs.push({ file: entry, label: `${file} → ${basename(entry).replace(/^\d+-/, '')}` });
    } catch (error) {
      errors.push(`${file}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** The name a file goes by in the bundle's meta: its own, or the zip's and the entry's. */
  const nameOf = (file: string) => {
    const label = inputs.find((input) => input.file === file)?.label ?? file;
    return label
      .split(' → ')
      .map((part) => basename(part))
      .join(' → ');
  };
  const byKind: Record<RecordKind, string[]> = {
    'prime-transactions': [],
    subawards: [],
    cbp: [],
    sam: [],
  };
  for (const { file, label } of inputs) {
    try {
      if ((await stat(file)).isDirectory()) {
        errors.push(`${label}: is a folder; name the CSV files in it`);
        continue;
      }
      const verdict = classifyDownload(await startOf(file));
      if ('problem' in verdict) errors.push(`${label}: ${verdict.problem}`);
      else byKind[verdict.kind].push(file);
    } catch (error) {
      errors.push(`${label}: cannot be read (${error instanceof Error ? error.message : String(error)})`);
    }
  }
  if (errors.length > 0) return { lines: [], errors: errors.map((e) => `build-region: ${e}`), exitCode: 1 };
  if (byKind['prime-transactions'].length === 0)
    return {
      lines: [],
      errors: [`build-region: ${NO_PRIME_FILE}`],
      exitCode: 1,
    };

  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  // Bounded memory (the bench budget is 2 GB for the CLI): DuckDB spills to disk beyond this.
  await connection.run("SET memory_limit = '1GB'; SET preserve_insertion_order = false");
  try {
    await connection.run(OFFLINE_SETTINGS);
    const primeFiles = byKind['prime-transactions'];
    await connection.run(rawTableSql('prime_raw', primeFiles, await columnsOf(connection, primeFiles)));
    await connection.run(
      rawTableSql('sub_raw', byKind.subawards, await columnsOf(connection, byKind.subawards)),
    );
    await connection.run(rawTableSql('cbp_raw', byKind.cbp, await columnsOf(connection, byKind.cbp)));
    await connection.run(samTableSql(byKind.sam));
    await connection.run(regionCountySql(region.counties));
    const zipCsv = join(scratch, 'zip-county.csv');
    const zips = JSON.parse(await readFile(ZIPS_FILE, 'utf8')) as { rows: unknown[][] };
    await writeFile(zipCsv, zipCountyCsv(zips.rows));
    await connection.run(zipCountySql(zipCsv));
    const built = await buildRegion(engineOf(connection), {
      region,
      files: {
        prime: byKind['prime-transactions'].map(nameOf),
        subawards: byKind.subawards.map(nameOf),
        cbp: byKind.cbp.map(nameOf),
        sam: byKind.sam.map(nameOf),
      },
      readStep: recordsSql,
    });
    await writeFile(options.output, exportBundleJson(built.bundle));
    const label = capabilityLabeler([], await referenceLoaders.naicsTitles());
    const lines = headlineText(built.headline, options.limit ?? 10, label);
    lines.push(
      '',
      `Wrote ${options.output}: ${built.bundle.organizations.length} organizations, ${built.bundle.links.length} links, one per pair and fiscal year (${built.bundle.meta.synthetic ? 'synthetic: generated records' : 'not synthetic: public award records'}).`,
    );
    return { lines, exitCode: 0 };
  } catch (error) {
    return {
      lines: [],
      errors: [
        `build-region: the records could not be read: ${error instanceof Error ? error.message : String(error)}`,
      ],
      exitCode: 1,
    };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** The headline as the Chicago study reads it, then how the records were counted. */
/** Dollars in the headline: two decimals of the unit ($3.65M), as studies quote them. */
const formatUsd = (value: number) => formatUsd1(value, 2);
const firms = (n: number) => plural(n, 'firm');
const suppliers = (n: number) => plural(n, 'outside supplier');

export function headlineText(h: Headline, limit: number, label: (naics: string) => string): string[] {
  const lines = [`${h.region}: ${h.firms} DoD-performing firms`, '', 'DoD obligations by fiscal year:'];
  for (const y of h.years)
    lines.push(
      `  FY${y.fiscalYear}  ${formatUsd(y.region)} in the region (${firms(y.firms)})` +
        (y.share === null ? '' : `, ${formatPercent(y.share)} of the state's ${formatUsd(y.state)}`),
    );
  lines.push('', 'Top NAICS by DoD dollars:');
  for (const n of h.topNaics.slice(0, limit))
    lines.push(
      `  ${n.naics} ${label(n.naics) !== n.naics ? label(n.naics) : n.title}: ${formatUsd(n.dollars)} (${firms(n.firms)})`,
    );
  if (h.boughtOutside.length > 0) {
    lines.push('', "Capabilities the region's primes buy outside it (subaward $/yr):");
    for (const b of h.boughtOutside.slice(0, limit))
      lines.push(
        `  ${b.capability} ${label(b.capability)}: ${formatUsd(b.outside)} of ${formatUsd(b.total)} from ${suppliers(b.suppliers)}`,
      );
  }
  if (h.strongest.length > 0) {
    lines.push(
      '',
      'Strongest manufacturing industries by location quotient (County Business Patterns establishments; 1 = as common as in all the counties of the file):',
    );
    for (const x of h.strongest.slice(0, limit))
      lines.push(
        `  ${x.naics} ${label(x.naics)}: LQ ${x.lqEstablishments.toFixed(2)} (${x.establishments} establishments${x.lqEmployees === null ? '' : `; by employment ${x.lqEmployees.toFixed(2)}`})`,
      );
  }
  const r = h.records;
  lines.push(
    '',
    `Which records count: ${DOD_RULE}`,
    `  ${r.transactions} transactions read, ${r.dod} DoD; in the region ${r.placedByPerformance} placed by place of performance, ${r.placedByRecipient} by recipient address; ${plural(r.unplaced, 'DoD transaction')} ${r.unplaced === 1 ? 'has' : 'have'} no county.`,
  );
  const total = h.years.reduce((s, y) => s + y.region, 0);
  const byPerformance = h.years.reduce((s, y) => s + y.regionByPerformance, 0);
  const byRecipient = h.years.reduce((s, y) => s + y.regionByRecipient, 0);
  lines.push(
    `  Region's DoD dollars: ${formatUsd(total)} by this rule; ${formatUsd(byPerformance)} by place of performance alone, ${formatUsd(byRecipient)} by recipient address alone.`,
  );
  if (r.subawards > 0)
    lines.push(`  Subawards: ${r.subawards} read, ${r.dodSubawards} under DoD prime awards.`);
  const sam = samSentence(r);
  if (sam !== null) lines.push(`  ${sam}`);
  return lines;
}

// The records worker's one method: build a region's bundle from USAspending downloads dropped in the browser,
// on DuckDB-Wasm, with the same SQL steps as the CLI (src/io/records). Zipped downloads are unpacked here as
// they stream in; the engine then reads every file in pieces, so no download is parsed on the main thread.
import { z } from 'zod';
import type { Bundle } from '../../domain/model.ts';
import { keptForm } from '../kept-form.ts';
import { PRIME_TRANSACTION_COLUMNS, SUBAWARD_COLUMNS } from '../../io/records/columns.ts';
import type { RecordKind } from '../../io/records/columns.ts';
import { classifyDownload, HEADER_BYTES, NO_PRIME_FILE, NO_RECORD_ENTRY } from '../../io/records/files.ts';
import { formatBytes } from '../../io/import/limits.ts';
import { plural } from '../../io/import/report-text.ts';
import {
  rawTableSql,
  samTableSql,
  regionCountySql,
  zipCountyCsv,
  zipCountySql,
  csvSource,
} from '../../io/records/host.ts';
import { buildRegion, STEPS } from '../../io/records/pipeline.ts';
import type { Headline, StepName } from '../../io/records/pipeline.ts';
import { Moved } from '../actor.ts';
import type { Api, ArgSchemas, Handlers, Method } from '../actor.ts';
import { splitBundle, transferOf } from '../import-parts.ts';
import type { ImportPart } from '../import-parts.ts';
import type { CanonicalBundle } from '../import-protocol.ts';
import { referenceFile } from '../reference-files.ts';
import type { BrowserDuck } from './duckdb-browser.ts';
import { RECORDS_SQL } from './records-sql.ts';
import { projectCsv } from './project-csv.ts';
import { unzipRecordEntries } from './unzip-entries.ts';

/** The largest file (or zip entry) the browser takes; the CLI has no such limit. */
export const MAX_BROWSER_FILE_BYTES = 2 * 2 ** 30;

export interface RecordsRegion {
  id: string;
  name: string;
  program: string;
  counties: string[];
}

export interface RecordsRequest {
  region: RecordsRegion;
  files: File[];
}

/** Where each file stands: `label` is the file's name, or the zip's and the entry's ("a.zip → b.csv"). */
export type RecordsFileEvent = { type: 'file'; label: string; status: string };
export type RecordsEvent =
  { type: 'progress'; fraction: number; doing: string } | RecordsFileEvent | ImportPart;

/** The words for each kind of download, in the per-file status. */
export const KIND_NAMES: Record<RecordKind, string> = {
  'prime-transactions': 'contract prime transactions',
  subawards: 'contract subawards',
  cbp: 'County Business Patterns',
  sam: 'SAM.gov entity extract',
};

export type RecordsOutcome =
  | { ok: true; bundle: Bundle; headline: Headline; canonical: CanonicalBundle; files: string[] }
  | { ok: false; errors: string[] };

export interface RecordsApi extends Api {
  build: Method<RecordsRequest, RecordsOutcome, RecordsEvent>;
}

export const recordsArgs: ArgSchemas<RecordsApi> = {
  build: z.object({
    region: z.object({
      id: z.string(),
      name: z.string(),
      program: z.string(),
      counties: z.array(z.string().regex(/^[0-9]{5}$/)).min(1),
    }),
    files: z
      .array(z.custom<File>((v) => v instanceof Blob && typeof (v as File).name === 'string', 'a file'))
      .min(1),
  }) as z.ZodType<RecordsRequest>,
};

/** The downloads that are projected to the columns the pipeline reads (the others are small). */
const PROJECTED: Partial<Record<RecordKind, readonly string[]>> = {
  'prime-transactions': PRIME_TRANSACTION_COLUMNS,
  subawards: SUBAWARD_COLUMNS,
};

const WAY_OUT =
  'Use the command line (npm run forgemap -- build-region), which has no limit, or download fewer fiscal years per file.';
const tooBig = (label: string, bytes: number) =>
  `${label}: is ${formatBytes(bytes)}; the browser takes files up to ${formatBytes(MAX_BROWSER_FILE_BYTES)} each. ${WAY_OUT}`;
/** A zip entry that keeps more than the limit (counted while it inflates, by the columns kept of it). */
const entryTooBig = (label: string) =>
  `${label}: is over ${formatBytes(MAX_BROWSER_FILE_BYTES)} unpacked, even keeping only the columns the pipeline reads; the browser takes up to ${formatBytes(MAX_BROWSER_FILE_BYTES)} of each file. ${WAY_OUT}`;

export function recordsHandlers(open: () => Promise<BrowserDuck>): Handlers<RecordsApi> {
  return {
    async build(request, context) {
      // The engine (a 34 MB WebAssembly module to compile) starts in its own worker while the files unpack.
      const starting = open();
      starting.catch(() => undefined);
      try {
        return await buildWith(starting, request, context.emit);
      } finally {
        await starting.then((duck) => duck.close()).catch(() => undefined);
      }
    },
  };
}

/** The build, with the engine that is starting. */
async function buildWith(
  starting: Promise<BrowserDuck>,
  { region, files }: RecordsRequest,
  emit: (event: RecordsEvent, transfer?: Transferable[]) => void,
): Promise<RecordsOutcome | Moved<RecordsOutcome>> {
  // One message per percent or per new step, not one per chunk read.
  let said = { fraction: -1, doing: '' };
  const progress = (fraction: number, doing: string) => {
    if (doing === said.doing && fraction - said.fraction < 0.01) return;
    said = { fraction, doing };
    emit({ type: 'progress', fraction, doing });
  };
  const fileStatus = (label: string, status: string) => emit({ type: 'file', label, status });
  let lastShare = -1;
  const errors: string[] = [];
  /** A download: its file, label and name, its size, its first bytes, and whether it is projected yet. */
  interface Input {
    file: Blob;
    label: string;
    name: string;
    bytes: number;
    start: string;
    projected: boolean;
  }
  const inputs: Input[] = [];
  const total = files.reduce((n, f) => n + f.size, 0) || 1;
  let before = 0;
  for (const file of files) {
    const isZip = file.name.toLowerCase().endsWith('.zip');
    if (!isZip && file.size > MAX_BROWSER_FILE_BYTES) errors.push(tooBig(file.name, file.size));
    else if (!isZip) {
      const start = await file.slice(0, HEADER_BYTES).text();
      inputs.push({ file, label: file.name, name: file.name, bytes: file.size, start, projected: false });
    } else {
      try {
        const entries = await unzipRecordEntries(file, {
          onBytes: (read) => {
            progress((0.25 * (before + read)) / total, `Unpacking ${file.name}`);
            const share = Math.floor((100 * read) / (file.size || 1));
            if (share !== lastShare) fileStatus(file.name, `unpacking… ${share} %`);
            lastShare = share;
          },
          // A wide download keeps only the columns the pipeline reads while it inflates.
          project: (start) => {
            const verdict = classifyDownload(start);
            return 'kind' in verdict ? (PROJECTED[verdict.kind] ?? null) : null;
          },
          maxEntryBytes: MAX_BROWSER_FILE_BYTES,
          tooBig: entryTooBig,
        });
        fileStatus(file.name, `unpacked: ${plural(entries.length, 'file')}`);
        if (entries.length === 0) errors.push(`${file.name}: ${NO_RECORD_ENTRY}`);
        for (const entry of entries)
          inputs.push({ ...entry, label: `${file.name} → ${entry.file.name}`, name: entry.file.name });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        errors.push(
          message.includes(': is ')
            ? message
            : `${file.name}: the zip file is damaged or cut short (${message})`,
        );
      }
    }
    before += file.size;
  }

  const byKind: Record<RecordKind, Input[]> = {
    'prime-transactions': [],
    subawards: [],
    cbp: [],
    sam: [],
  };
  for (const input of inputs) {
    const verdict = classifyDownload(input.start);
    if ('problem' in verdict) {
      errors.push(`${input.label}: ${verdict.problem}`);
      fileStatus(input.label, 'not used (see below)');
    } else {
      byKind[verdict.kind].push(input);
      fileStatus(input.label, `${KIND_NAMES[verdict.kind]}, ${formatBytes(input.bytes)}`);
    }
  }
  if (errors.length === 0 && byKind['prime-transactions'].length === 0) errors.push(NO_PRIME_FILE);
  if (errors.length > 0) return { ok: false, errors };

  // Only the columns the pipeline reads go on to DuckDB-Wasm, which then tokenizes a tenth of the bytes
  // (zip entries were projected as they inflated).
  const wide = (Object.keys(PROJECTED) as RecordKind[]).flatMap((kind) =>
    byKind[kind].filter((input) => !input.projected).map((input) => ({ input, keep: PROJECTED[kind]! })),
  );
  const wideBytes = wide.reduce((n, w) => n + w.input.bytes, 0) || 1;
  let projected = 0;
  for (const { input, keep } of wide) {
    input.file = await projectCsv(input.file, input.name, {
      keep,
      onBytes: (read) =>
        progress(
          0.25 + (0.05 * (projected + read)) / wideBytes,
          `Taking the columns it reads from ${input.label}`,
        ),
    });
    input.projected = true;
    projected += input.bytes;
  }

  progress(0.3, 'Starting the analytical engine');
  const duck = await starting;
  // Registered under numbered names: two downloads may share a file name.
  const registered = async (kind: RecordKind) => {
    const names: string[] = [];
    for (const [i, input] of byKind[kind].entries()) {
      const name = `${kind}-${i}.${kind === 'sam' ? 'dat' : 'csv'}`;
      await duck.registerFile(name, input.file);
      names.push(name);
    }
    return names;
  };
  const columns = async (names: string[]) =>
    names.length === 0
      ? []
      : (await duck.engine.rows(`DESCRIBE SELECT * FROM ${csvSource(names)}`)).map((r) =>
          String(r.column_name),
        );
  const prime = await registered('prime-transactions');
  const subs = await registered('subawards');
  await duck.engine.exec(rawTableSql('prime_raw', prime, await columns(prime)));
  await duck.engine.exec(rawTableSql('sub_raw', subs, await columns(subs)));
  const cbp = await registered('cbp');
  await duck.engine.exec(rawTableSql('cbp_raw', cbp, await columns(cbp)));
  await duck.engine.exec(samTableSql(await registered('sam')));
  await duck.engine.exec(regionCountySql(region.counties));
  const zips = (await referenceFile('zips')) as { rows: unknown[][] };
  await duck.registerText('zip-county.csv', zipCountyCsv(zips.rows));
  await duck.engine.exec(zipCountySql('zip-county.csv'));

  const built = await buildRegion(duck.engine, {
    region,
    files: {
      prime: byKind['prime-transactions'].map((i) => i.label),
      subawards: byKind.subawards.map((i) => i.label),
      cbp: byKind.cbp.map((i) => i.label),
      sam: byKind.sam.map((i) => i.label),
    },
    readStep: (step) => Promise.resolve(STEP_SQL[step]),
    onStep: (step, i) => progress(0.35 + (0.6 * i) / STEPS.length, STEP_DOING[step]),
  });
  progress(0.97, 'Writing the bundle');
  // The records go ahead in parts of bounded cost (links as moved columns), so that no message takes the
  // main thread long to read; the answer carries the bundle without them, and its kept form (columns moved),
  // made after the parts so that it reuses their link columns.
  const { parts, light } = splitBundle(0, built.bundle);
  const canonical = await keptForm(built.bundle);
  for (const part of parts) emit(part, transferOf(part));
  return new Moved<RecordsOutcome>(
    { ok: true, bundle: light, headline: built.headline, canonical, files: inputs.map((i) => i.label) },
    canonical.columns instanceof Blob ? [] : [canonical.columns.buffer],
  );
}

/** What the progress bar says during each step. */
const STEP_DOING: Record<StepName, string> = {
  '10-prime.sql': 'Reading the prime transactions',
  '20-place.sql': 'Placing each transaction',
  '30-firms.sql': "Finding the region's firms",
  '40-headline.sql': 'Adding up DoD dollars by fiscal year',
  '45-sam.sql': 'Reading the SAM.gov entities',
  '50-subawards.sql': 'Reading the subawards',
  '60-links.sql': 'Linking subawardees to primes',
  '70-bought-outside.sql': 'Finding what primes buy outside the region',
  '80-strength.sql': "Ranking the region's industries (County Business Patterns)",
};

/** The SQL of each step. */
const STEP_SQL = RECORDS_SQL as Record<StepName, string>;

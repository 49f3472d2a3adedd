// `forgemap import <file> [<file2>] [--format <name>[,<name>]] -o <bundle.json> [--report <csv>]`: the app's
// importers on files from disk. Prints the report, writes the bundle and, if asked, the per-row CSV.
import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { importFiles } from '../../src/io/import/import-files.ts';
import { readOnEngine } from '../../src/io/import/engine-files.ts';
import { openNodeHost } from './duck.ts';
import type { ImportFile } from '../../src/io/import/import-files.ts';
import { IMPORT_FORMATS, isImportFormat } from '../../src/io/import/formats.ts';
import type { ImportFormat } from '../../src/io/import/formats.ts';
import { reportToCsv } from '../../src/io/import/report.ts';
import { reportLines } from '../../src/io/import/report-text.ts';
import { loadZipGeocoder } from '../../src/workers/import-engine.ts';
import type { CommandOutput } from './output.ts';
import { referenceRegionIds } from './reference.ts';

export interface ImportArgs {
  files: string[];
  /** One name for every file, or one per file. */
  formats: ImportFormat[];
  output: string;
  report?: string | undefined;
  /** YYYY-MM-DD for `meta.asOf` when the data has no date (tests pin it). */
  today?: string | undefined;
}

const FORMAT_ALIASES: Readonly<Record<string, ImportFormat>> = {
  orgs: 'organizations',
  organisations: 'organizations',
  csv: 'organizations',
  subaward: 'subawards',
  usaspending: 'subawards',
  json: 'bundle',
};

/** "orgs,links" → formats, or the message for a name that is not one. */
export function parseFormats(text: string): ImportFormat[] | string {
  const out: ImportFormat[] = [];
  for (const raw of text.split(',')) {
    const name = raw.trim().toLowerCase();
    // Own keys only, so "constructor" is not mistaken for an alias.
    const format: ImportFormat | undefined = isImportFormat(name)
      ? name
      : Object.prototype.hasOwnProperty.call(FORMAT_ALIASES, name)
        ? FORMAT_ALIASES[name]
        : undefined;
    if (format === undefined) return `--format "${raw.trim()}" is not one of ${IMPORT_FORMATS.join(', ')}`;
    out.push(format);
  }
  return out;
}

export async function importCommand(args: ImportArgs): Promise<CommandOutput> {
  const files: ImportFile[] = [];
  for (const path of args.files) {
    try {
      files.push({ name: basename(path), data: new Uint8Array(await readFile(path)) });
    } catch (error) {
      return {
        lines: [],
        errors: [
          `error ${path}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
        ],
        exitCode: 2,
      };
    }
  }
  const formats = args.files.map(
    (_, i) => (args.formats.length === 1 ? args.formats[0] : args.formats[i]) ?? null,
  );
  const outcome = importFiles(await readOnEngine(files, { formats }, openNodeHost), {
    formats,
    zipGeocoder: await loadZipGeocoder(),
    knownRegionIds: await referenceRegionIds(),
    today: args.today,
  });
  const lines = reportLines(outcome.report);
  const errors: string[] = [];
  if (args.report !== undefined) {
    try {
      await writeFile(args.report, reportToCsv(outcome.report));
      lines.push('', `Report written to ${args.report}`);
    } catch (error) {
      errors.push(
        `error ${args.report}: cannot write the report (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
      );
    }
  }
  if (outcome.value === null) return { lines, errors, exitCode: 1 };
  try {
    await writeFile(args.output, `${JSON.stringify(outcome.value.bundle, null, 2)}\n`);
  } catch (error) {
    errors.push(
      `error ${args.output}: cannot write the bundle (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
    );
    return { lines, errors, exitCode: 1 };
  }
  lines.push(`Bundle written to ${args.output}`);
  return { lines, errors: errors.length > 0 ? errors : undefined, exitCode: 0 };
}

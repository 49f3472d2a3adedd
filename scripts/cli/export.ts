// `forgemap export <bundle.json> --profile full|partner --format bundle|csv|geojson|gexf|graphml -o FILE
// [--marking TEXT]`: the app's exports of a bundle, from the copy its redaction profile allows (src/io/redact.ts).
import { readFile, writeFile } from 'node:fs/promises';
import { formatIssue, hasErrors } from '../../src/domain/issues.ts';
import { REDACTION_PROFILES } from '../../src/domain/model.ts';
import type { Bundle, RedactionProfile } from '../../src/domain/model.ts';
import { exportBundleJson } from '../../src/io/export/bundle-json.ts';
import { exportOrganizationsGeoJson } from '../../src/io/export/geojson.ts';
import { exportGexf } from '../../src/io/export/gexf.ts';
import { exportGraphml } from '../../src/io/export/graphml.ts';
import { exportOrganizationsCsv } from '../../src/io/export/organizations-csv.ts';
import { loadBundle } from '../../src/io/load-bundle.ts';
import { parseJson } from '../../src/io/parse-json.ts';
import { redactBundle } from '../../src/io/redact.ts';
import type { CommandOutput } from './output.ts';
import { referenceRegionIds } from './reference.ts';

/** The formats, each with what writes it (CSV: the organizations table, as the app's Export menu makes it). */
const WRITERS = {
  bundle: exportBundleJson,
  csv: (bundle: Bundle) => exportOrganizationsCsv(bundle, { bom: true }),
  geojson: (bundle: Bundle) => exportOrganizationsGeoJson(bundle),
  gexf: exportGexf,
  graphml: exportGraphml,
} as const satisfies Record<string, (bundle: Bundle) => string>;
export type ExportFormat = keyof typeof WRITERS;
export const EXPORT_FORMATS = Object.keys(WRITERS) as ExportFormat[];

export const isExportFormat = (name: string): name is ExportFormat =>
  (EXPORT_FORMATS as string[]).includes(name);
export const isRedactionProfile = (name: string): name is RedactionProfile =>
  (REDACTION_PROFILES as readonly string[]).includes(name);

export interface ExportArgs {
  file: string;
  profile: RedactionProfile;
  format: ExportFormat;
  output: string;
  marking?: string | undefined;
}

const cannot = (what: string, path: string, error: unknown) =>
  `error ${path}: cannot ${what} (${(error as NodeJS.ErrnoException).code ?? String(error)})`;

export async function exportCommand(args: ExportArgs): Promise<CommandOutput> {
  let text: string;
  try {
    text = await readFile(args.file, 'utf8');
  } catch (error) {
    return { lines: [], errors: [cannot('read the file', args.file, error)], exitCode: 2 };
  }
  const parsed = parseJson(text, args.file);
  const loaded =
    parsed.value === null
      ? { value: null, issues: parsed.issues }
      : loadBundle(parsed.value, { knownRegionIds: await referenceRegionIds() });
  const issues = loaded.issues.map((issue) => ({ ...issue, file: args.file }));
  if (loaded.value === null || hasErrors(issues))
    return { lines: [], errors: [...issues.map(formatIssue), 'Nothing was written.'], exitCode: 1 };
  const redacted = redactBundle(loaded.value, { profile: args.profile, marking: args.marking });
  try {
    await writeFile(args.output, WRITERS[args.format](redacted));
  } catch (error) {
    return { lines: [], errors: [cannot('write the export', args.output, error)], exitCode: 1 };
  }
  const { sharing } = redacted.meta;
  const asked =
    sharing?.profile !== args.profile ? ` (the bundle is already a ${sharing?.profile} copy)` : '';
  return {
    lines: [
      `${args.format} written to ${args.output}: profile ${sharing?.profile ?? args.profile}${asked}${
        sharing?.marking === undefined ? '' : `, marked "${sharing.marking}"`
      }; ${redacted.organizations.length} organizations, ${redacted.links.length} links`,
    ],
    exitCode: 0,
  };
}

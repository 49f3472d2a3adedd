// `forgemap export <bundle.json> --profile full|partner|public --format bundle|csv|geojson|gexf|graphml -o FILE
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
import { redactBundle, sharingNotice } from '../../src/io/redact.ts';
import { countyPlaces } from '../../src/io/public/county-places.ts';
import type { PublicContext } from '../../src/io/public/redact-public.ts';
import { analyzeBundle } from '../../src/analysis/analyze.ts';
import { capabilityLabeler } from '../../src/analysis/labels.ts';
import { resolveCounty } from '../../src/domain/membership.ts';
import { loadCountyTopology } from '../../src/workers/reference-files.ts';
import { referenceLoaders } from '../../src/workers/reference-loaders.ts';
import type { CommandOutput } from './output.ts';
import { locatorFor, referenceRegionIds, referenceRegions } from './reference.ts';

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
  const bundle = loaded.value;
  const redacted = redactBundle(bundle, {
    profile: args.profile,
    marking: args.marking,
    ...(args.profile === 'public' ? { publicContext: await publicContext(bundle) } : {}),
  });
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
      }; ${redacted.organizations.length} organizations, ${
        sharing?.public === undefined
          ? `${redacted.links.length} links`
          : `${sharing.public.flows.length} county-to-county flows${
              sharing.public.gaps === undefined ? '' : `, the gap list of ${sharing.public.region ?? ''}`
            }`
      }`,
      ...(sharing?.public === undefined ? [] : [sharingNotice(sharing)!]),
    ],
    exitCode: 0,
  };
}

/**
 * What a public copy needs: each organization's county (record, point, then ZIP), the county shapes' names
 * and centroids, and the gap list of the bundle's home region (none without one).
 */
async function publicContext(bundle: Bundle): Promise<PublicContext> {
  const locator = await locatorFor(bundle);
  const places = countyPlaces(await loadCountyTopology());
  const regionId = bundle.meta.homeRegion ?? null;
  const region =
    regionId === null
      ? undefined
      : (bundle.regions.find((r) => r.id === regionId) ??
        (await referenceRegions()).find((r) => r.id === regionId));
  const gaps =
    regionId === null || region === undefined || region.counties.length === 0
      ? null
      : {
          region: regionId,
          list: analyzeBundle(bundle, {
            counties: region.counties,
            locator,
            regionId,
            label: capabilityLabeler(bundle.capabilities, await referenceLoaders.naicsTitles()),
          }).gaps,
        };
  return { countyOf: (org) => resolveCounty(org, locator).county, places, gaps };
}

// The entries of the Export menu: what each one exports, its file name, and, when it cannot run yet, why.
// No DOM here (only Blob), so the menu's behaviour is tested under Node.
import { strToU8, zipSync } from 'fflate';
import type { AnalysisResult } from '../../analysis/types.ts';
import type { Bundle } from '../../domain/model.ts';
import { exportBundleJson } from '../../io/export/bundle-json.ts';
import { exportFileName } from '../../io/export/file-name.ts';
import { exportGapsCsv } from '../../io/export/gaps-csv.ts';
import { exportOrganizationsGeoJson } from '../../io/export/geojson.ts';
import { exportGexf } from '../../io/export/gexf.ts';
import { exportGraphml } from '../../io/export/graphml.ts';
import { exportOrganizationsCsv } from '../../io/export/organizations-csv.ts';

export const EXPORT_IDS = [
  'bundle-json',
  'organizations-csv',
  'organizations-geojson',
  'gaps-csv',
  'network-gexf',
  'network-graphml',
  'map-png',
  'network-png',
  'briefing-pdf',
  'briefing-svg',
  'standalone-html',
] as const;
export type ExportId = (typeof EXPORT_IDS)[number];

/** Why `analysis` is null: still running (the default), no home region chosen, or it failed. */
export type AnalysisStatus = 'running' | 'no-region' | 'failed';

export interface ExportSources {
  /** The bundle as exported: a shared copy (io/redact.ts) when a profile or marking was chosen. */
  bundle: Bundle;
  /** The finished analysis of the home region; null while it runs, without a region, or after a failure. */
  analysis: AnalysisResult | null;
  /** Says why `analysis` is null, for the disabled Gaps entry. */
  analysisStatus?: AnalysisStatus | undefined;
  /**
   * Positions by organization index, lon/lat interleaved, NaN for none (`DatasetView.positions.coords`):
   * GeoJSON then places organizations by ZIP or county too, not only by their own coordinates.
   */
  positions?: Float64Array | undefined;
  /** Home-region membership by organization index (`DatasetView.inRegion`): adds `in_home_region` to the CSV. */
  inRegion?: Uint8Array | undefined;
  /** Renders the map view to PNG; absent while the map view is not shown. */
  getMapPng?: (() => Promise<Blob | null>) | undefined;
  /** Renders the network view to PNG; absent while the network view is not shown. */
  getNetworkPng?: (() => Promise<Blob | null>) | undefined;
  /** Makes the briefing of the current view (vector); absent without a dataset. */
  getBriefing?: (() => Promise<Briefing>) | undefined;
  /** True when the screen itself shows a public copy (a receiver's): its pictures name no firm either. */
  screenIsPublic?: boolean | undefined;
}

/**
 * The briefing of the current view: the poster as PDF (made when asked), SVGs of it and of each figure by file
 * name, and the standalone one-file view (HTML).
 */
export interface Briefing {
  pdf: () => Promise<Blob>;
  figures: Record<string, string>;
  standalone: string;
}

export interface ExportFile {
  blob: Blob;
  filename: string;
}

export interface ExportItem {
  id: ExportId;
  label: string;
  /** Null when the entry can run; else a short reason shown after the label. */
  disabledReason: string | null;
  /** Builds the file; null when a view could not be drawn. Only call when `disabledReason` is null. */
  run: () => Promise<ExportFile | null>;
}

const ANALYSIS_REASONS: Record<AnalysisStatus, string> = {
  running: 'analysis still running',
  'no-region': 'choose a home region first',
  failed: 'the analysis failed',
};

const CSV = 'text/csv;charset=utf-8';

function file(text: string, type: string, filename: string): Promise<ExportFile> {
  return Promise.resolve({ blob: new Blob([text], { type }), filename });
}

async function picture(render: () => Promise<Blob | null>, filename: string): Promise<ExportFile | null> {
  const blob = await render();
  return blob === null ? null : { blob, filename };
}

/**
 * The menu entries, in menu order. CSVs start with a byte order mark so that Excel reads names such as
 * "Müller Präzision" as UTF-8. The organizations CSV gains `tier` and `critical` columns once the analysis
 * is done. Exports run on the main thread: a 100k-organization bundle takes a few hundred milliseconds.
 */
export function exportItems(given: ExportSources): ExportItem[] {
  const { meta } = given.bundle;
  const profile = meta.sharing?.profile;
  // A public copy has its own organizations, in its own order: nothing index-aligned with the data on screen
  // (positions, region membership), no analysis of it, and no picture of the screen, unless the screen shows
  // the public copy itself.
  const screenShowsFirms = profile === 'public' && given.screenIsPublic !== true;
  const sources: ExportSources =
    profile === 'public'
      ? {
          ...given,
          analysis: null,
          positions: undefined,
          inRegion: undefined,
          ...(screenShowsFirms ? { getMapPng: undefined, getNetworkPng: undefined } : {}),
        }
      : given;
  const { bundle, analysis } = sources;
  // A partner or public copy says so in its file names.
  const redacted = profile === 'partner' || profile === 'public' ? profile : null;
  const name = (what: string, extension: string, qualifier?: string) =>
    exportFileName(meta, what, extension, redacted ?? qualifier);
  const pictureReason = screenShowsFirms ? 'not in the public profile (the screen shows the firms)' : null;
  const analysisReason =
    redacted !== null
      ? `not in the ${redacted} profile (its dollar totals are exact)`
      : analysis === null
        ? ANALYSIS_REASONS[sources.analysisStatus ?? 'running']
        : analysis.region === null
          ? ANALYSIS_REASONS['no-region']
          : null;
  const { getMapPng, getNetworkPng, getBriefing } = sources;

  return [
    {
      id: 'bundle-json',
      label: 'Bundle (JSON)',
      disabledReason: null,
      run: () => file(exportBundleJson(bundle), 'application/json', name('bundle', 'json')),
    },
    {
      id: 'organizations-csv',
      label: 'Organizations (CSV)',
      disabledReason: null,
      run: () =>
        file(
          exportOrganizationsCsv(bundle, {
            bom: true,
            ...(sources.inRegion !== undefined && analysis?.region != null
              ? { inRegion: sources.inRegion }
              : {}),
            ...(analysis === null
              ? {}
              : { tiers: analysis.tiers, critical: new Set(analysis.criticalSuppliers) }),
          }),
          CSV,
          name('organizations', 'csv'),
        ),
    },
    {
      id: 'organizations-geojson',
      label: 'Organizations (GeoJSON)',
      disabledReason: null,
      run: () =>
        file(
          exportOrganizationsGeoJson(bundle, sources.positions),
          'application/geo+json',
          name('organizations', 'geojson'),
        ),
    },
    {
      id: 'gaps-csv',
      label: 'Gaps (CSV)',
      disabledReason: analysisReason,
      run: () =>
        analysis === null
          ? Promise.resolve(null)
          : file(
              exportGapsCsv(analysis, { bom: true }),
              CSV,
              name('gaps', 'csv', analysis.region ?? undefined),
            ),
    },
    {
      id: 'network-gexf',
      label: 'Network (GEXF)',
      disabledReason: null,
      run: () => file(exportGexf(bundle), 'application/gexf+xml', name('network', 'gexf')),
    },
    {
      id: 'network-graphml',
      label: 'Network (GraphML)',
      disabledReason: null,
      run: () => file(exportGraphml(bundle), 'application/graphml+xml', name('network', 'graphml')),
    },
    {
      id: 'map-png',
      label: 'Map (PNG)',
      disabledReason: pictureReason ?? (getMapPng === undefined ? 'open the map view first' : null),
      run: () => (getMapPng === undefined ? Promise.resolve(null) : picture(getMapPng, name('map', 'png'))),
    },
    {
      id: 'network-png',
      label: 'Network (PNG)',
      disabledReason: pictureReason ?? (getNetworkPng === undefined ? 'open the network view first' : null),
      run: () =>
        getNetworkPng === undefined ? Promise.resolve(null) : picture(getNetworkPng, name('network', 'png')),
    },
    {
      id: 'briefing-pdf',
      label: 'Briefing (PDF)',
      disabledReason: getBriefing === undefined ? 'open a dataset first' : null,
      run: async () =>
        getBriefing === undefined
          ? null
          : { blob: await (await getBriefing()).pdf(), filename: name('briefing', 'pdf') },
    },
    {
      id: 'briefing-svg',
      label: 'Briefing figures (SVG, zip)',
      disabledReason: getBriefing === undefined ? 'open a dataset first' : null,
      run: async () => {
        if (getBriefing === undefined) return null;
        const { figures } = await getBriefing();
        const files = Object.fromEntries(
          Object.entries(figures).map(([file, svg]) => [file, strToU8(svg)] as const),
        );
        return {
          blob: new Blob([zipSync(files)], { type: 'application/zip' }),
          filename: name('briefing-svg', 'zip'),
        };
      },
    },
    {
      id: 'standalone-html',
      label: 'Standalone view (HTML, opens offline)',
      disabledReason: getBriefing === undefined ? 'open a dataset first' : null,
      run: async () =>
        getBriefing === undefined
          ? null
          : {
              blob: new Blob([(await getBriefing()).standalone], { type: 'text/html;charset=utf-8' }),
              filename: name('view', 'html'),
            },
    },
  ];
}

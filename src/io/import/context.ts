// What every importer of one run shares: the report, the organizations gathered so far, the links, the
// capability labels and layout positions found, the ZIP geocoder, and progress and cancellation.
import type { OrgId } from '../../domain/ids.ts';
import type { Link } from '../../domain/model.ts';
import type { ZipGeocoder } from '../../geo/zip-geocoder.ts';
import { OrganizationCollector } from './organization-collector.ts';
import { ReportBuilder } from './report.ts';

export interface Position {
  x: number;
  y: number;
}

export class ImportContext {
  readonly report: ReportBuilder;
  readonly orgs: OrganizationCollector;
  readonly links: Link[] = [];
  /** Capability id → label, for ids made from free text ("5-Axis Machining" → "5-axis-machining"). */
  readonly capabilityLabels = new Map<string, string>();
  readonly positions = new Map<OrgId, Position>();
  readonly zip: ZipGeocoder | null;
  /** Latest action date seen in the data (YYYY-MM-DD), for the bundle's `asOf`. */
  latestDate: string | null = null;
  private readonly onProgress: (fraction: number) => void;
  private readonly isCancelled: () => boolean;
  private fileStart = 0;
  private fileShare = 1;

  constructor(options: {
    base?: OrganizationCollector | undefined;
    report?: ReportBuilder | undefined;
    zip: ZipGeocoder | null;
    onProgress?: ((fraction: number) => void) | undefined;
    isCancelled?: (() => boolean) | undefined;
  }) {
    this.orgs = options.base ?? new OrganizationCollector();
    this.report = options.report ?? new ReportBuilder();
    this.zip = options.zip;
    this.onProgress = options.onProgress ?? (() => {});
    this.isCancelled = options.isCancelled ?? (() => false);
  }

  /** The next file takes `share` of the overall progress bar, starting at `start`. */
  beginFile(start: number, share: number): void {
    this.fileStart = start;
    this.fileShare = share;
    this.onProgress(start);
  }

  /** Progress within the current file, 0…1. */
  progress(fraction: number): void {
    this.onProgress(this.fileStart + this.fileShare * Math.min(1, Math.max(0, fraction)));
  }

  cancelled(): boolean {
    return this.isCancelled();
  }

  noteDate(date: string | undefined): void {
    if (date === undefined) return;
    const iso = /^(\d{4}-\d{2}-\d{2})/.exec(date.trim())?.[1];
    if (iso !== undefined && (this.latestDate === null || iso > this.latestDate)) this.latestDate = iso;
  }
}

/** How often long loops report progress and check for cancellation. */
export const PROGRESS_EVERY = 4096;

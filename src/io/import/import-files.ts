// The importer's entry point: files (bytes or text) → one valid Bundle plus the report. Each file is
// decoded, its format detected, read by its importer; organizations from every file are merged, links
// attach last, and the result goes through loadBundle like any other bundle. Never throws on user data.
import type { CapabilityId, OrgId } from '../../domain/ids.ts';
import type { Bundle, BundleMeta, Capability, Region } from '../../domain/model.ts';
import { BUNDLE_FORMAT, BUNDLE_VERSION } from '../../domain/model.ts';
import type { ZipGeocoder } from '../../geo/zip-geocoder.ts';
import type { Result } from '../../domain/issues.ts';
import { loadBundle } from '../load-bundle.ts';
import { parseJson } from '../parse-json.ts';
import type { ColumnMapping } from './column-mapping.ts';
import { autoDetectMapping, sanitizeMapping } from './column-mapping.ts';
import { ImportContext } from './context.ts';
import type { Position } from './context.ts';
import { parseCsvTable } from './csv-table.ts';
import type { Delimiter } from './csv-table.ts';
import { decodeText } from './decode-text.ts';
import type { DecodedText, TextEncodingName } from './decode-text.ts';
import type { SplitLoad } from '../load-bundle-split.ts';
import type { SubawardRead } from '../records/subaward-read.ts';
import { FORMAT_LABELS, detectFormat, isImportFormat } from './formats.ts';
import type { Detection, ImportFormat } from './formats.ts';
import { geoJsonFeatures, importGeoJson } from './import-geojson.ts';
import { importGraphXml } from './import-graph.ts';
import { importSubawards } from './import-subawards.ts';
import { importJsonTables } from './import-json-tables.ts';
import { importLinkTable, importOrganizationTable } from './import-table.ts';
import type { Table } from './import-table.ts';
import { formatBytes, MAX_FILE_BYTES, MAX_ROWS } from './limits.ts';
import { OrganizationCollector } from './organization-collector.ts';
import type { FileLog, ImportIssue, ImportReport } from './report.ts';
import { reportIssues } from './report.ts';
import { slugify } from './values.ts';

export interface ImportFile {
  name: string;
  data: Uint8Array | string;
  /** `data` already decoded (by a caller that read it first). */
  decoded?: DecodedText | undefined;
  /** `data` already loaded as a bundle (load-bundle-split.ts does this for big bundles on two cores). */
  bundle?: SplitLoad | undefined;
  /** A Subawards download as the records engine read it (io/import/engine-files.ts), or why it could not. */
  subawards?: SubawardRead | { problem: string } | undefined;
}

export interface ImportOptions {
  /** Format per file (index-aligned), overriding detection; null or absent: detect. */
  formats?: readonly (ImportFormat | null | undefined)[] | undefined;
  /** Column mapping per file (index-aligned) for CSV, JSON, GeoJSON and a network's nodes; absent: auto-detected. */
  mappings?: readonly (ColumnMapping | null | undefined)[] | undefined;
  /** The dataset already open, onto which a links table alone is attached. */
  base?: Bundle | null | undefined;
  /** Places firms that have a ZIP but no coordinates; without it they keep no position. */
  zipGeocoder?: ZipGeocoder | null | undefined;
  /** YYYY-MM-DD used for `meta.asOf` when the data carries no date; default: today (UTC). */
  today?: string | undefined;
  knownRegionIds?: ReadonlySet<string> | undefined;
  onProgress?: ((fraction: number) => void) | undefined;
  isCancelled?: (() => boolean) | undefined;
  /** Lower limits than the defaults (MAX_FILE_BYTES, MAX_ROWS), so tests need not build 200 MB inputs. */
  limits?: { fileBytes?: number | undefined; rows?: number | undefined } | undefined;
}

export interface ImportedFile {
  name: string;
  bytes: number;
  format: ImportFormat | null;
  encoding: TextEncodingName | null;
  delimiter?: Delimiter | undefined;
  /** Column names (CSV), property names (GeoJSON) or node attributes (GEXF, GraphML) a mapping can choose from. */
  headers?: string[] | undefined;
  /** The mapping used (for a network file, its nodes'): show it, let the user edit it, pass it back in `mappings`. */
  mapping?: ColumnMapping | undefined;
  /** True when part of the file's links were parsed by a helper worker on another core (big bundles). */
  twoCores?: boolean | undefined;
}

export interface ImportedData {
  bundle: Bundle;
  /** Layout positions found in GEXF/GraphML files, by organization id. */
  positions: { id: OrgId; x: number; y: number }[];
}

export interface ImportOutcome extends Result<ImportedData> {
  issues: ImportIssue[];
  report: ImportReport;
  files: ImportedFile[];
}

interface Prepared {
  index: number;
  file: ImportFile;
  info: ImportedFile;
  text: string;
  json?: unknown;
  log: FileLog;
}

const ORG_FORMATS: ReadonlySet<ImportFormat> = new Set([
  'organizations',
  'subawards',
  'geojson',
  'gexf',
  'graphml',
]);

export function importFiles(files: readonly ImportFile[], options: ImportOptions = {}): ImportOutcome {
  const ctx0 = new ImportContext({ zip: null });
  const prepared: Prepared[] = [];
  const infos: ImportedFile[] = [];
  const totalBytes = files.reduce((sum, f) => sum + sizeOf(f.data), 0) || 1;
  const maxBytes = Math.min(options.limits?.fileBytes ?? MAX_FILE_BYTES, MAX_FILE_BYTES);

  // Decoding and detection happen before any rows are read, so the bundle file can be the base.
  const report = ctx0.report;
  files.forEach((file, index) => {
    const bytes = sizeOf(file.data);
    const info: ImportedFile = { name: file.name, bytes, format: null, encoding: null };
    if (file.bundle !== undefined) info.twoCores = true;
    infos.push(info);
    if (bytes > maxBytes) {
      report.file(file.name, null).issue('file-too-large', {
        value: formatBytes(bytes),
        message: `The file is ${formatBytes(bytes)}; Forgemap imports files up to ${formatBytes(maxBytes)}. Split it or remove columns you do not need.`,
      });
      return;
    }
    const decoded = file.decoded ?? decodeText(file.data);
    info.encoding = decoded.encoding;
    const forced = options.formats?.[index];
    const mapping = sanitizeMapping(options.mappings?.[index]);
    const detection: Detection =
      file.bundle === undefined ? detectFormat(decoded.text, file.name) : { format: 'bundle' };
    let format: ImportFormat | null = isImportFormat(forced) ? forced : detection.format;
    // A mapping chosen in the UI also says whether a CSV holds organizations or links.
    if (mapping !== null && (format === 'organizations' || format === 'links')) format = mapping.target;
    info.format = format;
    const log = report.file(file.name, format, nounOf(format));
    if (decoded.encoding === 'windows-1252') {
      log.issue('latin1-text', {
        message:
          'The file is not UTF-8; it was read as Windows-1252 (Latin-1), the encoding of older Excel exports.',
      });
    }
    if (format === null) {
      const problem = 'problem' in detection ? detection.problem : 'The format of the file is not known.';
      log.issue(decoded.text.trim() === '' ? 'empty-file' : 'unknown-format', {
        message: `${problem} Forgemap reads Forgemap bundles, CSV or JSON lists of organizations and links, USAspending Subawards CSV, GEXF, GraphML and GeoJSON.`,
      });
      return;
    }
    prepared.push({ index, file, info, text: decoded.text, json: detection.json, log });
  });

  const bundles = prepared.filter((p) => p.info.format === 'bundle');
  for (const extra of bundles.slice(1)) {
    extra.log.issue('file-combination', {
      message: `Only one Forgemap bundle can be imported at a time; "${bundles[0]?.file.name ?? ''}" was used and this one was not.`,
    });
  }
  const bundleFile = bundles[0];
  const others = prepared.filter((p) => p.info.format !== 'bundle');

  let base: Bundle | null = null;
  if (bundleFile !== undefined) {
    base = readBundle(bundleFile, options);
    if (others.length === 0) {
      return finish(ctx0, infos, base === null ? null : { bundle: base, positions: [] });
    }
  }
  const hasOrgFile = others.some((p) => p.info.format !== null && ORG_FORMATS.has(p.info.format));
  if (base === null && !hasOrgFile && options.base != null) base = options.base;

  const ctx = new ImportContext({
    base: new OrganizationCollector(base?.organizations ?? []),
    // The decoding phase's report carries over: one builder for the whole run.
    report,
    zip: options.zipGeocoder ?? null,
    onProgress: options.onProgress,
    isCancelled: options.isCancelled,
  });
  if (base !== null) ctx.links.push(...base.links.map((link) => ({ ...link })));

  // Organizations first, from every file that has them; links tables attach to all of them after.
  let done = 0;
  const ordered = [
    ...others.filter((p) => p.info.format !== 'links'),
    ...others.filter((p) => p.info.format === 'links'),
  ];
  for (const item of ordered) {
    if (ctx.cancelled()) break;
    const share = (sizeOf(item.file.data) / totalBytes) * 0.95;
    ctx.beginFile(done, share);
    try {
      readFile(item, options, ctx);
    } catch {
      // Each reader reports what in the file is wrong; an error that still escapes one is a fault of the
      // reader, and its JavaScript message would tell the user nothing about their file.
      item.log.issue('file-not-read', {
        message: `Forgemap's ${item.info.format === null ? '' : `${FORMAT_LABELS[item.info.format]} `}reader stopped partway through this file (a fault of the reader, which should have said what in the file it could not take); the rows read before it are kept.`,
      });
    }
    done += share;
  }
  if (ctx.cancelled()) {
    report.general('cancelled', { message: 'The import was cancelled; nothing was imported.' });
    return finish(ctx, infos, null);
  }
  const bundle = assemble(ctx, prepared, base, options);
  options.onProgress?.(1);
  return finish(
    ctx,
    infos,
    bundle === null ? null : { bundle, positions: positionsOf(ctx.positions, bundle) },
  );
}

function tooManyRows(log: FileLog, maxRows: number): void {
  log.issue('too-many-rows', {
    message: `The file has more than ${maxRows.toLocaleString('en-US')} rows; Forgemap imports at most that many per file. Split it into smaller files.`,
  });
}

function readFile(item: Prepared, options: ImportOptions, ctx: ImportContext): void {
  const { info, log } = item;
  const maxRows = Math.min(options.limits?.rows ?? MAX_ROWS, MAX_ROWS);
  const format = info.format;
  if (format === 'gexf' || format === 'graphml') {
    const read = importGraphXml(
      item.text,
      format,
      log,
      ctx,
      maxRows,
      sanitizeMapping(options.mappings?.[item.index]),
    );
    if (read !== null) {
      info.headers = read.headers;
      info.mapping = read.mapping;
    }
    return;
  }
  if (format === 'geojson') {
    const read = jsonOf(item);
    if (read === null) return;
    const json = read.json;
    const shape = geoJsonFeatures(json);
    if (typeof shape === 'string') {
      log.issue('file-not-read', { message: shape });
      return;
    }
    const given = sanitizeMapping(options.mappings?.[item.index]);
    const mapping =
      given?.target === 'organizations' ? given : autoDetectMapping(shape.headers, 'organizations');
    info.headers = shape.headers;
    info.mapping = mapping;
    if (mapping.target === 'organizations') importGeoJson(shape, mapping, log, ctx, maxRows);
    return;
  }
  if (format === 'json-tables') {
    const parsed = jsonOf(item);
    if (parsed === null) return;
    const read = importJsonTables(
      parsed.json,
      sanitizeMapping(options.mappings?.[item.index]),
      log,
      ctx,
      maxRows,
    );
    if (read !== null) {
      info.headers = read.headers;
      info.mapping = read.mapping;
    }
    return;
  }
  if (format === 'subawards') {
    const read = item.file.subawards;
    if (read === undefined || 'problem' in read) {
      log.issue('file-not-read', {
        message:
          read === undefined
            ? 'Subawards downloads are read on the records engine, which this import did not start.'
            : `The records engine could not read this file: ${read.problem}`,
      });
      return;
    }
    if (read.lastRow - 1 > maxRows) {
      tooManyRows(log, maxRows);
      return;
    }
    info.headers = Object.values(read.columns);
    importSubawards(read, log, ctx);
    return;
  }
  if (format !== 'organizations' && format !== 'links') return;

  const csv = parseCsvTable(item.text, maxRows);
  info.delimiter = csv.delimiter;
  info.headers = csv.headers;
  if (csv.truncated) {
    tooManyRows(log, maxRows);
    return;
  }
  for (const problem of csv.problems) {
    if (problem.kind === 'unclosed-quote') {
      // The broken row and the lines after it count as rejected rows, so the headline shows the loss.
      log.issue('csv-unclosed-quote', { row: problem.row, message: `the row ${problem.message}.` });
      log.rejectRange(problem.row, problem.lostLines ?? 1);
      continue;
    }
    log.issue(problem.kind === 'quotes' ? 'csv-quotes' : 'csv-field-count', {
      row: problem.row,
      message: `the row ${problem.message}.`,
    });
  }
  if (csv.emptyLines > 0) {
    log.issue('empty-lines', {
      value: String(csv.emptyLines),
      message: `${csv.emptyLines} empty ${csv.emptyLines === 1 ? 'line was' : 'lines were'} skipped.`,
    });
  }
  const table: Table = {
    headers: csv.headers,
    rows: csv.rows,
    firstRow: csv.headerRow + 1,
    decimalComma: csv.delimiter !== ',',
  };
  const given = sanitizeMapping(options.mappings?.[item.index]);
  const mapping = given?.target === format ? given : autoDetectMapping(csv.headers, format);
  info.mapping = mapping;
  if (mapping.target === 'organizations') importOrganizationTable(table, mapping, log, ctx);
  else importLinkTable(table, mapping, log, ctx);
}

/** The file's JSON (parsed once, by detection or here); null, after saying so, when it is not JSON. */
function jsonOf(item: Prepared): { json: unknown } | null {
  if (item.json !== undefined) return { json: item.json };
  const parsed = parseJson(item.text);
  if (parsed.value !== null) return { json: parsed.value };
  item.log.issue('file-not-read', { message: parsed.issues[0]?.message ?? 'The file is not valid JSON.' });
  return null;
}

/** A bundle file: loaded (and migrated) by loadBundle; its problems become report entries by record. */
function readBundle(item: Prepared, options: ImportOptions): Bundle | null {
  const { log } = item;
  const split = item.file.bundle;
  if (split !== undefined) return reportBundle(log, split.organizations, split.links, split.loaded);
  const read = jsonOf(item);
  if (read === null) return null;
  const json = read.json;
  const loaded = loadBundle(json, { knownRegionIds: options.knownRegionIds });
  return reportBundle(log, rawLength(json, 'organizations'), rawLength(json, 'links'), loaded);
}

/** A loaded bundle's problems as report entries by record (its rows: organizations, then links). */
function reportBundle(
  log: FileLog,
  organizations: number,
  links: number,
  loaded: Result<Bundle>,
): Bundle | null {
  log.size(organizations + links);
  for (let row = 1; row <= organizations + links; row++) log.accept(row);
  for (const issue of loaded.issues) {
    const record = /^(organizations|links)\[(\d+)\]/.exec(issue.path ?? '');
    const row =
      record === null ? undefined : Number(record[2]) + 1 + (record[1] === 'links' ? organizations : 0);
    const rejected = issue.severity === 'error';
    log.issue(rejected && row !== undefined ? 'bundle-record-rejected' : 'bundle-issue', {
      severity: issue.severity,
      row,
      path: issue.path,
      message: issue.message,
    });
  }
  if (loaded.value === null) {
    log.issue('file-not-read', {
      message: 'The bundle could not be opened; see the problems listed for it.',
    });
    // None of its records is imported, so none counts as accepted.
    log.rejectRange(1, organizations + links);
    return null;
  }
  return loaded.value;
}

function rawLength(json: unknown, key: string): number {
  if (typeof json !== 'object' || json === null) return 0;
  const list: unknown = Reflect.get(json, key);
  return Array.isArray(list) ? list.length : 0;
}

function assemble(
  ctx: ImportContext,
  files: readonly Prepared[],
  base: Bundle | null,
  options: ImportOptions,
): Bundle | null {
  const organizations = ctx.orgs.list();
  if (organizations.length === 0) return null;
  const names = files.map((f) => f.file.name);
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const asOf = ctx.latestDate ?? today;
  const described = files
    .map((f) =>
      f.info.format === 'subawards'
        ? `USAspending.gov contract Subawards download (${f.file.name})`
        : f.file.name,
    )
    .join('; ');

  let meta: BundleMeta;
  if (base !== null) {
    meta = {
      ...base.meta,
      source: `${base.meta.source}; added from ${described}`.slice(0, 2000),
      description: `${base.meta.description} Imported with Forgemap on ${today}: added ${names.join(', ')}.`
        .trim()
        .slice(0, 10_000),
    };
  } else {
    const stem = (names[0] ?? 'import').replace(/\.[a-z0-9]{1,8}$/i, '');
    meta = {
      id: slugify(stem, 90) || 'import',
      title: stem.replace(/_+/g, ' ').trim().slice(0, 300) || 'Imported data',
      description: `Imported with Forgemap on ${today} from ${names.join(', ')}.`.slice(0, 10_000),
      source: described.slice(0, 2000) || 'imported file',
      license: "Not stated: imported from the user's own files; check the terms of their source.",
      asOf,
      synthetic: false,
    };
    // Subawards alone: each link is one fiscal year of a pair's dollars (see domain/fiscal-years.ts).
    if (files.every((f) => f.info.format === 'subawards')) meta.linksByFiscalYear = true;
  }

  const capabilities: Capability[] = [...(base?.capabilities ?? [])];
  const known = new Set<string>(capabilities.map((c) => c.id));
  for (const [id, label] of ctx.capabilityLabels) {
    if (!known.has(id)) capabilities.push({ id: id as CapabilityId, label });
  }
  const regions: Region[] = base?.regions ?? [];
  const raw = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    meta,
    organizations,
    links: ctx.links,
    capabilities,
    regions,
  };
  // The importers build valid records, but the bundle loader is the one judge of validity.
  const loaded = loadBundle(raw, { knownRegionIds: options.knownRegionIds });
  for (const issue of loaded.issues) {
    ctx.report.general('bundle-issue', {
      severity: issue.severity,
      path: issue.path,
      message: issue.message,
    });
  }
  return loaded.value;
}

function positionsOf(positions: ReadonlyMap<OrgId, Position>, bundle: Bundle): ImportedData['positions'] {
  const ids = new Set<string>(bundle.organizations.map((o) => o.id));
  return [...positions].filter(([id]) => ids.has(id)).map(([id, p]) => ({ id, x: p.x, y: p.y }));
}

function finish(ctx: ImportContext, files: ImportedFile[], value: ImportedData | null): ImportOutcome {
  // When nothing is imported, no row of any file was: the counts must not say "accepted" under
  // "Nothing was imported".
  if (value === null) for (const log of ctx.report.files) log.rejectRead();
  const report = ctx.report.finish(value?.bundle.organizations.length ?? 0, value?.bundle.links.length ?? 0);
  return { value, issues: reportIssues(report), report, files };
}

function sizeOf(data: Uint8Array | string): number {
  // A string's UTF-16 length is close enough to its size for the limit, and costs nothing to compute.
  return typeof data === 'string' ? data.length : data.byteLength;
}

function nounOf(format: ImportFormat | null): string {
  if (format === 'geojson') return 'feature';
  if (format === 'gexf' || format === 'graphml') return 'item';
  if (format === 'bundle' || format === 'json-tables') return 'record';
  return 'row';
}

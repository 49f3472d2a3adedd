// The view's address in the URL hash, `#/<dataset>/<view>?<params>` (DESIGN.md §4): dataset, view, home
// region, selection, highlighted gap, filters, what-if removals, map camera, county shading and layout.
// decodeRoute never throws: anything it cannot read falls back to its default and is listed in `notices`.
import { FIRST_YEAR, LAST_YEAR } from '../domain/fiscal-years.ts';
import type { YearRange } from '../domain/fiscal-years.ts';
import { ORG_KINDS } from '../domain/model.ts';
import type { OrgKind } from '../domain/model.ts';

export const VIEWS = ['map', 'network', 'split', 'gaps'] as const;
export type ViewName = (typeof VIEWS)[number];
/** `file`: the positions a GEXF or GraphML file brought (when the dataset has them). */
export const LAYOUTS = ['geo', 'force', 'tier', 'file'] as const;
export type Layout = (typeof LAYOUTS)[number];
export const SHADINGS = ['none', 'orgs', 'supplied', 'imported'] as const;
export type Shading = (typeof SHADINGS)[number];
export const ROUTE_VERSION = 1;
/** Columns of the primes' resilience table (gap dashboard) a link can sort by. */
export const RESILIENCE_COLUMNS = ['prime', 'purchases', 'share', 'chokepoints', 'single', 'depth'] as const;
export type ResilienceColumn = (typeof RESILIENCE_COLUMNS)[number];
/** A table's order in a link: the column and whether it runs smallest first. */
export interface TableOrder<Column extends string> {
  column: Column;
  ascending: boolean;
}

/**
 * Where the data comes from: a shipped sample (`s:`), a dataset kept on this device under its content hash
 * (`h:`), or a small bundle embedded in the link itself (`z:`, deflate-raw + base64url, see io/embed.ts).
 */
export type DatasetRef =
  { kind: 'sample'; id: string } | { kind: 'hash'; id: string } | { kind: 'embedded'; id: string };

/** What an `h:` link says about its file, so that a device without it can name the file it needs. */
export interface DatasetFile {
  name?: string | undefined;
  bytes?: number | undefined;
}

export interface Filters {
  /** Kinds shown; empty means all. */
  kinds: OrgKind[];
  /** Organizations offering or supplying any of these capabilities; empty means all. */
  capabilities: string[];
  /** Organizations holding any of these certifications; empty means all. */
  certifications: string[];
  /** Links below this value (USD/yr) are hidden; 0 shows all. */
  minValue: number;
  /** Fiscal years of dated links shown (and analysed); null means every year. */
  years: YearRange | null;
}

export interface MapCamera {
  lat: number;
  lon: number;
  zoom: number;
}

/** sigma's camera: graph-space center (0…1 after normalisation) and zoom ratio (smaller = closer). */
export interface NetworkCamera {
  x: number;
  y: number;
  ratio: number;
}

export interface Route {
  dataset: DatasetRef;
  view: ViewName;
  /** Home region id; undefined means the dataset's own home region. */
  region?: string | undefined;
  selected?: string | undefined;
  /** Highlighted gap: a capability id. */
  gap?: string | undefined;
  /** With `gap`: only this buyer's supply of it (a cell of the prime dependency matrix). */
  gapBuyer?: string | undefined;
  filters: Filters;
  /** What-if: organizations taken out. */
  removed: string[];
  map?: MapCamera | undefined;
  shading: Shading;
  layout: Layout;
  net?: NetworkCamera | undefined;
  /** Network focus mode: hops of the supply tree shown upstream of the selection; 0 = off. */
  focus: number;
  /** Network: highlight critical suppliers and links. */
  critical: boolean;
  /** Gap dashboard: the order of the primes' resilience table (`rsort=<column>` largest first, `~a` smallest). */
  resilienceSort?: TableOrder<ResilienceColumn> | undefined;
  /** For `h:` datasets: the file's title and size, shown when this device does not have it. */
  file?: DatasetFile | undefined;
}

export const DEFAULT_SAMPLE = 'chicago';
export const NO_FILTERS: Filters = {
  kinds: [],
  capabilities: [],
  certifications: [],
  minValue: 0,
  years: null,
};
export const DEFAULT_ROUTE: Route = {
  dataset: { kind: 'sample', id: DEFAULT_SAMPLE },
  view: 'map',
  filters: NO_FILTERS,
  removed: [],
  shading: 'none',
  layout: 'geo',
  focus: 0,
  critical: false,
};

const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
const HASH_ID = /^[0-9a-f]{16}$/;
/** base64url of at most 24 KB compressed (4/3 of it, rounded up). */
export const MAX_EMBEDDED_CHARS = 32_768;
const EMBEDDED = /^[A-Za-z0-9_-]+$/;
const MAX_FILE_BYTES = 1e12;
const MAX_ITEMS = 500;
const MAX_TEXT = 200;

export function decodeRoute(hash: string): { route: Route; notices: string[] } {
  const notices: string[] = [];
  const body = hash.replace(/^#/, '').replace(/^\//, '');
  if (body === '') return { route: DEFAULT_ROUTE, notices };
  const queryAt = body.indexOf('?');
  const pathPart = queryAt === -1 ? body : body.slice(0, queryAt);
  const query = queryAt === -1 ? '' : body.slice(queryAt + 1);
  const [datasetPart = '', viewPart, ...extra] = pathPart.split('/');

  const route: Route = { ...DEFAULT_ROUTE, filters: { ...NO_FILTERS } };
  const datasetMatch = /^([shz]):(.*)$/s.exec(safeDecode(datasetPart) ?? '');
  const datasetId = datasetMatch?.[2] ?? '';
  if (datasetMatch?.[1] === 's' && ID.test(datasetId)) {
    route.dataset = { kind: 'sample', id: datasetId };
  } else if (datasetMatch?.[1] === 'h' && HASH_ID.test(datasetId)) {
    route.dataset = { kind: 'hash', id: datasetId };
  } else if (
    datasetMatch?.[1] === 'z' &&
    datasetId.length <= MAX_EMBEDDED_CHARS &&
    EMBEDDED.test(datasetId)
  ) {
    route.dataset = { kind: 'embedded', id: datasetId };
  } else if (datasetMatch?.[1] === 'z') {
    notices.push(
      `The link's embedded dataset is not valid (more than ${MAX_EMBEDDED_CHARS.toLocaleString('en-US')} characters, or characters other than A–Z, a–z, 0–9, - and _); showing the Chicago sample.`,
    );
  } else if (datasetPart !== '') {
    notices.push(
      `The link's dataset "${shorten(datasetPart)}" is not understood; showing the Chicago sample.`,
    );
  }

  if (viewPart !== undefined && viewPart !== '') {
    if ((VIEWS as readonly string[]).includes(viewPart)) route.view = viewPart as ViewName;
    else
      notices.push(
        `The link's view "${shorten(viewPart)}" is not one of ${VIEWS.join(', ')}; showing the map.`,
      );
  }
  if (extra.length > 0) notices.push('Extra parts of the link after the view were ignored.');

  const seen = new Set<string>();
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const key = safeDecode(eq === -1 ? pair : pair.slice(0, eq)) ?? pair;
    const raw = eq === -1 ? '' : pair.slice(eq + 1);
    if (seen.has(key)) {
      notices.push(`The link's parameter "${shorten(key)}" appears twice; the first one counts.`);
      continue;
    }
    seen.add(key);
    const ignored = (what: string) =>
      notices.push(`The link's ${what} "${shorten(safeDecode(raw) ?? raw)}" was ignored.`);
    switch (key) {
      case 'name': {
        const value = safeDecode(raw);
        if (value === null || value === '' || value.length > MAX_TEXT) ignored('file name');
        else route.file = { ...route.file, name: value };
        break;
      }
      case 'bytes': {
        const value = Number(raw);
        if (!/^[0-9]+$/.test(raw) || !Number.isSafeInteger(value) || value > MAX_FILE_BYTES)
          ignored('file size');
        else route.file = { ...route.file, bytes: value };
        break;
      }
      case 'region':
      case 'sel':
      case 'buyer':
      case 'gap': {
        const value = safeDecode(raw);
        if (value === null || value === '' || value.length > MAX_TEXT) {
          ignored(key === 'sel' ? 'selection' : key);
          break;
        }
        if (key === 'region') route.region = value;
        else if (key === 'sel') route.selected = value;
        else if (key === 'buyer') route.gapBuyer = value;
        else route.gap = value;
        break;
      }
      case 'kind': {
        const kinds = decodeList(raw);
        const valid = kinds?.filter((k): k is OrgKind => (ORG_KINDS as readonly string[]).includes(k));
        if (valid === undefined || valid.length !== kinds?.length) ignored('kind filter');
        else route.filters.kinds = unique(valid);
        break;
      }
      case 'cap':
      case 'cert': {
        const items = decodeList(raw);
        if (items === undefined) ignored(key === 'cap' ? 'capability filter' : 'certification filter');
        else if (key === 'cap') route.filters.capabilities = unique(items);
        else route.filters.certifications = unique(items);
        break;
      }
      case 'minv': {
        const value = Number(raw);
        if (raw === '' || !Number.isFinite(value) || value < 0 || value > 1e13) ignored('minimum value');
        else route.filters.minValue = value;
        break;
      }
      case 'fy': {
        const years = decodeYears(raw);
        if (years === null) ignored('fiscal years');
        else route.filters.years = years;
        break;
      }
      case 'rm': {
        const items = decodeList(raw);
        if (items === undefined) ignored('what-if removals');
        else route.removed = unique(items);
        break;
      }
      case 'map': {
        const camera = decodeCamera(raw);
        if (camera === null) ignored('map position');
        else route.map = camera;
        break;
      }
      case 'shade':
        if ((SHADINGS as readonly string[]).includes(raw)) route.shading = raw as Shading;
        else ignored('county shading');
        break;
      case 'layout':
        if ((LAYOUTS as readonly string[]).includes(raw)) route.layout = raw as Layout;
        else ignored('layout');
        break;
      case 'net': {
        const camera = decodeNetworkCamera(raw);
        if (camera === null) ignored('network position');
        else route.net = camera;
        break;
      }
      case 'focus': {
        const hops = Number(raw);
        if (!Number.isInteger(hops) || hops < 1 || hops > MAX_FOCUS) ignored('focus depth');
        else route.focus = hops;
        break;
      }
      case 'crit':
        if (raw === '1') route.critical = true;
        else ignored('critical highlight');
        break;
      case 'rsort': {
        const [column, order, ...rest] = raw.split('~');
        if (
          !(RESILIENCE_COLUMNS as readonly string[]).includes(column ?? '') ||
          (order !== undefined && order !== 'a') ||
          rest.length > 0
        )
          ignored('resilience table order');
        else route.resilienceSort = { column: column as ResilienceColumn, ascending: order === 'a' };
        break;
      }
      case 'v':
        if (raw !== String(ROUTE_VERSION)) {
          notices.push(
            `The link was made by another version of Forgemap (link format ${shorten(raw)}); some of it may not apply.`,
          );
        }
        break;
      default:
        notices.push(`The link's parameter "${shorten(key)}" is not understood; it was ignored.`);
    }
  }
  if (route.gapBuyer !== undefined && route.gap === undefined) {
    route.gapBuyer = undefined;
    notices.push("The link's gap buyer only applies together with a gap; it was ignored.");
  }
  if (route.file !== undefined && route.dataset.kind !== 'hash') {
    route.file = undefined;
    notices.push("The link's file name and size only apply to datasets kept on a device; they were ignored.");
  }
  return { route, notices };
}

export function encodeRoute(route: Route): string {
  const prefix = { sample: 's', hash: 'h', embedded: 'z' }[route.dataset.kind];
  const dataset = `${prefix}:${route.dataset.id}`;
  const params: string[] = [];
  const add = (key: string, value: string) => params.push(`${key}=${value}`);
  if (route.dataset.kind === 'hash' && route.file !== undefined) {
    if (route.file.name !== undefined) add('name', encodeItem(route.file.name));
    if (route.file.bytes !== undefined) add('bytes', String(route.file.bytes));
  }
  if (route.region !== undefined) add('region', encodeItem(route.region));
  if (route.selected !== undefined) add('sel', encodeItem(route.selected));
  if (route.gap !== undefined) add('gap', encodeItem(route.gap));
  if (route.gap !== undefined && route.gapBuyer !== undefined) add('buyer', encodeItem(route.gapBuyer));
  const { kinds, capabilities, certifications, minValue, years } = route.filters;
  if (kinds.length > 0) add('kind', kinds.map(encodeItem).join(','));
  if (capabilities.length > 0) add('cap', capabilities.map(encodeItem).join(','));
  if (certifications.length > 0) add('cert', certifications.map(encodeItem).join(','));
  if (minValue > 0) add('minv', String(minValue));
  if (years !== null) add('fy', years.from === years.to ? String(years.from) : `${years.from}-${years.to}`);
  if (route.removed.length > 0) add('rm', route.removed.map(encodeItem).join(','));
  if (route.map !== undefined) add('map', encodeCamera(route.map));
  if (route.shading !== 'none') add('shade', route.shading);
  if (route.layout !== 'geo') add('layout', route.layout);
  if (route.net !== undefined) add('net', encodeNetworkCamera(route.net));
  if (route.focus > 0) add('focus', String(route.focus));
  if (route.critical) add('crit', '1');
  if (route.resilienceSort !== undefined)
    add('rsort', `${route.resilienceSort.column}${route.resilienceSort.ascending ? '~a' : ''}`);
  if (params.length > 0) add('v', String(ROUTE_VERSION));
  return `#/${dataset}/${route.view}${params.length === 0 ? '' : `?${params.join('&')}`}`;
}

/** Coordinates to the precision the zoom can show: about a pixel's worth, never more than 6 decimals. */
export function encodeCamera({ lat, lon, zoom }: MapCamera): string {
  const z = Math.round(zoom * 100) / 100;
  const digits = Math.min(6, Math.max(0, Math.ceil((z * Math.LN2 + Math.log(512 / 360)) / Math.LN10)));
  return `${lat.toFixed(digits)},${lon.toFixed(digits)},${z}`;
}

function decodeCamera(raw: string): MapCamera | null {
  const parts = raw.split(',');
  if (parts.length !== 3 || parts.some((p) => p.trim() === '')) return null;
  const [lat, lon, zoom] = parts.map(Number) as [number, number, number];
  if (![lat, lon, zoom].every(Number.isFinite)) return null;
  if (Math.abs(lat) > 85.06 || Math.abs(lon) > 180 || zoom < 0 || zoom > 22) return null;
  return { lat, lon, zoom };
}

/** `2023` or `2022-2024`: whole fiscal years within the schema's bounds, the first not after the last. */
function decodeYears(raw: string): YearRange | null {
  const match = /^([0-9]{4})(?:-([0-9]{4}))?$/.exec(raw);
  if (match === null) return null;
  const from = Number(match[1]);
  const to = match[2] === undefined ? from : Number(match[2]);
  if (from < FIRST_YEAR || to > LAST_YEAR || from > to) return null;
  return { from, to };
}

export const MAX_FOCUS = 10;

export function encodeNetworkCamera({ x, y, ratio }: NetworkCamera): string {
  // Enough digits for a pixel at the deepest zoom sigma allows by default (ratio ≥ ~0.001).
  const r = Number(ratio.toPrecision(3));
  const digits = Math.min(8, Math.max(2, Math.ceil(-Math.log10(r)) + 4));
  return `${Number(x.toFixed(digits))},${Number(y.toFixed(digits))},${r}`;
}

function decodeNetworkCamera(raw: string): NetworkCamera | null {
  const parts = raw.split(',');
  if (parts.length !== 3 || parts.some((p) => p.trim() === '')) return null;
  const [x, y, ratio] = parts.map(Number) as [number, number, number];
  if (![x, y, ratio].every(Number.isFinite)) return null;
  if (Math.abs(x) > 1e3 || Math.abs(y) > 1e3 || ratio <= 0 || ratio > 1e3) return null;
  return { x, y, ratio };
}

/** Items are URI-encoded, so a comma inside an id cannot split it. */
function encodeItem(item: string): string {
  return encodeURIComponent(item);
}

function decodeList(raw: string): string[] | undefined {
  if (raw === '') return undefined;
  const items = raw.split(',');
  if (items.length > MAX_ITEMS) return undefined;
  const out: string[] = [];
  for (const item of items) {
    const value = safeDecode(item);
    if (value === null || value === '' || value.length > MAX_TEXT) return undefined;
    out.push(value);
  }
  return out;
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

// A bundle as one binary buffer of columns: how a dataset kept on this device is stored, so that reopening it
// reads typed arrays and a few long strings instead of parsing a JSON text (a 100k-organization / 1M-link
// bundle is 136 MB of JSON and about a third of that here).
//
// Layout: the bytes "FGMC", a little-endian u32 format version, the u32 length of a UTF-8 JSON header, the
// header, then the sections, each starting at a multiple of 8 bytes (so that every typed array is a view of
// the buffer, not a copy). The header holds the bundle without its records (meta, capabilities, regions:
// small) and where each section is. Organizations are stored field by field:
// - text: the values joined into one string (one section of UTF-8) and where each ends (i32, UTF-16 units);
// - optional fields: a presence byte per organization; numbers: f64, NaN when absent (JSON has no NaN);
// - lists: their items as a text column and where each organization's list ends (i32);
// Links are the columns of link-split.ts (ids once in a string table, indices into it).
// Reading checks the layout against the counts before any value is used: a damaged copy is reported, never
// half-read.
import type { CapabilityId } from '../domain/ids.ts';
import type { Issue, Result } from '../domain/issues.ts';
import { runToEnd } from '../domain/steps.ts';
import type { Bundle, Need, Organization } from '../domain/model.ts';
import { LINK_KINDS, ORG_KINDS, ORGANIZATION_FIELDS } from '../domain/model.ts';
import type { LinkColumns } from './link-split.ts';
import { decodeLinks, encodeLinks, knownLinkColumns, ownIdsOf } from './link-split.ts';

const MAGIC = 0x434d4746; // "FGMC", little-endian
export const COLUMNAR_VERSION = 1;

/**
 * Makes plain objects (their prototype is Object's) that V8 lays out with room inside for the fields given
 * them next: made with `{}` and given an organization's 19 fields one by one, they kept the most in a second
 * store that grew as they came (100k organizations in Node: 85 → 60 ms, 10% less memory).
 */
const PlainRecord = function () {} as unknown as new () => Record<string, unknown>;
PlainRecord.prototype = Object.prototype;

type FieldType = 'text' | 'optional-text' | 'kind' | 'number' | 'list' | 'needs';
/** How each organization field is stored; the type check fails when the model gains a field not listed. */
const FIELD_TYPES = {
  id: 'text',
  name: 'text',
  kind: 'kind',
  lat: 'number',
  lon: 'number',
  address: 'optional-text',
  city: 'optional-text',
  state: 'optional-text',
  zip: 'optional-text',
  county: 'optional-text',
  naics: 'list',
  capabilities: 'list',
  certifications: 'list',
  employees: 'number',
  uei: 'optional-text',
  cage: 'optional-text',
  website: 'optional-text',
  trains: 'list',
  needs: 'needs',
} as const satisfies Record<keyof Organization, FieldType>;

type ArrayType = 'u8' | 'u16' | 'i32' | 'f64' | 'utf8';
interface Section {
  name: string;
  type: ArrayType;
  /** Byte offset from the start of the buffer. */
  offset: number;
  /** Elements (bytes for utf8). */
  length: number;
}

interface Header {
  bundle: Omit<Bundle, 'organizations' | 'links'>;
  organizations: number;
  links: number;
  sections: Section[];
}

const BYTES: Record<ArrayType, number> = { u8: 1, u16: 2, i32: 4, f64: 8, utf8: 1 };
type Column = Uint8Array | Uint16Array | Int32Array | Float64Array;

/** A text column: the values joined, and where each ends (UTF-16 code units). */
function textColumn(values: readonly string[]): { text: string; ends: Int32Array } {
  const ends = new Int32Array(values.length);
  let at = 0;
  values.forEach((value, i) => (ends[i] = at += value.length));
  return { text: values.join(''), ends };
}

/** The bundle as one buffer of columns (see the top). */
export function writeColumnar(bundle: Bundle): Uint8Array<ArrayBuffer> {
  return runToEnd(columnarSteps(bundle));
}

/** writeColumnar as steps: it yields after each field's columns (a thread that must answer meanwhile). */
export function* columnarSteps(bundle: Bundle): Generator<void, Uint8Array<ArrayBuffer>, void> {
  const { organizations: orgs, links, ...rest } = bundle;
  const n = orgs.length;
  const parts: { name: string; type: ArrayType; data: Column }[] = [];
  const text = (name: string, values: readonly string[]) => {
    const column = textColumn(values);
    parts.push({ name: `${name}.text`, type: 'utf8', data: new TextEncoder().encode(column.text) });
    parts.push({ name: `${name}.ends`, type: 'i32', data: column.ends });
  };
  for (const field of ORGANIZATION_FIELDS) {
    yield;
    const type: FieldType = FIELD_TYPES[field];
    switch (type) {
      case 'text':
        text(
          field,
          orgs.map((o) => o[field as 'id' | 'name']),
        );
        break;
      case 'optional-text': {
        const key = field as 'address';
        parts.push({
          name: `${field}.has`,
          type: 'u8',
          data: Uint8Array.from(orgs, (o) => (o[key] === undefined ? 0 : 1)),
        });
        text(
          field,
          orgs.map((o) => o[key] ?? ''),
        );
        break;
      }
      case 'kind':
        parts.push({
          name: field,
          type: 'u8',
          data: Uint8Array.from(orgs, (o) => ORG_KINDS.indexOf(o.kind)),
        });
        break;
      case 'number': {
        const key = field as 'lat';
        parts.push({ name: field, type: 'f64', data: Float64Array.from(orgs, (o) => o[key] ?? NaN) });
        break;
      }
      case 'list': {
        const key = field as 'naics';
        const ends = new Int32Array(n);
        let at = 0;
        orgs.forEach((o, i) => (ends[i] = at += o[key].length));
        parts.push({ name: `${field}.lists`, type: 'i32', data: ends });
        text(
          field,
          orgs.flatMap((o) => o[key]),
        );
        break;
      }
      case 'needs': {
        const ends = new Int32Array(n);
        let at = 0;
        orgs.forEach((o, i) => (ends[i] = at += o.needs.length));
        const needs = orgs.flatMap((o) => o.needs);
        parts.push({ name: 'needs.lists', type: 'i32', data: ends });
        text(
          'needs.capability',
          needs.map((need) => need.capability),
        );
        parts.push({
          name: 'needs.value',
          type: 'f64',
          data: Float64Array.from(needs, (need) => need.annualValue ?? NaN),
        });
        break;
      }
    }
  }
  yield;
  // Links that remember their columns (decoded from them, or sent as them) are not encoded again.
  const columns = knownLinkColumns(links) ?? encodeLinks(links);
  yield;
  text('links.strings', columns.strings);
  parts.push({ name: 'links.source', type: 'i32', data: columns.source });
  parts.push({ name: 'links.target', type: 'i32', data: columns.target });
  parts.push({ name: 'links.kind', type: 'u8', data: columns.kind });
  parts.push({ name: 'links.capability', type: 'i32', data: columns.capability });
  parts.push({ name: 'links.value', type: 'f64', data: columns.value });
  parts.push({ name: 'links.year', type: 'u16', data: columns.year });

  // Offsets count from the first section, which starts at the first multiple of 8 after the header.
  let at = 0;
  const sections = parts.map((part): Section => {
    const section: Section = { name: part.name, type: part.type, offset: at, length: part.data.length };
    at = align8(at + part.data.byteLength);
    return section;
  });
  yield;
  const header = new TextEncoder().encode(
    JSON.stringify({ bundle: rest, organizations: n, links: links.length, sections } satisfies Header),
  );
  const start = align8(12 + header.length);
  const out = new Uint8Array(start + at);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, COLUMNAR_VERSION, true);
  view.setUint32(8, header.length, true);
  out.set(header, 12);
  parts.forEach((part, i) => {
    out.set(
      new Uint8Array(part.data.buffer, part.data.byteOffset, part.data.byteLength),
      start + sections[i]!.offset,
    );
  });
  return out;
}

const align8 = (n: number) => (n + 7) & ~7;

/** A columnar buffer opened for reading: the bundle without its records, and its records one at a time. */
export interface ColumnarReader {
  bundle: Omit<Bundle, 'organizations' | 'links'>;
  organizationCount: number;
  /** The organization at `i`, its keys in canonical order. */
  organization(i: number): Organization;
  /** The links as columns (link-split.ts), ready for `linkAt` or to be sent to another thread. */
  links: LinkColumns;
  /** Where the organizations are, without reading them: their coordinates (NaN when absent) and kinds. */
  places: ColumnarPlaces;
}

/** An organization's coordinates and kind as columns (index-aligned with the organizations). */
export interface ColumnarPlaces {
  lat: Float64Array;
  lon: Float64Array;
  /** Position in ORG_KINDS. */
  kind: Uint8Array;
  /** 1 when the organization has a ZIP code or a county (where an address without coordinates is placed). */
  placeable: Uint8Array;
}

/**
 * The whole bundle from its columns, every record read: for a thread that may block (a worker), where the
 * main thread reads a slice at a time instead.
 */
export function bundleFromColumnar(buffer: Uint8Array<ArrayBuffer>, label: string): Result<Bundle> {
  const read = readColumnar(buffer, label);
  if (read.value === null) return { value: null, issues: read.issues };
  const reader = read.value;
  const organizations = new Array<Organization>(reader.organizationCount);
  for (let i = 0; i < organizations.length; i++) organizations[i] = reader.organization(i);
  const links = decodeLinks(reader.links, ownIdsOf(organizations));
  return { value: { ...reader.bundle, organizations, links }, issues: [] };
}

/** A bundle's columns as kept: a Blob (read elsewhere without a copy here) or the bytes. */
export type KeptColumns = Blob | Uint8Array<ArrayBuffer>;

const keptColumns = new WeakMap<Bundle, KeptColumns>();

/**
 * Remembers that `bundle` (left unchanged from now on) is what `columns` hold, so that another thread can be
 * given the columns to read instead of the bundle's records, cloned here.
 */
export function rememberColumnar(bundle: Bundle, columns: KeptColumns): void {
  keptColumns.set(bundle, columns);
}

/** The columns `bundle` was kept as or read from, or undefined. */
export function knownColumnar(bundle: Bundle): KeptColumns | undefined {
  return keptColumns.get(bundle);
}

const keptPlaces = new WeakMap<Bundle, ColumnarPlaces>();

/** Remembers the columns of `bundle`'s organizations' places (read with it from its kept columns). */
export function rememberPlaces(bundle: Bundle, places: ColumnarPlaces): void {
  keptPlaces.set(bundle, places);
}

/** Where `bundle`'s organizations are, as columns, when it was read from kept columns; else undefined. */
export function knownPlaces(bundle: Bundle): ColumnarPlaces | undefined {
  return keptPlaces.get(bundle);
}

/** Why the buffer cannot be read, as the one issue of a failed result. */
class Damaged extends Error {}

/**
 * Opens a buffer `writeColumnar` made. Checks the whole layout first (sections inside the buffer and of the
 * right sizes, every end and index in range), so that reading a record afterwards cannot go wrong.
 */
export function readColumnar(buffer: Uint8Array<ArrayBuffer>, label: string): Result<ColumnarReader> {
  try {
    return { value: openColumnar(buffer), issues: [] };
  } catch (error) {
    if (!(error instanceof Damaged)) throw error;
    const issue: Issue = {
      severity: 'error',
      message: `The copy of "${label}" kept on this device cannot be read (${error.message}). Open the file again to keep a new copy.`,
    };
    return { value: null, issues: [issue] };
  }
}

function openColumnar(given: Uint8Array<ArrayBuffer>): ColumnarReader {
  // Typed arrays are views of the buffer, which needs the sections' alignment: a copy when the bytes are not.
  const buffer = given.byteOffset % 8 === 0 ? given : given.slice();
  const fail = (why: string): never => {
    throw new Damaged(why);
  };
  if (buffer.byteLength < 12) fail('it is too short');
  const view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  if (view.getUint32(0, true) !== MAGIC) fail('it is not a Forgemap columnar file');
  const version = view.getUint32(4, true);
  if (version !== COLUMNAR_VERSION)
    fail(
      `it was written in format version ${version}, and this version of Forgemap reads ${COLUMNAR_VERSION}`,
    );
  const headerLength = view.getUint32(8, true);
  if (12 + headerLength > buffer.byteLength) fail('its header runs past its end');
  let header: Header;
  try {
    header = JSON.parse(new TextDecoder().decode(buffer.subarray(12, 12 + headerLength))) as Header;
  } catch {
    return fail('its header is not readable');
  }
  const { organizations: n, links: linkCount } = header;
  if (
    !Number.isInteger(n) ||
    n < 0 ||
    !Number.isInteger(linkCount) ||
    linkCount < 0 ||
    !Array.isArray(header.sections)
  )
    fail('its header is incomplete');
  const byName = new Map(header.sections.map((s) => [s.name, s]));
  const base = buffer.byteOffset + align8(12 + headerLength);
  const section = <T extends Column>(name: string, type: ArrayType, length: number | null): T => {
    const s = byName.get(name);
    if (s === undefined) return fail(`the section "${name}" is missing`);
    if (s.type !== type || !Number.isInteger(s.offset) || !Number.isInteger(s.length) || s.length < 0)
      return fail(`the section "${name}" is malformed`);
    if (length !== null && s.length !== length) return fail(`the section "${name}" has the wrong length`);
    if (
      s.offset % 8 !== 0 ||
      base - buffer.byteOffset + s.offset + s.length * BYTES[type] > buffer.byteLength
    )
      return fail(`the section "${name}" lies outside the file`);
    const at = base + s.offset;
    switch (type) {
      case 'u8':
      case 'utf8':
        return new Uint8Array(buffer.buffer, at, s.length) as T;
      case 'u16':
        return new Uint16Array(buffer.buffer, at, s.length) as T;
      case 'i32':
        return new Int32Array(buffer.buffer, at, s.length) as T;
      case 'f64':
        return new Float64Array(buffer.buffer, at, s.length) as T;
    }
  };
  /** Ends that rise from 0 to at most `total`. */
  const checkEnds = (name: string, ends: Int32Array, total: number) => {
    let previous = 0;
    for (let i = 0; i < ends.length; i++) {
      const end = ends[i]!;
      if (end < previous || end > total) fail(`the section "${name}" is out of order`);
      previous = end;
    }
  };
  const decoder = new TextDecoder();
  /** A text column of `count` values: its joined string and ends, checked. */
  const text = (name: string, count: number | null): { text: string; ends: Int32Array } => {
    const joined = decoder.decode(section<Uint8Array>(`${name}.text`, 'utf8', null));
    const ends = section<Int32Array>(`${name}.ends`, 'i32', count);
    checkEnds(`${name}.ends`, ends, joined.length);
    return { text: joined, ends };
  };
  const listEnds = (name: string): Int32Array => {
    const ends = section<Int32Array>(`${name}.lists`, 'i32', n);
    const total = n === 0 ? 0 : ends[n - 1]!;
    checkEnds(`${name}.lists`, ends, total);
    return ends;
  };
  const valueAt = (column: { text: string; ends: Int32Array }, i: number): string =>
    column.text.slice(i === 0 ? 0 : column.ends[i - 1]!, column.ends[i]!);

  // One reader per field, in canonical order; each sets its key on the organization being built.
  type Read = (org: Record<string, unknown>, i: number) => void;
  const readers: Read[] = [];
  for (const field of ORGANIZATION_FIELDS) {
    const type: FieldType = FIELD_TYPES[field];
    switch (type) {
      case 'text': {
        const column = text(field, n);
        readers.push((org, i) => (org[field] = valueAt(column, i)));
        break;
      }
      case 'optional-text': {
        const has = section<Uint8Array>(`${field}.has`, 'u8', n);
        const column = text(field, n);
        readers.push((org, i) => {
          if (has[i] === 1) org[field] = valueAt(column, i);
        });
        break;
      }
      case 'kind': {
        const kinds = section<Uint8Array>(field, 'u8', n);
        for (let i = 0; i < n; i++) if (kinds[i]! >= ORG_KINDS.length) fail(`organization ${i} has no kind`);
        readers.push((org, i) => (org[field] = ORG_KINDS[kinds[i]!]));
        break;
      }
      case 'number': {
        const values = section<Float64Array>(field, 'f64', n);
        readers.push((org, i) => {
          const value = values[i]!;
          if (value === value) org[field] = value;
        });
        break;
      }
      case 'list': {
        const ends = listEnds(field);
        const items = text(field, n === 0 ? 0 : ends[n - 1]!);
        readers.push((org, i) => {
          const list: string[] = [];
          for (let k = i === 0 ? 0 : ends[i - 1]!; k < ends[i]!; k++) list.push(valueAt(items, k));
          org[field] = list;
        });
        break;
      }
      case 'needs': {
        const ends = listEnds('needs');
        const count = n === 0 ? 0 : ends[n - 1]!;
        const capability = text('needs.capability', count);
        const value = section<Float64Array>('needs.value', 'f64', count);
        readers.push((org, i) => {
          const needs: Need[] = [];
          for (let k = i === 0 ? 0 : ends[i - 1]!; k < ends[i]!; k++) {
            const need: Need = { capability: valueAt(capability, k) as CapabilityId };
            if (value[k] === value[k]) need.annualValue = value[k]!;
            needs.push(need);
          }
          org[field] = needs;
        });
        break;
      }
    }
  }

  const strings = text('links.strings', null);
  const stringCount = strings.ends.length;
  const links: LinkColumns = {
    count: linkCount,
    strings: Array.from({ length: stringCount }, (_, i) => valueAt(strings, i)),
    source: section<Int32Array>('links.source', 'i32', linkCount),
    target: section<Int32Array>('links.target', 'i32', linkCount),
    kind: section<Uint8Array>('links.kind', 'u8', linkCount),
    capability: section<Int32Array>('links.capability', 'i32', linkCount),
    value: section<Float64Array>('links.value', 'f64', linkCount),
    year: section<Uint16Array>('links.year', 'u16', linkCount),
  };
  for (let i = 0; i < linkCount; i++) {
    const s = links.source[i]!;
    const t = links.target[i]!;
    const c = links.capability[i]!;
    if (s < 0 || s >= stringCount || t < 0 || t >= stringCount || c < -1 || c >= stringCount)
      fail(`link ${i} names an id that is not in the file`);
    if (links.kind[i]! >= LINK_KINDS.length) fail(`link ${i} has no kind`);
  }
  const placeable = new Uint8Array(n);
  const zips = section<Uint8Array>('zip.has', 'u8', n);
  const counties = section<Uint8Array>('county.has', 'u8', n);
  for (let i = 0; i < n; i++) placeable[i] = zips[i]! | counties[i]!;
  return {
    places: {
      lat: section<Float64Array>('lat', 'f64', n),
      lon: section<Float64Array>('lon', 'f64', n),
      kind: section<Uint8Array>('kind', 'u8', n),
      placeable,
    },
    bundle: header.bundle,
    organizationCount: n,
    organization(i) {
      const org = new PlainRecord();
      for (const read of readers) read(org, i);
      return org as unknown as Organization;
    },
    links,
  };
}

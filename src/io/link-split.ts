// Parsing a big bundle on two cores: JSON.parse of a million links takes longer than the budget allows on one
// core, so a helper parses part of the "links" array while the caller parses the rest of the file. The split
// is a guess (found by text search) that is then proved: the caller parses the file with the helper's part
// replaced by one sentinel string (random, so no file holds it), the helper parses its part as an array of its own, and the two agree
// with the whole file exactly when the sentinel comes back as the last element of `links` and the part
// parses as a list of values. Anything else (no "links", an odd layout, a syntax error, an irregular
// link) falls back to one JSON.parse of the whole text, so the result never depends on the guess.
//
// The helper hands its links back as columns (typed arrays and one string table) rather than as objects: the
// structured clone of half a million objects costs as much as parsing them again.
import type { CapabilityId, OrgId } from '../domain/ids.ts';
import type { Link } from '../domain/model.ts';
import { LINK_KINDS } from '../domain/model.ts';
import { runToEnd } from '../domain/steps.ts';
import { fastLink } from './fast-validate.ts';

/** Below this many characters one JSON.parse is fast enough; a helper would only add its start-up time. */
export const SPLIT_MIN_CHARS = 16_000_000;

/** The file with the helper's part cut out, and the part. */
export interface LinkSplit {
  /** The file text with the part replaced by the JSON string `sentinel`. */
  head: string;
  /** A string made up for this split, so no file holds it (128 random bits). */
  sentinel: string;
  /** The links the helper parses: values separated by commas, no brackets. */
  part: string;
}

/** A fresh random string: the file was written before it existed, so the file cannot contain it. */
function freshSentinel(): string {
  const bits = globalThis.crypto.getRandomValues(new Uint32Array(4));
  return `forgemap-split-${Array.from(bits, (n) => n.toString(36)).join('-')}`;
}

// Where a link object may start: after the comma that separates it from the one before.
const ELEMENT_START = /,\s*\{\s*"/g;
// Keys that may follow "links" in a bundle (the canonical export writes them in this order, after it).
const KEYS_AFTER_LINKS = ['"capabilities"', '"regions"'];

/**
 * Cuts the last `share` (0…1) of the "links" array out of `text`, or null when the text is too small, has no
 * "links" key, or no place to cut was found. The cut is a guess; the caller proves it (see the top).
 */
export function planLinkSplit(text: string, share: number, minChars = SPLIT_MIN_CHARS): LinkSplit | null {
  if (text.length < minChars) return null;
  const key = text.indexOf('"links"');
  if (key < 0) return null;
  const end = linksEnd(text, key);
  if (end < 0) return null;
  const from = Math.floor(end - (end - key) * Math.min(Math.max(share, 0), 1));
  ELEMENT_START.lastIndex = Math.max(from, key);
  const start = ELEMENT_START.exec(text);
  if (start === null || start.index >= end) return null;
  const partStart = start.index + 1;
  const sentinel = freshSentinel();
  return {
    sentinel,
    head: `${text.slice(0, partStart)}"${sentinel}"${text.slice(end)}`,
    part: text.slice(partStart, end),
  };
}

/**
 * Just past the "}" that closes the last link, found from the end of the text (a search forward would read
 * the whole list): before the first key that follows "links", or before the end of the document.
 */
function linksEnd(text: string, key: number): number {
  let next = text.length;
  for (const after of KEYS_AFTER_LINKS) {
    const at = text.lastIndexOf(after);
    if (at > key && at < next) next = at;
  }
  let i = next - 1;
  const skip = () => {
    while (i > key && isSpace(text.charCodeAt(i))) i--;
  };
  skip();
  // Before a following key: `],`; at the end of the document: `]}`.
  if (text[i] !== (next === text.length ? '}' : ',')) return -1;
  i--;
  skip();
  if (text[i] !== ']') return -1;
  i--;
  skip();
  return text[i] === '}' ? i + 1 : -1;
}

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/** Links as columns: what a helper sends back for its part (every array can be transferred). */
export interface LinkColumns {
  count: number;
  /** Every distinct source, target and capability id, once. */
  strings: string[];
  source: Int32Array;
  target: Int32Array;
  /** Index into LINK_KINDS. */
  kind: Uint8Array;
  /** Index into `strings`, −1 when the link has no capability. */
  capability: Int32Array;
  /** NaN when the link has no value (JSON has no NaN, so it cannot be one). */
  value: Float64Array;
  /** 0 when the link has no year (valid years are 1900…2100). */
  year: Uint16Array;
}

/** What the helper answers: the columns, or why its part cannot be used (the caller then parses it all). */
export type PartResult = { ok: true; columns: LinkColumns } | { ok: false; reason: string };

const KIND_INDEX = new Map<unknown, number>(LINK_KINDS.map((kind, i) => [kind, i]));

/**
 * The helper's side: parses the part and encodes its links as columns. Only regular links are encoded: ones
 * the fast validator accepts as they are, with their keys in the canonical order (so the objects rebuilt
 * from columns equal what JSON.parse would give, key order included). Any other link fails the part.
 */
export function encodeLinkPart(part: string): PartResult {
  let list: unknown;
  try {
    list = JSON.parse(`[${part}]`);
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
  if (!Array.isArray(list)) return { ok: false, reason: 'not a list' };
  const writer = new ColumnWriter(list.length);
  for (let i = 0; i < list.length; i++) {
    const raw: unknown = list[i];
    if (fastLink(raw) !== raw || !hasCanonicalKeyOrder(raw as Link)) {
      return { ok: false, reason: `link ${i} of the part is not a regular link` };
    }
    writer.set(i, raw as Link);
  }
  return { ok: true, columns: writer.columns };
}

/**
 * Valid links (a loaded bundle's) as columns, to send many of them to another thread: the typed arrays
 * move, and only the distinct ids are copied.
 */
export function encodeLinks(links: readonly Link[]): LinkColumns {
  const writer = new ColumnWriter(links.length);
  for (let i = 0; i < links.length; i++) writer.set(i, links[i] as Link);
  return writer.columns;
}

/** `encodeLinks` a slice at a time (for a thread that must not block): `add` the slices in order. */
export function linkColumnsBuilder(links: readonly Link[]): {
  add(start: number, end: number): void;
  columns: LinkColumns;
} {
  const writer = new ColumnWriter(links.length);
  return {
    add(start, end) {
      for (let i = start; i < end; i++) writer.set(i, links[i] as Link);
    },
    columns: writer.columns,
  };
}

/**
 * The columns of a bundle's links made as a load checks them, without interning each link's ends: the string
 * table opens with the organizations' ids in their order (`orgIds`), so an organization's string index is
 * its position, which the load looks up anyway; other strings (capabilities) follow, each once. Links come
 * parsed as objects (`add`, with their ends' positions) or already encoded by a helper (`addFromPart`:
 * indices copied through a map of the part's strings).
 */
export class LinkColumnsJoin {
  private readonly writer: ColumnWriter;
  private count = 0;
  /** The indices of the capabilities of links added as objects (they are few: no lookup among the ids). */
  private readonly capabilities = new Map<string, number>();
  private part: LinkColumns | null = null;
  /** The part's string indices in the join's table, −1 until first used. */
  private remap = new Int32Array(0);

  /** `positionOf`: an organization's position in `orgIds` by its id, undefined for any other string. */
  constructor(
    capacity: number,
    orgIds: readonly string[],
    private readonly positionOf: (id: string) => number | undefined,
  ) {
    this.writer = new ColumnWriter(capacity);
    const strings = this.writer.columns.strings;
    for (const id of orgIds) strings.push(id);
  }

  /** Appends `link`, whose ends are the organizations at positions `source` and `target`. */
  add(source: number, target: number, link: Link): void {
    const capability = link.capability === undefined ? -1 : this.capabilityIndex(link.capability);
    this.writer.put(this.count++, source, target, capability, link);
  }

  /** Appends link `i` of `part`, whose ends are organizations. */
  addFromPart(part: LinkColumns, i: number): void {
    if (this.part !== part) {
      this.part = part;
      this.remap = new Int32Array(part.strings.length).fill(-1);
    }
    const c = this.writer.columns;
    const n = this.count++;
    c.source[n] = this.fromPart(part.source[i] as number);
    c.target[n] = this.fromPart(part.target[i] as number);
    c.kind[n] = part.kind[i] as number;
    const capability = part.capability[i] as number;
    c.capability[n] = capability < 0 ? -1 : this.fromPart(capability);
    c.value[n] = part.value[i] as number;
    c.year[n] = part.year[i] as number;
  }

  private fromPart(index: number): number {
    let mapped = this.remap[index] as number;
    if (mapped < 0) {
      mapped = this.indexOf((this.part as LinkColumns).strings[index] as string);
      this.remap[index] = mapped;
    }
    return mapped;
  }

  private capabilityIndex(id: string): number {
    let index = this.capabilities.get(id);
    if (index === undefined) {
      index = this.indexOf(id);
      this.capabilities.set(id, index);
    }
    return index;
  }

  /** An organization's id is its position; any other string is added once, after them. */
  private indexOf(s: string): number {
    return this.positionOf(s) ?? this.writer.intern(s);
  }

  /** The columns of the links added, in order (trimmed to their count). */
  finish(): LinkColumns {
    const c = this.writer.columns;
    const n = this.count;
    if (n === c.count) return c;
    return {
      count: n,
      strings: c.strings,
      source: c.source.slice(0, n),
      target: c.target.slice(0, n),
      kind: c.kind.slice(0, n),
      capability: c.capability.slice(0, n),
      value: c.value.slice(0, n),
      year: c.year.slice(0, n),
    };
  }
}

const knownColumns = new WeakMap<readonly Link[], LinkColumns>();

/**
 * Remembers that `links` were decoded from `columns` (left unchanged from now on), so that they can be sent to
 * another thread again without encoding them (`copyOfLinkColumns`).
 */
export function rememberLinkColumns(links: readonly Link[], columns: LinkColumns): void {
  knownColumns.set(links, columns);
}

/** The columns `links` were decoded from, to read (never to change or move), or undefined. */
export function knownLinkColumns(links: readonly Link[]): Readonly<LinkColumns> | undefined {
  const known = knownColumns.get(links);
  return known !== undefined && known.count === links.length ? known : undefined;
}

/** A fresh copy of the columns `links` were decoded from (to be moved to another thread), or null. */
export function copyOfLinkColumns(links: readonly Link[]): LinkColumns | null {
  return runToEnd(copyLinkColumnsSteps(links));
}

/**
 * copyOfLinkColumns as steps, one column each: copying a million-link column takes tens of milliseconds
 * on a slow machine, all of them together a long task.
 */
export function* copyLinkColumnsSteps(links: readonly Link[]): Generator<void, LinkColumns | null, void> {
  const known = knownLinkColumns(links);
  if (known === undefined) return null;
  const strings = known.strings.slice();
  yield;
  const source = known.source.slice();
  yield;
  const target = known.target.slice();
  yield;
  const kind = known.kind.slice();
  const capability = known.capability.slice();
  yield;
  const value = known.value.slice();
  yield;
  const year = known.year.slice();
  return { count: known.count, strings, source, target, kind, capability, value, year };
}

/** The links of `columns` as objects, with ids taken from `ownIds` where it has them (see below). */
export function decodeLinks(columns: LinkColumns, ownIds?: ReadonlyMap<string, string>): Link[] {
  // The organizations' own id strings: the columns' copies are equal but separate strings, which would make
  // every later lookup by id compare characters.
  if (ownIds !== undefined) columns.strings = columns.strings.map((s) => ownIds.get(s) ?? s);
  const links: Link[] = [];
  for (let i = 0; i < columns.count; i++) links.push(linkAt(columns, i));
  return links;
}

/** Each organization's id mapped to itself, for `decodeLinks`. */
export function ownIdsOf(organizations: readonly { id: string }[]): Map<string, string> {
  const ids = new Map<string, string>();
  for (const org of organizations) ids.set(org.id, org.id);
  return ids;
}

/** The link at `i` of the columns, as JSON.parse makes it from the canonical text (keys in that order). */
export function linkAt(columns: LinkColumns, i: number): Link {
  const { strings } = columns;
  const source = strings[columns.source[i] as number] as OrgId;
  const target = strings[columns.target[i] as number] as OrgId;
  const kind = LINK_KINDS[columns.kind[i] as number] ?? 'supplies';
  const c = columns.capability[i] as number;
  const value = columns.value[i] as number;
  const year = columns.year[i] as number;
  const hasValue = value === value;
  const hasYear = year !== 0;
  // One literal per set of fields, all keys at once: V8 keeps them inside the object. Added one by one, the
  // optional ones go to a second allocation per link (a million links: ~40% slower to make, 15% more memory).
  if (c >= 0) {
    const capability = strings[c] as CapabilityId;
    if (hasValue)
      return hasYear
        ? { source, target, kind, capability, value, year }
        : { source, target, kind, capability, value };
    return hasYear ? { source, target, kind, capability, year } : { source, target, kind, capability };
  }
  if (hasValue) return hasYear ? { source, target, kind, value, year } : { source, target, kind, value };
  return hasYear ? { source, target, kind, year } : { source, target, kind };
}

class ColumnWriter {
  readonly columns: LinkColumns;
  private readonly ids = new Map<string, number>();

  constructor(count: number) {
    this.columns = {
      count,
      strings: [],
      source: new Int32Array(count),
      target: new Int32Array(count),
      kind: new Uint8Array(count),
      capability: new Int32Array(count),
      value: new Float64Array(count),
      year: new Uint16Array(count),
    };
  }

  intern(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.columns.strings.length;
      this.columns.strings.push(s);
      this.ids.set(s, id);
    }
    return id;
  }

  set(i: number, link: Link): void {
    const capability = link.capability === undefined ? -1 : this.intern(link.capability);
    this.put(i, this.intern(link.source), this.intern(link.target), capability, link);
  }

  /** Writes link `i` with its strings' indices already found; its other fields from `link`. */
  put(i: number, source: number, target: number, capability: number, link: Link): void {
    const c = this.columns;
    c.source[i] = source;
    c.target[i] = target;
    c.kind[i] = KIND_INDEX.get(link.kind) ?? 0;
    c.capability[i] = capability;
    c.value[i] = link.value ?? Number.NaN;
    c.year[i] = link.year ?? 0;
  }
}

const LINK_KEY_ORDER = ['source', 'target', 'kind', 'capability', 'value', 'year'];

function hasCanonicalKeyOrder(link: Link): boolean {
  let next = 0;
  for (const key in link) {
    while (next < LINK_KEY_ORDER.length && LINK_KEY_ORDER[next] !== key) next++;
    if (next === LINK_KEY_ORDER.length) return false;
    next++;
  }
  return true;
}

/** The distinct years of the links of `columns` (0: no year), ascending: linkYears of their links. */
export function columnYears(columns: Pick<LinkColumns, 'count' | 'year'>): number[] {
  const seen = new Uint8Array(65_536);
  const { year, count } = columns;
  for (let i = 0; i < count; i++) seen[year[i] as number] = 1;
  const years: number[] = [];
  for (let y = 1; y < seen.length; y++) if (seen[y] === 1) years.push(y);
  return years;
}

/** The transferable buffers of a columns object, for postMessage. */
export function columnBuffers(columns: LinkColumns): ArrayBuffer[] {
  return [columns.source, columns.target, columns.kind, columns.capability, columns.value, columns.year].map(
    (array) => array.buffer as ArrayBuffer,
  );
}

/**
 * Parses a part in a helper (a worker): answers `ok: false`, or rejects, when it cannot. `ready`, where
 * given, starts the helper and settles once it answers: a worker started from a worker gets going only
 * while its parent's thread is free, so the parent waits for it before a long parse of its own.
 */
export type PartParser = ((part: string) => Promise<PartResult>) & { ready?: () => Promise<void> };

/** Share of the links the helper parses; this thread parses everything else and checks it meanwhile. */
export const HELPER_SHARE = 0.6;

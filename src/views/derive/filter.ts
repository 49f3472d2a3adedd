// Which organizations and links pass the filters (kinds, capabilities, certifications, minimum link value)
// and are not removed by a what-if. A per-bundle index is built once, in two stages: the organizations'
// table (their kinds, all a first picture needs, and their ids' index, built when first used), then the
// capability and certification lists (a few hundred ms at 100k orgs / 1M links); each filter change is
// then a few passes over typed arrays.
import { LINK_KINDS, ORG_KINDS, noKinds } from '../../domain/model.ts';
import { linkColumnsOf, linkCount } from '../../io/deferred-links.ts';
import type { LinkColumns } from '../../io/link-split.ts';
import type { Bundle, KindCounts, Link, OrgKind } from '../../domain/model.ts';
import type { Filters } from '../../state/route.ts';
import { runToEnd } from '../../domain/steps.ts';
import { runSliced } from '../../workers/sliced.ts';
import { OrgIndex } from './org-index.ts';

/** Link kinds that carry goods and services (DESIGN.md §3); supplying a capability on one counts as offering it. */
const SUPPLY_KINDS: ReadonlySet<string> = new Set(['supplies', 'subcontract']);

/** Inverted lists as CSR: key k lists `items[start[k] .. start[k+1])`, each organization once. */
export interface Postings {
  readonly keys: readonly string[];
  readonly keyIndex: ReadonlyMap<string, number>;
  readonly start: Int32Array;
  readonly items: Int32Array;
}

/** The organizations as the views index them: the index's first, cheap stage. */
export interface OrgTable {
  readonly bundle: Bundle;
  readonly orgCount: number;
  /** Organization id → index in bundle.organizations (the last one wins), built when first used (OrgIndex). */
  readonly orgIndex: OrgIndex;
  /** Position of each organization's kind in ORG_KINDS. */
  readonly kind: Uint8Array;
}

export interface FilterIndex extends OrgTable {
  /** Capability → organizations that offer it (`capabilities` ∪ `naics`) or supply it on a supply link. */
  readonly capabilities: Postings;
  /** Certification → organizations that hold it. */
  readonly certifications: Postings;
}

/** Per bundle link (index-aligned with bundle.links): endpoints' indices (-1 when unknown) and value (NaN when none). */
export interface LinkArrays {
  readonly source: Int32Array;
  readonly target: Int32Array;
  readonly value: Float64Array;
}

const KIND_INDEX = new Map<string, number>(ORG_KINDS.map((kind, i) => [kind, i]));

/** The value cached for `key`, built by `build` and cached on the first call. */
function cachedIn<K extends object, V>(cache: WeakMap<K, V>, key: K, build: () => V): V {
  let value = cache.get(key);
  if (value === undefined) {
    value = build();
    cache.set(key, value);
  }
  return value;
}

/** Bundles are never changed once loaded, so every panel and view asking for the same bundle shares one index. */
const indexes = new WeakMap<Bundle, FilterIndex>();
const tables = new WeakMap<Bundle, OrgTable>();

/** The organizations' table of a bundle (the filter index's first stage), built on the first call and cached. */
export function orgTableOf(bundle: Bundle): OrgTable {
  return indexes.get(bundle) ?? cachedIn(tables, bundle, () => runToEnd(tableSteps(bundle)));
}

/**
 * The filter index of a bundle, built on the first call and cached for later ones. With 1M links the first
 * build takes a few hundred ms (hashing every link's supplier id); `prepareFilterIndex` does the same work
 * in slices that leave the main thread free.
 */
export function createFilterIndex(bundle: Bundle): FilterIndex {
  return cachedIn(indexes, bundle, () => runToEnd(postingSteps(orgTableOf(bundle))));
}

export interface PrepareOptions {
  signal?: AbortSignal | undefined;
  sliceMs?: number | undefined;
}

/**
 * Builds and caches the organizations' table in slices of about `sliceMs` each (see prepareFilterIndex).
 * Resolves with the table (the whole index when that is built already).
 */
export async function prepareOrgTable(bundle: Bundle, options: PrepareOptions = {}): Promise<OrgTable> {
  const known = indexes.get(bundle) ?? tables.get(bundle);
  if (known !== undefined) return known;
  const built = await runSliced(tableSteps(bundle), options.sliceMs ?? 30, options.signal);
  // Another caller may have built it synchronously meanwhile: keep the first, so identities stay stable.
  const table = indexes.get(bundle) ?? tables.get(bundle) ?? built;
  tables.set(bundle, table);
  return table;
}

/**
 * Builds and caches the filter index in slices of about `sliceMs` each, yielding to the event loop between
 * them (no main-thread task much over the slice). Resolves with the index; rejects with an AbortError when
 * the signal fires first.
 */
export async function prepareFilterIndex(
  bundle: Bundle,
  options: PrepareOptions & {
    /** Also build the link arrays that visibleLinkMask uses. */
    links?: boolean | undefined;
  } = {},
): Promise<FilterIndex> {
  const sliceMs = options.sliceMs ?? 30;
  let index = indexes.get(bundle);
  if (index === undefined) {
    const table = await prepareOrgTable(bundle, options);
    const built = indexes.get(bundle) ?? (await runSliced(postingSteps(table), sliceMs, options.signal));
    index = indexes.get(bundle) ?? built;
    indexes.set(bundle, index);
  }
  if (options.links === true && !linkArrays.has(index)) {
    const arrays = await runSliced(linkSteps(index), sliceMs, options.signal);
    if (!linkArrays.has(index)) linkArrays.set(index, arrays);
  }
  return index;
}

/** Items processed between two checks of the clock in the sliced build. */
const STEP = 4096;
/** Pairs sorted between two yields of a postings build (a pass over them is cheaper than over records). */
const PAIR_STEP = 65_536;

function* tableSteps(bundle: Bundle): Generator<void, OrgTable, void> {
  const orgs = bundle.organizations;
  const orgCount = orgs.length;
  const kind = new Uint8Array(orgCount);
  for (let i = 0; i < orgCount; i++) {
    kind[i] = KIND_INDEX.get(orgs[i]!.kind) ?? 0;
    if (i % (STEP * 4) === STEP * 4 - 1) yield;
  }
  return { bundle, orgCount, orgIndex: new OrgIndex(orgs), kind };
}

function* postingSteps(table: OrgTable): Generator<void, FilterIndex, void> {
  const { bundle, orgCount, orgIndex } = table;
  // Links are looked up by id below: the ids' index first, in slices.
  yield* orgIndex.buildSteps();
  const orgs = bundle.organizations;
  const capabilities = new PostingsBuilder();
  const certifications = new PostingsBuilder();
  for (let i = 0; i < orgCount; i++) {
    const org = orgs[i]!;
    for (const id of org.capabilities) capabilities.add(id, i);
    for (const code of org.naics) capabilities.add(code, i);
    for (const name of org.certifications) certifications.add(name, i);
    if (i % STEP === STEP - 1) yield;
  }

  // A link without its own capability carries the supplier's primary NAICS, which the supplier already
  // offers through `naics`: only an explicit capability adds anything.
  // Links read from kept columns (a dataset reopened on this device, its link objects perhaps not made
  // yet: deferred-links.ts): the ids are looked up once per distinct id instead of once per link.
  const columns = linkColumnsOf(bundle);
  if (columns !== undefined) {
    const orgOf = columnOrgs(columns, orgIndex);
    const supplyKind = LINK_KINDS.map((kind) => SUPPLY_KINDS.has(kind));
    for (let l = 0; l < columns.count; l++) {
      if (l % STEP === STEP - 1) yield;
      const c = columns.capability[l]!;
      if (c < 0 || !supplyKind[columns.kind[l]!]) continue;
      const s = orgOf[columns.source[l]!]!;
      if (s >= 0) capabilities.add(columns.strings[c]!, s);
    }
  } else {
    const links = bundle.links;
    for (let l = 0; l < links.length; l++) {
      if (l % STEP === STEP - 1) yield;
      const link = links[l]!;
      if (link.capability === undefined || !SUPPLY_KINDS.has(link.kind)) continue;
      const s = orgIndex.get(link.source);
      if (s !== undefined) capabilities.add(link.capability, s);
    }
  }
  yield;
  const capabilityPostings = yield* capabilities.buildSteps(orgCount);
  yield;
  return {
    ...table,
    capabilities: capabilityPostings,
    certifications: yield* certifications.buildSteps(orgCount),
  };
}

/** For each id of the link columns' string table, its organization's index, or −1. */
function columnOrgs(columns: Readonly<LinkColumns>, orgIndex: ReadonlyMap<string, number>): Int32Array {
  const out = new Int32Array(columns.strings.length);
  columns.strings.forEach((id, k) => (out[k] = orgIndex.get(id) ?? -1));
  return out;
}

const linkArrays = new WeakMap<FilterIndex, LinkArrays>();

/**
 * The links as typed arrays, built on first use: only views that draw links need them, and the lookups of
 * both endpoints cost more than the rest of the index (prepareFilterIndex with `links: true` slices it).
 */
export function linkArraysOf(index: FilterIndex): LinkArrays {
  return cachedIn(linkArrays, index, () => runToEnd(linkSteps(index)));
}

/** The link arrays of a bundle if some caller has already built them, else undefined (never builds). */
export function builtLinkArrays(bundle: Bundle): LinkArrays | undefined {
  const index = indexes.get(bundle);
  return index === undefined ? undefined : linkArrays.get(index);
}

function* linkSteps(index: FilterIndex): Generator<void, LinkArrays, void> {
  const count = linkCount(index.bundle);
  const source = new Int32Array(count);
  const target = new Int32Array(count);
  const value = new Float64Array(count);
  const columns = linkColumnsOf(index.bundle);
  if (columns !== undefined) {
    // From kept columns: one lookup per distinct id, then typed arrays only.
    const orgOf = columnOrgs(columns, index.orgIndex);
    for (let l = 0; l < count; l++) {
      source[l] = orgOf[columns.source[l]!]!;
      target[l] = orgOf[columns.target[l]!]!;
      value[l] = columns.value[l]!;
      if (l % (STEP * 16) === STEP * 16 - 1) yield;
    }
    return { source, target, value };
  }
  const links = index.bundle.links;
  for (let l = 0; l < count; l++) {
    const link = links[l]!;
    source[l] = index.orgIndex.get(link.source) ?? -1;
    target[l] = index.orgIndex.get(link.target) ?? -1;
    value[l] = link.value ?? Number.NaN;
    if (l % STEP === STEP - 1) yield;
  }
  return { source, target, value };
}

/** Whether `filters` choose capabilities or certifications, which the index's second stage answers. */
export function needsPostings(filters: Pick<Filters, 'capabilities' | 'certifications'>): boolean {
  return filters.capabilities.length > 0 || filters.certifications.length > 0;
}

/**
 * 1 for each organization (index-aligned with bundle.organizations) whose kind is in `filters.kinds`, that
 * offers or supplies any of `filters.capabilities`, holds any of `filters.certifications` (an empty list
 * lets everything through) and is not in `removed`. `minValue` filters links, not organizations. The
 * organizations' table is enough when the filters choose no capability or certification (needsPostings).
 */
export function visibleMask(
  index: OrgTable | FilterIndex,
  filters: Filters,
  removed: readonly string[],
): Uint8Array {
  if (needsPostings(filters) && !('capabilities' in index))
    throw new Error(
      'A capability or certification filter needs the whole filter index (prepareFilterIndex).',
    );
  const postings = 'capabilities' in index ? index : null;
  const n = index.orgCount;
  const kindAllowed = new Uint8Array(ORG_KINDS.length);
  if (filters.kinds.length === 0) kindAllowed.fill(1);
  for (const kind of filters.kinds) {
    const k = KIND_INDEX.get(kind);
    if (k !== undefined) kindAllowed[k] = 1;
  }
  const capabilityMark =
    filters.capabilities.length === 0 || postings === null
      ? null
      : mark(postings.capabilities, filters.capabilities, n);
  const certificationMark =
    filters.certifications.length === 0 || postings === null
      ? null
      : mark(postings.certifications, filters.certifications, n);

  const out = new Uint8Array(n);
  const kind = index.kind;
  for (let i = 0; i < n; i++) {
    out[i] =
      kindAllowed[kind[i]!]! &
      (capabilityMark === null ? 1 : capabilityMark[i]!) &
      (certificationMark === null ? 1 : certificationMark[i]!);
  }
  for (const id of removed) {
    const i = index.orgIndex.get(id);
    if (i !== undefined) out[i] = 0;
  }
  return out;
}

/**
 * True when a link is at least `filters.minValue` USD/yr. With a minimum set, a link without a value is
 * hidden: nothing says it reaches the minimum.
 */
export function linkPasses(link: Pick<Link, 'value'>, filters: Pick<Filters, 'minValue'>): boolean {
  return valuePasses(link.value ?? Number.NaN, filters.minValue);
}

/** 1 for each bundle link (index-aligned) that passes `linkPasses` and whose two ends are visible. */
export function visibleLinkMask(
  index: FilterIndex,
  filters: Pick<Filters, 'minValue'>,
  visible: Uint8Array,
): Uint8Array {
  const { source: linkSource, target: linkTarget, value: linkValue } = linkArraysOf(index);
  const out = new Uint8Array(linkSource.length);
  const min = filters.minValue;
  for (let l = 0; l < out.length; l++) {
    const s = linkSource[l]!;
    const t = linkTarget[l]!;
    if (s < 0 || t < 0 || visible[s] !== 1 || visible[t] !== 1) continue;
    if (valuePasses(linkValue[l]!, min)) out[l] = 1;
  }
  return out;
}

/** How many organizations of each kind a mask (index-aligned) holds, from the table's kind array. */
export function countMaskKinds(index: OrgTable, mask: Uint8Array): KindCounts {
  // Counted by kind number, then named: a keyed count per organization is a slow lookup before V8 has
  // optimized this loop (it runs once per filter change, over every organization).
  const byKind = new Float64Array(ORG_KINDS.length);
  const kind = index.kind;
  for (let i = 0; i < mask.length; i++) if (mask[i] === 1) byKind[kind[i]!]!++;
  const counts = noKinds();
  ORG_KINDS.forEach((name, k) => (counts[name] = byKind[k]!));
  return counts;
}

/** Number of 1s in a mask. */
export function countVisible(mask: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < mask.length; i++) n += mask[i]!;
  return n;
}

/** The kinds a filter shows: all of them when the list is empty. */
export function shownKinds(filters: Pick<Filters, 'kinds'>): readonly OrgKind[] {
  return filters.kinds.length === 0 ? ORG_KINDS : filters.kinds;
}

function valuePasses(value: number, min: number): boolean {
  // NaN (no value) fails every comparison, so it only passes when no minimum is set.
  return min <= 0 || value >= min;
}

function mark(postings: Postings, keys: readonly string[], n: number): Uint8Array {
  const out = new Uint8Array(n);
  for (const key of keys) {
    const k = postings.keyIndex.get(key);
    if (k === undefined) continue;
    for (let p = postings.start[k]!; p < postings.start[k + 1]!; p++) out[postings.items[p]!] = 1;
  }
  return out;
}

/** Collects (key, org) pairs, then groups them by key with a counting sort and drops repeated pairs. */
class PostingsBuilder {
  private readonly keys: string[] = [];
  private readonly keyIndex = new Map<string, number>();
  private pairKeys: number[] = [];
  private pairOrgs: number[] = [];

  add(key: string, org: number): void {
    let k = this.keyIndex.get(key);
    if (k === undefined) {
      k = this.keys.length;
      this.keys.push(key);
      this.keyIndex.set(key, k);
    }
    this.pairKeys.push(k);
    this.pairOrgs.push(org);
  }

  /** The postings, built in steps (a million links make a million pairs: ~40–60 ms in one go). */
  *buildSteps(orgCount: number): Generator<void, Postings, void> {
    const keyCount = this.keys.length;
    const pairs = this.pairKeys.length;
    const start = new Int32Array(keyCount + 1);
    for (let p = 0; p < pairs; p++) {
      start[this.pairKeys[p]! + 1]!++;
      if (p % PAIR_STEP === PAIR_STEP - 1) yield;
    }
    for (let k = 0; k < keyCount; k++) start[k + 1]! += start[k]!;
    const cursor = start.slice(0, keyCount);
    const sorted = new Int32Array(pairs);
    for (let p = 0; p < pairs; p++) {
      sorted[cursor[this.pairKeys[p]!]!++] = this.pairOrgs[p]!;
      if (p % PAIR_STEP === PAIR_STEP - 1) yield;
    }

    // Deduplicate within each key: `seenFor[org]` holds the last key (plus one) the organization was kept for.
    const seenFor = new Int32Array(orgCount);
    const items = new Int32Array(pairs);
    const dedupedStart = new Int32Array(keyCount + 1);
    let w = 0;
    let done = 0;
    for (let k = 0; k < keyCount; k++) {
      for (let p = start[k]!; p < start[k + 1]!; p++) {
        const org = sorted[p]!;
        if (seenFor[org] === k + 1) continue;
        seenFor[org] = k + 1;
        items[w++] = org;
      }
      dedupedStart[k + 1] = w;
      done += start[k + 1]! - start[k]!;
      if (done >= PAIR_STEP) {
        done = 0;
        yield;
      }
    }
    this.pairKeys = [];
    this.pairOrgs = [];
    return { keys: this.keys, keyIndex: this.keyIndex, start: dedupedStart, items: items.slice(0, w) };
  }
}

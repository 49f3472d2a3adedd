// Loads a bundle from parsed JSON: migrate, validate every record on its own, then check references
// between records. Never throws on user data; a bad record is rejected and reported with its path.
import type { z } from 'zod';
import type { Bundle, Capability, Link, Organization, Region } from '../domain/model.ts';
import { BUNDLE_FORMAT, BUNDLE_KEYS, BUNDLE_VERSION } from '../domain/model.ts';
import { isNaicsCode } from '../domain/ids.ts';
import { describeValue } from './describe-value.ts';
import {
  capabilitySchema,
  linkSchema,
  metaSchema,
  organizationSchema,
  regionSchema,
} from './bundle-schema.ts';
import type { Issue, Result } from '../domain/issues.ts';
import { formatPath } from '../domain/issues.ts';
import { isPlainObject, migrateBundle } from './migrate.ts';
import { fastLink, fastOrganization, isSixDigits } from './fast-validate.ts';
import type { LinkColumns } from './link-split.ts';
import { LinkColumnsJoin, linkAt, ownIdsOf, rememberLinkColumns } from './link-split.ts';

export interface LoadOptions {
  /** Region ids known outside the bundle (the shipped reference regions), for checking `homeRegion`. */
  knownRegionIds?: ReadonlySet<string>;
  /** Stop listing issues of one kind after this many (the count is still reported). */
  maxIssuesPerKind?: number;
}

const TOP_LEVEL_KEYS: ReadonlySet<string> = new Set(BUNDLE_KEYS);

export function loadBundle(raw: unknown, options: LoadOptions = {}): Result<Bundle> {
  return startBundleLoad(raw, options).finish();
}

/**
 * A load in two steps, for a bundle whose links arrive in two parts (link-split.ts): `startBundleLoad`
 * checks every record of `raw`; `addLinks` appends links a helper already checked record by record; `finish`
 * checks the references between records. Issues come out in the same order as from `loadBundle` of the whole.
 */
export interface BundleLoad {
  /** Appends links after those of `raw`; each must be one `fastLink` accepts as it is. */
  addLinks(columns: LinkColumns): void;
  finish(): Result<Bundle>;
}

export function startBundleLoad(raw: unknown, options: LoadOptions = {}): BundleLoad {
  const failed = (result: Result<Bundle>): BundleLoad => ({ addLinks: () => {}, finish: () => result });
  const migrated = migrateBundle(raw);
  if (migrated.value === null) return failed({ value: null, issues: migrated.issues });
  const doc = migrated.value;
  const issues = new IssueCollector(options.maxIssuesPerKind ?? 200);
  issues.addAll(migrated.issues);

  for (const key of Object.keys(doc)) {
    if (!TOP_LEVEL_KEYS.has(key))
      issues.add('unknown-key', {
        severity: 'warning',
        path: key,
        message: `Unknown field "${key}" was ignored.`,
      });
  }

  const meta = metaSchema.safeParse(doc.meta, { reportInput: true });
  if (!meta.success) {
    issues.addZod(meta.error, ['meta']);
    return failed({
      value: null,
      issues: [
        ...issues.list(),
        {
          severity: 'error',
          path: 'meta',
          message: 'The bundle cannot be opened without a valid "meta" section.',
        },
      ],
    });
  }

  const organizations = parseRecords(
    doc,
    'organizations',
    organizationSchema,
    issues,
    true,
    fastOrganization,
  );
  const links = parseRecords(doc, 'links', linkSchema, issues, true, fastLink);
  const capabilities = parseRecords(doc, 'capabilities', capabilitySchema, issues, false);
  const regions = parseRecords(doc, 'regions', regionSchema, issues, false);
  if (organizations === null || links === null || capabilities === null || regions === null) {
    return failed({ value: null, issues: issues.list() });
  }

  const orgs = uniqueById(organizations, 'organizations', 'organization', issues);
  const caps = uniqueById(capabilities, 'capabilities', 'capability', issues);
  const regs = uniqueById(regions, 'regions', 'region', issues);
  const capIds: ReadonlySet<string> = new Set<string>(caps.ids.keys());
  const rawLinks = rawLength(doc, 'links');
  const parts: LinkColumns[] = [];

  const finish = (): Result<Bundle> => {
    const kept = checkLinkReferences(links, rawLinks, parts, orgs, capIds, issues);
    checkOrganizations(orgs, capIds, issues);
    const home = meta.data.homeRegion;
    if (home !== undefined && !regs.ids.has(home) && !(options.knownRegionIds?.has(home) ?? false)) {
      issues.add('unknown-home-region', {
        severity: 'warning',
        path: 'meta.homeRegion',
        message: `Home region "${home}" is neither in this bundle nor a known region; no home region is set.`,
      });
    }
    const bundle: Bundle = {
      format: BUNDLE_FORMAT,
      version: BUNDLE_VERSION,
      meta: meta.data,
      organizations: orgs.records,
      links: kept,
      capabilities: caps.records,
      regions: regs.records,
    };
    return { value: bundle, issues: issues.list() };
  };
  return { addLinks: (columns) => parts.push(columns), finish };
}

function rawLength(doc: Record<string, unknown>, key: string): number {
  const list = doc[key];
  return Array.isArray(list) ? list.length : 0;
}

function linkUnknownOrg(index: number, missing: readonly string[]): Issue {
  return {
    severity: 'error',
    path: `links[${index}]`,
    message: `Link rejected: it names ${missing.map((id) => `"${id}"`).join(' and ')}, which is not an organization in this bundle.`,
  };
}

function selfLink(index: number, id: string): Issue {
  return {
    severity: 'warning',
    path: `links[${index}]`,
    message: `Link from "${id}" to itself is kept, but the network analysis (tiers, critical suppliers) ignores it.`,
  };
}

/**
 * Keeps the links whose ends are organizations of the bundle: first the parsed ones, then those of `parts`
 * (file index from `rawCount` on), whose ids are checked once per distinct string of each part's table.
 * With parts (a big bundle, to be sent to another thread), the kept links' columns are made meanwhile and
 * remembered with them (rememberLinkColumns): the parts' links are never encoded one by one again.
 */
function checkLinkReferences(
  links: Kept<Link>,
  rawCount: number,
  parts: readonly LinkColumns[],
  orgs: Kept<Organization> & { ids: ReadonlyMap<string, number> },
  capIds: ReadonlySet<string>,
  issues: IssueCollector,
): Link[] {
  const orgIds = orgs.ids;
  const linkRecords = links.records;
  // An organization's position among those kept, from its index in the file.
  const positions = filePositions(orgs);
  const at = (index: number) => (positions === null ? index : (positions[index] as number));
  const join =
    parts.length === 0
      ? null
      : new LinkColumnsJoin(
          parts.reduce((sum, part) => sum + part.count, linkRecords.length),
          orgs.records.map((org) => org.id),
          (id) => {
            const index = orgIds.get(id);
            return index === undefined ? undefined : at(index);
          },
        );
  // The parsed list is kept as it is unless a link is rejected here (then the rest is copied over).
  let keptLinks: Link[] | null = null;
  for (let i = 0; i < linkRecords.length; i++) {
    const link = linkRecords[i] as Link;
    const from = orgIds.get(link.source);
    const to = orgIds.get(link.target);
    // The path is spelled out only for an issue: a million template strings cost more than the checks.
    if (from === undefined || to === undefined) {
      const missing = [link.source, link.target].filter((id) => !orgIds.has(id));
      issues.add('link-unknown-org', linkUnknownOrg(links.indexOf(i), missing));
      keptLinks ??= linkRecords.slice(0, i);
      continue;
    }
    if (link.source === link.target) issues.add('self-link', selfLink(links.indexOf(i), link.source));
    if (needsLabel(link.capability, capIds))
      checkCapability(link.capability, `links[${links.indexOf(i)}].capability`, capIds, issues);
    keptLinks?.push(link);
    join?.add(at(from), at(to), link);
  }
  const out = keptLinks ?? linkRecords;
  if (parts.length === 0) return out;
  // A part's links take their ids from the organizations' own strings: the helper's copies are equal but
  // separate strings, which make every later lookup by id (graph building, tiers) compare characters.
  const ownId = ownIdsOf(orgs.records);
  let offset = rawCount;
  for (const part of parts) {
    const { strings, source, target, capability } = part;
    const isOrg = new Uint8Array(strings.length);
    const unlabelled = new Uint8Array(strings.length);
    for (let s = 0; s < strings.length; s++) {
      const id = strings[s] as string;
      const own = ownId.get(id);
      if (own !== undefined) strings[s] = own;
      isOrg[s] = own !== undefined ? 1 : 0;
      unlabelled[s] = needsLabel(id, capIds) ? 1 : 0;
    }
    for (let i = 0; i < part.count; i++) {
      const from = source[i] as number;
      const to = target[i] as number;
      if (isOrg[from] === 0 || isOrg[to] === 0) {
        const missing = [strings[from], strings[to]].filter((id) => id !== undefined && !orgIds.has(id));
        issues.add('link-unknown-org', linkUnknownOrg(offset + i, missing as string[]));
        continue;
      }
      const link = linkAt(part, i);
      const c = capability[i] as number;
      // One string table per part: equal ids have equal indices.
      if (from === to) issues.add('self-link', selfLink(offset + i, link.source));
      if (c >= 0 && unlabelled[c] === 1)
        checkCapability(link.capability, `links[${offset + i}].capability`, capIds, issues);
      out.push(link);
      join?.addFromPart(part, i);
    }
    offset += part.count;
  }
  if (join !== null) rememberLinkColumns(out, join.finish());
  return out;
}

/** Each kept record's position by its index in the file, or null when every record was kept (the same). */
function filePositions(kept: Kept<unknown>): Int32Array | null {
  const count = kept.records.length;
  if (count === 0 || kept.indexOf(count - 1) === count - 1) return null;
  const positions = new Int32Array(kept.indexOf(count - 1) + 1).fill(-1);
  for (let i = 0; i < count; i++) positions[kept.indexOf(i)] = i;
  return positions;
}

function checkOrganizations(orgs: Kept<Organization>, capIds: ReadonlySet<string>, issues: IssueCollector) {
  for (let i = 0; i < orgs.records.length; i++) {
    const org = orgs.records[i] as Organization;
    const path = `organizations[${orgs.indexOf(i)}]`;
    if ((org.lat === undefined) !== (org.lon === undefined)) {
      issues.add('half-coordinate', {
        severity: 'warning',
        path,
        message: `"${org.name}" has ${org.lat === undefined ? 'a longitude but no latitude' : 'a latitude but no longitude'}; its position will come from county or ZIP.`,
      });
    }
    checkCapabilities(org.capabilities, `${path}.capabilities`, capIds, issues);
    checkCapabilities(org.trains, `${path}.trains`, capIds, issues);
    for (let n = 0; n < org.needs.length; n++) {
      const id = org.needs[n]?.capability;
      if (needsLabel(id, capIds)) checkCapability(id, `${path}.needs[${n}].capability`, capIds, issues);
    }
    if (org.trains.length > 0 && org.kind !== 'training') {
      issues.add('trains-not-training', {
        severity: 'info',
        path: `${path}.trains`,
        message: `"${org.name}" lists skills it trains for but its kind is "${org.kind}", not "training"; the workforce rule only counts training organizations.`,
      });
    }
  }
}

/** Records kept from a list, and where each stood in the file (for issue paths). */
class Kept<T> {
  readonly records: T[] = [];
  /** File index of each kept record; null while every record so far was kept (index = position). */
  private indices: number[] | null = null;

  push(record: T, index: number): void {
    if (this.indices === null && index !== this.records.length) {
      this.indices = Array.from(this.records, (_, i) => i);
    }
    this.records.push(record);
    this.indices?.push(index);
  }

  indexOf(position: number): number {
    return this.indices === null ? position : (this.indices[position] ?? position);
  }
}

function parseRecords<S extends z.ZodType>(
  doc: Record<string, unknown>,
  key: string,
  schema: S,
  issues: IssueCollector,
  required: boolean,
  fast?: (raw: unknown) => z.output<S> | null,
): Kept<z.output<S>> | null {
  const raw = doc[key];
  const out = new Kept<z.output<S>>();
  if (raw === undefined && !required) return out;
  if (!Array.isArray(raw)) {
    issues.add('not-a-list', {
      severity: 'error',
      path: key,
      message: `"${key}" must be a list, found ${describeValue(raw)}.`,
    });
    return null;
  }
  const noun = key.replace(/s$/, '').replace(/ie$/, 'y');
  for (let index = 0; index < raw.length; index++) {
    const item: unknown = raw[index];
    // The fast path and zod without reportInput are for the common case of a valid record; only a
    // rejected record pays for zod's detailed report (several times slower on millions of links).
    const record = fast?.(item) ?? null;
    // The fast path hands back the parsed object itself only when it has no field the schema lacks.
    if (record !== null && record === item) {
      out.push(record, index);
      continue;
    }
    const parsed = record === null ? schema.safeParse(item) : null;
    if (record !== null || parsed?.success === true) {
      out.push(record ?? (parsed?.data as z.output<S>), index);
      if (isPlainObject(item)) reportUnknownKeys(item, schema, key, index, issues);
    } else {
      const detailed = schema.safeParse(item, { reportInput: true });
      if (!detailed.success)
        issues.addZod(detailed.error, [key, index], `The ${noun} at ${key}[${index}] was rejected: `);
    }
  }
  return out;
}

const knownKeysCache = new WeakMap<z.ZodType, Set<string>>();
function reportUnknownKeys(
  item: Record<string, unknown>,
  schema: z.ZodType,
  key: string,
  index: number,
  issues: IssueCollector,
) {
  let known = knownKeysCache.get(schema);
  if (known === undefined) {
    const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape;
    known = new Set(shape === undefined ? [] : Object.keys(shape));
    knownKeysCache.set(schema, known);
  }
  // for…in allocates no key array; JSON objects have no inherited enumerable keys to skip.
  for (const field in item) {
    if (!known.has(field)) {
      issues.add(`unknown-field:${key}.${field}`, {
        severity: 'warning',
        path: `${key}[${index}].${field}`,
        message: `Unknown field "${field}" was ignored.`,
      });
    }
  }
}

/** The records with an id not used before; `ids` maps each kept id to its record's file index. */
function uniqueById<T extends Organization | Capability | Region>(
  kept: Kept<T>,
  key: string,
  noun: string,
  issues: IssueCollector,
): Kept<T> & { ids: Map<string, number> } {
  const ids = new Map<string, number>();
  const out = new Kept<T>();
  const { records } = kept;
  for (let i = 0; i < records.length; i++) {
    const record = records[i] as T;
    const index = kept.indexOf(i);
    const first = ids.get(record.id);
    if (first !== undefined) {
      issues.add(`duplicate-${noun}`, {
        severity: 'error',
        path: `${key}[${index}].id`,
        message: `Duplicate ${noun} id "${record.id}" (first used at ${key}[${first}]); this one was rejected.`,
      });
      continue;
    }
    ids.set(record.id, index);
    out.push(record, index);
  }
  return Object.assign(out, { ids });
}

/** Whether a capability id would draw the unlabelled-capability warning (cheap, no path needed). */
function needsLabel(id: string | undefined, known: ReadonlySet<string>): boolean {
  return id !== undefined && !isSixDigits(id) && !known.has(id);
}

/** `listPath` is built per organization; an item's path only for an issue. */
function checkCapabilities(
  ids: readonly string[],
  listPath: string,
  known: ReadonlySet<string>,
  issues: IssueCollector,
) {
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    if (needsLabel(id, known)) checkCapability(id, `${listPath}[${i}]`, known, issues);
  }
}

function checkCapability(
  id: string | undefined,
  path: string,
  known: ReadonlySet<string>,
  issues: IssueCollector,
) {
  if (id === undefined || isNaicsCode(id) || known.has(id)) return;
  issues.add('unlabelled-capability', {
    severity: 'warning',
    path,
    message: `Capability "${id}" is not a NAICS code and has no entry in "capabilities"; it is shown by its id.`,
  });
}

/** Keeps issue lists readable on big files: after `max` issues of one kind, only a count is kept. */
class IssueCollector {
  private readonly issues: Issue[] = [];
  private readonly counts = new Map<string, number>();
  private readonly examples = new Map<string, string>();
  private readonly max: number;

  constructor(max: number) {
    this.max = max;
  }

  add(kind: string, issue: Issue): void {
    const count = (this.counts.get(kind) ?? 0) + 1;
    this.counts.set(kind, count);
    if (count === 1) this.examples.set(kind, issue.message);
    if (count <= this.max) this.issues.push(issue);
  }

  addAll(issues: readonly Issue[]): void {
    for (const issue of issues) this.issues.push(issue);
  }

  addZod(error: z.ZodError, prefix: PropertyKey[], lead = ''): void {
    for (const zodIssue of error.issues) {
      const path = formatPath([...prefix, ...zodIssue.path]);
      const kind = `zod:${formatPath([prefix[0] ?? '', ...zodIssue.path.filter((p) => typeof p !== 'number')])}:${zodIssue.code}`;
      this.add(kind, { severity: 'error', path, message: `${lead}${zodIssue.message}.` });
    }
  }

  list(): Issue[] {
    const out = [...this.issues];
    for (const [kind, count] of this.counts) {
      if (count > this.max) {
        out.push({
          severity: 'info',
          message: `${count - this.max} more issues like "${this.examples.get(kind) ?? kind}" were not listed.`,
        });
      }
    }
    return out;
  }
}

// Gathers organizations from every imported file, merging duplicate firms by UEI, then CAGE code, then
// normalized name + ZIP, and giving each a unique id. Links find their ends here by id, UEI or name.
import type { OrgId } from '../../domain/ids.ts';
import type { Organization } from '../../domain/model.ts';
import type { DraftOrigin, OrganizationDraft } from './organization-draft.ts';
import type { FileLog } from './report.ts';
import { normalizeName, slugify, zip5 } from './values.ts';

export type Reference = { id: OrgId } | { ambiguous: number } | null;

const MAX_ID_LENGTH = 200;

export class OrganizationCollector {
  private readonly orgs: Organization[] = [];
  private readonly origins: (DraftOrigin | null)[] = [];
  /** normalizeName of each organization's name, computed once: it is the costliest step per row. */
  private readonly normalized: string[] = [];
  private readonly byUei = new Map<string, number>();
  private readonly byCage = new Map<string, number>();
  private readonly byNameZip = new Map<string, number>();
  private readonly byName = new Map<string, number[]>();
  private readonly byId = new Map<string, number>();
  private readonly byLocal = new Map<string, number>();

  /** `base` are organizations of a bundle already open; they keep their ids. */
  constructor(base: readonly Organization[] = []) {
    for (const org of base) {
      const index = this.orgs.length;
      // A copy: merging a new row into an open bundle's firm must not change the data still on screen.
      this.orgs.push(structuredClone(org));
      this.origins.push(null);
      this.normalized.push(normalizeName(org.name));
      this.byId.set(org.id, index);
      this.index(index);
    }
  }

  get size(): number {
    return this.orgs.length;
  }

  get(id: OrgId): Organization | undefined {
    const index = this.byId.get(id);
    return index === undefined ? undefined : this.orgs[index];
  }

  list(): Organization[] {
    return this.orgs;
  }

  /**
   * Adds a draft read from `origin`, or merges it into the firm it duplicates. Returns the id it ended
   * up under, or null when it was rejected (an id used twice in one file).
   */
  add(draft: OrganizationDraft, origin: DraftOrigin, log: FileLog): OrgId | null {
    const { localId, ...fields } = draft;
    const normalized = normalizeName(fields.name);
    const duplicate = this.findDuplicate(fields, normalized);
    if (duplicate !== null) {
      const existing = this.orgs[duplicate.index];
      if (existing !== undefined) {
        mergeInto(existing, fields);
        this.index(duplicate.index);
        if (localId !== undefined) this.byLocal.set(localKey(origin.file, localId), duplicate.index);
        log.issue('duplicate-merged', {
          row: origin.row,
          value: draft.name,
          message: `"${draft.name}" is the same firm as "${existing.name}" (${this.describeOrigin(duplicate.index, origin)}): ${duplicate.why}; the two were merged into one organization.`,
        });
        return existing.id;
      }
    }

    let id: string;
    if (localId !== undefined && localId.trim() !== '') {
      const wanted = localId.trim().slice(0, MAX_ID_LENGTH);
      const taken = this.byId.get(wanted);
      if (taken !== undefined) {
        const takenOrigin = this.origins[taken];
        if (takenOrigin?.file === origin.file) {
          log.issue('id-duplicate', {
            row: origin.row,
            column: 'id',
            value: wanted,
            message: `id "${wanted}" is already used by ${takenOrigin.noun} ${takenOrigin.row} ("${this.orgs[taken]?.name ?? ''}"), which is a different firm; this ${origin.noun} was not imported.`,
          });
          return null;
        }
        id = this.uniqueId(wanted);
        log.issue('id-renamed', {
          row: origin.row,
          column: 'id',
          value: wanted,
          message: `id "${wanted}" is already used by ${this.describeOrigin(taken, origin)}; this firm was given the id "${id}".`,
        });
      } else id = wanted;
    } else {
      id = this.uniqueId(slugify(fields.name) || `org-${origin.row}`);
    }

    const org: Organization = { id: id as OrgId, ...fields };
    const index = this.orgs.length;
    this.orgs.push(org);
    this.origins.push(origin);
    this.normalized.push(normalized);
    this.byId.set(id, index);
    if (localId !== undefined) this.byLocal.set(localKey(origin.file, localId), index);
    this.index(index);
    return org.id;
  }

  /** The id of the organization a file called `localId`. */
  resolveLocal(file: string, localId: string): OrgId | undefined {
    const index = this.byLocal.get(localKey(file, localId));
    return index === undefined ? undefined : this.orgs[index]?.id;
  }

  /** A link end written as an id, a UEI or a name (spelling variants of the name allowed). */
  resolveReference(text: string): Reference {
    const trimmed = text.trim();
    const byId = this.byId.get(trimmed);
    if (byId !== undefined) return this.refOf(byId);
    const upper = trimmed.toUpperCase();
    if (/^[A-Z0-9]{12}$/.test(upper)) {
      const byUei = this.byUei.get(upper);
      if (byUei !== undefined) return this.refOf(byUei);
    }
    const named = this.byName.get(normalizeName(trimmed));
    if (named === undefined || named.length === 0) return null;
    if (named.length > 1) return { ambiguous: named.length };
    return this.refOf(named[0] ?? -1);
  }

  private refOf(index: number): Reference {
    const org = this.orgs[index];
    return org === undefined ? null : { id: org.id };
  }

  private findDuplicate(
    draft: Omit<OrganizationDraft, 'localId'>,
    normalized: string,
  ): { index: number; why: string } | null {
    if (draft.uei !== undefined) {
      const index = this.byUei.get(draft.uei);
      if (index !== undefined) return { index, why: `same UEI ${draft.uei}` };
    }
    if (draft.cage !== undefined) {
      const index = this.byCage.get(draft.cage);
      if (index !== undefined && compatible(this.orgs[index], draft, 'uei'))
        return { index, why: `same CAGE code ${draft.cage}` };
    }
    const key = nameZipKey(normalized, draft.zip);
    if (key !== null) {
      const index = this.byNameZip.get(key);
      const existing = this.orgs[index ?? -1];
      if (index !== undefined && compatible(existing, draft, 'uei') && compatible(existing, draft, 'cage'))
        return { index, why: `same name and ZIP ${zip5(draft.zip ?? '')}` };
    }
    return null;
  }

  private index(index: number): void {
    const org = this.orgs[index];
    if (org === undefined) return;
    if (org.uei !== undefined && !this.byUei.has(org.uei)) this.byUei.set(org.uei, index);
    if (org.cage !== undefined && !this.byCage.has(org.cage)) this.byCage.set(org.cage, index);
    const name = this.normalized[index] ?? normalizeName(org.name);
    const key = nameZipKey(name, org.zip);
    if (key !== null && !this.byNameZip.has(key)) this.byNameZip.set(key, index);
    const list = this.byName.get(name);
    if (list === undefined) this.byName.set(name, [index]);
    else if (!list.includes(index)) list.push(index);
  }

  private uniqueId(wanted: string): string {
    if (!this.byId.has(wanted)) return wanted;
    for (let n = 2; ; n++) {
      const candidate = `${wanted.slice(0, MAX_ID_LENGTH - 8)}-${n}`;
      if (!this.byId.has(candidate)) return candidate;
    }
  }

  private describeOrigin(index: number, from: DraftOrigin): string {
    const origin = this.origins[index];
    if (origin === null || origin === undefined) return 'an organization of the open bundle';
    return origin.file === from.file
      ? `${origin.noun} ${origin.row}`
      : `${origin.noun} ${origin.row} of ${origin.file}`;
  }
}

function localKey(file: string, localId: string): string {
  return `${file}\u0000${localId}`;
}

function nameZipKey(normalized: string, zip: string | undefined): string | null {
  if (zip === undefined || normalized === '') return null;
  return `${normalized}\u0000${zip5(zip)}`;
}

/** Two records with different UEIs (or CAGE codes) are different firms, whatever else they share. */
function compatible(
  a: Organization | undefined,
  b: Omit<OrganizationDraft, 'localId'>,
  key: 'uei' | 'cage',
): boolean {
  return a !== undefined && (a[key] === undefined || b[key] === undefined || a[key] === b[key]);
}

/** The first record wins; the duplicate fills what it lacks, adds list entries, and a prime stays a prime. */
function mergeInto(target: Organization, extra: Omit<OrganizationDraft, 'localId'>): void {
  if (extra.kind === 'prime') target.kind = 'prime';
  if (
    target.lat === undefined &&
    target.lon === undefined &&
    extra.lat !== undefined &&
    extra.lon !== undefined
  ) {
    target.lat = extra.lat;
    target.lon = extra.lon;
  }
  for (const key of ['address', 'city', 'state', 'zip', 'county', 'uei', 'cage', 'website'] as const) {
    if (target[key] === undefined && extra[key] !== undefined) Object.assign(target, { [key]: extra[key] });
  }
  if (target.employees === undefined && extra.employees !== undefined) target.employees = extra.employees;
  target.naics = union(target.naics, extra.naics, 50);
  target.capabilities = union(target.capabilities, extra.capabilities, 200);
  target.certifications = union(target.certifications, extra.certifications, 100);
  target.trains = union(target.trains, extra.trains, 200);
  if (extra.needs.length > 0) target.needs = [...target.needs, ...extra.needs].slice(0, 500);
}

function union<T>(a: readonly T[], b: readonly T[], max: number): T[] {
  const out = [...a];
  for (const item of b) if (!out.includes(item) && out.length < max) out.push(item);
  return out;
}

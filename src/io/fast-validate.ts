// Hand-written fast paths for the two record types a big bundle has millions of: they accept exactly the
// records the zod schemas accept, with the same output, and answer null for anything else so that zod
// runs and explains the problem. zod stays the definition; a property test keeps the two in agreement.
import type { Link, Need, Organization } from '../domain/model.ts';
import { LINK_KINDS, ORG_KINDS, ORGANIZATION_FIELDS, ORGANIZATION_TABLE_FIELDS } from '../domain/model.ts';
import type { CapabilityId, CountyFips, OrgId } from '../domain/ids.ts';

const LINK_KIND_SET: ReadonlySet<unknown> = new Set(LINK_KINDS);
const ORG_KIND_SET: ReadonlySet<unknown> = new Set(ORG_KINDS);
const CAPABILITY = /^(\d{6}|[a-z0-9][a-z0-9._-]{0,99})$/;
const ZIP = /^\d{5}(-\d{4})?$/;

// Fixed-width codes are checked char by char: on a big bundle these run millions of times, and a loop over
// five or six char codes costs a fraction of a regular expression call. Each equals the schema's pattern.
const DIGIT = (c: number) => c >= 48 && c <= 57;
const UPPER = (c: number) => c >= 65 && c <= 90;
const UPPER_OR_DIGIT = (c: number) => DIGIT(c) || UPPER(c);

function fixedWidth(s: string, width: number, ok: (c: number) => boolean): boolean {
  if (s.length !== width) return false;
  for (let i = 0; i < width; i++) if (!ok(s.charCodeAt(i))) return false;
  return true;
}

/** /^\d{6}$/ */
export const isSixDigits = (s: string) => fixedWidth(s, 6, DIGIT);
const isCounty = (s: string) => fixedWidth(s, 5, DIGIT);
const isState = (s: string) => fixedWidth(s, 2, UPPER);
const isUei = (s: string) => fixedWidth(s, 12, UPPER_OR_DIGIT);
const isCage = (s: string) => fixedWidth(s, 5, UPPER_OR_DIGIT);
const isZip = (s: string) => (s.length === 5 ? isCounty(s) : s.length === 10 && ZIP.test(s));
/** The capability id pattern, with the common case (a NAICS code) decided without the regex. */
export const isCapabilityId = (s: string) => isSixDigits(s) || CAPABILITY.test(s);

type Raw = Record<string, unknown>;

function isRecord(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Text of at most `max` characters (absent is fine). */
const okText = (v: unknown, max: number) => v === undefined || (typeof v === 'string' && v.length <= max);
const okRequiredText = (v: unknown, max: number) =>
  typeof v === 'string' && v.length <= max && v.trim() !== '';
const okPattern = (v: unknown, test: (s: string) => boolean) =>
  v === undefined || (typeof v === 'string' && test(v));
const okRange = (v: unknown, min: number, max: number) =>
  v === undefined || (typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max);
const okInteger = (v: unknown, min: number, max: number) =>
  okRange(v, min, max) && (v === undefined || Number.isInteger(v));

function okList(v: unknown, max: number, item: (x: unknown) => boolean): boolean {
  if (v === undefined) return true;
  if (!Array.isArray(v) || v.length > max) return false;
  for (const x of v) if (!item(x)) return false;
  return true;
}

const isCapability = (x: unknown) => typeof x === 'string' && isCapabilityId(x);
const isNaics = (x: unknown) => typeof x === 'string' && isSixDigits(x);

export function fastLink(raw: unknown): Link | null {
  if (!isRecord(raw)) return null;
  const { source, target, kind, capability, value, year } = raw;
  if (!okRequiredText(source, 200) || !okRequiredText(target, 200) || !LINK_KIND_SET.has(kind)) return null;
  if (!okPattern(capability, isCapabilityId) || !okRange(value, 0, 1e13) || !okInteger(year, 1900, 2100))
    return null;
  // A link with no other fields is already exactly what zod would output: keep it rather than copy a
  // million of them (the caller owns the parsed JSON it passed in).
  // JSON gives no key an undefined value, so the object has no other key exactly when it has as many keys
  // as known fields present (a key counted without a value falls to the copy below, which is also right).
  const present = 3 + +(capability !== undefined) + +(value !== undefined) + +(year !== undefined);
  if (keyCount(raw) === present) return raw as unknown as Link;
  const link: Link = { source: source as OrgId, target: target as OrgId, kind: kind as Link['kind'] };
  if (capability !== undefined) link.capability = capability as CapabilityId;
  if (value !== undefined) link.value = value as number;
  if (year !== undefined) link.year = year as number;
  return link;
}

function okNeed(x: unknown): boolean {
  return isRecord(x) && isCapability(x.capability) && okRange(x.annualValue, 0, 1e13);
}

export function fastOrganization(raw: unknown): Organization | null {
  if (!isRecord(raw)) return null;
  const r = raw;
  if (!okRequiredText(r.id, 200) || !okRequiredText(r.name, 500) || !ORG_KIND_SET.has(r.kind)) return null;
  if (!okRange(r.lat, -90, 90) || !okRange(r.lon, -180, 180)) return null;
  if (!okText(r.address, 500) || !okText(r.city, 200) || !okText(r.website, 500)) return null;
  if (!okPattern(r.state, isState) || !okPattern(r.zip, isZip) || !okPattern(r.county, isCounty)) return null;
  if (!okPattern(r.uei, isUei) || !okPattern(r.cage, isCage) || !okInteger(r.employees, 0, 10_000_000))
    return null;
  if (!okList(r.naics, 50, isNaics) || !okList(r.capabilities, 200, isCapability)) return null;
  if (!okList(r.certifications, 100, (x) => okRequiredText(x, 100)) || !okList(r.trains, 200, isCapability))
    return null;
  if (!okList(r.needs, 500, okNeed)) return null;
  // As for links: a record with every list present and no other fields is already zod's output.
  if (
    onlyKnownKeys(r, ORG_KEYS) &&
    Array.isArray(r.naics) &&
    Array.isArray(r.capabilities) &&
    Array.isArray(r.certifications) &&
    Array.isArray(r.trains) &&
    Array.isArray(r.needs) &&
    (r.needs as Raw[]).every((n) => onlyKnownKeys(n, NEED_KEYS))
  ) {
    return r as unknown as Organization;
  }

  const org: Organization = {
    id: r.id as OrgId,
    name: r.name as string,
    kind: r.kind as Organization['kind'],
    // The lists are checked above and kept as parsed (the caller owns them, as for a record kept whole).
    naics: r.naics === undefined ? [] : (r.naics as string[]),
    capabilities: r.capabilities === undefined ? [] : (r.capabilities as CapabilityId[]),
    certifications: r.certifications === undefined ? [] : (r.certifications as string[]),
    trains: r.trains === undefined ? [] : (r.trains as CapabilityId[]),
    needs:
      r.needs === undefined
        ? []
        : (r.needs as Raw[]).map((n) => {
            const need: Need = { capability: n.capability as CapabilityId };
            if (n.annualValue !== undefined) need.annualValue = n.annualValue as number;
            return need;
          }),
  };
  for (const key of OPTIONAL_ORG_FIELDS) if (r[key] !== undefined) (org as unknown as Raw)[key] = r[key];
  if (r.county !== undefined) org.county = r.county as CountyFips;
  return org;
}

const NEED_KEYS: ReadonlySet<string> = new Set(['capability', 'annualValue']);
const ORG_KEYS: ReadonlySet<string> = new Set(ORGANIZATION_FIELDS);

function keyCount(raw: Raw): number {
  let n = 0;
  // for…in allocates no key array; parsed JSON objects have no inherited enumerable keys.
  for (const _ in raw) n++;
  return n;
}

function onlyKnownKeys(raw: Raw, known: ReadonlySet<string>): boolean {
  for (const key in raw) if (!known.has(key)) return false;
  return true;
}

/** The organization fields copied when present: the table's, but those every organization has and `county`. */
const OPTIONAL_ORG_FIELDS = ORGANIZATION_TABLE_FIELDS.filter(
  (field) =>
    !['id', 'name', 'kind', 'county', 'naics', 'capabilities', 'certifications', 'trains'].includes(field),
);

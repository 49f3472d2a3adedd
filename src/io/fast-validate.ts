// Hand-written fast paths for the two record types a big bundle has millions of: they accept exactly the
// records the zod schemas accept, with the same output, and answer null for anything else so that zod
// runs and explains the problem. zod stays the definition; a property test keeps the two in agreement.
import type { Link, Need, Organization } from '../domain/model.ts';
import { LINK_KINDS, ORG_KINDS, ORGANIZATION_FIELDS } from '../domain/model.ts';
import type { CapabilityId, CountyFips, OrgId } from '../domain/ids.ts';

const LINK_KIND_SET: ReadonlySet<unknown> = new Set(LINK_KINDS);
const ORG_KIND_SET: ReadonlySet<unknown> = new Set(ORG_KINDS);
const CAPABILITY = /^(\d{6}|[a-z0-9][a-z0-9._-]{0,99})$/;
const NAICS = /^\d{6}$/;
const COUNTY = /^\d{5}$/;
const STATE = /^[A-Z]{2}$/;
const ZIP = /^\d{5}(-\d{4})?$/;
const UEI = /^[A-Z0-9]{12}$/;
const CAGE = /^[A-Z0-9]{5}$/;

type Raw = Record<string, unknown>;

function isRecord(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Text of at most `max` characters (absent is fine). */
const okText = (v: unknown, max: number) => v === undefined || (typeof v === 'string' && v.length <= max);
const okRequiredText = (v: unknown, max: number) =>
  typeof v === 'string' && v.length <= max && v.trim() !== '';
const okPattern = (v: unknown, re: RegExp) => v === undefined || (typeof v === 'string' && re.test(v));
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

const isCapability = (x: unknown) => typeof x === 'string' && CAPABILITY.test(x);
const isNaics = (x: unknown) => typeof x === 'string' && NAICS.test(x);

export function fastLink(raw: unknown): Link | null {
  if (!isRecord(raw)) return null;
  const { source, target, kind, capability, value, year } = raw;
  if (!okRequiredText(source, 200) || !okRequiredText(target, 200) || !LINK_KIND_SET.has(kind)) return null;
  if (!okPattern(capability, CAPABILITY) || !okRange(value, 0, 1e13) || !okInteger(year, 1900, 2100))
    return null;
  // A link with no other fields is already exactly what zod would output: keep it rather than copy a
  // million of them (the caller owns the parsed JSON it passed in).
  if (onlyKnownKeys(raw, LINK_KEYS)) return raw as unknown as Link;
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
  if (!okPattern(r.state, STATE) || !okPattern(r.zip, ZIP) || !okPattern(r.county, COUNTY)) return null;
  if (!okPattern(r.uei, UEI) || !okPattern(r.cage, CAGE) || !okInteger(r.employees, 0, 10_000_000))
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
    naics: r.naics === undefined ? [] : [...(r.naics as string[])],
    capabilities: r.capabilities === undefined ? [] : [...(r.capabilities as CapabilityId[])],
    certifications: r.certifications === undefined ? [] : [...(r.certifications as string[])],
    trains: r.trains === undefined ? [] : [...(r.trains as CapabilityId[])],
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

const LINK_KEYS: ReadonlySet<string> = new Set(['source', 'target', 'kind', 'capability', 'value', 'year']);

const NEED_KEYS: ReadonlySet<string> = new Set(['capability', 'annualValue']);
const ORG_KEYS: ReadonlySet<string> = new Set(ORGANIZATION_FIELDS);

function onlyKnownKeys(raw: Raw, known: ReadonlySet<string>): boolean {
  for (const key in raw) if (!known.has(key)) return false;
  return true;
}

const OPTIONAL_ORG_FIELDS = [
  'lat',
  'lon',
  'address',
  'city',
  'state',
  'zip',
  'employees',
  'uei',
  'cage',
  'website',
] as const;

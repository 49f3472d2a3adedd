// The Forgemap data model (DESIGN.md §2): a bundle is one dataset of organizations, the links along which
// goods and services flow (supplier → buyer, trainer → employer), capability labels and extra regions.
import type { CapabilityId, CountyFips, OrgId, RegionId } from './ids.ts';

export const ORG_KINDS = ['prime', 'manufacturer', 'training', 'support'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

/** How many organizations of each kind. */
export type KindCounts = Record<OrgKind, number>;

/** Organizations of each kind among `organizations` (those `include` keeps, by index): the one counter. */
export function countKinds(
  organizations: Iterable<{ readonly kind: OrgKind }>,
  include: (index: number) => boolean = () => true,
): KindCounts {
  const counts = noKinds();
  let index = 0;
  for (const org of organizations) if (include(index++)) counts[org.kind]++;
  return counts;
}

/** Every kind at zero. */
export function noKinds(): KindCounts {
  return { prime: 0, manufacturer: 0, training: 0, support: 0 };
}

export const LINK_KINDS = ['supplies', 'subcontract', 'trains', 'partners'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

export interface Need {
  capability: CapabilityId;
  /** USD per year. */
  annualValue?: number | undefined;
}

export interface Organization {
  id: OrgId;
  name: string;
  kind: OrgKind;
  lat?: number | undefined;
  lon?: number | undefined;
  address?: string | undefined;
  city?: string | undefined;
  state?: string | undefined;
  zip?: string | undefined;
  county?: CountyFips | undefined;
  /** 6-digit NAICS 2017 codes, primary first. */
  naics: string[];
  capabilities: CapabilityId[];
  certifications: string[];
  employees?: number | undefined;
  uei?: string | undefined;
  cage?: string | undefined;
  website?: string | undefined;
  /** For training organizations: the capabilities they train for. */
  trains: CapabilityId[];
  /** Declared demand of a buyer. */
  needs: Need[];
}

/**
 * An organization's fields in canonical order (exports, import mappings, validation): every field but the
 * `needs` list, which no table column holds, then `needs`.
 */
export const ORGANIZATION_TABLE_FIELDS = [
  'id',
  'name',
  'kind',
  'lat',
  'lon',
  'address',
  'city',
  'state',
  'zip',
  'county',
  'naics',
  'capabilities',
  'certifications',
  'employees',
  'uei',
  'cage',
  'website',
  'trains',
] as const satisfies readonly (keyof Organization)[];
export const ORGANIZATION_FIELDS = [...ORGANIZATION_TABLE_FIELDS, 'needs'] as const;

export interface Link {
  /** Supplier (or trainer). */
  source: OrgId;
  /** Buyer (or employer). */
  target: OrgId;
  kind: LinkKind;
  capability?: CapabilityId | undefined;
  /** USD per year. */
  value?: number | undefined;
  year?: number | undefined;
}

export interface Capability {
  id: CapabilityId;
  label: string;
  naics?: string | undefined;
}

export interface Region {
  id: RegionId;
  name: string;
  program: string;
  counties: CountyFips[];
  focus?: string | undefined;
  lead?: string | undefined;
  designated?: string | undefined;
  source?: string | undefined;
}

/**
 * How much of a dataset a shared view carries (io/redact.ts): `full` everything; `partner` firm names kept,
 * dollar values only as bands, identifiers, contacts and free-text notes removed; `public` no firm
 * identifiable: organizations under made-up names at their county, links only as county-to-county flows,
 * values in bands, and cells of fewer than 3 firms suppressed.
 */
export const REDACTION_PROFILES = ['full', 'partner', 'public'] as const;
export type RedactionProfile = (typeof REDACTION_PROFILES)[number];

/** Cells of fewer firms than this are suppressed in a public copy (counts, flows, counties). */
export const SMALL_CELL = 3;

/** What a redacted (or marked) copy says about itself: its profile and the sender's marking line. */
export interface Sharing {
  profile: RedactionProfile;
  /** Printed on every export and shown as a banner, e.g. "Internal — do not distribute". */
  marking?: string | undefined;
  /** A public copy's aggregates, which stand in for its links and its analysis. */
  public?: PublicAggregates | undefined;
}

/** A county named in a public copy: its label ("Cook County, IL") and where it is drawn. */
export interface PublicPlace {
  county: CountyFips;
  name: string;
  lon?: number | undefined;
  lat?: number | undefined;
}

/** The links from the firms of one county to those of another (or the same), of one kind, summed. */
export interface CountyFlow {
  from: CountyFips;
  to: CountyFips;
  kind: LinkKind;
  /** Distinct firms at either end; never fewer than SMALL_CELL. */
  firms: number;
  /** The lower bound of the band of the summed USD per year; absent when no link had a value. */
  value?: number | undefined;
}

/**
 * One capability of the sender's gap list, as a public copy carries it: dollar values as band lower bounds,
 * leakage to the nearest 10%, and counts of 1 or 2 firms suppressed (null); with 1 or 2 local suppliers, the
 * values their sales are part of (demand, local value, leakage) are suppressed too.
 */
export interface PublicGap {
  capability: CapabilityId;
  label: string;
  flags: string[];
  demand: number | null;
  localValue: number | null;
  importedValue: number;
  leakage: number | null;
  localSuppliers: number | null;
  trainers: number | null;
}

export interface PublicAggregates {
  places: PublicPlace[];
  flows: CountyFlow[];
  /** The sender's gap list for `region`; absent when the sender had none (no home region). */
  gaps?: PublicGap[] | undefined;
  region?: RegionId | undefined;
  /** What was left out: organizations of counties with fewer than SMALL_CELL firms or without a county, flows of fewer firms. */
  suppressed: { organizations: number; unplaced: number; flows: number };
}

export interface BundleMeta {
  id: string;
  title: string;
  description: string;
  source: string;
  license: string;
  /** ISO date (YYYY-MM-DD) the data describes. */
  asOf: string;
  /** Synthetic data must be labelled as such wherever it is shown. */
  synthetic: boolean;
  homeRegion?: RegionId | undefined;
  /** DoD obligations of the home region by fiscal year, for a bundle built from public award records. */
  dod?: DodFigures | undefined;
  /**
   * True when each dated link holds one fiscal year of its pair's dollars (build-region, the Subawards import):
   * over several years the app shows a year's average. Otherwise a link's year only dates it, and its value is
   * already USD per year.
   */
  linksByFiscalYear?: boolean | undefined;
  /** Set on a copy made for sharing (io/redact.ts): its redaction profile and marking line. */
  sharing?: Sharing | undefined;
}

/** One fiscal year of DoD contract obligations (USD), as `build-region` counted them. */
export interface DodYear {
  fiscalYear: number;
  /** Placed in the home region (place of performance, else recipient address). */
  region: number;
  /** Placed in the home region's state(s), by the same rule. */
  state: number;
  /** DoD-performing firms with obligations placed in the region that year. */
  firms: number;
}

export interface DodFigures {
  /** How records were counted and placed, in one or two sentences. */
  rule: string;
  /** DoD-performing firms in the region over all the years. */
  firms: number;
  years: DodYear[];
}

export const BUNDLE_FORMAT = 'forgemap.bundle';
export const BUNDLE_VERSION = 1;

export interface Bundle {
  format: typeof BUNDLE_FORMAT;
  version: typeof BUNDLE_VERSION;
  meta: BundleMeta;
  organizations: Organization[];
  links: Link[];
  capabilities: Capability[];
  regions: Region[];
}

/** A bundle's keys in canonical order: the order of its JSON export, and all a bundle file may hold. */
export const BUNDLE_KEYS = [
  'format',
  'version',
  'meta',
  'organizations',
  'links',
  'capabilities',
  'regions',
] as const satisfies readonly (keyof Bundle)[];

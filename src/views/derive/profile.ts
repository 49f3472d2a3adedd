// Everything the inspector shows about one organization, derived from the bundle and the analysis: identity,
// location, labelled NAICS and capabilities, tier, critical-supplier status, the gap flags of the
// capabilities it offers, buys or trains for, and its suppliers and customers on supply links.
import { compareText } from '../../analysis/compare-text.ts';
import type { AnalysisResult, GapFlag } from '../../analysis/types.ts';
import type { LinkKind, OrgKind } from '../../domain/model.ts';
import type { DatasetView } from '../contracts.ts';
import { builtLinkArrays } from './filter.ts';

const SUPPLY_KINDS: ReadonlySet<string> = new Set(['supplies', 'subcontract']);

export interface Labelled {
  id: string;
  label: string;
}

export interface Relation {
  /** The other organization: the supplier in `suppliers`, the customer in `customers`. */
  orgId: string;
  name: string;
  kind: OrgKind | null;
  /** The link's capability, else the supplier's primary NAICS; null when neither exists. */
  capability: string | null;
  capabilityLabel: string | null;
  /** USD per year; null when the link has none. */
  value: number | null;
  linkKind: LinkKind;
  /** Whether the other organization is in the home region; null without a home region. */
  inRegion: boolean | null;
}

export type GapRole = 'offers' | 'buys' | 'trains';

export interface GapInvolvement {
  capability: string;
  label: string;
  flags: GapFlag[];
  /** How this organization is involved in the capability, in GapRole order. */
  roles: GapRole[];
}

export interface OrganizationProfile {
  id: string;
  name: string;
  kind: OrgKind;
  location: {
    address: string | null;
    city: string | null;
    state: string | null;
    zip: string | null;
    /** 5-digit county FIPS. */
    county: string | null;
    lat: number | null;
    lon: number | null;
  };
  naics: Labelled[];
  capabilities: Labelled[];
  certifications: string[];
  employees: number | null;
  uei: string | null;
  cage: string | null;
  /** The website as the data gives it, to show as text. */
  website: string | null;
  /** The website as a URL safe to link to (http or https only), else null. */
  websiteUrl: string | null;
  /** Links from a prime to this organization; null when it reaches no prime or the analysis is not ready. */
  tier: number | null;
  /** Whether the analysis has finished, so that a null tier or a false `critical` mean something. */
  analysed: boolean;
  critical: boolean;
  /** Null without a home region. */
  inRegion: boolean | null;
  /** Flagged gaps among the capabilities it offers, buys (links and needs) or trains for, most severe first. */
  gaps: GapInvolvement[];
  /** Incoming supply links, by value (highest first, links without a value last). */
  suppliers: Relation[];
  /** Outgoing supply links, same order. */
  customers: Relation[];
  /** For training organizations: what they train for. */
  trains: Labelled[];
  needs: { capability: string; label: string; annualValue: number | null }[];
}

export function organizationProfile(data: DatasetView, orgId: string): OrganizationProfile | null {
  const index = data.orgIndex.get(orgId);
  const org = index === undefined ? undefined : data.bundle.organizations[index];
  if (index === undefined || org === undefined) return null;
  const { analysis, label } = data;
  const hasRegion = analysis !== null && analysis.region !== null;
  const regionOf = (i: number | undefined): boolean | null =>
    !hasRegion || i === undefined ? null : data.inRegion[i] === 1;
  const labelled = (ids: readonly string[]): Labelled[] =>
    unique(ids).map((id) => ({ id, label: label(id) }));

  const suppliers: Relation[] = [];
  const customers: Relation[] = [];
  const orgs = data.bundle.organizations;
  const links = data.bundle.links;
  // With the map's link arrays at hand, integer compares find this organization's links several times
  // faster than comparing 1M id strings.
  const arrays = builtLinkArrays(data.bundle);
  for (let l = 0; l < links.length; l++) {
    if (arrays !== undefined && arrays.source[l] !== index && arrays.target[l] !== index) continue;
    const link = links[l]!;
    if (!SUPPLY_KINDS.has(link.kind)) continue;
    const incoming = link.target === orgId;
    if (!incoming && link.source !== orgId) continue;
    const otherId = incoming ? link.source : link.target;
    const otherIndex = data.orgIndex.get(otherId);
    const other = otherIndex === undefined ? undefined : orgs[otherIndex];
    const supplier = incoming ? other : org;
    const capability = link.capability ?? supplier?.naics[0] ?? null;
    const relation: Relation = {
      orgId: otherId,
      name: other?.name ?? otherId,
      kind: other?.kind ?? null,
      capability,
      capabilityLabel: capability === null ? null : label(capability),
      value: link.value ?? null,
      linkKind: link.kind,
      inRegion: regionOf(otherIndex),
    };
    // A self-link is both: the organization supplies itself.
    if (incoming) suppliers.push(relation);
    if (link.source === orgId) customers.push({ ...relation });
  }
  sortRelations(suppliers, 'value', 'desc');
  sortRelations(customers, 'value', 'desc');

  const roles = new Map<string, Set<GapRole>>();
  const involve = (capability: string | null | undefined, role: GapRole) => {
    if (capability == null) return;
    let set = roles.get(capability);
    if (set === undefined) roles.set(capability, (set = new Set()));
    set.add(role);
  };
  for (const id of org.capabilities) involve(id, 'offers');
  for (const code of org.naics) involve(code, 'offers');
  for (const relation of customers) involve(relation.capability, 'offers');
  for (const relation of suppliers) involve(relation.capability, 'buys');
  for (const need of org.needs) involve(need.capability, 'buys');
  for (const id of org.trains) involve(id, 'trains');

  const gaps: GapInvolvement[] = [];
  if (analysis !== null) {
    // analysis.gaps is already most severe first.
    for (const gap of analysis.gaps) {
      const set = gap.flags.length === 0 ? undefined : roles.get(gap.capability);
      if (set === undefined) continue;
      gaps.push({
        capability: gap.capability,
        label: gap.label,
        flags: [...gap.flags],
        roles: ROLE_ORDER.filter((role) => set.has(role)),
      });
    }
  }

  return {
    id: org.id,
    name: org.name,
    kind: org.kind,
    location: {
      address: org.address ?? null,
      city: org.city ?? null,
      state: org.state ?? null,
      zip: org.zip ?? null,
      county: org.county ?? null,
      lat: org.lat ?? null,
      lon: org.lon ?? null,
    },
    naics: labelled(org.naics),
    capabilities: labelled(org.capabilities),
    certifications: unique(org.certifications),
    employees: org.employees ?? null,
    uei: org.uei ?? null,
    cage: org.cage ?? null,
    website: org.website ?? null,
    websiteUrl: org.website === undefined ? null : safeWebUrl(org.website),
    tier:
      analysis !== null && analysis !== undefined && Object.hasOwn(analysis.tiers, orgId)
        ? (analysis.tiers[orgId] ?? null)
        : null,
    analysed: analysis !== null,
    critical: analysis !== null && isCritical(analysis, orgId),
    inRegion: regionOf(index),
    gaps,
    suppliers,
    customers,
    trains: labelled(org.trains),
    needs: org.needs.map((need) => ({
      capability: need.capability,
      label: label(need.capability),
      annualValue: need.annualValue ?? null,
    })),
  };
}

const ROLE_ORDER: readonly GapRole[] = ['offers', 'buys', 'trains'];

export type RelationSortKey = 'value' | 'name' | 'capability';
export type SortDirection = 'asc' | 'desc';

/**
 * Sorts relations in place and returns them. Links without a value sort last in either direction, since
 * "unknown" is neither large nor small; ties fall back to name, then capability.
 */
export function sortRelations(rows: Relation[], key: RelationSortKey, direction: SortDirection): Relation[] {
  const sign = direction === 'asc' ? 1 : -1;
  const byName = (a: Relation, b: Relation) =>
    compareText(a.name.toLowerCase(), b.name.toLowerCase()) || compareText(a.orgId, b.orgId);
  const byCapability = (a: Relation, b: Relation) =>
    compareText((a.capabilityLabel ?? '').toLowerCase(), (b.capabilityLabel ?? '').toLowerCase());
  return rows.sort((a, b) => {
    if (key === 'value') {
      if (a.value === null || b.value === null) {
        if (a.value !== b.value) return a.value === null ? 1 : -1;
      } else if (a.value !== b.value) {
        return sign * (a.value - b.value);
      }
      return byName(a, b) || byCapability(a, b);
    }
    if (key === 'name') return sign * (byName(a, b) || byCapability(a, b));
    return sign * (byCapability(a, b) || byName(a, b));
  });
}

/**
 * The website as an http(s) URL, or null. A bare host ("acme.example") gets https://; any other scheme
 * (javascript:, data:, file:…) is refused, so the inspector never links to script.
 */
export function safeWebUrl(website: string): string | null {
  const text = website.trim();
  if (text === '' || /\s/.test(text)) return null;
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(text);
  const candidate = hasScheme ? text : `https://${text.replace(/^\/+/, '')}`;
  if (!hasScheme && !/^[a-z0-9-]+(\.[a-z0-9-]+)+(:\d+)?([/?#]|$)/i.test(candidate.slice(8))) return null;
  try {
    const url = new URL(candidate);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (url.username !== '' || url.password !== '') return null;
    return url.href;
  } catch {
    return null;
  }
}

const criticalSets = new WeakMap<AnalysisResult, ReadonlySet<string>>();

function isCritical(analysis: AnalysisResult, orgId: string): boolean {
  let set = criticalSets.get(analysis);
  if (set === undefined) {
    set = new Set(analysis.criticalSuppliers);
    criticalSets.set(analysis, set);
  }
  return set.has(orgId);
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

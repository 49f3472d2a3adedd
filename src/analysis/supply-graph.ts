// The compact form every analysis runs on: organizations and capabilities as integer indices, supply links
// and offers in typed arrays. Built once per (bundle, region); 100k orgs / 1M links fit in tens of MB.
import type { Bundle, OrgKind } from '../domain/model.ts';

export const KIND_CODE = { prime: 0, manufacturer: 1, training: 2, support: 3 } as const satisfies Record<
  OrgKind,
  number
>;
/** Kind code of an organization taken out by a what-if: it neither buys, supplies, trains nor counts as a prime. */
export const REMOVED_KIND = 255;

/** Link kinds that carry goods and services; `trains` and `partners` links are not supply. */
export const SUPPLY_LINK_KINDS: ReadonlySet<string> = new Set(['supplies', 'subcontract']);

export interface SupplyGraph {
  readonly orgCount: number;
  /** Index → organization id. */
  readonly orgIds: readonly string[];
  readonly orgIndex: ReadonlyMap<string, number>;
  /** KIND_CODE per organization, or REMOVED_KIND. */
  readonly kind: Uint8Array;
  /** 1 when the organization is in the home region. */
  readonly inRegion: Uint8Array;

  /** Index → capability id (6-digit NAICS codes and named capabilities alike). */
  readonly capabilityIds: readonly string[];
  readonly capabilityIndex: ReadonlyMap<string, number>;

  /** Capabilities each organization offers (its `capabilities` ∪ `naics`), as CSR: org i offers
   *  `offers[offersStart[i] .. offersStart[i+1])`, without repeats. */
  readonly offersStart: Int32Array;
  readonly offers: Int32Array;
  /** Capabilities each organization trains for (`trains`), CSR like `offers`. */
  readonly trainsStart: Int32Array;
  readonly trains: Int32Array;

  /** Declared needs: organization, capability, annual value (NaN when not given). */
  readonly needCount: number;
  readonly needOrg: Int32Array;
  readonly needCapability: Int32Array;
  readonly needValue: Float64Array;

  /** Supply links (supplies + subcontract) in bundle order, self-links included (algorithms drop them). */
  readonly linkCount: number;
  readonly linkSource: Int32Array;
  readonly linkTarget: Int32Array;
  /** The link's capability, else the supplier's primary NAICS; -1 when neither exists. */
  readonly linkCapability: Int32Array;
  /** USD per year; NaN when the link has no value. */
  readonly linkValue: Float64Array;
}

/**
 * Builds the compact graph. `inRegion` marks home-region members (see domain/membership.ts); links whose
 * endpoints are not organizations of the bundle are skipped (loadBundle has already rejected them).
 */
export function buildSupplyGraph(bundle: Bundle, inRegion: Uint8Array): SupplyGraph {
  const orgs = bundle.organizations;
  const orgCount = orgs.length;
  const orgIds = orgs.map((org) => org.id as string);
  const orgIndex = new Map<string, number>();
  orgIds.forEach((id, i) => orgIndex.set(id, i));

  const capabilityIds: string[] = [];
  const capabilityIndex = new Map<string, number>();
  const capability = (id: string): number => {
    let index = capabilityIndex.get(id);
    if (index === undefined) {
      index = capabilityIds.length;
      capabilityIds.push(id);
      capabilityIndex.set(id, index);
    }
    return index;
  };

  const kind = new Uint8Array(orgCount);
  const offersStart = new Int32Array(orgCount + 1);
  const trainsStart = new Int32Array(orgCount + 1);
  const offers: number[] = [];
  const trains: number[] = [];
  const needOrg: number[] = [];
  const needCapability: number[] = [];
  const needValue: number[] = [];
  const primary = new Int32Array(orgCount).fill(-1);

  for (let i = 0; i < orgCount; i++) {
    const org = orgs[i]!;
    kind[i] = KIND_CODE[org.kind];
    offersStart[i] = offers.length;
    const seen = new Set<number>();
    for (const id of [...org.capabilities, ...org.naics]) {
      const c = capability(id);
      if (!seen.has(c)) {
        seen.add(c);
        offers.push(c);
      }
    }
    const firstNaics = org.naics[0];
    if (firstNaics !== undefined) primary[i] = capability(firstNaics);
    trainsStart[i] = trains.length;
    for (const id of new Set(org.trains)) trains.push(capability(id));
    for (const need of org.needs) {
      needOrg.push(i);
      needCapability.push(capability(need.capability));
      needValue.push(need.annualValue ?? Number.NaN);
    }
  }
  offersStart[orgCount] = offers.length;
  trainsStart[orgCount] = trains.length;

  const links = bundle.links;
  const linkSource = new Int32Array(links.length);
  const linkTarget = new Int32Array(links.length);
  const linkCapability = new Int32Array(links.length);
  const linkValue = new Float64Array(links.length);
  let linkCount = 0;
  for (const link of links) {
    if (!SUPPLY_LINK_KINDS.has(link.kind)) continue;
    const s = orgIndex.get(link.source);
    const t = orgIndex.get(link.target);
    if (s === undefined || t === undefined) continue;
    linkSource[linkCount] = s;
    linkTarget[linkCount] = t;
    linkCapability[linkCount] = link.capability !== undefined ? capability(link.capability) : primary[s]!;
    linkValue[linkCount] = link.value ?? Number.NaN;
    linkCount++;
  }

  return {
    orgCount,
    orgIds,
    orgIndex,
    kind,
    inRegion: inRegion.length === orgCount ? inRegion : new Uint8Array(orgCount),
    capabilityIds,
    capabilityIndex,
    offersStart,
    offers: Int32Array.from(offers),
    trainsStart,
    trains: Int32Array.from(trains),
    needCount: needOrg.length,
    needOrg: Int32Array.from(needOrg),
    needCapability: Int32Array.from(needCapability),
    needValue: Float64Array.from(needValue),
    linkCount,
    linkSource: linkSource.subarray(0, linkCount),
    linkTarget: linkTarget.subarray(0, linkCount),
    linkCapability: linkCapability.subarray(0, linkCount),
    linkValue: linkValue.subarray(0, linkCount),
  };
}

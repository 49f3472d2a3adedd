// "Who could fill this gap?" for one capability and the home region: local firms that are close to it
// (same 4-digit NAICS industry group, or the certifications its current suppliers all hold), and the
// nearest suppliers outside the region by great-circle distance to the region's centroid.
import type { Bundle } from '../domain/model.ts';
import { isNaicsCode } from '../domain/ids.ts';
import { compareText } from './compare-text.ts';
import { SUPPLY_LINK_KINDS } from './supply-graph.ts';

/** Mean Earth radius (IUGG), km: the usual sphere for great-circle distances. */
export const EARTH_RADIUS_KM = 6371.0088;
export const KM_PER_MILE = 1.609344;

export type FillReason = 'industry-group' | 'certifications';

export interface LocalCandidate {
  org: string;
  name: string;
  /** Why it could fill the gap, in this order: same industry group, required certifications held. */
  reasons: FillReason[];
  /** Its NAICS codes in the capability's industry group (empty without that reason). */
  naics: string[];
  /** The required certifications it holds: all of them, or none without that reason. */
  certifications: string[];
}

/** A local firm that already supplies the capability: it could scale up. */
export interface ScaleUpCandidate {
  org: string;
  name: string;
  /** USD per year it sells of the capability on supply links (0 when it only declares it). */
  supplied: number;
}

export interface OutsideSupplier {
  org: string;
  name: string;
  /** Great-circle distance to the region's centroid; null when the supplier or the region has no position. */
  km: number | null;
  miles: number | null;
}

export interface FillResult {
  capability: string;
  /** The 6-digit NAICS code the capability is (or is mapped to in bundle.capabilities); null when none. */
  naics: string | null;
  /** Its first four digits; null without a NAICS code (then no candidate has the industry-group reason). */
  industryGroup: string | null;
  /** Certifications every current supplier of the capability holds, sorted; empty when they share none. */
  requiredCertifications: string[];
  /** Current suppliers of the capability (see `whoCouldFill`), in and outside the region. */
  localSuppliers: number;
  outsideSuppliers: number;
  /** Spherical centroid of the in-region organizations that have a position; null when none has. */
  centroid: { lon: number; lat: number } | null;
  /** Local firms that could fill the gap: most reasons first, then by name, then id. */
  local: LocalCandidate[];
  /** Local firms that already supply it (any kind but primes, which buy): most sold first, then name, id. */
  scaleUp: ScaleUpCandidate[];
  /** The nearest suppliers outside the region, nearest first (those without a position last), at most `limit`. */
  outside: OutsideSupplier[];
}

export interface FillOptions {
  /** Organizations a what-if has taken out: they neither supply nor count as candidates. */
  exclude?: Iterable<string> | undefined;
  /** Outside suppliers listed (default 10). */
  limit?: number | undefined;
}

/**
 * The capability's NAICS code: itself when it is a 6-digit code, else the `naics` of its entry in
 * bundle.capabilities when that is a 6-digit code, else null.
 */
export function capabilityNaics(bundle: Bundle, capability: string): string | null {
  if (isNaicsCode(capability)) return capability;
  const naics = bundle.capabilities.find((c) => c.id === capability)?.naics;
  return naics !== undefined && isNaicsCode(naics) ? naics : null;
}

/**
 * Current suppliers of c are, as for `localSuppliers` in DESIGN.md §3, the organizations (any kind) that
 * list c in `capabilities` or `naics` or are the source of a supply or subcontract link of c (the link's
 * capability, else the source's primary NAICS) to any organization, itself included (a self-link is
 * declared supply, as in capability-stats.ts). A link to an excluded organization no longer counts.
 *
 * Local candidates are manufacturers in the region that are not current suppliers (primes are the buyers;
 * training and support organizations make nothing) and either have a NAICS code in c's 4-digit industry
 * group, or hold every certification that all current suppliers of c hold (when they share at least one):
 * a buyer of c can expect those, so a firm that has them already passes the buyer's audits.
 *
 * Distances are to the region's centroid: the normalized mean of the unit vectors of the in-region
 * organizations' positions (`coords` = lon, lat interleaved, NaN when unknown, as in geo/positions.ts), so
 * it is right across the antimeridian and for regions of any size; it can fall outside a crescent-shaped
 * region, which is fine for "how far away is it".
 */
export function whoCouldFill(
  bundle: Bundle,
  inRegion: Uint8Array,
  coords: Float64Array,
  capability: string,
  options: FillOptions = {},
): FillResult {
  const orgs = bundle.organizations;
  const excluded = new Set(options.exclude ?? []);
  const limit = options.limit ?? 10;
  const index = new Map<string, number>();
  orgs.forEach((org, i) => index.set(org.id, i));
  const present = (i: number) => !excluded.has(orgs[i]!.id);

  const supplier = new Uint8Array(orgs.length);
  const sold = new Float64Array(orgs.length);
  orgs.forEach((org, i) => {
    if (present(i) && ((org.capabilities as string[]).includes(capability) || org.naics.includes(capability)))
      supplier[i] = 1;
  });
  for (const link of bundle.links) {
    if (!SUPPLY_LINK_KINDS.has(link.kind)) continue;
    const s = index.get(link.source);
    const t = index.get(link.target);
    if (s === undefined || t === undefined || !present(s) || !present(t)) continue;
    if ((link.capability ?? orgs[s]!.naics[0]) !== capability) continue;
    supplier[s] = 1;
    if (s !== t) sold[s]! += link.value ?? 0;
  }

  let required = null as Set<string> | null;
  let localSuppliers = 0;
  let outsideSuppliers = 0;
  for (let i = 0; i < orgs.length; i++) {
    if (supplier[i] !== 1) continue;
    if (inRegion[i] === 1) localSuppliers++;
    else outsideSuppliers++;
    const held = new Set(orgs[i]!.certifications);
    required = required === null ? held : new Set([...required].filter((c) => held.has(c)));
  }
  const requiredCertifications = [...(required ?? [])].sort(compareText);

  const naics = capabilityNaics(bundle, capability);
  const industryGroup = naics === null ? null : naics.slice(0, 4);
  const local: LocalCandidate[] = [];
  for (let i = 0; i < orgs.length; i++) {
    const org = orgs[i]!;
    if (inRegion[i] !== 1 || supplier[i] === 1 || org.kind !== 'manufacturer' || !present(i)) continue;
    const reasons: FillReason[] = [];
    const inGroup = industryGroup === null ? [] : org.naics.filter((code) => code.startsWith(industryGroup));
    if (inGroup.length > 0) reasons.push('industry-group');
    const holdsAll =
      requiredCertifications.length > 0 &&
      requiredCertifications.every((c) => org.certifications.includes(c));
    if (holdsAll) reasons.push('certifications');
    if (reasons.length === 0) continue;
    local.push({
      org: org.id,
      name: org.name,
      reasons,
      naics: inGroup,
      certifications: holdsAll ? requiredCertifications : [],
    });
  }
  local.sort(
    (a, b) => b.reasons.length - a.reasons.length || compareText(a.name, b.name) || compareText(a.org, b.org),
  );

  const scaleUp: ScaleUpCandidate[] = [];
  for (let i = 0; i < orgs.length; i++) {
    const org = orgs[i]!;
    if (supplier[i] !== 1 || inRegion[i] !== 1 || org.kind === 'prime') continue;
    scaleUp.push({ org: org.id, name: org.name, supplied: sold[i]! });
  }
  scaleUp.sort((a, b) => b.supplied - a.supplied || compareText(a.name, b.name) || compareText(a.org, b.org));

  const centroid = regionCentroid(inRegion, coords);
  const outside: OutsideSupplier[] = [];
  for (let i = 0; i < orgs.length; i++) {
    if (supplier[i] !== 1 || inRegion[i] === 1) continue;
    const lon = coords[2 * i];
    const lat = coords[2 * i + 1];
    const km =
      centroid === null || lon === undefined || lat === undefined || Number.isNaN(lon) || Number.isNaN(lat)
        ? null
        : greatCircleKm(centroid, { lon, lat });
    outside.push({ org: orgs[i]!.id, name: orgs[i]!.name, km, miles: km === null ? null : km / KM_PER_MILE });
  }
  outside.sort(
    (a, b) =>
      (a.km ?? Number.POSITIVE_INFINITY) - (b.km ?? Number.POSITIVE_INFINITY) ||
      compareText(a.name, b.name) ||
      compareText(a.org, b.org),
  );

  return {
    capability,
    naics,
    industryGroup,
    requiredCertifications,
    localSuppliers,
    outsideSuppliers,
    centroid,
    local,
    scaleUp,
    outside: outside.slice(0, limit),
  };
}

/** Haversine distance on the mean-radius sphere, km. */
export function greatCircleKm(a: { lon: number; lat: number }, b: { lon: number; lat: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Normalized mean of the unit vectors of the in-region positions; null when none, or when they cancel out. */
export function regionCentroid(
  inRegion: Uint8Array,
  coords: Float64Array,
): { lon: number; lat: number } | null {
  const rad = Math.PI / 180;
  let x = 0;
  let y = 0;
  let z = 0;
  let n = 0;
  for (let i = 0; i < inRegion.length; i++) {
    if (inRegion[i] !== 1) continue;
    const lon = coords[2 * i];
    const lat = coords[2 * i + 1];
    if (lon === undefined || lat === undefined || Number.isNaN(lon) || Number.isNaN(lat)) continue;
    x += Math.cos(lat * rad) * Math.cos(lon * rad);
    y += Math.cos(lat * rad) * Math.sin(lon * rad);
    z += Math.sin(lat * rad);
    n++;
  }
  const length = Math.hypot(x, y, z);
  // Antipodal points cancel out: there is no meaningful centre.
  if (n === 0 || length < 1e-12 * n) return null;
  return { lon: Math.atan2(y, x) / rad, lat: Math.asin(z / length) / rad };
}

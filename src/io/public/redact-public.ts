// The public profile of a shared copy (issue 21, DESIGN.md §5): no firm can be identified from it.
// - Organizations of counties with at least SMALL_CELL firms stay, under made-up names numbered by kind,
//   "Manufacturer 17 (332710 · Cook County, IL)", placed at their county's centroid. The NAICS code in the name
//   is shortened (6, 4, 3, then 2 digits) until at least SMALL_CELL firms of the county share it; a capability
//   or training subject stays only when that many firms of the county list it. Nothing else of the record stays.
// - Organizations of smaller counties, and those with no county, are left out (and counted).
// - Links become county-to-county flows per link kind: their distinct firms counted, their dollars summed into
//   a band; flows of fewer than SMALL_CELL firms are left out (and counted).
// - The sender's gap list (if any) travels in bands, leakage to the nearest 10%, counts of 1 or 2 suppressed,
//   and with them the values those one or two firms' sales are part of (demand, local value, leakage).
import { GAP_FLAGS } from '../../analysis/types.ts';
import type { AnalysisResult, Gap, GapFlag } from '../../analysis/types.ts';
import type { CountyFips, OrgId } from '../../domain/ids.ts';
import { SMALL_CELL } from '../../domain/model.ts';
import type {
  Bundle,
  CountyFlow,
  LinkKind,
  Organization,
  OrgKind,
  PublicAggregates,
  PublicGap,
  PublicPlace,
  Sharing,
} from '../../domain/model.ts';
import { stateOfFips } from '../import/state-codes.ts';
import { valueBand } from '../value-bands.ts';
import type { CountyPlaces } from './county-places.ts';

export interface PublicContext {
  /** The county of an organization: its record's, else found from its point or ZIP; null when none. */
  countyOf: (org: Organization) => string | null;
  /** County labels and centroids; without them a county is named by its code and drawn by the receiver. */
  places?: CountyPlaces | undefined;
  /** The sender's gap list and the region it is for, carried banded and suppressed. */
  gaps?: { region: string; list: readonly Gap[] } | null | undefined;
}

/** How a public copy names each kind: "Manufacturer 17". */
export const PUBLIC_KIND_NAMES: Readonly<Record<OrgKind, string>> = {
  prime: 'Prime',
  manufacturer: 'Manufacturer',
  training: 'Training provider',
  support: 'Support organization',
};
const KIND_ORDER: Readonly<Record<OrgKind, number>> = { prime: 0, manufacturer: 1, training: 2, support: 3 };

/** The count as a public copy may show it: null for 1 or 2 (0 names no firm, and stays). */
export const smallCell = (count: number): number | null => (count > 0 && count < SMALL_CELL ? null : count);

const band = (value: number): number => valueBand(value).from;

/** FNV-1a of a text: orders firms within a cell without the order saying anything of their names or ids. */
function scramble(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}

/** How many of `items` (one list per firm) hold each value, by county. */
function countByCounty(
  counties: readonly string[],
  lists: readonly (readonly string[])[],
): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  lists.forEach((list, i) => {
    const county = counties[i]!;
    let counts = out.get(county);
    if (counts === undefined) out.set(county, (counts = new Map()));
    for (const value of new Set(list)) counts.set(value, (counts.get(value) ?? 0) + 1);
  });
  return out;
}

/** The public copy of `bundle`; `sharing` is the profile and marking it is to say. */
export function publicBundle(bundle: Bundle, sharing: Sharing, context: PublicContext): Bundle {
  const orgs = bundle.organizations;
  const countyOf = orgs.map((org) => context.countyOf(org));
  const firmsOfCounty = new Map<string, number>();
  for (const county of countyOf)
    if (county !== null) firmsOfCounty.set(county, (firmsOfCounty.get(county) ?? 0) + 1);

  const kept: number[] = [];
  let unplaced = 0;
  let smallCounties = 0;
  orgs.forEach((_, i) => {
    const county = countyOf[i]!;
    if (county === null) unplaced++;
    else if (firmsOfCounty.get(county)! < SMALL_CELL) smallCounties++;
    else kept.push(i);
  });
  const keptCounties = kept.map((i) => countyOf[i]!);

  // The NAICS code each firm is named by: the longest prefix of its primary code that SMALL_CELL firms of its
  // county share, or none.
  const prefixes = kept.map((i) => {
    const code = orgs[i]!.naics[0];
    return code === undefined ? [] : [6, 4, 3, 2].map((digits) => code.slice(0, digits));
  });
  const prefixCounts = countByCounty(keptCounties, prefixes);
  const shownCode = kept.map((_, k) => {
    const counts = prefixCounts.get(keptCounties[k]!)!;
    const found = prefixes[k]!.find((prefix) => counts.get(prefix)! >= SMALL_CELL);
    return found ?? null;
  });
  const capabilityCounts = countByCounty(
    keptCounties,
    kept.map((i) => orgs[i]!.capabilities),
  );
  const trainsCounts = countByCounty(
    keptCounties,
    kept.map((i) => orgs[i]!.trains),
  );

  const order = kept
    .map((i, k) => ({ i, k, key: scramble(orgs[i]!.id) }))
    .sort(
      (a, b) =>
        KIND_ORDER[orgs[a.i]!.kind] - KIND_ORDER[orgs[b.i]!.kind] ||
        compare(keptCounties[a.k]!, keptCounties[b.k]!) ||
        compare(shownCode[a.k] ?? '', shownCode[b.k] ?? '') ||
        a.key - b.key ||
        a.i - b.i,
    );
  const numberOfKind = new Map<OrgKind, number>();
  const organizations: Organization[] = order.map(({ i, k }) => {
    const org = orgs[i]!;
    const county = keptCounties[k]!;
    const n = (numberOfKind.get(org.kind) ?? 0) + 1;
    numberOfKind.set(org.kind, n);
    const place = context.places;
    const at = place?.centroid(county) ?? null;
    const code = shownCode[k] ?? null;
    const where = place?.label(county) ?? `county ${county}`;
    const state = stateOfFips(county.slice(0, 2));
    const inCell = (counts: Map<string, Map<string, number>>) => (value: string) =>
      counts.get(county)!.get(value)! >= SMALL_CELL;
    return {
      id: `${org.kind}-${n}` as OrgId,
      name: `${PUBLIC_KIND_NAMES[org.kind]} ${n} (${code === null ? '' : `${code} · `}${where})`,
      kind: org.kind,
      ...(at === null ? {} : { lon: at[0], lat: at[1] }),
      ...(state === null ? {} : { state }),
      county: county as CountyFips,
      naics: code !== null && code.length === 6 ? [code] : [],
      capabilities: [...new Set(org.capabilities)].filter(inCell(capabilityCounts)),
      certifications: [],
      trains: [...new Set(org.trains)].filter(inCell(trainsCounts)),
      needs: [],
    };
  });

  const { flows, suppressedFlows } = countyFlows(bundle, countyOf);
  const placed = new Set<string>([...keptCounties, ...flows.flatMap((flow) => [flow.from, flow.to])]);
  const places: PublicPlace[] = [...placed].sort(compare).map((county) => {
    const at = context.places?.centroid(county) ?? null;
    return {
      county: county as CountyFips,
      name: context.places?.label(county) ?? `County ${county}`,
      ...(at === null ? {} : { lon: at[0], lat: at[1] }),
    };
  });
  const gaps = context.gaps ?? null;
  const aggregates: PublicAggregates = {
    places,
    flows,
    ...(gaps === null
      ? {}
      : { gaps: gaps.list.map(publicGap), region: gaps.region as PublicAggregates['region'] }),
    suppressed: { organizations: smallCounties, unplaced, flows: suppressedFlows },
  };
  // Labels only of the capabilities the copy still names: a label held by one firm says what that firm does.
  const named = new Set<string>([
    ...organizations.flatMap((org) => [...org.capabilities, ...org.trains, ...org.naics]),
    ...(aggregates.gaps ?? []).map((gap) => gap.capability),
  ]);
  const { dod: _dod, ...meta } = bundle.meta;
  return {
    ...bundle,
    meta: { ...meta, description: '', sharing: { ...sharing, public: aggregates } },
    organizations,
    links: [],
    capabilities: bundle.capabilities.filter((capability) => named.has(capability.id)),
  };
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Links summed by (supplier's county, buyer's county, kind); flows of fewer than SMALL_CELL firms left out. */
function countyFlows(
  bundle: Bundle,
  countyOf: readonly (string | null)[],
): { flows: CountyFlow[]; suppressedFlows: number } {
  const index = new Map<string, number>();
  bundle.organizations.forEach((org, i) => index.set(org.id, i));
  const cells = new Map<string, { firms: Set<number>; value: number; valued: boolean }>();
  for (const link of bundle.links) {
    const s = index.get(link.source);
    const t = index.get(link.target);
    if (s === undefined || t === undefined) continue;
    const from = countyOf[s];
    const to = countyOf[t];
    if (from === null || to === null || from === undefined || to === undefined) continue;
    const key = `${from} ${to} ${link.kind}`;
    let cell = cells.get(key);
    if (cell === undefined) cells.set(key, (cell = { firms: new Set(), value: 0, valued: false }));
    cell.firms.add(s).add(t);
    if (link.value !== undefined) {
      cell.value += link.value;
      cell.valued = true;
    }
  }
  const flows: CountyFlow[] = [];
  let suppressedFlows = 0;
  for (const [key, cell] of [...cells].sort(([a], [b]) => compare(a, b))) {
    if (cell.firms.size < SMALL_CELL) {
      suppressedFlows++;
      continue;
    }
    const [from, to, kind] = key.split(' ') as [CountyFips, CountyFips, LinkKind];
    flows.push({
      from,
      to,
      kind,
      firms: cell.firms.size,
      ...(cell.valued ? { value: band(cell.value) } : {}),
    });
  }
  return { flows, suppressedFlows };
}

function publicGap(gap: Gap): PublicGap {
  // One or two local suppliers: the local sales, and what they are part of, would be theirs alone.
  const few = smallCell(gap.localSuppliers) === null;
  return {
    capability: gap.capability as PublicGap['capability'],
    label: gap.label,
    flags: [...gap.flags],
    demand: few ? null : band(gap.demand),
    localValue: few ? null : band(gap.localValue),
    importedValue: band(gap.importedValue),
    leakage: few ? null : Math.round(gap.leakage * 10) / 10,
    localSuppliers: smallCell(gap.localSuppliers),
    trainers: smallCell(gap.trainers),
  };
}

/**
 * The analysis a public copy shows for `regionId`: `base` (the receiver's own run over the copy, which has
 * no links, hence no tiers, critical nodes or matrix) with the sender's carried gap list when it is for that
 * region, else none. Suppressed counts become NaN, which the views write "fewer than 3".
 */
export function carriedAnalysis(
  bundle: Bundle,
  regionId: string | null,
  base: AnalysisResult | null,
): AnalysisResult | null {
  const aggregates = bundle.meta.sharing?.public;
  if (aggregates === undefined) return base;
  const region = aggregates.region ?? null;
  const gaps: Gap[] =
    aggregates.gaps === undefined || region !== regionId
      ? []
      : aggregates.gaps.map((gap) => ({
          ...gap,
          flags: gap.flags.filter((flag): flag is GapFlag => (GAP_FLAGS as readonly string[]).includes(flag)),
          demand: gap.demand ?? Number.NaN,
          localValue: gap.localValue ?? Number.NaN,
          leakage: gap.leakage ?? Number.NaN,
          localSuppliers: gap.localSuppliers ?? Number.NaN,
          trainers: gap.trainers ?? Number.NaN,
          // Not carried: the number of demand items and the concentration could single out a firm.
          demandLinks: Number.NaN,
          hhi: null,
        }));
  return {
    version: 1,
    region: regionId,
    criticalSuppliers: [],
    criticalLinks: [],
    tiers: {},
    tierCounts: [],
    matrix: [],
    regionOrganizations: base?.regionOrganizations ?? 0,
    ...base,
    gaps,
  };
}

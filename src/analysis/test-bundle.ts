// Builds small bundles for analysis tests from a terse description, so each test states its graph in a
// few lines. Used by tests only.
import type { Bundle, Link, Organization, OrgKind } from '../domain/model.ts';
import type { CapabilityId, CountyFips, OrgId } from '../domain/ids.ts';
import { buildSupplyGraph, KIND_CODE } from './supply-graph.ts';
import type { SupplyGraph } from './supply-graph.ts';

export interface OrgSpec {
  id: string;
  kind?: OrgKind;
  /** In the home region (county "00001") or outside it (county "00002"). */
  inRegion?: boolean;
  naics?: string[];
  capabilities?: string[];
  trains?: string[];
  needs?: { capability: string; annualValue?: number }[];
}

/** `[source, target, capability?, value?]`, supply direction. */
export type LinkSpec = [string, string, string?, number?];

export const REGION_COUNTIES = ['00001'];

export function testBundle(orgs: OrgSpec[], links: LinkSpec[], linkKind: Link['kind'] = 'supplies'): Bundle {
  return {
    format: 'forgemap.bundle',
    version: 1,
    meta: {
      id: 't',
      title: 'test',
      description: '',
      source: 'test',
      license: 'CC0-1.0',
      asOf: '2026-01-01',
      synthetic: true,
    },
    organizations: orgs.map((o): Organization => ({
      id: o.id as OrgId,
      name: o.id,
      kind: o.kind ?? 'manufacturer',
      county: ((o.inRegion ?? true) ? '00001' : '00002') as CountyFips,
      naics: o.naics ?? [],
      capabilities: (o.capabilities ?? []) as CapabilityId[],
      certifications: [],
      trains: (o.trains ?? []) as CapabilityId[],
      needs: (o.needs ?? []).map((n) => ({
        capability: n.capability as CapabilityId,
        annualValue: n.annualValue,
      })),
    })),
    links: links.map(([source, target, capability, value]) => ({
      source: source as OrgId,
      target: target as OrgId,
      kind: linkKind,
      capability: capability as CapabilityId | undefined,
      value,
    })),
    capabilities: [],
    regions: [],
  };
}

/** `[supplier, buyer]`, or with the link's kind. */
export type PairLink = [string, string] | [string, string, Link['kind']];

/**
 * The supply graph (nothing in the region) of organizations by id → kind and [supplier, buyer] pairs, each
 * link's capability from `capability(i)`, for tests of network facts.
 */
export function pairGraph(
  orgs: Record<string, OrgKind>,
  links: readonly PairLink[],
  capability: (i: number) => string = () => 'machining',
): SupplyGraph {
  const bundle = testBundle(
    Object.entries(orgs).map(([id, kind]) => ({ id, kind, naics: ['332710'] })),
    [],
  );
  bundle.links = links.map(([source, target, kind], i) => ({
    source: source as OrgId,
    target: target as OrgId,
    kind: kind ?? 'supplies',
    capability: capability(i) as CapabilityId,
  }));
  return buildSupplyGraph(bundle, new Uint8Array(bundle.organizations.length));
}

/**
 * A supply chain of `n` organizations built straight in typed arrays: o1 supplies o0, o2 supplies o1, …;
 * o0 is a prime, the others manufacturers. Deep enough to break any recursive search.
 */
export function chainGraph(n: number): SupplyGraph {
  const source = new Int32Array(n - 1);
  const target = new Int32Array(n - 1);
  for (let i = 0; i + 1 < n; i++) {
    source[i] = i + 1;
    target[i] = i;
  }
  const orgIds = Array.from({ length: n }, (_, i) => `o${i}`);
  const kind = new Uint8Array(n).fill(KIND_CODE.manufacturer);
  kind[0] = KIND_CODE.prime;
  return {
    ...pairGraph({}, []),
    orgCount: n,
    orgIds,
    orgIndex: new Map(orgIds.map((id, i) => [id, i])),
    kind,
    inRegion: new Uint8Array(n),
    linkCount: n - 1,
    linkSource: source,
    linkTarget: target,
  };
}

export const HT = '332811'; // Metal Heat Treating
export const MS = '332710'; // Machine Shops

/** The prime every capability case buys for. */
export const TEST_PRIME: OrgSpec = { id: 'P', kind: 'prime' };

/** The supply graph of a terse description, its region being the organizations marked in it. */
export function specGraph(orgs: OrgSpec[], links: LinkSpec[], linkKind?: Link['kind']): SupplyGraph {
  const mask = Uint8Array.from(orgs, (o) => ((o.inRegion ?? true) ? 1 : 0));
  return buildSupplyGraph(testBundle(orgs, links, linkKind), mask);
}

/** The hand-computed heat-treating case: the prime buys 100k from local H and 150k + 50k from O1, O2 outside. */
export const HEAT_TREATING_SPLIT: { orgs: OrgSpec[]; links: LinkSpec[] } = {
  orgs: [
    { id: 'H', naics: [HT] },
    { id: 'O1', naics: [HT], inRegion: false },
    { id: 'O2', naics: [HT], inRegion: false },
  ],
  links: [
    ['H', 'P', HT, 100_000],
    ['O1', 'P', HT, 150_000],
    ['O2', 'P', HT, 50_000],
  ],
};

/**
 * The test prime, then `others`, then local suppliers A, B, C… selling it heat treating for the values given,
 * in that order.
 */
export function primeBuying(values: number[], ...others: OrgSpec[]): { orgs: OrgSpec[]; links: LinkSpec[] } {
  const ids = values.map((_, i) => String.fromCharCode(65 + i));
  return {
    orgs: [TEST_PRIME, ...others, ...ids.map((id) => ({ id }))],
    links: ids.map((id, i): LinkSpec => [id, 'P', HT, values[i]]),
  };
}

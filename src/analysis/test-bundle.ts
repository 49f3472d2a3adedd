// Builds small bundles for analysis tests from a terse description, so each test states its graph in a
// few lines. Used by tests only.
import type { Bundle, Link, Organization, OrgKind } from '../domain/model.ts';
import type { CapabilityId, CountyFips, OrgId } from '../domain/ids.ts';

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

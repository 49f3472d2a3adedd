import { describe, expect, it } from 'vitest';
import { regionMembership } from '../domain/membership.ts';
import { analyzeGraph } from './analyze.ts';
import { buildSupplyGraph, REMOVED_KIND } from './supply-graph.ts';
import { removeOrgs, whatIf } from './what-if.ts';
import { REGION_COUNTIES, testBundle } from './test-bundle.ts';
import type { LinkSpec, OrgSpec } from './test-bundle.ts';

const HT = '332811'; // Metal Heat Treating
const MS = '332710'; // Machine Shops
const options = { regionId: 'r', label: (id: string) => `label ${id}` };

function graphOf(orgs: OrgSpec[], links: LinkSpec[]) {
  const bundle = testBundle(orgs, links);
  return buildSupplyGraph(bundle, regionMembership(bundle.organizations, REGION_COUNTIES, {}));
}

// A prime P in the region buys heat treating only from H (the single local heat treater), and machining
// from M1 and M2; H and M1 are in the region, M2 outside.
const orgs: OrgSpec[] = [
  { id: 'P', kind: 'prime' },
  { id: 'H', naics: [HT] },
  { id: 'M1', naics: [MS] },
  { id: 'M2', naics: [MS], inRegion: false },
  { id: 'T', kind: 'training', trains: [MS] },
];
const links: LinkSpec[] = [
  ['H', 'P', HT, 100],
  ['M1', 'P', MS, 60],
  ['M2', 'P', MS, 40],
];

describe('whatIf', () => {
  it('removing the single heat treater makes the prime lose heat treating', () => {
    const result = whatIf(graphOf(orgs, links), ['H'], options);
    expect(result.removed).toEqual(['H']);
    expect(result.lostSupply).toEqual([
      { prime: 'P', capability: HT, label: `label ${HT}`, inRegionBefore: 1, outOfRegionBefore: 0 },
    ]);
    // Before: single-source + workforce (T trains machining only). After: no supplier and no demand left,
    // so heat treating leaves the gap list and its flags vanish.
    expect(result.changes.find((c) => c.capability === HT)).toMatchObject({
      appeared: [],
      vanished: ['single-source', 'workforce'],
      localSuppliersBefore: 1,
      localSuppliersAfter: 0,
    });
  });

  it('removing a non-critical supplier loses nothing for any prime', () => {
    const result = whatIf(graphOf(orgs, links), ['M2'], options);
    expect(result.lostSupply).toEqual([]);
    // Machining was imported 40 of 100; without M2 the demand is 60, all local.
    expect(result.importedValueDelta).toBe(-40);
    expect(result.changes).toEqual([
      {
        capability: MS,
        label: `label ${MS}`,
        appeared: [],
        vanished: [],
        importedValueBefore: 40,
        importedValueAfter: 0,
        localSuppliersBefore: 1,
        localSuppliersAfter: 1,
      },
    ]);
  });

  it('removing the only local machinist makes machining missing while the outside supplier remains', () => {
    const result = whatIf(graphOf(orgs, links), ['M1'], options);
    expect(result.lostSupply).toEqual([]);
    const machining = result.changes.find((c) => c.capability === MS);
    expect(machining?.appeared).toEqual(['missing']);
    expect(machining?.vanished).toEqual(['single-source']);
  });

  it('removing the trainer makes a workforce flag appear', () => {
    const result = whatIf(graphOf(orgs, links), ['T'], options);
    expect(result.changes.map((c) => [c.capability, c.appeared])).toEqual([[MS, ['workforce']]]);
  });

  it('a removed prime loses nothing: it is gone, and so is its demand', () => {
    const result = whatIf(graphOf(orgs, links), ['P'], options);
    expect(result.lostSupply).toEqual([]);
    expect(result.scenario.gaps).toEqual([]);
    expect(result.scenario.matrix).toEqual([]);
  });

  it('reports ids that are not in the dataset and otherwise matches the baseline', () => {
    const graph = graphOf(orgs, links);
    const result = whatIf(graph, ['nobody'], options);
    expect(result.unknown).toEqual(['nobody']);
    expect(result.removed).toEqual([]);
    expect(result.scenario).toEqual(analyzeGraph(graph, options));
    expect(result.changes).toEqual([]);
  });
});

describe('removeOrgs', () => {
  it('keeps indices, marks the removed org and drops its links, offers and needs', () => {
    const graph = graphOf(
      [{ id: 'P', kind: 'prime', needs: [{ capability: HT, annualValue: 5 }] }, ...orgs.slice(1)],
      links,
    );
    const { graph: reduced } = removeOrgs(graph, ['H', 'P']);
    expect(reduced.orgIds).toEqual(graph.orgIds);
    expect(reduced.kind[0]).toBe(REMOVED_KIND);
    expect(reduced.kind[1]).toBe(REMOVED_KIND);
    expect(reduced.inRegion[1]).toBe(0);
    expect(reduced.linkCount).toBe(0);
    expect(reduced.needCount).toBe(0);
    expect(reduced.offersStart[2]! - reduced.offersStart[1]!).toBe(0);
    // The original graph is untouched.
    expect(graph.linkCount).toBe(3);
    expect(graph.kind[1]).toBe(1);
  });
});

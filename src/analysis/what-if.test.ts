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
    // Before: single-source + workforce (T trains machining only), all $100 local. After: P still needs its
    // $100 of heat treating, now bought outside the region: no local supplier, so missing instead of single
    // source; nobody trains it either way.
    expect(result.changes.find((c) => c.capability === HT)).toMatchObject({
      appeared: ['missing'],
      vanished: ['single-source'],
      importedValueBefore: 0,
      importedValueAfter: 100,
      localSuppliersBefore: 1,
      localSuppliersAfter: 0,
    });
    expect(result.importedValueDelta).toBe(100);
  });

  it('removing an outside supplier changes no dollars: what P bought from it is still bought outside', () => {
    const result = whatIf(graphOf(orgs, links), ['M2'], options);
    expect(result.lostSupply).toEqual([]);
    expect(result.importedValueDelta).toBe(0);
    expect(result.changes).toEqual([]);
  });

  it('removing the only local machinist makes machining missing while the outside supplier remains', () => {
    const result = whatIf(graphOf(orgs, links), ['M1'], options);
    expect(result.lostSupply).toEqual([]);
    const machining = result.changes.find((c) => c.capability === MS);
    expect(machining?.appeared).toEqual(['missing']);
    expect(machining?.vanished).toEqual(['single-source']);
    // M1's $60 are now bought outside too: 40 → 100 imported.
    expect([machining?.importedValueBefore, machining?.importedValueAfter]).toEqual([40, 100]);
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
  it('keeps indices, marks the removed org, drops its offers, needs and purchases, keeps its sales as demand', () => {
    const graph = graphOf(
      [{ id: 'P', kind: 'prime', needs: [{ capability: HT, annualValue: 5 }] }, ...orgs.slice(1)],
      links,
    );
    const { graph: reduced } = removeOrgs(graph, ['H', 'P']);
    expect(reduced.orgIds).toEqual(graph.orgIds);
    expect(reduced.kind[0]).toBe(REMOVED_KIND);
    expect(reduced.kind[1]).toBe(REMOVED_KIND);
    expect(reduced.inRegion[1]).toBe(0);
    // Every link here is a purchase of the removed prime P: none is left.
    expect(reduced.linkCount).toBe(0);
    // Without P removed, H's sale to P stays (from a removed source); M1's and M2's too.
    const onlyH = removeOrgs(graph, ['H']).graph;
    expect(onlyH.linkCount).toBe(3);
    expect(onlyH.kind[onlyH.linkSource[0]!]).toBe(REMOVED_KIND);
    expect(reduced.needCount).toBe(0);
    expect(reduced.offersStart[2]! - reduced.offersStart[1]!).toBe(0);
    // The original graph is untouched.
    expect(graph.linkCount).toBe(3);
    expect(graph.kind[1]).toBe(1);
  });
});

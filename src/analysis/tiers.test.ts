// Tiers on tiny hand-computed supply graphs: each case lists orgs, supply links (supplier → buyer) and the
// expected tier of every org.
import { describe, expect, it } from 'vitest';
import type { OrgKind } from '../domain/model.ts';
import { REMOVED_KIND } from './supply-graph.ts';
import { chainGraph, pairGraph } from './test-bundle.ts';
import type { PairLink } from './test-bundle.ts';
import type { SupplyGraph } from './supply-graph.ts';
import { computeTiers, tierCounts, tiersRecord } from './tiers.ts';

/** A graph from org id → kind and [supplier, buyer] pairs (or [supplier, buyer, link kind]). */
const graphOf = (orgs: Record<string, OrgKind>, links: PairLink[]) => pairGraph(orgs, links);

function tiersById(graph: SupplyGraph): Record<string, number> {
  const tiers = computeTiers(graph);
  return Object.fromEntries(graph.orgIds.map((id, i) => [id, tiers[i]!]));
}

const M: OrgKind = 'manufacturer';

describe('computeTiers', () => {
  it('counts links to the prime along a chain a → b → c → P', () => {
    const graph = graphOf({ a: M, b: M, c: M, P: 'prime' }, [
      ['a', 'b'],
      ['b', 'c'],
      ['c', 'P'],
    ]);
    expect(tiersById(graph)).toEqual({ a: 3, b: 2, c: 1, P: 0 });
  });

  it('follows supply direction only: a buyer of the prime is unreachable', () => {
    const graph = graphOf({ s: M, P: 'prime', d: M }, [
      ['s', 'P'],
      ['P', 'd'],
    ]);
    expect(tiersById(graph)).toEqual({ s: 1, P: 0, d: -1 });
  });

  it('gives a prime that also supplies another prime tier 0', () => {
    const graph = graphOf({ P: 'prime', Q: 'prime', a: M }, [
      ['P', 'Q'],
      ['a', 'P'],
    ]);
    expect(tiersById(graph)).toEqual({ P: 0, Q: 0, a: 1 });
  });

  it('takes the shorter of two paths to a prime', () => {
    // a → b → c → P and a → P2 directly; also x → b reaches P in 3 links.
    const graph = graphOf({ a: M, b: M, c: M, P: 'prime', P2: 'prime', x: M }, [
      ['a', 'b'],
      ['b', 'c'],
      ['c', 'P'],
      ['a', 'P2'],
      ['x', 'b'],
    ]);
    expect(tiersById(graph)).toEqual({ a: 1, b: 2, c: 1, P: 0, P2: 0, x: 3 });
  });

  it('takes the shorter path when both lead to the same prime', () => {
    // a → b → P and a → c → d → P: a is tier 2.
    const graph = graphOf({ a: M, b: M, c: M, d: M, P: 'prime' }, [
      ['a', 'c'],
      ['c', 'd'],
      ['d', 'P'],
      ['a', 'b'],
      ['b', 'P'],
    ]);
    expect(tiersById(graph)).toEqual({ a: 2, b: 1, c: 2, d: 1, P: 0 });
  });

  it('ignores self-links and survives cycles', () => {
    const graph = graphOf({ a: M, b: M, P: 'prime' }, [
      ['a', 'a'],
      ['a', 'b'],
      ['b', 'a'],
      ['b', 'P'],
      ['P', 'P'],
    ]);
    expect(tiersById(graph)).toEqual({ a: 2, b: 1, P: 0 });
  });

  it('treats parallel links like one', () => {
    const graph = graphOf({ a: M, P: 'prime' }, [
      ['a', 'P'],
      ['a', 'P'],
    ]);
    expect(tiersById(graph)).toEqual({ a: 1, P: 0 });
  });

  it('counts subcontract links but not trains or partners links', () => {
    const graph = graphOf({ a: M, t: 'training', p: M, P: 'prime' }, [
      ['a', 'P', 'subcontract'],
      ['t', 'P', 'trains'],
      ['p', 'P', 'partners'],
    ]);
    expect(tiersById(graph)).toEqual({ a: 1, t: -1, p: -1, P: 0 });
  });

  it('leaves every org unreachable when there is no prime', () => {
    const graph = graphOf({ a: M, b: M }, [['a', 'b']]);
    expect(tiersById(graph)).toEqual({ a: -1, b: -1 });
  });

  it('never seeds from a removed prime, even if its links were left in', () => {
    const base = graphOf({ a: M, P: 'prime', Q: 'prime' }, [
      ['a', 'P'],
      ['a', 'Q'],
    ]);
    const kind = base.kind.slice();
    kind[base.orgIndex.get('P')!] = REMOVED_KIND;
    expect(tiersById({ ...base, kind })).toEqual({ a: 1, P: -1, Q: 0 });
  });

  it('walks a 100,000-org chain down to the prime', () => {
    const chain = chainGraph(100_000);
    const tiers = computeTiers(chain);
    expect(tiers.every((tier, i) => tier === i)).toBe(true);
  });

  it('handles an empty graph', () => {
    expect(Array.from(computeTiers(graphOf({}, [])))).toEqual([]);
  });
});

describe('tierCounts', () => {
  it('counts orgs per tier and skips unreachable ones', () => {
    expect(tierCounts(Int32Array.from([3, 2, 1, 0, -1, 1, 0]))).toEqual([2, 2, 1, 1]);
  });

  it('keeps empty tiers below the deepest one as zeros', () => {
    expect(tierCounts(Int32Array.from([0, 2]))).toEqual([1, 0, 1]);
  });

  it('is empty when nothing reaches a prime', () => {
    expect(tierCounts(Int32Array.from([-1, -1]))).toEqual([]);
  });
});

describe('tiersRecord', () => {
  it('maps ids to tiers and leaves unreachable orgs out', () => {
    const graph = graphOf({ a: M, P: 'prime', lone: M }, [['a', 'P']]);
    expect({ ...tiersRecord(graph, computeTiers(graph)) }).toEqual({ a: 1, P: 0 });
  });

  it('stores ids such as __proto__ and constructor as own keys', () => {
    const graph = graphOf({ ['__proto__']: M, constructor: M, P: 'prime' }, [
      ['__proto__', 'P'],
      ['constructor', '__proto__'],
    ]);
    const record = tiersRecord(graph, computeTiers(graph));
    expect(Object.keys(record).sort()).toEqual(['P', '__proto__', 'constructor']);
    expect(Object.prototype.hasOwnProperty.call(record, '__proto__')).toBe(true);
    expect(record['__proto__']).toBe(1);
    expect(record['constructor']).toBe(2);
    expect(JSON.parse(JSON.stringify(record))).toEqual(JSON.parse('{"__proto__":1,"constructor":2,"P":0}'));
    expect(structuredClone(record)['__proto__']).toBe(1);
    // Object.prototype was not touched.
    expect(({} as Record<string, unknown>)['P']).toBeUndefined();
  });
});

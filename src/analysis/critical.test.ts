// Critical suppliers (articulation points) and critical links (bridges) on tiny hand-computed supply graphs,
// plus a 100,000-org chain that a recursive search could not survive.
import { describe, expect, it } from 'vitest';
import type { OrgKind } from '../domain/model.ts';
import { findCriticalLinks, findCriticalSuppliers, findCutStructure } from './critical.ts';
import { REMOVED_KIND } from './supply-graph.ts';
import { chainGraph, pairGraph } from './test-bundle.ts';
import type { PairLink } from './test-bundle.ts';
import type { SupplyGraph } from './supply-graph.ts';

/** A graph of manufacturers (P* ids are primes) from [supplier, buyer] pairs; `extra` adds isolated orgs. */
function graphOf(links: PairLink[], extra: string[] = []) {
  const ids = [...new Set([...links.flatMap(([s, t]) => [s, t]), ...extra])];
  const kinds = Object.fromEntries(
    ids.map((id): [string, OrgKind] => [id, id.startsWith('P') ? 'prime' : 'manufacturer']),
  );
  // Distinct capabilities, so parallel links really are different links.
  return pairGraph(kinds, links, (i) => `cap${i}`);
}

/** Articulation ids sorted, and bridges as "x-y" with the ids sorted. */
function cutById(graph: SupplyGraph): { critical: string[]; bridges: string[] } {
  const { articulation, bridges } = findCutStructure(graph);
  const ids = graph.orgIds;
  return {
    critical: ids.filter((_, i) => articulation[i] === 1).sort(),
    bridges: bridges.map(([a, b]) => [ids[a]!, ids[b]!].sort().join('-')).sort(),
  };
}

describe('findCutStructure', () => {
  it('on a chain a → b → c → P: the inner orgs are critical and every link is a bridge', () => {
    const graph = graphOf([
      ['a', 'b'],
      ['b', 'c'],
      ['c', 'P'],
    ]);
    expect(cutById(graph)).toEqual({ critical: ['b', 'c'], bridges: ['P-c', 'a-b', 'b-c'] });
  });

  it('on a star: the hub is critical and every spoke is a bridge', () => {
    const graph = graphOf([
      ['s1', 'P'],
      ['s2', 'P'],
      ['s3', 'P'],
      ['P', 's4'],
    ]);
    expect(cutById(graph)).toEqual({ critical: ['P'], bridges: ['P-s1', 'P-s2', 'P-s3', 'P-s4'] });
  });

  it('on a diamond a → b, a → c, b → P, c → P: nothing is critical', () => {
    const graph = graphOf([
      ['a', 'b'],
      ['a', 'c'],
      ['b', 'P'],
      ['c', 'P'],
    ]);
    expect(cutById(graph)).toEqual({ critical: [], bridges: [] });
  });

  it('on a diamond with a tail P → d: only the junction P and the tail link are critical', () => {
    const graph = graphOf([
      ['a', 'b'],
      ['a', 'c'],
      ['b', 'P'],
      ['c', 'P'],
      ['P', 'd'],
    ]);
    expect(cutById(graph)).toEqual({ critical: ['P'], bridges: ['P-d'] });
  });

  it('on a triangle with a tail: the junction is critical and only the tail is a bridge', () => {
    const graph = graphOf([
      ['a', 'b'],
      ['b', 'c'],
      ['c', 'a'],
      ['d', 'c'],
    ]);
    expect(cutById(graph)).toEqual({ critical: ['c'], bridges: ['c-d'] });
  });

  it('on two triangles sharing one org: the shared org is critical, no link is a bridge', () => {
    const graph = graphOf([
      ['a', 'b'],
      ['b', 'x'],
      ['x', 'a'],
      ['x', 'c'],
      ['c', 'd'],
      ['d', 'x'],
    ]);
    expect(cutById(graph)).toEqual({ critical: ['x'], bridges: [] });
  });

  it('keeps two parallel links a → P, a → P one relationship, still a bridge', () => {
    const graph = graphOf([
      ['a', 'P'],
      ['a', 'P'],
    ]);
    expect(cutById(graph)).toEqual({ critical: [], bridges: ['P-a'] });
  });

  it('merges opposite links a → b, b → a into one relationship', () => {
    const graph = graphOf([
      ['a', 'b'],
      ['b', 'a'],
      ['b', 'c'],
    ]);
    expect(cutById(graph)).toEqual({ critical: ['b'], bridges: ['a-b', 'b-c'] });
  });

  it('merges parallel subcontract and supplies links too', () => {
    const graph = graphOf([
      ['a', 'b', 'supplies'],
      ['a', 'b', 'subcontract'],
      ['b', 'a', 'subcontract'],
    ]);
    expect(cutById(graph)).toEqual({ critical: [], bridges: ['a-b'] });
  });

  it('ignores trains and partners links', () => {
    const graph = graphOf([
      ['a', 'b'],
      ['b', 'c'],
      ['a', 'c', 'partners'],
      ['c', 'a', 'trains'],
    ]);
    expect(cutById(graph)).toEqual({ critical: ['b'], bridges: ['a-b', 'b-c'] });
  });

  it('ignores self-loops', () => {
    const graph = graphOf([
      ['a', 'a'],
      ['a', 'b'],
      ['b', 'b'],
    ]);
    expect(cutById(graph)).toEqual({ critical: [], bridges: ['a-b'] });
  });

  it('finds the cut structure of every component of a disconnected graph', () => {
    // Component 1: chain x - y - z. Component 2: triangle p q r. Component 3: an isolated org.
    const graph = graphOf(
      [
        ['x', 'y'],
        ['y', 'z'],
        ['p', 'q'],
        ['q', 'r'],
        ['r', 'p'],
        ['u', 'v'],
      ],
      ['alone'],
    );
    expect(cutById(graph)).toEqual({ critical: ['y'], bridges: ['u-v', 'x-y', 'y-z'] });
  });

  it('marks a DFS root with two subtrees as critical, with one subtree not', () => {
    // Org index 0 is "m", the DFS root: in the first graph it sits in the middle of a path.
    expect(
      cutById(
        graphOf([
          ['m', 'a'],
          ['m', 'b'],
        ]),
      ).critical,
    ).toEqual(['m']);
    expect(
      cutById(
        graphOf([
          ['m', 'a'],
          ['a', 'b'],
        ]),
      ).critical,
    ).toEqual(['a']);
  });

  it('does not count a removed org, even if its links were left in', () => {
    const base = graphOf([
      ['a', 'b'],
      ['b', 'c'],
      ['a', 'x'],
      ['x', 'c'],
    ]);
    const kind = base.kind.slice();
    kind[base.orgIndex.get('x')!] = REMOVED_KIND;
    expect(cutById({ ...base, kind })).toEqual({ critical: ['b'], bridges: ['a-b', 'b-c'] });
  });

  it('handles an empty graph and a graph without links', () => {
    expect(cutById(graphOf([]))).toEqual({ critical: [], bridges: [] });
    expect(cutById(graphOf([], ['a', 'b']))).toEqual({ critical: [], bridges: [] });
  });

  it('runs on a 100,000-org chain without overflowing the stack', () => {
    const n = 100_000;
    const chain = chainGraph(n);
    const { articulation, bridges } = findCutStructure(chain);
    let critical = 0;
    for (let i = 0; i < n; i++) critical += articulation[i]!;
    expect(critical).toBe(n - 2);
    expect(articulation[0]).toBe(0);
    expect(articulation[n - 1]).toBe(0);
    expect(bridges.length).toBe(n - 1);
    expect(bridges.every(([a, b]) => b === a + 1)).toBe(true);
  });
});

describe('findCriticalSuppliers and findCriticalLinks', () => {
  it('return org indices in ascending order', () => {
    // Indices: d=0, c=1, b=2, a=3, P=4 (order of first appearance).
    const graph = graphOf([
      ['d', 'c'],
      ['c', 'b'],
      ['b', 'a'],
      ['a', 'P'],
    ]);
    expect(findCriticalSuppliers(graph)).toEqual([1, 2, 3]);
    expect(findCriticalLinks(graph)).toEqual([
      [0, 1],
      [1, 2],
      [2, 3],
      [3, 4],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { testBundle } from '../../analysis/test-bundle.ts';
import type { LinkSpec } from '../../analysis/test-bundle.ts';
import { testView } from '../derive/test-data.ts';
import { upstreamTree, upstreamTreeInGraph } from './focus.ts';
import type { SupplierWalker, SupplyTree } from './focus.ts';
import { buildRenderGraph, drawableLinks } from './render-graph.ts';

/** Edges written "supplier>buyer"; each is its own key. */
function walker(edges: string[]): SupplierWalker {
  return (node, visit) => {
    for (const edge of edges) {
      const [supplier, buyer] = edge.split('>');
      if (buyer === node) visit(supplier!, edge);
    }
  };
}

const plain = (tree: SupplyTree) => ({
  nodes: Object.fromEntries(tree.nodes),
  edges: [...tree.edges].sort(),
});

// d → c → b → a
const chain = ['b>a', 'c>b', 'd>c'];
// b and c supply a; d supplies both b and c.
const diamond = ['b>a', 'c>a', 'd>b', 'd>c'];
// b supplies a, a supplies b back, c supplies b.
const cycle = ['b>a', 'a>b', 'c>b'];

describe('upstreamTree', () => {
  it.each<[string, string[], number, Record<string, number>, string[]]>([
    ['chain, 1 hop: the direct supplier', chain, 1, { a: 0, b: 1 }, ['b>a']],
    ['chain, 2 hops: suppliers of suppliers', chain, 2, { a: 0, b: 1, c: 2 }, ['b>a', 'c>b']],
    ['chain, 3 hops: the whole chain', chain, 3, { a: 0, b: 1, c: 2, d: 3 }, ['b>a', 'c>b', 'd>c']],
    ['diamond, 1 hop: both middle suppliers', diamond, 1, { a: 0, b: 1, c: 1 }, ['b>a', 'c>a']],
    [
      'diamond, 2 hops: the common supplier once, at 2 hops, with both its links',
      diamond,
      2,
      { a: 0, b: 1, c: 1, d: 2 },
      ['b>a', 'c>a', 'd>b', 'd>c'],
    ],
    [
      'diamond, 3 hops: nothing more upstream',
      diamond,
      3,
      { a: 0, b: 1, c: 1, d: 2 },
      ['b>a', 'c>a', 'd>b', 'd>c'],
    ],
    ['cycle, 1 hop: only the link into the root', cycle, 1, { a: 0, b: 1 }, ['b>a']],
    [
      // b is 1 hop away, so links into b belong: a > b closes the cycle, the root keeps hop 0.
      'cycle, 2 hops: the link back to the root and the supplier of b',
      cycle,
      2,
      { a: 0, b: 1, c: 2 },
      ['a>b', 'b>a', 'c>b'],
    ],
    ['cycle, 3 hops: same as 2 (c has no supplier)', cycle, 3, { a: 0, b: 1, c: 2 }, ['a>b', 'b>a', 'c>b']],
    [
      // c > b has buyer b at 1 hop: not below k = 1, so it is left out; with k = 2 it is in.
      'a link between two reached nodes belongs only when its buyer is under k hops',
      ['b>a', 'c>a', 'c>b'],
      1,
      { a: 0, b: 1, c: 1 },
      ['b>a', 'c>a'],
    ],
    ['0 hops: the root alone', chain, 0, { a: 0 }, []],
    ['a root without suppliers: itself', ['a>x'], 3, { a: 0 }, []],
  ])('%s', (_name, edges, hops, nodes, treeEdges) => {
    expect(plain(upstreamTree('a', hops, walker(edges)))).toEqual({ nodes, edges: treeEdges });
  });

  it('ignores links that leave the root (downstream)', () => {
    expect(plain(upstreamTree('b', 3, walker(chain)))).toEqual({
      nodes: { b: 0, c: 1, d: 2 },
      edges: ['c>b', 'd>c'],
    });
  });
});

describe('upstreamTreeInGraph', () => {
  // Render-graph edge keys are e0, e1 … in the order of the first link of each pair.
  const graphOf = (links: LinkSpec[]) => {
    const ids = [...new Set(links.flatMap(([s, t]) => [s, t]))];
    const data = testView(
      testBundle(
        ids.map((id) => ({ id })),
        links,
      ),
    );
    return buildRenderGraph(data, drawableLinks(data, 0));
  };

  it('walks the render graph against the arrows, with its edge keys', () => {
    const graph = graphOf([
      ['b', 'a'], // e0
      ['c', 'b'], // e1
      ['a', 'x'], // e2: downstream of a
      ['d', 'c'], // e3
    ]);
    expect(plain(upstreamTreeInGraph(graph, 'a', 2)!)).toEqual({
      nodes: { a: 0, b: 1, c: 2 },
      edges: ['e0', 'e1'],
    });
  });

  it('returns null for a root that is not drawn', () => {
    expect(upstreamTreeInGraph(graphOf([['b', 'a']]), 'missing', 2)).toBeNull();
  });
});

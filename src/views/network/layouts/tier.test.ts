import { describe, expect, it } from 'vitest';
import { randomLcg } from 'd3-random';
import type { LayoutPositions } from './box.ts';
import { countCrossings, tierColumns, tierLayout, tiersFromLinks } from './tier.ts';

type Edge = readonly [string, string];
const tiersOf = (nodes: string[], edges: Edge[], primes: string[]) =>
  Object.fromEntries(tiersFromLinks(nodes, edges, (id) => primes.includes(id)));
const tierMap = (tiers: Record<string, number>) => new Map(Object.entries(tiers));

function expectAt(positions: LayoutPositions, id: string, x: number, y: number) {
  expect(positions[id]?.x, `${id}.x`).toBeCloseTo(x, 6);
  expect(positions[id]?.y, `${id}.y`).toBeCloseTo(y, 6);
}

describe('tiersFromLinks', () => {
  it.each<[string, string[], Edge[], string[], Record<string, number>]>([
    [
      'a chain c → b → a → p counts the links to the prime',
      ['p', 'a', 'b', 'c'],
      [
        ['a', 'p'],
        ['b', 'a'],
        ['c', 'b'],
      ],
      ['p'],
      { p: 0, a: 1, b: 2, c: 3 },
    ],
    [
      'a diamond gives both middle suppliers tier 1 and their common supplier tier 2',
      ['p', 'a', 'b', 'c'],
      [
        ['a', 'p'],
        ['b', 'p'],
        ['c', 'a'],
        ['c', 'b'],
      ],
      ['p'],
      { p: 0, a: 1, b: 1, c: 2 },
    ],
    [
      'the shortest way wins when a supplier also sells to the prime directly',
      ['p', 'a', 'c'],
      [
        ['c', 'a'],
        ['a', 'p'],
        ['c', 'p'],
      ],
      ['p'],
      { p: 0, a: 1, c: 1 },
    ],
    [
      'a buyer of the prime and an isolated node reach no prime and get no tier',
      ['p', 'a', 'u', 'x'],
      [
        ['a', 'p'],
        ['p', 'u'],
      ],
      ['p'],
      { p: 0, a: 1 },
    ],
    [
      'a cycle a ⇄ b behind the prime ends: b is two links away',
      ['p', 'a', 'b'],
      [
        ['a', 'p'],
        ['b', 'a'],
        ['a', 'b'],
      ],
      ['p'],
      { p: 0, a: 1, b: 2 },
    ],
    [
      'a cycle with no prime gives no tiers (and terminates)',
      ['x', 'y'],
      [
        ['x', 'y'],
        ['y', 'x'],
      ],
      [],
      {},
    ],
    [
      'every prime is tier 0, even one that supplies another prime',
      ['p1', 'p2', 'a'],
      [
        ['p1', 'p2'],
        ['a', 'p1'],
      ],
      ['p1', 'p2'],
      { p1: 0, p2: 0, a: 1 },
    ],
    [
      'a supplier takes the tier of its nearest prime',
      ['p1', 'p2', 'a', 'b'],
      [
        ['b', 'a'],
        ['a', 'p1'],
        ['b', 'p2'],
      ],
      ['p1', 'p2'],
      { p1: 0, p2: 0, a: 1, b: 1 },
    ],
    [
      'a self-link does not change the tier',
      ['p', 'a'],
      [
        ['a', 'a'],
        ['a', 'p'],
      ],
      ['p'],
      { p: 0, a: 1 },
    ],
  ])('%s', (_name, nodes, edges, primes, expected) => {
    expect(tiersOf(nodes, edges, primes)).toEqual(expected);
  });
});

describe('tierColumns', () => {
  it.each<[string, string[], Record<string, number>, string[][]]>([
    [
      'groups by tier, keeps the input order inside a column and puts the unreachable last',
      ['c', 'p', 'a', 'u', 'b'],
      { p: 0, a: 1, b: 1, c: 2 },
      [['p'], ['a', 'b'], ['c'], ['u']],
    ],
    ['adds no last column when every node has a tier', ['a', 'p'], { p: 0, a: 1 }, [['p'], ['a']]],
    ['puts everything in one column when no node has a tier', ['x', 'y'], {}, [['x', 'y']]],
    // Column index = tier, so a tier with no drawn node leaves an empty column rather than shifting the rest.
    ['keeps an empty column for a tier no drawn node has', ['x', 'p'], { p: 0, x: 2 }, [['p'], [], ['x']]],
    ['ignores tiers of nodes that are not drawn', ['p'], { p: 0, gone: 3 }, [['p']]],
    ['is empty without nodes', [], {}, []],
  ])('%s', (_name, nodes, tiers, expected) => {
    expect(tierColumns(nodes, tierMap(tiers))).toEqual(expected);
  });
});

describe('countCrossings', () => {
  it.each<[string, string[][], Edge[], number]>([
    [
      'counts two links that swap sides between adjacent columns',
      [
        ['p1', 'p2'],
        ['a', 'b'],
      ],
      [
        ['a', 'p2'],
        ['b', 'p1'],
      ],
      1,
    ],
    [
      'counts none for parallel links',
      [
        ['p1', 'p2'],
        ['a', 'b'],
      ],
      [
        ['a', 'p1'],
        ['b', 'p2'],
      ],
      0,
    ],
    [
      'does not count links that share an end',
      [['p1'], ['a', 'b']],
      [
        ['a', 'p1'],
        ['b', 'p1'],
      ],
      0,
    ],
    [
      // a–p2 crosses b–p1; every other pair shares an end.
      'counts one crossing in a complete 2 × 2',
      [
        ['p1', 'p2'],
        ['a', 'b'],
      ],
      [
        ['a', 'p1'],
        ['a', 'p2'],
        ['b', 'p1'],
        ['b', 'p2'],
      ],
      1,
    ],
    [
      'ignores links that skip a column, stay in one, or touch an unknown node',
      [['p1', 'p2'], ['x'], ['a', 'b']],
      [
        ['a', 'p2'],
        ['b', 'p1'],
        ['p1', 'p2'],
        ['ghost', 'p1'],
      ],
      0,
    ],
    [
      'counts crossings on each pair of adjacent columns',
      [
        ['p1', 'p2'],
        ['a', 'b'],
        ['c', 'd'],
      ],
      [
        ['a', 'p2'],
        ['b', 'p1'],
        ['c', 'b'],
        ['d', 'a'],
      ],
      2,
    ],
  ])('%s', (_name, columns, edges, expected) => {
    expect(countCrossings(columns, edges)).toBe(expected);
  });
});

describe('tierLayout', () => {
  const diamond = {
    nodes: ['p', 'a', 'b', 'c', 'u'],
    edges: [
      ['a', 'p'],
      ['b', 'p'],
      ['c', 'a'],
      ['c', 'b'],
    ] as Edge[],
    tiers: tierMap({ p: 0, a: 1, b: 1, c: 2 }),
  };

  it('puts primes in column 0, direct suppliers in column 1 and the unreachable in the last column', () => {
    const { columns, positions } = tierLayout(diamond);
    expect(columns).toEqual([['p'], ['a', 'b'], ['c'], ['u']]);
    const x = (id: string) => positions[id]!.x;
    expect(x('p')).toBeLessThan(x('a'));
    expect(x('a')).toBe(x('b'));
    expect(x('a')).toBeLessThan(x('c'));
    expect(x('c')).toBeLessThan(x('u'));
  });

  it('places the diamond at hand-computed points in the layout box', () => {
    // Raw: x = column × 0.3 (0, 0.3, 0.6, 0.9), y = −(i + ½) / column size, so p, c, u at −0.5 and a, b at
    // −0.25, −0.75. The longer side is x (0.9): scale 1000 / 0.9, centre (0.45, −0.5).
    const { positions } = tierLayout(diamond);
    const s = 1000 / 0.9;
    expectAt(positions, 'p', -500, 0);
    expectAt(positions, 'a', -0.15 * s, 0.25 * s);
    expectAt(positions, 'b', -0.15 * s, -0.25 * s);
    expectAt(positions, 'c', 0.15 * s, 0);
    expectAt(positions, 'u', 500, 0);
  });

  it('uncrosses two links by barycenter ordering', () => {
    // a sells to p2 and b to p1: in the input order a–p2 and b–p1 cross. a's barycenter is p2's position
    // (0.75), b's is p1's (0.25), so b goes first.
    const input = {
      nodes: ['p1', 'p2', 'a', 'b'],
      edges: [
        ['a', 'p2'],
        ['b', 'p1'],
      ] as Edge[],
      tiers: tierMap({ p1: 0, p2: 0, a: 1, b: 1 }),
    };
    expect(countCrossings(tierColumns(input.nodes, input.tiers), input.edges)).toBe(1);
    const { columns, positions } = tierLayout(input);
    expect(columns).toEqual([
      ['p1', 'p2'],
      ['b', 'a'],
    ]);
    expect(countCrossings(columns, input.edges)).toBe(0);
    // The first of a column is at the top (sigma's y grows upwards).
    expect(positions.b!.y).toBeGreaterThan(positions.a!.y);
    expect(positions.p1!.y).toBeGreaterThan(positions.p2!.y);
  });

  it('uncrosses three columns: the second column follows the first, the third the second', () => {
    // Input crossings: a–p2 × b–p1 and b–c × a–d (2). Down: [b, a] (0.25 < 0.75), then c follows b
    // (0.25) and d follows a (0.75): [c, d]. Up keeps [b, a] and [p1, p2].
    const input = {
      nodes: ['p1', 'p2', 'a', 'b', 'c', 'd'],
      edges: [
        ['a', 'p2'],
        ['b', 'p1'],
        ['c', 'b'],
        ['d', 'a'],
      ] as Edge[],
      tiers: tierMap({ p1: 0, p2: 0, a: 1, b: 1, c: 2, d: 2 }),
    };
    expect(countCrossings(tierColumns(input.nodes, input.tiers), input.edges)).toBe(2);
    const { columns } = tierLayout(input);
    expect(columns).toEqual([
      ['p1', 'p2'],
      ['b', 'a'],
      ['c', 'd'],
    ]);
    expect(countCrossings(columns, input.edges)).toBe(0);
  });

  it('keeps the input order between nodes with the same barycenter', () => {
    const edges: Edge[] = [
      ['a', 'p'],
      ['b', 'p'],
    ];
    const tiers = tierMap({ p: 0, a: 1, b: 1 });
    expect(tierLayout({ nodes: ['p', 'a', 'b'], edges, tiers }).columns[1]).toEqual(['a', 'b']);
    expect(tierLayout({ nodes: ['p', 'b', 'a'], edges, tiers }).columns[1]).toEqual(['b', 'a']);
  });

  it('gives the same positions for the same input', () => {
    expect(tierLayout(diamond)).toEqual(tierLayout(diamond));
  });

  it('puts a single node at the origin and nothing at all for no nodes', () => {
    expect(tierLayout({ nodes: ['p'], edges: [], tiers: tierMap({ p: 0 }) })).toEqual({
      positions: { p: { x: 0, y: 0 } },
      columns: [['p']],
    });
    expect(tierLayout({ nodes: [], edges: [], tiers: new Map() })).toEqual({ positions: {}, columns: [] });
  });

  it('starts each column by value, the most valuable on top', () => {
    const edges: Edge[] = [
      ['a', 'p'],
      ['b', 'p'],
      ['c', 'p'],
    ];
    const tiers = tierMap({ p: 0, a: 1, b: 1, c: 1 });
    const weight = new Map([
      ['a', 1],
      ['b', 30],
      ['c', 20],
    ]);
    expect(tierLayout({ nodes: ['p', 'a', 'b', 'c'], edges, tiers, weight }).columns[1]).toEqual([
      'b',
      'c',
      'a',
    ]);
  });

  it('puts the chosen tree first in every column, whatever the sweeps prefer', () => {
    // Without `first`, the sweeps put b (buys from p1's side) above a; p2's tree {p2, a} must head instead.
    const input = {
      nodes: ['p1', 'p2', 'a', 'b'],
      edges: [
        ['a', 'p2'],
        ['b', 'p1'],
      ] as Edge[],
      tiers: tierMap({ p1: 0, p2: 0, a: 1, b: 1 }),
    };
    expect(tierLayout(input).columns).toEqual([
      ['p1', 'p2'],
      ['b', 'a'],
    ]);
    expect(tierLayout({ ...input, first: new Set(['p2', 'a']) }).columns).toEqual([
      ['p2', 'p1'],
      ['a', 'b'],
    ]);
  });

  it('sweeping down only keeps the first column in value order and sets suppliers beside their buyers', () => {
    // Tree of r: a (worth 1) and b (worth 9) sell to r; x sells to a, y to b. Down only: [b, a], then y
    // beside b and x beside a: [y, x]. Both ways, the upward pass would not move them either here, but a
    // column never follows its suppliers in 'down'.
    const input = {
      nodes: ['r', 'a', 'b', 'x', 'y'],
      edges: [
        ['a', 'r'],
        ['b', 'r'],
        ['x', 'a'],
        ['y', 'b'],
      ] as Edge[],
      tiers: tierMap({ r: 0, a: 1, b: 1, x: 2, y: 2 }),
      weight: new Map([
        ['a', 1],
        ['b', 9],
      ]),
      sweeps: 'down' as const,
    };
    expect(tierLayout(input).columns).toEqual([['r'], ['b', 'a'], ['y', 'x']]);
  });

  it('spreads the columns over the pane, leaving the label room on the right, and returns the pane as frame', () => {
    // Pane 1000 × 500: aspect 2, room 180/1000 = 0.18, so the four raw columns span 2 × 0.82 = 1.64: at
    // 0, 1.64/3, 3.28/3, 1.64 for a height of 1. The frame [0, 2] × [−1, 0] has the longer side 2 → scale
    // 500, centre (1, −0.5).
    const { positions, frame } = tierLayout({ ...diamond, viewport: { width: 1000, height: 500 } });
    expect(frame).toEqual({ x: [-500, 500], y: [-250, 250] });
    expectAt(positions, 'p', -500, 0);
    expectAt(positions, 'a', (1.64 / 3 - 1) * 500, 0.25 * 500);
    expectAt(positions, 'c', (3.28 / 3 - 1) * 500, 0);
    expectAt(positions, 'u', (1.64 - 1) * 500, 0);
  });
});

/**
 * The sweeps as first written, on strings and maps (slow, plainly right): each column in turn sorted by
 * the mean position of its neighbours in the reference column, every position recomputed before each.
 */
function sweptColumnsByMaps(
  nodes: readonly string[],
  edges: readonly Edge[],
  tiers: ReadonlyMap<string, number>,
  weight: ReadonlyMap<string, number>,
  first: ReadonlySet<string>,
  sweeps: 'both' | 'down',
): string[][] {
  const neighbors = new Map<string, string[]>();
  const add = (a: string, b: string) => neighbors.set(a, [...(neighbors.get(a) ?? []), b]);
  for (const [s, t] of edges) {
    add(s, t);
    add(t, s);
  }
  const ahead = (column: string[]) => [
    ...column.filter((id) => first.has(id)),
    ...column.filter((id) => !first.has(id)),
  ];
  const columns = tierColumns(nodes, tiers).map((column) =>
    ahead([...column].sort((a, b) => (weight.get(b) ?? 0) - (weight.get(a) ?? 0))),
  );
  const follow = (c: number, reference: number) => {
    const at = new Map<string, number>();
    for (const column of columns) column.forEach((id, i) => at.set(id, (i + 0.5) / column.length));
    const inReference = new Set(columns[reference]);
    const key = new Map<string, number>();
    for (const id of columns[c]!) {
      const near = (neighbors.get(id) ?? []).filter((other) => inReference.has(other));
      key.set(id, near.length > 0 ? near.reduce((sum, o) => sum + at.get(o)!, 0) / near.length : at.get(id)!);
    }
    columns[c] = ahead([...columns[c]!].sort((a, b) => key.get(a)! - key.get(b)!));
  };
  for (let sweep = 0; sweep < (sweeps === 'down' ? 1 : 4); sweep++) {
    for (let c = 1; c < columns.length; c++) follow(c, c - 1);
    if (sweeps === 'down') break;
    for (let c = columns.length - 2; c >= 0; c--) follow(c, c + 1);
  }
  return columns;
}

describe('tierLayout against the sweeps on maps', () => {
  it.each(Array.from({ length: 60 }, (_, i) => i))('random graph %i', (seed) => {
    const random = randomLcg(seed / 60);
    const int = (k: number) => Math.floor(random() * k);
    const n = 2 + int(60);
    const nodes = Array.from({ length: n }, (_, i) => `n${i}`);
    // Links (some repeated, some to nodes not laid out, the odd loop), a few primes, ties in value.
    const edges: Edge[] = Array.from({ length: int(4 * n) }, () => [
      int(20) === 0 ? 'elsewhere' : nodes[int(n)]!,
      nodes[int(n)]!,
    ]);
    const primes = nodes.filter(() => int(8) === 0);
    const tiers = tiersFromLinks(nodes, edges, (id) => primes.includes(id));
    const weight = new Map(nodes.filter(() => int(3) > 0).map((id) => [id, int(5)]));
    const first = new Set(nodes.filter(() => seed % 3 === 0 && int(6) === 0));
    const sweeps = seed % 2 === 0 ? 'both' : 'down';
    const laid = tierLayout({ nodes, edges, tiers, weight, first, sweeps });
    expect(laid.columns).toEqual(sweptColumnsByMaps(nodes, edges, tiers, weight, first, sweeps));
  });
});

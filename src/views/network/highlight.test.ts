import { describe, expect, it } from 'vitest';
import { testBundle } from '../../analysis/test-bundle.ts';
import { emptyAnalysis, testView } from '../derive/test-data.ts';
import type { SupplyTree } from './focus.ts';
import {
  criticalSet,
  directedKey,
  edgeDisplay,
  gapHighlight,
  nodeDisplay,
  pairKey,
  riskHighlight,
} from './highlight.ts';
import type { CriticalSet, GapHighlight, HighlightState } from './highlight.ts';
import type { EdgeAttributes, NodeAttributes } from './render-graph.ts';
import {
  ARC_IN,
  ARC_OUT,
  CRITICAL_COLOR,
  DIM_EDGE_COLOR,
  DIM_NODE_COLOR,
  EDGE_COLOR,
  EDGE_CROSSING_COLOR,
  GAP_ROLE_COLORS,
  KIND_COLORS,
  RISK_COLORS,
} from './style.ts';

const NODE: NodeAttributes = {
  x: 1,
  y: 2,
  label: 'Acme',
  color: KIND_COLORS.manufacturer,
  size: 4,
  kind: 'manufacturer',
  org: 0,
  inRegion: true,
  supplied: 0,
  degree: 1,
  valueSize: 4,
  degreeSize: 6,
};
const EDGE: EdgeAttributes = {
  size: 2,
  color: EDGE_COLOR,
  type: 'arrow',
  value: 0,
  links: 1,
  crossing: false,
};
const CROSSING: EdgeAttributes = { ...EDGE, type: 'dashed', crossing: true };
/** A crossing link on a big graph: a plain line whose colour is its only mark. */
const CROSSING_LINE: EdgeAttributes = { ...EDGE, type: 'line', color: EDGE_CROSSING_COLOR, crossing: true };

const state = (s: Partial<HighlightState> = {}): HighlightState => ({ sizeBy: 'value', ...s });
const node = (id: string, s: Partial<HighlightState> = {}) => nodeDisplay(id, NODE, state(s));
const edge = (source: string, target: string, s: Partial<HighlightState> = {}, attrs = EDGE) =>
  edgeDisplay(attrs, `${source}>${target}`, source, target, state(s));

const tree = (nodes: string[], edges: string[]): SupplyTree => ({
  nodes: new Map(nodes.map((n, i) => [n, i])),
  edges: new Set(edges),
});
const critical = (nodes: string[], pairs: [string, string][]): CriticalSet => ({
  nodes: new Set(nodes),
  pairs: new Set(pairs.map(([a, b]) => pairKey(a, b))),
});
const gap = (
  roles: Record<string, 'buyer' | 'supplier' | 'both'>,
  links: [string, string][],
): GapHighlight => ({
  roles: new Map(Object.entries(roles)),
  links: new Set(links.map(([s, t]) => directedKey(s, t))),
  buyers: 0,
  suppliers: 0,
});

describe('pairKey and directedKey', () => {
  it('pairKey ignores the order of the two ids', () => {
    expect(pairKey('b', 'a')).toBe(pairKey('a', 'b'));
  });

  it('directedKey keeps it', () => {
    expect(directedKey('b', 'a')).not.toBe(directedKey('a', 'b'));
  });

  it('does not confuse ids that concatenate alike', () => {
    expect(pairKey('ab', 'c')).not.toBe(pairKey('a', 'bc'));
    expect(directedKey('ab', 'c')).not.toBe(directedKey('a', 'bc'));
  });
});

describe('criticalSet', () => {
  it('is null without an analysis', () => {
    expect(criticalSet(null)).toBeNull();
  });

  it('holds the critical suppliers and the links as unordered pairs', () => {
    const set = criticalSet({ criticalSuppliers: ['m'], criticalLinks: [['a', 'b']] })!;
    expect([...set.nodes]).toEqual(['m']);
    expect(set.pairs.has(pairKey('b', 'a'))).toBe(true);
    expect(set.pairs.size).toBe(1);
  });
});

describe('nodeDisplay', () => {
  it('shows the node as it is without any highlight, offering its label to the placement', () => {
    expect(node('a')).toEqual({
      x: 1,
      y: 2,
      label: 'Acme',
      color: KIND_COLORS.manufacturer,
      size: 4,
      zIndex: 1,
      forceLabel: true,
    });
  });

  it.each([
    ['value', 4],
    ['degree', 6],
  ] as const)('sizes by %s', (sizeBy, size) => {
    expect(node('a', { sizeBy }).size).toBe(size);
  });

  it('hides a node outside the focus tree and shows one inside', () => {
    const focus = tree(['a', 'b'], []);
    expect(node('x', { focus }).hidden).toBe(true);
    expect(node('b', { focus }).hidden).toBeUndefined();
  });

  it('marks exactly the critical nodes, 1.5 × larger, and dims the others', () => {
    const s = { critical: critical(['c'], []) };
    expect(node('c', s)).toMatchObject({ critical: true, size: 6, zIndex: 2 });
    expect(node('c', s).dimmed).toBeUndefined();
    expect(node('a', s)).toMatchObject({ dimmed: true, color: DIM_NODE_COLOR, label: null, zIndex: 0 });
    expect(node('a', s).critical).toBeUndefined();
  });

  it('colors a gap node by its role and dims the nodes outside the gap', () => {
    const s = { gap: gap({ b: 'buyer', s: 'supplier', x: 'both' }, []) };
    expect(node('b', s)).toMatchObject({ gapRole: 'buyer', color: GAP_ROLE_COLORS.buyer, zIndex: 2 });
    expect(node('s', s)).toMatchObject({ gapRole: 'supplier', color: GAP_ROLE_COLORS.supplier });
    expect(node('x', s)).toMatchObject({ gapRole: 'both', color: GAP_ROLE_COLORS.both });
    expect(node('o', s)).toMatchObject({ dimmed: true, color: DIM_NODE_COLOR });
  });

  // n is in the gap and critical, h is hovered with its neighbor k; which nodes are dimmed?
  it.each<[string, Partial<HighlightState>, string[]]>([
    [
      'hover beats gap and critical: only the hovered neighborhood is lit',
      {
        hoverSet: new Set(['h', 'k']),
        gap: gap({ n: 'buyer', g: 'supplier' }, []),
        critical: critical(['n', 'c'], []),
      },
      ['n', 'g', 'c', 'o'],
    ],
    [
      'gap beats critical: a critical node outside the gap is dimmed',
      { gap: gap({ n: 'buyer', g: 'supplier' }, []), critical: critical(['n', 'c'], []) },
      ['h', 'k', 'c', 'o'],
    ],
    [
      'critical alone lights the critical nodes',
      { critical: critical(['n', 'c'], []) },
      ['h', 'k', 'g', 'o'],
    ],
    ['nothing is dimmed without a highlight', {}, []],
  ])('%s', (_name, s, dimmed) => {
    const all = ['h', 'k', 'n', 'g', 'c', 'o'];
    expect(all.filter((id) => node(id, s).dimmed === true)).toEqual(dimmed);
  });

  it('labels the hovered neighborhood first and drops the labels of the dimmed', () => {
    const s = { hoverSet: new Set(['h', 'k']) };
    expect(node('k', s)).toMatchObject({ labelFirst: true, zIndex: 3 });
    expect(node('o', s)).toMatchObject({ forceLabel: false, label: null });
  });

  it('highlights the selected node with its label, even where it would be dimmed', () => {
    const s = { selected: 'a', critical: critical(['c'], []) };
    const display = node('a', s);
    expect(display).toMatchObject({ selected: true, highlighted: true, labelFirst: true, zIndex: 4 });
    expect(display.dimmed).toBeUndefined();
    expect(display.color).toBe(KIND_COLORS.manufacturer);
    expect(node('b', s).selected).toBeUndefined();
  });
});

describe('edgeDisplay', () => {
  it('shows the edge as it is without any highlight', () => {
    expect(edge('a', 'b')).toEqual({ color: EDGE_COLOR, size: 2, type: 'arrow', zIndex: 0 });
  });

  it('hides an edge outside the focus tree and shows one inside', () => {
    const focus = tree(['a', 'b', 'c'], ['b>a']);
    expect(edge('b', 'a', { focus })).not.toHaveProperty('hidden');
    expect(edge('c', 'b', { focus }).hidden).toBe(true);
  });

  it('hides edges away from the hovered node and colors its links in and out', () => {
    const s = { hovered: 'h', hoverSet: new Set(['h', 'a', 'b']) };
    expect(edge('a', 'b', s).hidden).toBe(true);
    expect(edge('a', 'h', s)).toMatchObject({ color: ARC_IN, zIndex: 2 });
    expect(edge('h', 'b', s)).toMatchObject({ color: ARC_OUT, zIndex: 2 });
  });

  it('marks exactly the critical pairs, in either direction, and dims the other edges', () => {
    const s = { critical: critical([], [['b', 'a']]) };
    expect(edge('a', 'b', s)).toMatchObject({ critical: true, color: CRITICAL_COLOR, size: 3, zIndex: 2 });
    expect(edge('b', 'a', s)).toMatchObject({ critical: true, color: CRITICAL_COLOR });
    expect(edge('a', 'c', s)).toMatchObject({ dimmed: true, color: DIM_EDGE_COLOR });
    expect(edge('a', 'c', s).critical).toBeUndefined();
  });

  it('lights the gap links in their direction only; a crossing plain line keeps its crossing color', () => {
    const s = { gap: gap({ s: 'supplier', b: 'buyer' }, [['s', 'b']]) };
    expect(edge('s', 'b', s)).toMatchObject({ gap: true, color: ARC_IN, zIndex: 1 });
    expect(edge('s', 'b', s, CROSSING)).toMatchObject({ gap: true, color: ARC_IN, type: 'dashed' });
    expect(edge('s', 'b', s, CROSSING_LINE)).toMatchObject({ gap: true, color: EDGE_CROSSING_COLOR });
    expect(edge('b', 's', s)).toMatchObject({ dimmed: true, color: DIM_EDGE_COLOR });
  });

  it('under a gap, dims a critical edge that is not a gap link but still marks it critical', () => {
    const s = { gap: gap({}, [['s', 'b']]), critical: critical([], [['x', 'y']]) };
    expect(edge('x', 'y', s)).toMatchObject({ critical: true, dimmed: true, color: DIM_EDGE_COLOR });
  });

  it('lights the selected node’s links in and out, above the rest', () => {
    const s = { selected: 'a', critical: critical([], [['c', 'd']]) };
    expect(edge('b', 'a', s)).toMatchObject({ color: ARC_IN, zIndex: 3 });
    expect(edge('a', 'b', s)).toMatchObject({ color: ARC_OUT, zIndex: 3 });
    expect(edge('a', 'b', s).dimmed).toBeUndefined();
    // A crossing link keeps its dashes and takes the direction's colour: one encoding each.
    expect(edge('a', 'b', s, CROSSING)).toMatchObject({ color: ARC_OUT, type: 'dashed' });
    expect(edge('b', 'a', s, CROSSING)).toMatchObject({ color: ARC_IN, type: 'dashed' });
    expect(edge('a', 'b', s, CROSSING_LINE).color).toBe(EDGE_CROSSING_COLOR);
    expect(edge('b', 'c', s).dimmed).toBe(true);
  });

  it('keeps the critical color on a critical link of the selected node', () => {
    const s = { selected: 'a', critical: critical([], [['a', 'b']]) };
    expect(edge('a', 'b', s)).toMatchObject({ critical: true, color: CRITICAL_COLOR, zIndex: 3 });
  });
});

describe('gapHighlight', () => {
  // Region: p, m (county 00001); x, q, y outside. Capability 332710 on the link or as the supplier's NAICS.
  const data = () => {
    const bundle = testBundle(
      [
        { id: 'p', kind: 'prime' },
        { id: 'm', naics: ['332710'] },
        { id: 'x', inRegion: false },
        { id: 'q', inRegion: false },
        { id: 'y', inRegion: false },
        { id: 't', kind: 'training' },
      ],
      [
        ['x', 'p', '332710', 100], // 0: p buys from x
        ['m', 'p'], // 1: m's NAICS is 332710
        ['q', 'm', '332710'], // 2: m buys too, so m is both
        ['x', 'y', '332710'], // 3: buyer outside the region
        ['q', 'p', '336411'], // 4: another capability
        ['t', 'p', '332710'], // 5: a training link, not supply
      ],
    );
    bundle.links[5]!.kind = 'trains';
    return testView(bundle, emptyAnalysis());
  };

  it('gives the buyers in the region, their suppliers, and both to an org that is both', () => {
    const lit = gapHighlight(data(), '332710');
    expect(Object.fromEntries(lit.roles)).toEqual({ p: 'buyer', m: 'both', x: 'supplier', q: 'supplier' });
    expect(lit.buyers).toBe(2);
    expect(lit.suppliers).toBe(3);
  });

  it('keeps the gap links as directed pairs', () => {
    const lit = gapHighlight(data(), '332710');
    expect(lit.links).toEqual(new Set([directedKey('x', 'p'), directedKey('m', 'p'), directedKey('q', 'm')]));
  });

  it('is empty for a capability nobody in the region buys', () => {
    const lit = gapHighlight(data(), '999999');
    expect(lit).toEqual({ roles: new Map(), links: new Set(), buyers: 0, suppliers: 0 });
  });
});

describe('a selected chokepoint', () => {
  // s is P's and Q's only route to a and b; P also cuts off via s… and Q is itself cut off from R with s.
  const risk = riskHighlight([
    { prime: 'P', supplier: 's', cutOff: ['a', 'b'], exposure: 5, capabilitiesLost: [] },
    { prime: 'Q', supplier: 's', cutOff: ['a'], exposure: 0, capabilitiesLost: [] },
    { prime: 'R', supplier: 's', cutOff: ['Q'], exposure: 0, capabilitiesLost: [] },
  ]);

  it('is nothing for a supplier no prime depends on, or before the answer', () => {
    expect(riskHighlight([])).toBeNull();
    expect(riskHighlight(null)).toBeNull();
  });

  it('exposes the primes (a cut-off prime stays a prime) and cuts off the rest', () => {
    expect([...risk!.roles].sort()).toEqual([
      ['P', 'exposed'],
      ['Q', 'exposed'],
      ['R', 'exposed'],
      ['a', 'cut-off'],
      ['b', 'cut-off'],
    ]);
  });

  it('colours its reach, labels the primes, keeps the selection and dims the rest', () => {
    const s = { risk, selected: 's' };
    expect(node('P', s)).toMatchObject({ riskRole: 'exposed', color: RISK_COLORS.exposed, labelFirst: true });
    expect(node('a', s)).toMatchObject({ riskRole: 'cut-off', color: RISK_COLORS['cut-off'], zIndex: 2 });
    expect(node('s', s)).toMatchObject({ selected: true, zIndex: 4 });
    expect(node('z', s)).toMatchObject({ dimmed: true, color: DIM_NODE_COLOR });
    // Its supply paths stay lit; a link leaving the reach is dimmed.
    expect(edge('a', 's', s).dimmed).toBeUndefined();
    expect(edge('s', 'P', s).dimmed).toBeUndefined();
    expect(edge('a', 'z', s)).toMatchObject({ dimmed: true, color: DIM_EDGE_COLOR });
  });

  it('gives way to a highlighted gap', () => {
    const s = { risk, gap: gap({ a: 'buyer' }, []) };
    expect(node('a', s)).toMatchObject({ gapRole: 'buyer', color: GAP_ROLE_COLORS.buyer });
    expect(node('a', s).riskRole).toBeUndefined();
    expect(node('P', s).dimmed).toBe(true);
  });
});

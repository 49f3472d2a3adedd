import { describe, expect, it } from 'vitest';
import { testBundle } from '../../analysis/test-bundle.ts';
import type { LinkSpec, OrgSpec } from '../../analysis/test-bundle.ts';
import type { Link } from '../../domain/model.ts';
import { emptyAnalysis, testView } from '../derive/test-data.ts';
import type { DatasetView } from '../contracts.ts';
import {
  buildRenderGraph,
  countVisible,
  drawableLinks,
  edgeSize,
  LINE_EDGE_LIMIT,
  nodeSize,
} from './render-graph.ts';
import type { RenderGraph } from './render-graph.ts';
import { nodeKey, orgIdOf } from './node-key.ts';
import * as style from './style.ts';

/** A view with a home region (county 00001, OrgSpec.inRegion), some orgs hidden and some links re-kinded. */
function view(
  orgs: OrgSpec[],
  links: LinkSpec[],
  { hidden = [], kinds = {} }: { hidden?: string[]; kinds?: Record<number, Link['kind']> } = {},
): DatasetView {
  const bundle = testBundle(orgs, links);
  for (const [k, kind] of Object.entries(kinds)) bundle.links[Number(k)]!.kind = kind;
  const data = testView(bundle, emptyAnalysis());
  data.visible = Uint8Array.from(bundle.organizations, (o) => (hidden.includes(o.id) ? 0 : 1));
  return data;
}

const ids = (...names: string[]) => names.map((id) => ({ id }));

function edgesOf(graph: RenderGraph) {
  return graph.mapEdges((key, a, source, target) => ({
    key,
    source,
    target,
    value: a.value,
    links: a.links,
    crossing: a.crossing,
    type: a.type,
    color: a.color,
    size: a.size,
  }));
}

describe('drawableLinks', () => {
  // a b c d; c is hidden.
  const data = () =>
    view(
      ids('a', 'b', 'c', 'd'),
      [
        ['a', 'b', undefined, 100], // 0 kept
        ['a', 'b', undefined, 100], // 1 trains: not a supply link
        ['a', 'a', undefined, 50], // 2 self-link
        ['c', 'b', undefined, 100], // 3 hidden supplier
        ['b', 'd', undefined, 5], // 4 value 5
        ['d', 'a'], // 5 subcontract without a value
        ['a', 'ghost', undefined, 100], // 6 unknown buyer
        ['b', 'a', undefined, 100], // 7 partners: not a supply link
        ['d', 'b', undefined, 10], // 8 subcontract, value 10
      ],
      { hidden: ['c'], kinds: { 1: 'trains', 5: 'subcontract', 7: 'partners', 8: 'subcontract' } },
    );

  const plain = (links: ReturnType<typeof drawableLinks>) => ({
    link: [...links.link],
    source: [...links.source],
    target: [...links.target],
    count: links.count,
  });

  it('keeps supplies and subcontract links between two visible, distinct, known organizations', () => {
    expect(plain(drawableLinks(data(), 0))).toEqual({
      link: [0, 4, 5, 8],
      source: [0, 1, 3, 3],
      target: [1, 3, 0, 1],
      count: 4,
    });
  });

  it('drops links under the minimum value, and links without a value once there is one', () => {
    // 4 (5 < 10) and 5 (no value) go; 8 (10 ≥ 10) stays.
    expect(plain(drawableLinks(data(), 10))).toEqual({
      link: [0, 8],
      source: [0, 3],
      target: [1, 1],
      count: 2,
    });
  });

  it('is empty for a bundle without links', () => {
    expect(drawableLinks(view(ids('a'), []), 0).count).toBe(0);
  });
});

describe('nodeSize', () => {
  it.each<[string, number, number, number]>([
    ['the largest amount gets the largest radius', 10, 10, style.NODE_SIZE_MAX],
    ['an amount above the reference is capped', 20, 10, style.NODE_SIZE_MAX],
    // √(1/4) = ½ of the range 2.5…14: 2.5 + 11.5 / 2.
    ['a quarter of the reference gets half the radius range', 2.5, 10, 8.25],
    // √(1/100) = 0.1: 2.5 + 1.15.
    ['a hundredth gets a tenth of the range', 1, 100, 3.65],
    ['zero is the smallest', 0, 10, style.NODE_SIZE_MIN],
    ['NaN is the smallest', Number.NaN, 10, style.NODE_SIZE_MIN],
    ['a negative amount is the smallest', -5, 10, style.NODE_SIZE_MIN],
    ['a zero reference gives the smallest', 5, 0, style.NODE_SIZE_MIN],
  ])('%s', (_name, amount, reference, expected) => {
    expect(nodeSize(amount, reference)).toBe(expected);
  });
});

describe('edgeSize', () => {
  it.each<[string, number, number]>([
    ['$10k is the thinnest', 10_000, style.EDGE_SIZE_MIN],
    ['less than $10k is the thinnest', 5_000, style.EDGE_SIZE_MIN],
    // log10 = 5: a quarter of the way, 0.6 + 4.4 / 4.
    ['$100k is a quarter of the way', 100_000, 1.7],
    // log10 = 6: half way, 0.6 + 2.2.
    ['$1M is half way', 1_000_000, 2.8],
    ['$100M is the thickest', 100_000_000, style.EDGE_SIZE_MAX],
    ['more than $100M is the thickest', 1e12, style.EDGE_SIZE_MAX],
    ['0 (no value) is the thinnest', 0, style.EDGE_SIZE_MIN],
    ['NaN is the thinnest', Number.NaN, style.EDGE_SIZE_MIN],
    ['a negative value is the thinnest', -1, style.EDGE_SIZE_MIN],
  ])('%s', (_name, value, expected) => {
    expect(edgeSize(value)).toBe(expected);
  });
});

describe('buildRenderGraph', () => {
  it('makes one node per visible organization with its kind, index, region and name', () => {
    const data = view([{ id: 'p', kind: 'prime' }, { id: 'h' }, { id: 'm', inRegion: false }], [], {
      hidden: ['h'],
    });
    const graph = buildRenderGraph(data, drawableLinks(data, 0));
    expect(graph.nodes()).toEqual(['p', 'm']);
    expect(graph.getNodeAttributes('p')).toMatchObject({
      label: 'p',
      kind: 'prime',
      color: style.KIND_COLORS.prime,
      org: 0,
      inRegion: true,
      x: 0,
      y: 0,
    });
    expect(graph.getNodeAttributes('m')).toMatchObject({ kind: 'manufacturer', org: 2, inRegion: false });
  });

  it('merges parallel links into one edge, summing values and counting links, but keeps the reverse apart', () => {
    const data = view(ids('a', 'b'), [
      ['a', 'b', undefined, 100],
      ['a', 'b', 'x', 50],
      ['a', 'b'],
      ['b', 'a', undefined, 20],
    ]);
    expect(edgesOf(buildRenderGraph(data, drawableLinks(data, 0)))).toEqual([
      {
        key: 'e0',
        source: 'a',
        target: 'b',
        value: 150,
        links: 3,
        crossing: false,
        type: 'arrow',
        color: style.EDGE_COLOR,
        size: style.EDGE_SIZE_MIN,
      },
      {
        key: 'e1',
        source: 'b',
        target: 'a',
        value: 20,
        links: 1,
        crossing: false,
        type: 'arrow',
        color: style.EDGE_COLOR,
        size: style.EDGE_SIZE_MIN,
      },
    ]);
  });

  it('gives an edge without any value 0 and the thinnest line', () => {
    const data = view(ids('a', 'b'), [['a', 'b']]);
    const graph = buildRenderGraph(data, drawableLinks(data, 0));
    expect(graph.getEdgeAttributes('e0')).toMatchObject({ value: 0, size: style.EDGE_SIZE_MIN });
  });

  it('marks an edge crossing when exactly one end is in the region, and draws it dashed', () => {
    const data = view(
      [{ id: 'in1' }, { id: 'in2' }, { id: 'out1', inRegion: false }, { id: 'out2', inRegion: false }],
      [
        ['in1', 'in2', undefined, 1_000_000],
        ['in1', 'out1', undefined, 1_000_000],
        ['out1', 'in2', undefined, 1_000_000],
        ['out1', 'out2', undefined, 1_000_000],
      ],
    );
    const marks = edgesOf(buildRenderGraph(data, drawableLinks(data, 0))).map((e) => [
      `${e.source}>${e.target}`,
      e.crossing,
      e.type,
      e.color,
      e.size,
    ]);
    // One encoding per property: dashes say "crosses", the colour is left for highlights.
    expect(marks).toEqual([
      ['in1>in2', false, 'arrow', style.EDGE_COLOR, 2.8],
      ['in1>out1', true, 'dashed', style.EDGE_COLOR, 2.8],
      ['out1>in2', true, 'dashed', style.EDGE_COLOR, 2.8],
      ['out1>out2', false, 'arrow', style.EDGE_COLOR, 2.8],
    ]);
  });

  it('sizes nodes by supplied value and by degree', () => {
    // Supplied: a 400, b 100, c 0, d 0. Drawn degrees: a 3 (→b, →c, →d), b 2, c 2, d 1.
    // By value: a max, b √(100/400) = ½ → 8.25. By degree: b √(2/3) → 2.5 + 11.5 × 0.8165 = 11.89,
    // d √(1/3) → 2.5 + 11.5 × 0.5774 = 9.14.
    const data = view(ids('a', 'b', 'c', 'd'), [
      ['a', 'b', undefined, 400],
      ['b', 'c', undefined, 100],
      ['a', 'c'],
      ['a', 'd'],
    ]);
    const graph = buildRenderGraph(data, drawableLinks(data, 0));
    const sizes = graph.mapNodes((id, a) => [id, a.supplied, a.degree, a.valueSize, a.degreeSize, a.size]);
    expect(sizes).toEqual([
      ['a', 400, 3, style.NODE_SIZE_MAX, style.NODE_SIZE_MAX, style.NODE_SIZE_MAX],
      ['b', 100, 2, 8.25, 11.89, 8.25],
      ['c', 0, 2, style.NODE_SIZE_MIN, 11.89, style.NODE_SIZE_MIN],
      ['d', 0, 1, style.NODE_SIZE_MIN, 9.14, style.NODE_SIZE_MIN],
    ]);
  });

  it('counts supplied value over all supply links, drawn or not', () => {
    // a → h is not drawn (h hidden) and a → b is under the minimum value, but both count as supplied.
    const data = view(
      ids('a', 'b', 'h'),
      [
        ['a', 'h', undefined, 300],
        ['a', 'b', undefined, 5],
      ],
      { hidden: ['h'] },
    );
    const graph = buildRenderGraph(data, drawableLinks(data, 10));
    expect(graph.size).toBe(0);
    expect(graph.getNodeAttribute('a', 'supplied')).toBe(305);
  });

  it('takes supplied values from the options when given', () => {
    const data = view(ids('a', 'b'), [['a', 'b', undefined, 100]]);
    const graph = buildRenderGraph(data, drawableLinks(data, 0), { supplied: Float64Array.from([1, 4]) });
    expect(graph.mapNodes((id, a) => [id, a.supplied, a.valueSize])).toEqual([
      ['a', 1, 8.25],
      ['b', 4, style.NODE_SIZE_MAX],
    ]);
  });

  it('draws only the included organizations and the edges between them', () => {
    const data = view(ids('a', 'b', 'c'), [
      ['a', 'b'],
      ['b', 'c'],
      ['c', 'a'],
    ]);
    const graph = buildRenderGraph(data, drawableLinks(data, 0), { include: Uint8Array.from([1, 0, 1]) });
    expect(graph.nodes()).toEqual(['a', 'c']);
    expect(edgesOf(graph).map((e) => `${e.source}>${e.target}`)).toEqual(['c>a']);
    expect(graph.getNodeAttribute('a', 'degree')).toBe(1);
  });
});

describe('countVisible', () => {
  it('counts the ones', () => {
    expect(countVisible(Uint8Array.from([1, 0, 1, 1, 0]))).toBe(3);
    expect(countVisible(new Uint8Array(0))).toBe(0);
  });
});

describe('buildRenderGraph with ids that are Object.prototype names', () => {
  it('draws __proto__, constructor and toString as ordinary organizations with their links', () => {
    const data = view(ids('a', '__proto__', 'constructor', 'toString'), [
      ['a', '__proto__', '332710', 10],
      ['toString', 'constructor', '332710', 20],
      ['constructor', 'a', '332710', 30],
    ]);
    const graph = buildRenderGraph(data, drawableLinks(data, 0));
    expect(graph.order).toBe(4);
    expect(edgesOf(graph).map((e) => [orgIdOf(e.source), orgIdOf(e.target), e.value])).toEqual([
      ['a', '__proto__', 10],
      ['toString', 'constructor', 20],
      ['constructor', 'a', 30],
    ]);
    expect(graph.getNodeAttribute(nodeKey('__proto__'), 'label')).toBe('__proto__');
    expect(({} as Record<string, unknown>)['previous']).toBeUndefined();
  });
});

describe('buildRenderGraph prime sizes', () => {
  it('never draws a prime smaller than style.PRIME_NODE_SIZE, though it supplies nothing', () => {
    // s supplies p $1M: s gets the largest value size, p (no supply) would get the minimum.
    const data = view(
      [{ id: 'p', kind: 'prime' }, { id: 's' }, { id: 'q', kind: 'prime' }],
      [['s', 'p', '332710', 1e6]],
    );
    const graph = buildRenderGraph(data, drawableLinks(data, 0));
    expect(graph.getNodeAttribute('s', 'valueSize')).toBe(style.NODE_SIZE_MAX);
    expect(graph.getNodeAttribute('p', 'valueSize')).toBe(style.PRIME_NODE_SIZE);
    // q has no link at all: the floor applies to the degree size too.
    expect(graph.getNodeAttribute('q', 'degreeSize')).toBe(style.PRIME_NODE_SIZE);
    expect(style.PRIME_NODE_SIZE).toBeGreaterThan(style.NODE_SIZE_MIN);
  });
});

describe('buildRenderGraph edge type', () => {
  it(`draws arrows up to LINE_EDGE_LIMIT edges and plain lines above`, () => {
    // A star of n + 1 nodes has n edges.
    const star = (n: number) => {
      const orgs = [{ id: 'hub' }, ...Array.from({ length: n }, (_, i) => ({ id: `s${i}` }))];
      const links = Array.from({ length: n }, (_, i): LinkSpec => [`s${i}`, 'hub', '332710', 1]);
      const data = view(orgs, links);
      return buildRenderGraph(data, drawableLinks(data, 0));
    };
    const atLimit = star(LINE_EDGE_LIMIT);
    expect(atLimit.size).toBe(LINE_EDGE_LIMIT);
    expect(new Set(atLimit.mapEdges((_e, a) => a.type))).toEqual(new Set(['arrow']));
    expect(new Set(star(LINE_EDGE_LIMIT + 1).mapEdges((_e, a) => a.type))).toEqual(new Set(['line']));
  });
});

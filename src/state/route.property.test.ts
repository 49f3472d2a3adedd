// Property tests of the permalink codec: random valid routes survive encode → decode unchanged (cameras to
// the precision their zoom needs), encoding is stable, and hostile hashes (random bytes, huge strings,
// prototype keys, non-finite numbers) decode to a valid route with notices instead of throwing.
import { randomLcg } from 'd3-random';
import { describe, expect, it } from 'vitest';
import { ORG_KINDS } from '../domain/model.ts';
import {
  decodeRoute,
  DEFAULT_ROUTE,
  encodeRoute,
  LAYOUTS,
  MAX_FOCUS,
  RESILIENCE_COLUMNS,
  SHADINGS,
  VIEWS,
} from './route.ts';
import type { DatasetRef, Route } from './route.ts';

/** A seeded PRNG (d3-random's LCG), so a failure can be replayed from its seed. */
const rng = (seed: number): (() => number) => randomLcg(seed);

type Rand = () => number;
const int = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const pick = <T>(r: Rand, items: readonly T[]): T => items[int(r, 0, items.length - 1)]!;
const maybe = <T>(r: Rand, make: () => T): T | undefined => (r() < 0.5 ? make() : undefined);

/** Text with the characters that links must escape: commas, ampersands, spaces, non-ASCII, quotes. */
const TEXT_CHARS = [...'abcXYZ019-_.,&=?#/ %+éü中"\'<>'];
function text(r: Rand, max = 30): string {
  let out = '';
  const n = int(r, 1, max);
  for (let i = 0; i < n; i++) out += pick(r, TEXT_CHARS);
  return out;
}
const ID_CHARS = [...'abcdefghijklmnopqrstuvwxyz0123456789._-'];
function sampleId(r: Rand): string {
  let out = pick(r, [...'abcdefghijklmnopqrstuvwxyz']);
  const n = int(r, 0, 20);
  for (let i = 0; i < n; i++) out += pick(r, ID_CHARS);
  return out;
}
function hex(r: Rand, n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) out += pick(r, [...'0123456789abcdef']);
  return out;
}
const list = (r: Rand, max: number) => [...new Set(Array.from({ length: int(r, 1, max) }, () => text(r)))];

function dataset(r: Rand): DatasetRef {
  const kind = pick(r, ['sample', 'hash', 'embedded'] as const);
  if (kind === 'sample') return { kind, id: sampleId(r) };
  if (kind === 'hash') return { kind, id: hex(r, 16) };
  const b64 = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'];
  return { kind, id: Array.from({ length: int(r, 1, 400) }, () => pick(r, b64)).join('') };
}

function yearRange(r: Rand): { from: number; to: number } {
  const from = int(r, 1900, 2100);
  return { from, to: r() < 0.3 ? from : int(r, from, 2100) };
}

function randomRoute(r: Rand): Route {
  const ds = dataset(r);
  const gap = maybe(r, () => text(r));
  const route: Route = {
    dataset: ds,
    view: pick(r, VIEWS),
    region: maybe(r, () => text(r)),
    selected: maybe(r, () => text(r)),
    gap,
    gapBuyer: gap === undefined ? undefined : maybe(r, () => text(r)),
    filters: {
      kinds: r() < 0.5 ? [] : [...new Set(Array.from({ length: int(r, 1, 4) }, () => pick(r, ORG_KINDS)))],
      capabilities: r() < 0.5 ? [] : list(r, 5),
      certifications: r() < 0.5 ? [] : list(r, 5),
      minValue: r() < 0.5 ? 0 : int(r, 1, 1e9),
      years: r() < 0.5 ? null : yearRange(r),
    },
    removed: r() < 0.5 ? [] : list(r, 8),
    map: maybe(r, () => ({
      lat: (r() * 2 - 1) * 85,
      lon: (r() * 2 - 1) * 180,
      zoom: Math.round(r() * 2200) / 100,
    })),
    shading: pick(r, SHADINGS),
    layout: pick(r, LAYOUTS),
    net: maybe(r, () => ({ x: r() * 2 - 0.5, y: r() * 2 - 0.5, ratio: 0.005 + r() * 3 })),
    focus: r() < 0.5 ? 0 : int(r, 1, MAX_FOCUS),
    critical: r() < 0.5,
    resilienceSort: maybe(r, () => ({ column: pick(r, RESILIENCE_COLUMNS), ascending: r() < 0.5 })),
    // An empty file record says nothing and is not written: give it at least one field.
    file:
      ds.kind === 'hash'
        ? maybe(r, () =>
            r() < 0.5 ? { name: text(r), bytes: maybe(r, () => int(r, 0, 1e9)) } : { bytes: int(r, 0, 1e9) },
          )
        : undefined,
  };
  return route;
}

/** Drops undefined fields, so that `{ a: undefined }` and `{}` compare equal. */
function strip(route: Route): unknown {
  return JSON.parse(JSON.stringify(route));
}

/** How far a map coordinate may move when written at its zoom's precision: half a unit of the last digit. */
function mapTolerance(zoom: number): number {
  const z = Math.round(zoom * 100) / 100;
  const digits = Math.min(6, Math.max(0, Math.ceil((z * Math.LN2 + Math.log(512 / 360)) / Math.LN10)));
  return 0.5 * 10 ** -digits + 1e-12;
}

describe('permalink codec, random valid routes', () => {
  const seeds = Array.from({ length: 400 }, (_, i) => i + 1);

  it.each(seeds.map((s) => [s]))('round-trips the route of seed %i', (seed) => {
    const route = randomRoute(rng(seed));
    const encoded = encodeRoute(route);
    const { route: decoded, notices } = decodeRoute(encoded);
    expect(notices).toEqual([]);
    // Everything but the cameras comes back exactly.
    const { map, net, ...rest } = route;
    const { map: dMap, net: dNet, ...dRest } = decoded;
    expect(strip(dRest as Route)).toEqual(strip(rest as Route));
    if (map === undefined) expect(dMap).toBeUndefined();
    else {
      const tolerance = mapTolerance(map.zoom);
      expect(Math.abs(dMap!.lat - map.lat)).toBeLessThanOrEqual(tolerance);
      expect(Math.abs(dMap!.lon - map.lon)).toBeLessThanOrEqual(tolerance);
      expect(dMap!.zoom).toBeCloseTo(map.zoom, 2);
    }
    if (net === undefined) expect(dNet).toBeUndefined();
    else {
      // Three significant digits of the ratio, and coordinates to a pixel at that ratio.
      expect(Math.abs(dNet!.ratio / net.ratio - 1)).toBeLessThan(0.005);
      expect(Math.abs(dNet!.x - net.x)).toBeLessThan(net.ratio * 1e-3);
      expect(Math.abs(dNet!.y - net.y)).toBeLessThan(net.ratio * 1e-3);
    }
    // Stable: what was decoded encodes to the same link.
    expect(encodeRoute(decoded)).toBe(encoded);
  });
});

/** Checks that a decoded route is one the app can show: every field of the right type and range. */
function expectValidRoute(route: Route): void {
  expect(['sample', 'hash', 'embedded']).toContain(route.dataset.kind);
  expect(VIEWS).toContain(route.view);
  expect(LAYOUTS).toContain(route.layout);
  expect(SHADINGS).toContain(route.shading);
  expect(Number.isFinite(route.filters.minValue) && route.filters.minValue >= 0).toBe(true);
  expect(route.filters.kinds.every((k) => (ORG_KINDS as readonly string[]).includes(k))).toBe(true);
  for (const items of [route.filters.capabilities, route.filters.certifications, route.removed]) {
    expect(Array.isArray(items) && items.every((i) => typeof i === 'string' && i !== '')).toBe(true);
  }
  if (route.map !== undefined) {
    expect([route.map.lat, route.map.lon, route.map.zoom].every(Number.isFinite)).toBe(true);
  }
  if (route.net !== undefined) {
    expect([route.net.x, route.net.y, route.net.ratio].every(Number.isFinite)).toBe(true);
    expect(route.net.ratio).toBeGreaterThan(0);
  }
  expect(Number.isInteger(route.focus) && route.focus >= 0 && route.focus <= MAX_FOCUS).toBe(true);
  expect(typeof route.critical).toBe('boolean');
  if (route.resilienceSort !== undefined) expect(RESILIENCE_COLUMNS).toContain(route.resilienceSort.column);
  // Nothing leaked onto the prototype chain.
  expect(Object.getPrototypeOf(route)).toBe(Object.prototype);
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
}

describe('permalink codec, hostile links', () => {
  it.each(Array.from({ length: 200 }, (_, i) => [i + 1]))('survives random bytes (seed %i)', (seed) => {
    const r = rng(seed * 7919);
    const n = int(r, 0, 300);
    let hash = r() < 0.5 ? '#/' : '';
    for (let i = 0; i < n; i++) hash += String.fromCharCode(int(r, 0, r() < 0.9 ? 127 : 0xffff));
    const { route } = decodeRoute(hash);
    expectValidRoute(route);
  });

  it.each(Array.from({ length: 100 }, (_, i) => [i + 1]))(
    'survives a mutated valid link (seed %i)',
    (seed) => {
      const r = rng(seed * 104729);
      const chars = [...encodeRoute(randomRoute(r))];
      for (let m = int(r, 1, 6); m > 0; m--) {
        const at = int(r, 0, chars.length);
        const op = int(r, 0, 2);
        if (op === 0) chars.splice(at, 1);
        else if (op === 1) chars.splice(at, 0, pick(r, [...'&=,?/%#:0.-e']));
        else chars[at] = pick(r, [...'%zZ9,&']);
      }
      expectValidRoute(decodeRoute(chars.join('')).route);
    },
  );

  it.each([
    ['a 100 KB selection', `#/s:chicago/map?sel=${'x'.repeat(100_000)}`, 'selection'],
    ['a 100 KB hash', `#/${'y'.repeat(100_000)}`, 'dataset'],
    ['a 100 KB embedded dataset', `#/z:${'A'.repeat(100_000)}/map`, 'embedded'],
    ['100 KB of parameters', `#/s:chicago/map?${'k=v&'.repeat(25_000)}`, 'twice'],
    ['a __proto__ key', '#/s:chicago/map?__proto__=1', '__proto__'],
    ['a constructor key', '#/s:chicago/map?constructor=polluted', 'constructor'],
    ['a __proto__ selection', '#/s:chicago/map?sel=__proto__&region=__proto__', null],
    ['NaN zoom', '#/s:chicago/map?map=41,-87,NaN', 'map position'],
    ['Infinity latitude', '#/s:chicago/map?map=Infinity,-87,8', 'map position'],
    ['a huge minimum value', '#/s:chicago/map?minv=1e308', 'minimum value'],
    ['Infinity minimum value', '#/s:chicago/map?minv=Infinity', 'minimum value'],
    ['a negative ratio', '#/s:chicago/network?net=0.5,0.5,-1', 'network position'],
    ['NaN focus', '#/s:chicago/network?focus=NaN', 'focus depth'],
    ['a bad percent escape', '#/s:chicago/map?sel=%E0%A4%A', 'selection'],
    ['a size with an exponent', '#/h:0123456789abcdef/map?bytes=1e3', 'file size'],
    ['a file name on a sample link', '#/s:chicago/map?name=x', 'file name'],
    ['an old version', '#/s:chicago/map?v=0', 'version'],
    ['a gap buyer without a gap', '#/s:chicago/map?buyer=chicago-prime-01', 'gap buyer'],
  ])('decodes %s to a valid route', (_what, hash, word) => {
    const { route, notices } = decodeRoute(hash);
    expectValidRoute(route);
    if (word === null) expect(notices).toEqual([]);
    else expect(notices.join(' ')).toContain(word);
    // The defaults stand in for what was ignored.
    if (word !== null && word !== 'twice')
      expect(route.view === 'map' || route.view === 'network').toBe(true);
  });

  it('keeps the valid parts of a link when one part is bad', () => {
    const { route, notices } = decodeRoute(
      '#/s:peoria/network?sel=peoria-prime-01&map=NaN,NaN,NaN&layout=tier',
    );
    expect(route).toMatchObject({ dataset: { kind: 'sample', id: 'peoria' }, view: 'network' });
    expect(route.selected).toBe('peoria-prime-01');
    expect(route.layout).toBe('tier');
    expect(route.map).toBeUndefined();
    expect(notices).toHaveLength(1);
  });

  it('gives the default route for an empty hash', () => {
    expect(decodeRoute('')).toEqual({ route: DEFAULT_ROUTE, notices: [] });
  });
});

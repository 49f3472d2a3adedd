import { describe, expect, it } from 'vitest';
import { DEFAULT_ROUTE, decodeRoute, encodeRoute } from './route.ts';
import type { Route } from './route.ts';

describe('decodeRoute', () => {
  it('gives the Chicago map for an empty hash, with no notices', () => {
    expect(decodeRoute('')).toEqual({ route: DEFAULT_ROUTE, notices: [] });
    expect(decodeRoute('#/')).toEqual({ route: DEFAULT_ROUTE, notices: [] });
  });

  it('reads dataset, view and region', () => {
    expect(decodeRoute('#/s:peoria/network?region=imcp-greater-peoria')).toEqual({
      route: { dataset: { kind: 'sample', id: 'peoria' }, view: 'network', region: 'imcp-greater-peoria' },
      notices: [],
    });
    expect(decodeRoute('#/h:0123456789abcdef/gaps').route.dataset).toEqual({
      kind: 'hash',
      id: '0123456789abcdef',
    });
  });

  it.each([
    ['#/x:whatever/map', 'dataset'],
    ['#/h:nothex/map', 'dataset'],
    ['#/s:chicago/globe', 'view'],
    ['#/s:chicago/map?region=%3Cscript%3E', 'region'],
    ['#/s:chicago/map?__proto__=1', 'parameter'],
    ['#/s:chicago/map/extra', 'Extra'],
    [`#/s:${'a'.repeat(100_000)}/map`, 'dataset'],
    ['#/%E0%A4%A/map', 'dataset'],
  ])('falls back to defaults for %s and says what it ignored', (hash, word) => {
    const { route, notices } = decodeRoute(hash);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain(word);
    expect(route.view === 'map' || route.view === 'network').toBe(true);
  });
});

describe('encodeRoute', () => {
  const routes: Route[] = [
    DEFAULT_ROUTE,
    { dataset: { kind: 'sample', id: 'socal' }, view: 'split', region: 'imcp-southern-california' },
    { dataset: { kind: 'hash', id: 'fedcba9876543210' }, view: 'gaps' },
  ];
  it.each(routes)('round-trips %j', (route) => {
    const encoded = encodeRoute(route);
    expect(decodeRoute(encoded)).toEqual({ route: { region: undefined, ...route }, notices: [] });
    expect(encodeRoute(decodeRoute(encoded).route)).toBe(encoded);
  });
});

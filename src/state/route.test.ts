import { describe, expect, it } from 'vitest';
import { DEFAULT_ROUTE, NO_FILTERS, decodeRoute, encodeCamera, encodeRoute } from './route.ts';
import type { Route } from './route.ts';

const route = (fields: Partial<Route>): Route => ({ ...DEFAULT_ROUTE, ...fields });

describe('decodeRoute', () => {
  it('gives the Chicago map for an empty hash, with no notices', () => {
    expect(decodeRoute('')).toEqual({ route: DEFAULT_ROUTE, notices: [] });
    expect(decodeRoute('#/')).toEqual({ route: DEFAULT_ROUTE, notices: [] });
  });

  it('reads dataset, view and every parameter', () => {
    expect(
      decodeRoute(
        '#/s:peoria/network?region=imcp-greater-peoria&sel=f%2C1&gap=332811&kind=prime,manufacturer&cap=332811,nadcap-ndt&cert=AS9100&minv=50000&fy=2022-2024&rm=a,b&map=40.69,-89.59,8.5&shade=imported&layout=tier&v=1',
      ),
    ).toEqual({
      route: {
        dataset: { kind: 'sample', id: 'peoria' },
        view: 'network',
        region: 'imcp-greater-peoria',
        selected: 'f,1',
        gap: '332811',
        filters: {
          kinds: ['prime', 'manufacturer'],
          capabilities: ['332811', 'nadcap-ndt'],
          certifications: ['AS9100'],
          minValue: 50000,
          years: { from: 2022, to: 2024 },
        },
        removed: ['a', 'b'],
        map: { lat: 40.69, lon: -89.59, zoom: 8.5 },
        shading: 'imported',
        layout: 'tier',
        focus: 0,
        critical: false,
      },
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
    ['#/s:chicago/map?__proto__=1', 'parameter'],
    ['#/s:chicago/map/extra', 'Extra'],
    [`#/s:${'a'.repeat(100_000)}/map`, 'dataset'],
    ['#/%E0%A4%A/map', 'dataset'],
    ['#/s:chicago/map?kind=prime,factory', 'kind filter'],
    ['#/s:chicago/map?minv=NaN', 'minimum value'],
    ['#/s:chicago/map?minv=-5', 'minimum value'],
    ['#/s:chicago/map?minv=Infinity', 'minimum value'],
    ['#/s:chicago/map?fy=2024-2022', 'fiscal years'],
    ['#/s:chicago/map?fy=FY2023', 'fiscal years'],
    ['#/s:chicago/map?fy=1850', 'fiscal years'],
    ['#/s:chicago/map?fy=2023-', 'fiscal years'],
    ['#/s:chicago/map?map=91,0,3', 'map position'],
    ['#/s:chicago/map?map=1,2', 'map position'],
    ['#/s:chicago/map?map=1,2,99', 'map position'],
    ['#/s:chicago/map?shade=rainbow', 'county shading'],
    ['#/s:chicago/map?layout=circle', 'layout'],
    ['#/s:chicago/map?sel=%E0%A4%A', 'selection'],
    [`#/s:chicago/map?sel=${'x'.repeat(5000)}`, 'selection'],
    [`#/s:chicago/map?rm=${Array.from({ length: 600 }, (_, i) => i).join(',')}`, 'what-if'],
    ['#/s:chicago/map?cap=a,,b', 'capability filter'],
    ['#/s:chicago/map?v=9', 'another version'],
    ['#/s:chicago/network?net=0.5,0.5,0', 'network position'],
    ['#/s:chicago/network?net=a,b,c', 'network position'],
    ['#/s:chicago/network?focus=0', 'focus depth'],
    ['#/s:chicago/network?focus=2.5', 'focus depth'],
    ['#/s:chicago/network?focus=99', 'focus depth'],
    ['#/s:chicago/network?crit=yes', 'critical highlight'],
    ['#/s:chicago/gaps?rsort=dollars', 'resilience table order'],
    ['#/s:chicago/gaps?rsort=share~d', 'resilience table order'],
    ['#/s:chicago/gaps?rsort=share~a~a', 'resilience table order'],
    ['#/s:chicago/map?gap=1&gap=2', 'twice'],
  ])('falls back to defaults for %s and says what it ignored', (hash, word) => {
    const { route: decoded, notices } = decodeRoute(hash);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain(word);
    expect(decoded.filters.minValue).toBeGreaterThanOrEqual(0);
  });

  it('never throws on random text', () => {
    const alphabet = '#/?&=,:%sh0123456789abcdefxyz-._~!*()[]{}\'" \u00e9\u4e2d';
    let seed = 7;
    for (let n = 0; n < 2000; n++) {
      let text = '';
      const length = n % 60;
      for (let i = 0; i < length; i++) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        text += alphabet[seed % alphabet.length];
      }
      const { route: decoded } = decodeRoute(text);
      // Whatever it read, it encodes to a link that reads back the same.
      expect(decodeRoute(encodeRoute(decoded)).route).toEqual(decoded);
    }
  });
});

describe('encodeRoute', () => {
  const routes: Route[] = [
    DEFAULT_ROUTE,
    route({ dataset: { kind: 'sample', id: 'socal' }, view: 'split', region: 'imcp-southern-california' }),
    route({ dataset: { kind: 'hash', id: 'fedcba9876543210' }, view: 'gaps', gap: 'nadcap-heat-treat' }),
    route({ selected: 'id with spaces, commas & ampersands=', removed: ['x,y', 'z'] }),
    route({
      filters: { ...NO_FILTERS, kinds: ['training'], minValue: 1250.5 },
      shading: 'orgs',
      layout: 'force',
    }),
    route({ map: { lat: 41.88, lon: -87.63, zoom: 9 } }),
    route({ filters: { ...NO_FILTERS, years: { from: 2023, to: 2023 } } }),
    route({
      view: 'network',
      layout: 'tier',
      net: { x: 0.25, y: 0.75, ratio: 0.5 },
      focus: 3,
      critical: true,
    }),
    route({ view: 'gaps', resilienceSort: { column: 'share', ascending: false } }),
    route({ view: 'gaps', selected: 'P1', resilienceSort: { column: 'prime', ascending: true } }),
  ];
  it.each(routes)('round-trips %j', (r) => {
    const encoded = encodeRoute(r);
    expect(decodeRoute(encoded)).toEqual({ route: r, notices: [] });
    expect(encodeRoute(decodeRoute(encoded).route)).toBe(encoded);
  });

  it('writes one fiscal year as the year, a range as first-last', () => {
    expect(encodeRoute(route({ filters: { ...NO_FILTERS, years: { from: 2023, to: 2023 } } }))).toBe(
      '#/s:chicago/map?fy=2023&v=1',
    );
    expect(encodeRoute(route({ filters: { ...NO_FILTERS, years: { from: 2021, to: 2024 } } }))).toBe(
      '#/s:chicago/map?fy=2021-2024&v=1',
    );
  });

  it('leaves defaults out, so the plain view has a short link', () => {
    expect(encodeRoute(DEFAULT_ROUTE)).toBe('#/s:chicago/map');
  });
});

describe('encodeCamera', () => {
  it.each([
    [{ lat: 41.881832, lon: -87.623177, zoom: 3 }, '41.88,-87.62,3'],
    [{ lat: 41.881832, lon: -87.623177, zoom: 9.123 }, '41.882,-87.623,9.12'],
    [{ lat: 41.881832, lon: -87.623177, zoom: 16 }, '41.88183,-87.62318,16'],
  ])('rounds %j to the precision its zoom shows', (camera, text) => {
    expect(encodeCamera(camera)).toBe(text);
  });
});

import { describe, expect, it } from 'vitest';
import { windowCovers, windowFor } from './view-window.ts';

describe('windowFor', () => {
  it('pads the view by its own size on every side, at the whole zoom', () => {
    expect(windowFor({ west: -90, south: 40, east: -88, north: 42 }, 7.6)).toEqual({
      bbox: [-92, 38, -86, 44],
      zoom: 7,
    });
  });

  it('takes every longitude once the padded view spans the world, and stops at the Mercator limit', () => {
    expect(windowFor({ west: -150, south: 10, east: -20, north: 70 }, 1.2)).toEqual({
      bbox: [-180, -50, 180, 85.06],
      zoom: 1,
    });
  });
});

describe('windowCovers', () => {
  const held = windowFor({ west: -90, south: 40, east: -88, north: 42 }, 7.6);

  it('serves views inside it at the same whole zoom', () => {
    expect(windowCovers(held, { west: -91.5, south: 38.5, east: -89.5, north: 40.5 }, 7.1)).toBe(true);
  });

  it('does not serve a view that leaves it, or another whole zoom', () => {
    expect(windowCovers(held, { west: -93, south: 40, east: -91, north: 42 }, 7.6)).toBe(false);
    expect(windowCovers(held, { west: -90, south: 43, east: -88, north: 45 }, 7.6)).toBe(false);
    expect(windowCovers(held, { west: -90, south: 40, east: -88, north: 42 }, 8)).toBe(false);
    expect(windowCovers(held, { west: -90, south: 40, east: -88, north: 42 }, 6.99)).toBe(false);
  });

  it('serves any longitude when it holds the whole world, and the poles past the Mercator limit', () => {
    const world = windowFor({ west: -150, south: 10, east: -20, north: 70 }, 1.2);
    expect(windowCovers(world, { west: 200, south: 20, east: 330, north: 86 }, 1.9)).toBe(true);
  });
});

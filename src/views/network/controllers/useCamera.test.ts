import { describe, expect, it } from 'vitest';
import type { NetworkCamera } from '../../../state/route.ts';
import { FIT, sameCamera } from './useCamera.ts';

const cam = (x: number, y: number, ratio: number): NetworkCamera => ({ x, y, ratio });

describe('sameCamera', () => {
  it.each<[string, NetworkCamera, NetworkCamera, boolean]>([
    ['a camera is the same as itself', FIT, FIT, true],
    // Tolerance 0.2% of the ratio: 0.002 at ratio 1.
    ['a center 0.0019 away at ratio 1 is the same', cam(0.5, 0.5, 1), cam(0.5019, 0.5, 1), true],
    ['a center 0.0021 away at ratio 1 differs', cam(0.5, 0.5, 1), cam(0.5021, 0.5, 1), false],
    ['the tolerance holds for y too', cam(0.5, 0.5, 1), cam(0.5, 0.4979, 1), false],
    // At ratio 10 the view is 10× wider: 0.015 is within 0.02.
    ['the tolerance grows with the ratio', cam(0.5, 0.5, 10), cam(0.515, 0.5, 10), true],
    ['the tolerance shrinks when zoomed in', cam(0.5, 0.5, 0.1), cam(0.5003, 0.5, 0.1), false],
    // max(10, 9.95) sets the tolerance: 0.01995 is within 0.02 but not within 0.0199; 10 / 9.95 is 0.5% off.
    ['the larger ratio sets the tolerance', cam(0.5, 0.5, 10), cam(0.51995, 0.5, 9.95), true],
    ['ratios within 1% are the same', cam(0.5, 0.5, 1), cam(0.5, 0.5, 1.009), true],
    ['ratios 1.1% apart differ', cam(0.5, 0.5, 1), cam(0.5, 0.5, 1.011), false],
    ['a zoom out differs', cam(0.5, 0.5, 1), cam(0.5, 0.5, 2), false],
  ])('%s', (_name, a, b, expected) => {
    expect(sameCamera(a, b)).toBe(expected);
    expect(sameCamera(b, a)).toBe(expected);
  });

  it('fits at the middle with ratio 1', () => {
    expect(FIT).toEqual({ x: 0.5, y: 0.5, ratio: 1 });
  });
});

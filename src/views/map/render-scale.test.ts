import { describe, expect, it } from 'vitest';
import {
  MIN_SOFTWARE_RATIO,
  SOFTWARE_PIXEL_BUDGET,
  mapPixelRatio,
  softwarePixelRatio,
} from './render-scale.ts';

describe('softwarePixelRatio', () => {
  it('keeps the device ratio when the canvas fits the pixel budget', () => {
    // 400 × 300 = 120k CSS pixels; at ratio 1 that is under the 160k budget.
    expect(softwarePixelRatio(400, 300, 1)).toBe(1);
    // At ratio 2 the same canvas is 480k drawn pixels: sqrt(160k / 120k) = 1.1547…, floored to 1.15.
    expect(softwarePixelRatio(400, 300, 2)).toBe(1.15);
  });

  it('draws a big canvas at the ratio that fits the budget, in 0.05 steps', () => {
    // 800 × 500 = 400k: sqrt(0.4) = 0.632… → 0.6; the drawn pixels stay within the budget.
    const ratio = softwarePixelRatio(800, 500, 1);
    expect(ratio).toBe(0.6);
    expect(800 * ratio * 500 * ratio).toBeLessThanOrEqual(SOFTWARE_PIXEL_BUDGET);
  });

  it('never goes below half resolution', () => {
    expect(softwarePixelRatio(2560, 1440, 1)).toBe(MIN_SOFTWARE_RATIO);
    expect(softwarePixelRatio(2560, 1440, 2)).toBe(MIN_SOFTWARE_RATIO);
  });

  it('falls back to the device ratio for an empty or unmeasured canvas and to 1 for a bad device ratio', () => {
    expect(softwarePixelRatio(0, 600, 1.5)).toBe(1.5);
    expect(softwarePixelRatio(Number.NaN, 600, 1)).toBe(1);
    expect(softwarePixelRatio(300, 200, 0)).toBe(1);
    expect(softwarePixelRatio(300, 200, Number.NaN)).toBe(1);
  });
});

describe('mapPixelRatio', () => {
  it('reduces only on software GL in the fast resolution', () => {
    expect(mapPixelRatio(true, 'fast', 1000, 850, 1)).toBe(0.5);
    expect(mapPixelRatio(true, 'sharp', 1000, 850, 1)).toBe(1);
    expect(mapPixelRatio(false, 'fast', 1000, 850, 2)).toBe(2);
  });
});

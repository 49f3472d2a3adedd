import { describe, expect, it } from 'vitest';
import { cameraForBox } from './frame.ts';

// A 1000 × 500 px pane that shows 2 × 1 framed units at ratio 1: 500 px per unit both ways.
const view = { width: 1000, height: 500, unitWidth: 2, unitHeight: 1 };

describe('cameraForBox', () => {
  it('centres on the box and zooms so that its longer side (in px) fills the usable pane', () => {
    // 0.4 × 0.1 units = 200 × 50 px at ratio 1; with no margin 200/1000 = 0.2 and 50/500 = 0.1: ratio 0.2.
    const camera = cameraForBox({ minX: 0.2, maxX: 0.6, minY: 0.4, maxY: 0.5 }, view, { margin: 0 });
    expect(camera.x).toBeCloseTo(0.4, 9);
    expect(camera.y).toBeCloseTo(0.45, 9);
    expect(camera.ratio).toBeCloseTo(0.2, 9);
  });

  it('lets the taller side decide when it is the tighter fit', () => {
    // 0.1 × 0.5 units = 50 × 250 px: 50/1000 vs 250/500 = 0.5.
    expect(cameraForBox({ minX: 0, maxX: 0.1, minY: 0, maxY: 0.5 }, view, { margin: 0 }).ratio).toBeCloseTo(
      0.5,
      9,
    );
  });

  it('keeps the margin free on each side', () => {
    // Usable width 1000 × (1 − 0.2) = 800: 200/800 = 0.25.
    expect(
      cameraForBox({ minX: 0.2, maxX: 0.6, minY: 0.4, maxY: 0.5 }, view, { margin: 0.1 }).ratio,
    ).toBeCloseTo(0.25, 9);
  });

  it('keeps room for labels on the right and shifts the centre by half of it', () => {
    // Usable width 1000 − 200 = 800 → ratio 0.25; at 0.25, 500/0.25 = 2000 px per unit, so 100 px = 0.05.
    const camera = cameraForBox({ minX: 0.2, maxX: 0.6, minY: 0.4, maxY: 0.5 }, view, {
      margin: 0,
      labelRoom: 200,
    });
    expect(camera.ratio).toBeCloseTo(0.25, 9);
    expect(camera.x).toBeCloseTo(0.45, 9);
  });

  it('comes no closer than the minimum ratio (one node is a point)', () => {
    expect(cameraForBox({ minX: 0.3, maxX: 0.3, minY: 0.3, maxY: 0.3 }, view, { minRatio: 0.1 })).toEqual({
      x: 0.3,
      y: 0.3,
      ratio: 0.1,
    });
  });
});

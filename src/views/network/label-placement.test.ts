import { describe, expect, it } from 'vitest';
import { footprint, placeLabels } from './label-placement.ts';
import type { LabelCandidate, PlacedLabel } from './label-placement.ts';

const keys = (placed: PlacedLabel[]) => placed.map((p) => p.key);

const pane = { width: 400, height: 300, lineHeight: 12, margin: 0 };
const node = (key: string, x: number, y: number, width = 50, size = 4): LabelCandidate => ({
  key,
  x,
  y,
  size,
  width,
});

/** Independent check: no two taken footprints intersect (pairwise, no grid). */
function pairwiseClear(candidates: LabelCandidate[], taken: string[]): boolean {
  const rects = taken.map((k) =>
    footprint(
      candidates.find((c) => c.key === k)!,
      pane.lineHeight,
    ),
  );
  for (let i = 0; i < rects.length; i++)
    for (let j = i + 1; j < rects.length; j++) {
      const a = rects[i]!;
      const b = rects[j]!;
      if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) return false;
    }
  return true;
}

describe('footprint', () => {
  it('runs from the disc’s left edge to the end of the text, a line high (or the disc’s height)', () => {
    // x 100 − 4 = 96 … 100 + 4 + 3 + 50 = 157; half height max(4, 6) = 6.
    expect(footprint(node('a', 100, 50), 12)).toEqual({ left: 96, top: 44, right: 157, bottom: 56 });
    expect(footprint(node('b', 100, 50, 50, 10), 12)).toEqual({ left: 90, top: 40, right: 163, bottom: 60 });
  });
});

describe('placeLabels', () => {
  it('takes labels that do not touch and leaves out one that overlaps an earlier one', () => {
    // b sits 8 px below a: their 12-px lines overlap; c is far enough away.
    const taken = keys(placeLabels([node('a', 50, 50), node('b', 60, 58), node('c', 50, 80)], pane));
    expect(taken).toEqual(['a', 'c']);
  });

  it('lets priority decide: the first candidate wins the overlap', () => {
    expect(keys(placeLabels([node('b', 60, 58), node('a', 50, 50)], pane))).toEqual(['b']);
  });

  it('leaves out labels whose text would run off the pane, but not a disc cut by the edge', () => {
    const taken = keys(
      placeLabels(
        [node('right', 360, 50), node('top', 50, 3), node('left', -2, 100), node('gone', -20, 150)],
        pane,
      ),
    );
    // right: its text would start at 367, leaving 33 px to the edge, under the 50 it needs (less than the
    // 56 px minimum); top: 3 − 6 < 0; left: its text starts at 5, on the pane.
    expect(taken).toEqual(['left']);
  });

  it('shortens a label that reaches the right edge to the room left, when that room is enough', () => {
    // Text from 300 + 4 + 3 = 307 to the edge at 400: 93 px of its 150.
    expect(placeLabels([node('long', 300, 50, 150)], pane)).toEqual([{ key: 'long', width: 93 }]);
    expect(placeLabels([node('long', 300, 50, 150)], { ...pane, minWidth: 100 })).toEqual([]);
  });

  it('keeps the margin free around each label', () => {
    const a = node('a', 50, 50);
    const b = node('b', 50, 63); // footprints 44…56 and 57…69: 1 px apart
    expect(keys(placeLabels([a, b], { ...pane, margin: 0 }))).toEqual(['a', 'b']);
    expect(keys(placeLabels([a, b], { ...pane, margin: 2 }))).toEqual(['a']);
  });

  it('stops at the maximum', () => {
    const column = Array.from({ length: 10 }, (_, i) => node(`n${i}`, 50, 20 + i * 20));
    expect(keys(placeLabels(column, { ...pane, max: 3 }))).toEqual(['n0', 'n1', 'n2']);
  });

  it('stops a label short of the first node in its way, and leaves it out when too little remains', () => {
    // a's text starts at 50 + 4 + 3 = 57 and would run to 157; b's disc (x 100 ± 4) blocks it at 96 − 2.
    const a = node('a', 50, 50, 100);
    const b = { key: 'b', x: 100, y: 52, size: 4 };
    const placed = placeLabels([a], { ...pane, obstacles: [a, b], margin: 2, minWidth: 30 });
    expect(placed).toEqual([{ key: 'a', width: 94 - 57 }]);
    // With a minimum of 40 px (the default is more) the 37 px left are too few.
    expect(placeLabels([a], { ...pane, obstacles: [a, b], margin: 2, minWidth: 40 })).toEqual([]);
    expect(placeLabels([a], { ...pane, obstacles: [a, b], margin: 2 })).toEqual([]);
    // A disc left of where the text starts, one above the label's line, and a's own disc do not block it.
    const behind = { key: 'c', x: 52, y: 50, size: 3 };
    const above = { key: 'd', x: 100, y: 30, size: 4 };
    expect(placeLabels([a], { ...pane, obstacles: [a, behind, above] })).toEqual([{ key: 'a', width: 100 }]);
  });

  it('finds overlaps across grid cells for wide labels (against a pairwise check on random scenes)', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let scene = 0; scene < 50; scene++) {
      const candidates = Array.from({ length: 80 }, (_, i) =>
        node(`n${i}`, random() * 400, random() * 300, 10 + random() * 200, 1 + random() * 12),
      );
      const placed = placeLabels(candidates, { ...pane, obstacles: candidates, minWidth: 10 });
      const shortened = candidates.map((c) => ({
        ...c,
        width: placed.find((p) => p.key === c.key)?.width ?? c.width,
      }));
      const taken = keys(placed);
      expect(pairwiseClear(shortened, taken)).toBe(true);
      // No taken label runs over another node's disc.
      for (const p of placed) {
        const c = candidates.find((d) => d.key === p.key)!;
        const start = c.x + c.size + 3;
        for (const d of candidates) {
          if (d.key === c.key) continue;
          const hits =
            d.x - d.size < start + p.width &&
            d.x + d.size > start &&
            d.y - d.size < c.y + 6 &&
            d.y + d.size > c.y - 6;
          expect(hits, `${p.key} over ${d.key}`).toBe(false);
        }
      }
      // Greedy is maximal: a candidate left out had too little room before a disc, ran off the pane, or
      // touches a label taken before it (all checked here by brute force).
      for (const c of candidates) {
        if (taken.includes(c.key)) continue;
        const start = c.x + c.size + 3;
        let end = start + c.width;
        for (const d of candidates) {
          if (d.key === c.key || d.x + d.size <= start) continue;
          if (d.x - d.size < end && d.y - d.size < c.y + 6 && d.y + d.size > c.y - 6)
            end = Math.min(end, d.x - d.size);
        }
        if (end - start < Math.min(c.width, 10)) continue;
        const f = footprint({ ...c, width: end - start }, pane.lineHeight);
        if (f.right > 400 || f.top < 0 || f.bottom > 300 || c.x + c.size < 0) continue;
        const blockers = shortened.filter((o) => {
          if (!taken.includes(o.key)) return false;
          const r = footprint(o, pane.lineHeight);
          return f.left < r.right && r.left < f.right && f.top < r.bottom && r.top < f.bottom;
        });
        expect(blockers.length, c.key).toBeGreaterThan(0);
      }
    }
  });
});

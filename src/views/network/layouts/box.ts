// Every layout is scaled into the same box centred on the origin, so that sigma frames them alike and a
// layout switch animates in place instead of zooming. Pure.

export type Point = { x: number; y: number };
export type LayoutPositions = Record<string, Point>;

/** Length of the longer side of the box every layout fits into. */
export const LAYOUT_BOX = 1000;

/** Scales and centres positions so that their longer side is LAYOUT_BOX, keeping the aspect ratio. */
export function fitToBox(positions: LayoutPositions, side = LAYOUT_BOX): LayoutPositions {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const key in positions) {
    const { x, y } = positions[key]!;
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }
  const span = Math.max(maxX - minX, maxY - minY);
  const scale = span > 0 ? side / span : 0;
  const cx = (minX + maxX) / 2;
  const cy = (minY + maxY) / 2;
  const out: LayoutPositions = {};
  for (const key in positions) {
    const { x, y } = positions[key]!;
    out[key] = { x: (x - cx) * scale, y: (y - cy) * scale };
  }
  return out;
}

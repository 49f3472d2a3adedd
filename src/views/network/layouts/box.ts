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

/**
 * The placed points, and the unplaced keys (null) on a grid below them, in the given order, about twice as
 * wide as tall, spanning the placed points' width: then fitted to the layout box. The geo and file layouts
 * both lay out this way.
 */
export function placeWithGridBelow(points: Iterable<readonly [string, Point | null]>): LayoutPositions {
  const placed: LayoutPositions = {};
  const unplaced: string[] = [];
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  for (const [key, point] of points) {
    if (point === null || !Number.isFinite(point.x) || !Number.isFinite(point.y)) {
      unplaced.push(key);
      continue;
    }
    placed[key] = { x: point.x, y: point.y };
    minX = Math.min(minX, point.x);
    maxX = Math.max(maxX, point.x);
    minY = Math.min(minY, point.y);
  }
  if (unplaced.length > 0) {
    const hasPlaced = minX <= maxX;
    const width = hasPlaced ? Math.max(maxX - minX, 1) : 1;
    const left = hasPlaced ? minX : 0;
    const columns = Math.max(1, Math.ceil(Math.sqrt(unplaced.length * 4)));
    const step = width / Math.max(1, columns - 1);
    const top = hasPlaced ? minY - width * 0.08 : 0;
    unplaced.forEach((key, i) => {
      placed[key] = { x: left + (i % columns) * step, y: top - Math.floor(i / columns) * step };
    });
  }
  return fitToBox(placed);
}

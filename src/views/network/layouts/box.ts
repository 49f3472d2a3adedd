// Every layout is scaled into the same box centred on the origin, so that sigma frames them alike and a
// layout switch animates in place instead of zooming. Pure.

export type Point = { x: number; y: number };
export type LayoutPositions = Record<string, Point>;

/** Length of the longer side of the box every layout fits into. */
export const LAYOUT_BOX = 1000;

interface Bounds {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

function boundsOf(positions: LayoutPositions): Bounds {
  const b: Bounds = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (const key in positions) {
    const { x, y } = positions[key]!;
    b.minX = Math.min(b.minX, x);
    b.maxX = Math.max(b.maxX, x);
    b.minY = Math.min(b.minY, y);
    b.maxY = Math.max(b.maxY, y);
  }
  return b;
}

/** The scaling and centring that gives `bounds` a longer side of `side`, centred on the origin. */
function boxTransform(bounds: Bounds, side: number): (p: Point) => Point {
  const span = Math.max(bounds.maxX - bounds.minX, bounds.maxY - bounds.minY);
  const scale = span > 0 ? side / span : 0;
  const cx = (bounds.minX + bounds.maxX) / 2;
  const cy = (bounds.minY + bounds.maxY) / 2;
  return ({ x, y }) => ({ x: (x - cx) * scale, y: (y - cy) * scale });
}

function mapPositions(positions: LayoutPositions, f: (p: Point) => Point): LayoutPositions {
  const out: LayoutPositions = {};
  for (const key in positions) out[key] = f(positions[key]!);
  return out;
}

/** Scales and centres positions so that their longer side is LAYOUT_BOX, keeping the aspect ratio. */
export function fitToBox(positions: LayoutPositions, side = LAYOUT_BOX): LayoutPositions {
  return mapPositions(positions, boxTransform(boundsOf(positions), side));
}

/** A rectangle of the layout: sigma's custom bounding box. */
export interface Frame {
  x: [number, number];
  y: [number, number];
}

/**
 * The rectangle around the positions of `keys`, widened by `pad` of its size on each side and to at least
 * `minSpan` each way (two firms a street apart are not a whole pane): what sigma frames to show a part of a
 * layout, e.g. the home region's firms of the geo layout. Null when no key has a position.
 */
export function frameAround(
  positions: LayoutPositions,
  keys: Iterable<string>,
  pad = 0.1,
  minSpan = LAYOUT_BOX / 50,
): Frame | null {
  const b: Bounds = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (const key of keys) {
    const p = positions[key];
    if (p === undefined) continue;
    b.minX = Math.min(b.minX, p.x);
    b.maxX = Math.max(b.maxX, p.x);
    b.minY = Math.min(b.minY, p.y);
    b.maxY = Math.max(b.maxY, p.y);
  }
  if (b.minX > b.maxX) return null;
  const widen = (lo: number, hi: number): [number, number] => {
    const half = Math.max((hi - lo) * (0.5 + pad), minSpan / 2);
    const mid = (lo + hi) / 2;
    return [mid - half, mid + half];
  };
  return { x: widen(b.minX, b.maxX), y: widen(b.minY, b.maxY) };
}

/**
 * fitToBox for positions inside a frame (a rectangle around them, e.g. the pane's shape with room for
 * labels): the frame is what gets the longer side LAYOUT_BOX; returns both transformed.
 */
export function fitFrameToBox(
  positions: LayoutPositions,
  frame: Frame,
  side = LAYOUT_BOX,
): { positions: LayoutPositions; frame: Frame } {
  const b = boundsOf(positions);
  const f = boxTransform(
    {
      minX: Math.min(b.minX, frame.x[0]),
      maxX: Math.max(b.maxX, frame.x[1]),
      minY: Math.min(b.minY, frame.y[0]),
      maxY: Math.max(b.maxY, frame.y[1]),
    },
    side,
  );
  const min = f({ x: frame.x[0], y: frame.y[0] });
  const max = f({ x: frame.x[1], y: frame.y[1] });
  return { positions: mapPositions(positions, f), frame: { x: [min.x, max.x], y: [min.y, max.y] } };
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

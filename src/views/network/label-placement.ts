// Which node labels to draw so that none overlaps another or runs over a node: candidates come in priority
// order (the selection and what it highlights, then the most valuable), each takes the rectangle of its disc
// and its label (sigma writes a label right of its node, centred on it). A label stops short of the first
// node disc in its way or of the pane's edge (the caller shortens its text to the width given, with an ellipsis) or is left out
// when too little of it would remain, as is one that would touch a rectangle already taken. Uniform grids
// over the pane keep each test to what is nearby. Pure.

export interface LabelCandidate {
  key: string;
  /** Centre of the node on screen (CSS px). */
  x: number;
  y: number;
  /** Radius of the node on screen (CSS px). */
  size: number;
  /** Width of the label text (CSS px). */
  width: number;
}

export interface PlacementOptions {
  /** The pane (CSS px): a label that leaves it is not drawn. */
  width: number;
  height: number;
  /** Height of a label line (CSS px). */
  lineHeight: number;
  /** Gap between a node and its label (sigma: 3 px). */
  gap?: number;
  /** Space kept free around each taken rectangle (CSS px). */
  margin?: number;
  /** Stop after this many labels. */
  max?: number;
  /** Every node drawn (a label runs over none of them but its own). */
  obstacles?: Iterable<Disc>;
  /** A label cut shorter than this (CSS px; default 56, about eight letters) is left out instead. */
  minWidth?: number;
}

export interface Disc {
  key: string;
  x: number;
  y: number;
  size: number;
}

/** A label to draw: its node, and the width its text may take (less than the whole: shorten it). */
export interface PlacedLabel {
  key: string;
  width: number;
}

interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const CELL = 64;

/** The footprint of a node with its label: from the disc's left edge to the end of the text. */
export function footprint(c: LabelCandidate, lineHeight: number, gap = 3): Rect {
  const half = Math.max(c.size, lineHeight / 2);
  return { left: c.x - c.size, top: c.y - half, right: c.x + c.size + gap + c.width, bottom: c.y + half };
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

class Grid<T> {
  private readonly cells: T[][];
  private readonly columns: number;
  private readonly rows: number;
  constructor(width: number, height: number) {
    this.columns = Math.max(1, Math.ceil(width / CELL));
    this.rows = Math.max(1, Math.ceil(height / CELL));
    this.cells = Array.from({ length: this.columns * this.rows }, () => []);
  }
  /** Calls visit for each cell the rectangle touches (clamped to the grid); stops when visit returns true. */
  each(r: Rect, visit: (cell: T[]) => boolean | void): boolean {
    const c0 = Math.max(0, Math.floor(r.left / CELL));
    const c1 = Math.min(this.columns - 1, Math.floor(r.right / CELL));
    const r0 = Math.max(0, Math.floor(r.top / CELL));
    const r1 = Math.min(this.rows - 1, Math.floor(r.bottom / CELL));
    for (let row = r0; row <= r1; row++)
      for (let col = c0; col <= c1; col++)
        if (visit(this.cells[row * this.columns + col]!) === true) return true;
    return false;
  }
}

/** The labels that fit, in the order they were taken, each with the width its text may take. */
export function placeLabels(candidates: Iterable<LabelCandidate>, options: PlacementOptions): PlacedLabel[] {
  const { width, height, lineHeight } = options;
  const gap = options.gap ?? 3;
  const margin = options.margin ?? 2;
  const max = options.max ?? Infinity;
  const minWidth = options.minWidth ?? 56;
  const labels = new Grid<Rect>(width, height);
  const discs = new Grid<Disc & Rect>(width, height);
  for (const d of options.obstacles ?? []) {
    const r = { ...d, left: d.x - d.size, right: d.x + d.size, top: d.y - d.size, bottom: d.y + d.size };
    discs.each(r, (cell) => void cell.push(r));
  }
  const taken: PlacedLabel[] = [];
  for (const c of candidates) {
    if (taken.length >= max) break;
    // The room before the first disc (not its own) in the label's band.
    const start = c.x + c.size + gap;
    const band: Rect = {
      left: start,
      right: start + c.width,
      top: c.y - lineHeight / 2,
      bottom: c.y + lineHeight / 2,
    };
    // The pane's right edge stops a label like a disc does: shortened, it is still the node's name.
    let end = Math.min(band.right, width);
    discs.each(band, (cell) => {
      for (const d of cell)
        if (d.key !== c.key && d.right > start && overlaps(band, d)) end = Math.min(end, d.left - margin);
    });
    const room = end - start;
    if (room < Math.min(c.width, minWidth)) continue;
    const f = footprint({ ...c, width: Math.min(c.width, room) }, lineHeight, gap);
    // The text must be on the pane whole (its height, and its start); the disc may be cut by the edge.
    if (c.x + c.size < 0 || f.right > width || f.top < 0 || f.bottom > height) continue;
    const padded = {
      left: f.left - margin,
      top: f.top - margin,
      right: f.right + margin,
      bottom: f.bottom + margin,
    };
    if (labels.each(padded, (cell) => cell.some((other) => overlaps(padded, other)))) continue;
    labels.each(f, (cell) => void cell.push(f));
    taken.push({ key: c.key, width: Math.min(c.width, room) });
  }
  return taken;
}

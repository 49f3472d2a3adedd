// The file layout: the positions a GEXF or GraphML file brought (a Gephi layout, say), for the organizations
// it placed; the others line up below, as in the geo layout. Fitted to the common layout box. Pure.
import { fitToBox } from './box.ts';
import type { LayoutPositions, Point } from './box.ts';

export interface FileNode {
  /** Render-graph key. */
  key: string;
  /** Organization id, as the file's positions name it. */
  id: string;
}

export function fileLayout(
  nodes: readonly FileNode[],
  positions: ReadonlyMap<string, Point>,
): LayoutPositions {
  const placed: LayoutPositions = {};
  const unplaced: string[] = [];
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  for (const { key, id } of nodes) {
    const p = positions.get(id);
    if (p === undefined || !Number.isFinite(p.x) || !Number.isFinite(p.y)) {
      unplaced.push(key);
      continue;
    }
    placed[key] = { x: p.x, y: p.y };
    minX = Math.min(minX, p.x);
    maxX = Math.max(maxX, p.x);
    minY = Math.min(minY, p.y);
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

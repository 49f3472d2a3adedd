// The file layout: the positions a GEXF or GraphML file brought (a Gephi layout, say), for the organizations
// it placed; the others line up below, as in the geo layout. Fitted to the common layout box. Pure.
import { placeWithGridBelow } from './box.ts';
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
  return placeWithGridBelow(nodes.map(({ key, id }) => [key, positions.get(id) ?? null] as const));
}

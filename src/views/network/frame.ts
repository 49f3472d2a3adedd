// The camera that frames a set of nodes: Zoom to fit frames what is shown (the focused tree, the filtered
// set), Zoom to selection the selection with its neighbourhood. Sigma's camera lives in "framed graph"
// coordinates (the graph's box mapped to 0…1); the pure part works there, the sigma part reads the nodes.
import type Sigma from 'sigma';
import type { CameraState } from 'sigma/types';
import type { NodeDisplayData } from 'sigma/types';
import type { EdgeAttributes, NodeAttributes } from './render-graph.ts';

export interface Box {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export interface FrameView {
  /** The pane (CSS px). */
  width: number;
  height: number;
  /** How much of the framed graph (width, height) the pane shows at ratio 1. */
  unitWidth: number;
  unitHeight: number;
}

export interface FrameOptions {
  /** Free room around the box, as a share of the pane (0.08 = 8% on each side). */
  margin?: number;
  /** Room right of the box for labels (CSS px). */
  labelRoom?: number;
  /** The closest the camera may come (sigma's ratio; smaller is closer). */
  minRatio?: number;
}

/** The camera centred on the box (and its label room) that shows all of it, no closer than minRatio. */
export function cameraForBox(
  box: Box,
  view: FrameView,
  options: FrameOptions = {},
): Omit<CameraState, 'angle'> {
  const margin = options.margin ?? 0.08;
  const labelRoom = options.labelRoom ?? 0;
  const minRatio = options.minRatio ?? 0;
  const usableWidth = Math.max(1, view.width * (1 - 2 * margin) - labelRoom);
  const usableHeight = Math.max(1, view.height * (1 - 2 * margin));
  // At ratio r one framed unit spans (width / unitWidth) / r px across.
  const pxPerUnitX = view.width / view.unitWidth;
  const pxPerUnitY = view.height / view.unitHeight;
  const ratio = Math.max(
    minRatio,
    ((box.maxX - box.minX) * pxPerUnitX) / usableWidth,
    ((box.maxY - box.minY) * pxPerUnitY) / usableHeight,
  );
  // The label room sits right of the box: shift the centre right by half of it, in framed units.
  const shift = (labelRoom / 2) * (ratio / pxPerUnitX);
  return { x: (box.minX + box.maxX) / 2 + shift, y: (box.minY + box.maxY) / 2, ratio };
}

/** The box of the given nodes as drawn (framed coordinates), hidden ones left out; null when none is. */
export function drawnBox(sigma: Sigma<NodeAttributes, EdgeAttributes>, nodes: Iterable<string>): Box | null {
  let box: Box | null = null;
  for (const node of nodes) {
    const d = sigma.getNodeDisplayData(node) as NodeDisplayData | undefined;
    if (d === undefined || d.hidden) continue;
    if (box === null) box = { minX: d.x, maxX: d.x, minY: d.y, maxY: d.y };
    else {
      box.minX = Math.min(box.minX, d.x);
      box.maxX = Math.max(box.maxX, d.x);
      box.minY = Math.min(box.minY, d.y);
      box.maxY = Math.max(box.maxY, d.y);
    }
  }
  return box;
}

/** The pane and what it shows of the framed graph at ratio 1, from sigma's own conversion. */
export function frameView(sigma: Sigma<NodeAttributes, EdgeAttributes>): FrameView {
  const { width, height } = sigma.getDimensions();
  const cameraState = { x: 0.5, y: 0.5, ratio: 1, angle: 0 };
  const a = sigma.viewportToFramedGraph({ x: 0, y: 0 }, { cameraState });
  const b = sigma.viewportToFramedGraph({ x: width, y: height }, { cameraState });
  return { width, height, unitWidth: Math.abs(b.x - a.x) || 1, unitHeight: Math.abs(b.y - a.y) || 1 };
}

/** Moves the camera, animated, to frame the nodes; false when none of them is drawn. */
export function frameNodes(
  sigma: Sigma<NodeAttributes, EdgeAttributes>,
  nodes: Iterable<string>,
  options: FrameOptions = {},
): boolean {
  const box = drawnBox(sigma, nodes);
  if (box === null) return false;
  void sigma.getCamera().animate(cameraForBox(box, frameView(sigma), options), { duration: 400 });
  return true;
}

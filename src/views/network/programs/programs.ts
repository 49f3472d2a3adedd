// The WebGL programs the network view draws with: sigma's circle nodes, arrows and lines, and the dashed
// arrow of dashed-edge.ts, all as plain (not instanced) draws (see flat.ts).
import {
  EdgeArrowHeadProgram,
  EdgeClampedProgram,
  EdgeLineProgram,
  NodeCircleProgram,
  createEdgeCompoundProgram,
} from 'sigma/rendering';
import { DashedEdgeBodyProgram } from './dashed-edge.ts';
import { flatProgram } from './flat.ts';

const ArrowHead = flatProgram(EdgeArrowHeadProgram);

export const NODE_PROGRAMS = { circle: flatProgram(NodeCircleProgram) };

export const EDGE_PROGRAMS = {
  /** sigma's EdgeArrowProgram: a body that stops short of the target, and a head. */
  arrow: createEdgeCompoundProgram([flatProgram(EdgeClampedProgram), ArrowHead]),
  /** Links that cross the home region's boundary. */
  dashed: createEdgeCompoundProgram([flatProgram(DashedEdgeBodyProgram), ArrowHead]),
  /** One-pixel lines (GL lines, plain already) for big graphs. */
  line: EdgeLineProgram,
};

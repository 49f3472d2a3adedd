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

const Circle = flatProgram(NodeCircleProgram);
const ArrowBody = flatProgram(EdgeClampedProgram);
const ArrowHead = flatProgram(EdgeArrowHeadProgram);
const DashedBody = flatProgram(DashedEdgeBodyProgram);

export const NODE_PROGRAMS = { circle: Circle };

export const EDGE_PROGRAMS = {
  /** sigma's EdgeArrowProgram: a body that stops short of the target, and a head. */
  arrow: createEdgeCompoundProgram([ArrowBody, ArrowHead]),
  /** Links that cross the home region's boundary. */
  dashed: createEdgeCompoundProgram([DashedBody, ArrowHead]),
  /** One-pixel lines (GL lines, plain already) for big graphs. */
  line: EdgeLineProgram,
};

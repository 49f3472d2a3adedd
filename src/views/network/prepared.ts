// The network view's sigma, made ahead. On software WebGL the view's first frame waited ~0.3–0.5 s for its
// shaders: ANGLE builds a program's pipeline at the program's first draw, once per context (a program
// linked again in a new context comes from Chromium's cache, its first draw does not: 30–45 ms each here,
// for the nodes and each edge program, both the drawn and the picking pass), and making sigma's three
// contexts and seven canvases took ~0.2 s more. So once the page has drawn its first picture and is idle
// (src/app/idle-work.ts), or at once when a link opens on the network (src/app/main.tsx), a sigma is made
// in a detached element and draws one tiny graph that uses every program; the view's first mount takes it
// up. Detached, its frames are never composited, so the main thread does not wait for them.
import Graph from 'graphology';
import Sigma from 'sigma';
import type { Settings } from 'sigma/settings';
import { LABEL_FONT, loadLabelFont } from './label-font.ts';
import { STAGE_PADDING_PX } from './layouts/tier.ts';
import { EDGE_PROGRAMS, NODE_PROGRAMS } from './programs/programs.ts';
import type { EdgeAttributes, NodeAttributes } from './render-graph.ts';
import { nextTask } from '../../workers/sliced.ts';

export type NetworkSigma = Sigma<NodeAttributes, EdgeAttributes>;

export interface HostedSigma {
  readonly sigma: NetworkSigma;
  /** The element sigma draws into (it fills the view's stage); the view moves it into its own. */
  readonly host: HTMLDivElement;
}

const SIGMA_SETTINGS = {
  defaultEdgeType: 'arrow',
  // The programs are generic over attributes they never read; sigma's types cannot say so.
  nodeProgramClasses: NODE_PROGRAMS as unknown as Settings<
    NodeAttributes,
    EdgeAttributes
  >['nodeProgramClasses'],
  edgeProgramClasses: EDGE_PROGRAMS as unknown as Settings<
    NodeAttributes,
    EdgeAttributes
  >['edgeProgramClasses'],
  zIndex: true,
  labelFont: `"${LABEL_FONT}", "Noto Sans", sans-serif`,
  labelSize: 12,
  labelColor: { color: '#1f2a37' },
  // Labels for the largest nodes: sigma's label grid keeps the biggest node of each cell, and nodes
  // drawn smaller than this get theirs only once zoomed in (or on hover).
  labelRenderedSizeThreshold: 8,
  labelDensity: 0.6,
  minEdgeThickness: 1,
  minCameraRatio: 0.005,
  maxCameraRatio: 4,
  stagePadding: STAGE_PADDING_PX,
  // A hidden pane (0 × 0, e.g. while a dialog covers the view) must not throw on a refresh: sigma draws
  // into 1 × 1 and the view's ResizeObserver (NetworkView.tsx) sizes it again when the pane comes back.
  allowInvalidContainer: true,
} as const;

/** A sigma in a detached element; with only some of the edge programs, when made ahead (see below). */
export function createNetworkSigma(
  edgeProgramClasses: (typeof SIGMA_SETTINGS)['edgeProgramClasses'] = SIGMA_SETTINGS.edgeProgramClasses,
): HostedSigma {
  const host = document.createElement('div');
  host.className = 'network-host';
  const sigma = new Sigma<NodeAttributes, EdgeAttributes>(new Graph(), host, {
    ...SIGMA_SETTINGS,
    edgeProgramClasses,
  });
  return { sigma, host };
}

/**
 * The edge programs a sigma made ahead starts with: the default one (each program's shaders are compiled,
 * and waited for, as it is made). The others are added in a task of their own: all made in one task took
 * 90–150 ms after a 100k map's first picture.
 */
const FIRST_EDGE_PROGRAMS = {
  arrow: EDGE_PROGRAMS.arrow,
} as unknown as (typeof SIGMA_SETTINGS)['edgeProgramClasses'];

let prepared: HostedSigma | null = null;
/** A sigma is being made ahead (between its tasks). */
let preparing = false;
/** Once the view has mounted, it has built its programs itself: nothing more is made ahead. */
let viewMounted = false;

/** For the view's mount: the sigma made ahead, if there is one (it is no longer kept here). */
export function takePreparedSigma(): HostedSigma | null {
  viewMounted = true;
  const taken = prepared;
  prepared = null;
  if (taken !== null) taken.sigma.setGraph(new Graph());
  return taken;
}

/** A graph with one edge of each type, so that one frame draws with every program. */
function everyProgram(): Graph<NodeAttributes, EdgeAttributes> {
  const graph = new Graph<NodeAttributes, EdgeAttributes>();
  const node = (x: number): NodeAttributes => ({
    x,
    y: x,
    label: '',
    color: '#2563eb',
    size: 4,
    kind: 'manufacturer',
    org: 0,
    inRegion: true,
    supplied: 0,
    degree: 1,
    valueSize: 4,
    degreeSize: 4,
  });
  // One edge per type, each between its own pair of nodes (the graph is simple).
  const types = Object.keys(EDGE_PROGRAMS) as EdgeAttributes['type'][];
  graph.addNode('0', node(0));
  types.forEach((type, i) => {
    graph.addNode(String(i + 1), node(i + 1));
    graph.addEdge(String(i), String(i + 1), {
      size: 1,
      color: '#94a3b8',
      type,
      value: 0,
      links: 1,
      crossing: false,
    });
  });
  return graph;
}

/**
 * Makes the view's sigma ahead and draws every program once (see above), in three tasks: its contexts,
 * canvases and first programs, the other edge programs, then the draw. A second call, or one after the view
 * has mounted, does nothing. Resolves to the number of programs drawn.
 */
export async function prepareNetwork(): Promise<number> {
  if (prepared !== null || preparing || viewMounted) return 0;
  preparing = true;
  try {
    // The labels' font comes with it (the view's first frame waits for it).
    void loadLabelFont();
    const made = createNetworkSigma(FIRST_EDGE_PROGRAMS);
    // After each task: the view may have mounted meanwhile and made its own.
    const overtaken = async () => {
      await nextTask();
      if (viewMounted) made.sigma.kill();
      return viewMounted;
    };
    if (await overtaken()) return 0;
    // Registers the programs it lacks (sigma compares each type's class).
    made.sigma.setSetting('edgeProgramClasses', SIGMA_SETTINGS.edgeProgramClasses);
    if (await overtaken()) return 0;
    const graph = everyProgram();
    // setGraph processes and draws at once.
    made.sigma.setGraph(graph);
    // The commands of a detached canvas are sent to the GPU process only when flushed.
    for (const canvas of made.host.querySelectorAll('canvas')) canvas.getContext('webgl2')?.flush();
    prepared = made;
    return (
      Object.keys(NODE_PROGRAMS).length + new Set(graph.mapEdges((_edge, attributes) => attributes.type)).size
    );
  } finally {
    preparing = false;
  }
}

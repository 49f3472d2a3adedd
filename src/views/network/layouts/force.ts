// The force layout: ForceAtlas2 in its web worker (graphology-layout-forceatlas2/worker), started from the
// nodes' current positions (geo or tier: no random seed), reporting iterations and elapsed time, and
// stopping by itself after a time cap. It moves only x and y of the render graph.
import FA2LayoutSupervisor from 'graphology-layout-forceatlas2/worker';
import type { ForceAtlas2Settings } from 'graphology-layout-forceatlas2';
import type { RenderGraph } from '../render-graph.ts';

/** The layout stops by itself after this long; the user can run it again. */
export const FORCE_TIME_CAP_MS = 20_000;
/** …or after this many iterations, when it has long settled. */
export const FORCE_ITERATION_CAP = 2_000;

/**
 * Settings in the spirit of graphology's inferSettings, with Barnes–Hut from 1,000 nodes on: its
 * O(n log n) repulsion is what keeps 10k nodes moving at interactive rates on two cores.
 */
export function forceSettings(order: number): ForceAtlas2Settings {
  return {
    barnesHutOptimize: order > 1000,
    barnesHutTheta: 0.6,
    strongGravityMode: true,
    gravity: 0.05,
    scalingRatio: 10,
    slowDown: 1 + Math.log(Math.max(1, order)),
    adjustSizes: false,
  };
}

export interface ForceProgress {
  running: boolean;
  iterations: number;
  elapsedMs: number;
  /** Why it stopped, once it has. */
  stoppedBy?: 'user' | 'time' | 'iterations' | undefined;
}

/** "312 iterations · 4.2 s" */
export function describeProgress({ iterations, elapsedMs }: ForceProgress): string {
  return `${iterations.toLocaleString('en-US')} iterations · ${(elapsedMs / 1000).toFixed(1)} s`;
}

/** Whether the run should stop now, and why. */
export function capReached(
  iterations: number,
  elapsedMs: number,
  caps = { ms: FORCE_TIME_CAP_MS, iterations: FORCE_ITERATION_CAP },
): ForceProgress['stoppedBy'] {
  if (elapsedMs >= caps.ms) return 'time';
  if (iterations >= caps.iterations) return 'iterations';
  return undefined;
}

export interface ForceRun {
  stop(): void;
  kill(): void;
}

/**
 * Starts ForceAtlas2 on `graph`. Each message from the worker is one iteration applied to the graph
 * (graphology's `eachNodeAttributesUpdated`); progress is reported at most every `reportEveryMs`.
 */
export function startForceLayout(
  graph: RenderGraph,
  onProgress: (progress: ForceProgress) => void,
  reportEveryMs = 200,
): ForceRun {
  const supervisor = new FA2LayoutSupervisor(graph, {
    settings: forceSettings(graph.order),
    getEdgeWeight: null,
  });
  const started = performance.now();
  let iterations = 0;
  let lastReport = 0;
  let finished = false;
  const finish = (stoppedBy: NonNullable<ForceProgress['stoppedBy']>) => {
    if (finished) return;
    finished = true;
    supervisor.stop();
    graph.off('eachNodeAttributesUpdated', onIteration);
    onProgress({ running: false, iterations, elapsedMs: performance.now() - started, stoppedBy });
  };
  function onIteration() {
    iterations++;
    const now = performance.now();
    const elapsedMs = now - started;
    const cap = capReached(iterations, elapsedMs);
    if (cap !== undefined) finish(cap);
    else if (now - lastReport >= reportEveryMs) {
      lastReport = now;
      onProgress({ running: true, iterations, elapsedMs });
    }
  }
  graph.on('eachNodeAttributesUpdated', onIteration);
  supervisor.start();
  onProgress({ running: true, iterations: 0, elapsedMs: 0 });
  return {
    stop: () => finish('user'),
    kill: () => {
      finished = true;
      graph.off('eachNodeAttributesUpdated', onIteration);
      supervisor.kill();
    },
  };
}

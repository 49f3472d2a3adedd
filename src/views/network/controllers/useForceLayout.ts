// Runs ForceAtlas2 in its worker while the force layout is chosen: from the nodes' current positions, with
// progress for the toolbar, a stop, and a fresh run on demand. A new graph or another layout ends the run.
import { useCallback, useEffect, useRef, useState } from 'react';
import type Sigma from 'sigma';
import { startForceLayout } from '../layouts/force.ts';
import type { ForceProgress, ForceRun } from '../layouts/force.ts';
import type { EdgeAttributes, NodeAttributes, RenderGraph } from '../render-graph.ts';

export interface ForceControls {
  progress: ForceProgress | null;
  stop: () => void;
  restart: () => void;
}

export function useForceLayout(
  sigma: Sigma<NodeAttributes, EdgeAttributes> | null,
  graph: RenderGraph,
  active: boolean,
): ForceControls {
  const [progress, setProgress] = useState<ForceProgress | null>(null);
  const [runs, setRuns] = useState(0);
  const run = useRef<ForceRun | null>(null);

  useEffect(() => {
    // useLayout (called before this hook) has installed the graph in sigma by now.
    if (sigma === null || !active || sigma.getGraph() !== graph || graph.order === 0) {
      setProgress(null);
      return;
    }
    const current = startForceLayout(graph, setProgress);
    run.current = current;
    return () => {
      current.kill();
      if (run.current === current) run.current = null;
    };
  }, [sigma, graph, active, runs]);

  const stop = useCallback(() => run.current?.stop(), []);
  const restart = useCallback(() => setRuns((n) => n + 1), []);
  return { progress, stop, restart };
}

// The home region's single points of failure: asked of the analysis worker once the region's analysis is done
// (so that it never delays the gaps), again when the dataset, region or years change. A newer question
// supersedes an older one's answer.
import { useEffect, useState } from 'react';
import type { ResilienceOutcome } from '../workers/protocol.ts';

export interface Resilience {
  outcome: ResilienceOutcome | null;
  pending: boolean;
  /** Why the worker could not find them, or null. */
  error: string | null;
}

const IDLE: Resilience = { outcome: null, pending: false, error: null };

export function useResilience(ask: () => Promise<ResilienceOutcome>, ready: boolean): Resilience {
  const [state, setState] = useState<Resilience>(IDLE);
  useEffect(() => {
    if (!ready) {
      setState((previous) => (previous.pending ? previous : { ...previous, pending: true }));
      return;
    }
    let live = true;
    setState((previous) => ({ ...previous, pending: true, error: null }));
    ask().then(
      (outcome) => live && setState({ outcome, pending: false, error: null }),
      (error: unknown) =>
        live &&
        setState({
          outcome: null,
          pending: false,
          error: `The single points of failure could not be found: ${error instanceof Error ? error.message : String(error)}`,
        }),
    );
    return () => {
      live = false;
    };
  }, [ask, ready]);
  return state;
}

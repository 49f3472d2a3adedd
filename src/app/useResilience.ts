// The home region's single points of failure: asked of the analysis worker once the region's analysis is done
// (so that it never delays the gaps), again when the dataset, region or years change. A newer question
// supersedes an older one's answer. The selected organization's own chokepoints (what it cuts off, for the
// highlights and the inspector) come from the same worker, on the same trees.
import { useEffect, useState } from 'react';
import type { Chokepoint } from '../analysis/chokepoints.ts';
import type { ResilienceOutcome } from '../workers/protocol.ts';
import type { ResilienceState } from '../views/contracts.ts';

export type Resilience = ResilienceState;

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

/** The selected organization's chokepoints: null while asked or without a selection, [] when it is none. */
export function useSupplierChokepoints(
  ask: (supplier: string) => Promise<Chokepoint[]>,
  supplier: string | undefined,
  ready: boolean,
): readonly Chokepoint[] | null {
  return useAnswerFor(ask, supplier, ready, []);
}

/** The selected prime's chokepoints (supplier ids), for the network's list of its supply tree. */
export function usePrimeChokepoints(
  ask: (prime: string) => Promise<string[]>,
  prime: string | undefined,
  ready: boolean,
): readonly string[] | null {
  return useAnswerFor(ask, prime, ready, []);
}

/**
 * The worker's answer about one organization, kept for that organization only; null while asked. A failure
 * only means nothing to mark (the ranking reports the worker's errors), so it answers `none`.
 */
function useAnswerFor<T>(
  ask: (id: string) => Promise<T>,
  id: string | undefined,
  ready: boolean,
  none: T,
): T | null {
  const [answer, setAnswer] = useState<{ id: string; value: T } | null>(null);
  useEffect(() => {
    if (!ready || id === undefined) return;
    let live = true;
    ask(id).then(
      (value) => live && setAnswer({ id, value }),
      () => live && setAnswer({ id, value: none }),
    );
    return () => {
      live = false;
    };
    // `none` is a constant of each caller.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ask, id, ready]);
  return ready && answer !== null && answer.id === id ? answer.value : null;
}

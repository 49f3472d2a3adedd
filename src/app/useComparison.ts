// The region comparison's analyses: the picked regions of the loaded dataset, analysed by the analysis
// worker (never on the main thread), with whether some are still being analysed. A newer pick supersedes
// an older one's answer.
import { useEffect, useState } from 'react';
import type { RegionOption } from '../views/contracts.ts';
import type { CompareRequest, RegionOutcome } from '../workers/protocol.ts';

const NONE: readonly RegionOutcome[] = [];

export interface Comparison {
  analysed: readonly RegionOutcome[];
  pending: boolean;
  /** Why the worker could not analyse them, or null. */
  error: string | null;
}

export function useComparison(
  compare: (regions: CompareRequest['regions']) => Promise<RegionOutcome[]>,
  ready: boolean,
  regions: readonly RegionOption[],
  picked: readonly string[],
): Comparison {
  const [state, setState] = useState<Comparison>({ analysed: NONE, pending: false, error: null });
  const pickedKey = picked.join('\u0000');
  useEffect(() => {
    const ids = pickedKey === '' ? [] : pickedKey.split('\u0000');
    const asked = regions
      .filter((region) => ids.includes(region.id))
      .map((region) => ({ id: region.id, counties: [...region.counties] }));
    if (!ready || asked.length === 0) {
      setState({ analysed: NONE, pending: false, error: null });
      return;
    }
    let live = true;
    setState((previous) => ({ ...previous, pending: true, error: null }));
    compare(asked).then(
      (analysed) => live && setState({ analysed, pending: false, error: null }),
      (error: unknown) =>
        live &&
        setState({
          analysed: NONE,
          pending: false,
          error: `The regions could not be compared: ${error instanceof Error ? error.message : String(error)}`,
        }),
    );
    return () => {
      live = false;
    };
  }, [compare, ready, regions, pickedKey]);
  return state;
}

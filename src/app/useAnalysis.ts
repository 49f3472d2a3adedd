// Runs the analysis of the loaded dataset and home region in the analysis worker, with progress and
// cancellation, and hands the results to every view.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { YearRange } from '../domain/fiscal-years.ts';
import type { Bundle } from '../domain/model.ts';
import { linkCount } from '../io/deferred-links.ts';
import type { AnalysisState } from '../views/contracts.ts';
import { AnalysisCancelled, createAnalysisClient, PART_THRESHOLD } from '../workers/analysis-client.ts';
import type { AnalysisClient } from '../workers/analysis-client.ts';
import type { CompareRequest, RegionOutcome, ResilienceOutcome } from '../workers/protocol.ts';
import type { Chokepoint } from '../analysis/chokepoints.ts';
import { referenceLoaders } from '../workers/reference-loaders.ts';
import { decodeRoute } from '../state/route.ts';
import { dataParam } from './data-param.ts';
import { firstPictureOr, holdIdleWork } from './idle-work.ts';

/**
 * True while a big dataset's analysis waits for the page's first picture: on two cores, reading 1M links
 * in the analysis worker and analysing them competes with the workers that draw the map (points, tiles),
 * and the picture comes first. Once the page has drawn one, nothing waits again.
 */
function useHeldForPicture(bundle: Bundle | undefined, afterPicture: boolean): boolean {
  const big = bundle !== undefined && bundle.organizations.length + linkCount(bundle) > PART_THRESHOLD;
  const wait = afterPicture && big;
  const [released, setReleased] = useState(false);
  useEffect(() => {
    if (!wait || released) return;
    let live = true;
    void firstPictureOr().then(() => {
      if (live) setReleased(true);
    });
    return () => {
      live = false;
    };
  }, [wait, released]);
  return wait && !released;
}

export function useAnalysis(
  datasetKey: string,
  bundle: Bundle | undefined,
  regionId: string | null,
  counties: readonly string[],
  removed: readonly string[] = [],
  years: YearRange | null = null,
  /** The view shown draws a picture (map, network): a big dataset's analysis waits for it. */
  afterPicture = false,
): {
  state: AnalysisState;
  cancel: () => void;
  rerun: () => void;
  /** Other regions of the dataset, analysed by the same worker with the same membership rule. */
  compare: (regions: CompareRequest['regions']) => Promise<RegionOutcome[]>;
  /** The home region's single points of failure, from the same worker (a new function when the region or years change). */
  resilience: () => Promise<ResilienceOutcome>;
  /** One supplier's chokepoints, with what each cuts off (same graph as `resilience`). */
  supplierChokepoints: (supplier: string) => Promise<Chokepoint[]>;
  primeChokepoints: (prime: string) => Promise<string[]>;
} {
  const clientRef = useRef<AnalysisClient | null>(null);
  const controllerRef = useRef<AbortController | null>(null);
  const [state, setState] = useState<AnalysisState>({ status: 'idle' });
  const [runCount, setRunCount] = useState(0);
  const countiesKey = counties.join(',');
  const removedKey = removed.join('\u0000');
  const from = years?.from;
  const to = years?.to;
  const range = useMemo(() => (from === undefined || to === undefined ? null : { from, to }), [from, to]);

  useEffect(() => {
    const client = createAnalysisClient(referenceLoaders);
    clientRef.current = client;
    // The worker's code loads on the other core while a sample is fetched and read (~0.3 s of the Chicago
    // sample's gap list was the worker starting once the dataset was there). A file (`?data=`) or a dataset
    // kept on this device starts it with its first load (below): the other core is the import worker's, or
    // the points' and the map's while the dataset is read, and a big dataset's analysis waits for its first
    // picture anyway (its worker's ~0.15 s of start-up came in the middle of the map's).
    const { dataset } = decodeRoute(window.location.hash).route;
    if (dataParam() === null && dataset.kind !== 'hash') client.warm();
    return () => client.dispose();
  }, []);

  const held = useHeldForPicture(bundle, afterPicture);
  useEffect(() => {
    if (bundle !== undefined && !held) clientRef.current?.load(datasetKey, bundle);
  }, [datasetKey, bundle, held]);

  useEffect(() => {
    const client = clientRef.current;
    if (bundle === undefined || client === null) return;
    setState({ status: 'running', phase: 'reference', fraction: 0 });
    if (held) {
      controllerRef.current = null;
      return;
    }
    const controller = new AbortController();
    controllerRef.current = controller;
    // The offline precache and other idle work wait for the analysis (idle-work.ts).
    holdIdleWork(
      client.analyze(
        {
          datasetKey,
          regionId,
          counties: countiesKey === '' ? [] : countiesKey.split(','),
          removed: removedKey === '' ? [] : removedKey.split('\u0000'),
          years: range,
        },
        {
          signal: controller.signal,
          onProgress: (phase, fraction) => {
            if (!controller.signal.aborted) setState({ status: 'running', phase, fraction });
          },
        },
      ),
    ).then(
      (outcome) => {
        if (!controller.signal.aborted) setState({ status: 'done', outcome });
      },
      (error: unknown) => {
        if (error instanceof AnalysisCancelled) setState({ status: 'cancelled' });
        else setState({ status: 'failed', message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      // A newer request supersedes this one; its result, if it comes, is ignored.
      controller.abort();
    };
  }, [datasetKey, bundle, regionId, countiesKey, removedKey, range, runCount, held]);

  const cancel = useCallback(() => controllerRef.current?.abort(), []);
  const rerun = useCallback(() => setRunCount((n) => n + 1), []);
  const compare = useCallback(
    (regions: CompareRequest['regions']) => {
      const client = clientRef.current;
      if (client === null) return Promise.reject(new Error('The analysis is not running.'));
      return client.compare({ datasetKey, regions, years: range });
    },
    [datasetKey, range],
  );
  const graphRequest = useMemo(
    () => ({
      datasetKey,
      regionId,
      counties: countiesKey === '' ? [] : countiesKey.split(','),
      years: range,
    }),
    [datasetKey, regionId, countiesKey, range],
  );
  const resilience = useCallback(() => {
    const client = clientRef.current;
    if (client === null) return Promise.reject(new Error('The analysis is not running.'));
    return holdIdleWork(client.resilience(graphRequest));
  }, [graphRequest]);
  const supplierChokepoints = useCallback(
    (supplier: string) => {
      const client = clientRef.current;
      if (client === null) return Promise.reject(new Error('The analysis is not running.'));
      return client.supplierChokepoints({ ...graphRequest, supplier });
    },
    [graphRequest],
  );
  const primeChokepoints = useCallback(
    (prime: string) => {
      const client = clientRef.current;
      if (client === null) return Promise.reject(new Error('The analysis is not running.'));
      return client.primeChokepoints({ ...graphRequest, prime });
    },
    [graphRequest],
  );
  return useMemo(
    () => ({ state, cancel, rerun, compare, resilience, supplierChokepoints, primeChokepoints }),
    [state, cancel, rerun, compare, resilience, supplierChokepoints, primeChokepoints],
  );
}

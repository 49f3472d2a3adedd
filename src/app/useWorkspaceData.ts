// What the views are shown of the loaded dataset: its regions, the home region's analysis (in the analysis
// worker), the compared regions, the filtered organizations, and the DatasetView every view reads. Derived
// data is computed, never stored; identities are kept while the route says the same, so that a camera move
// rebuilds nothing.
import { useEffect, useMemo, useRef, useState } from 'react';
import { capabilityLabeler } from '../analysis/labels.ts';
import { withinYears, yearsOf } from '../domain/fiscal-years.ts';
import type { Bundle } from '../domain/model.ts';
import type { Filters, Route } from '../state/route.ts';
import type { DatasetView, RegionOption } from '../views/contracts.ts';
import { needsPostings, prepareFilterIndex, prepareOrgTable, visibleMask } from '../views/derive/filter.ts';
import type { FilterIndex, OrgTable } from '../views/derive/filter.ts';
import { sameFilters, sameStrings, useStable } from '../views/derive/stable.ts';
import type { AnalysisOutcome } from '../workers/protocol.ts';
import { carriedAnalysis } from '../io/public/redact-public.ts';
import { firstPictureOr } from './idle-work.ts';
import { useLatest } from '../ui/useLatest.ts';
import { startPointsWorkerEarly } from '../workers/points/early-points-worker.ts';
import { isBigDataset, turnFor } from './big-dataset.ts';
import { REFERENCE_REGIONS } from './reference-regions.ts';
import { useAnalysis } from './useAnalysis.ts';
import { useComparison } from './useComparison.ts';
import type { Comparison } from './useComparison.ts';
import { usePrimeChokepoints, useResilience, useSupplierChokepoints } from './useResilience.ts';
import type { Chokepoint } from '../analysis/chokepoints.ts';
import type { Resilience } from './useResilience.ts';
import type { DatasetState } from './useDataset.ts';
import { useNaicsTitles, usePositions } from './useReferenceData.ts';

const NO_COUNTIES: readonly string[] = [];

export interface WorkspaceData {
  bundle: Bundle | undefined;
  regions: readonly RegionOption[];
  regionId: string | undefined;
  region: RegionOption | undefined;
  analysis: ReturnType<typeof useAnalysis>;
  /** The finished analysis, or null while it runs. */
  outcome: AnalysisOutcome | null;
  /** The route's filters and removals, with a stable identity while they say the same. */
  filters: Filters;
  removed: readonly string[];
  /** Null until the positions and the filter index are ready. */
  data: DatasetView | null;
  comparePicks: readonly string[];
  setComparePicks: (ids: readonly string[]) => void;
  comparison: Comparison;
  resilience: Resilience;
  /** The selected organization's chokepoints (null while asked or without a selection). */
  selectedRisk: readonly Chokepoint[] | null;
  /** The selection's own chokepoints when it is a prime (supplier ids; [] otherwise); null while asked. */
  selectedChokepoints: readonly string[] | null;
}

export function useWorkspaceData(route: Route, loaded: DatasetState): WorkspaceData {
  const bundle = loaded.status === 'ready' ? loaded.bundle : undefined;
  // The route is decoded anew on every change, a camera move too: keep the filters' identity while they say
  // the same, so that the mask, `data` and everything derived from them are not rebuilt on a pan.
  const filters = useStable(route.filters, sameFilters);
  const removed = useStable(route.removed, sameStrings);
  const regionId = route.region ?? bundle?.meta.homeRegion;
  const regions = useMemo(() => regionOptions(bundle), [bundle]);
  const region = regions.find((r) => r.id === regionId);
  const ownAnalysis = useAnalysis(
    analysisKey(bundle),
    bundle,
    regionId ?? null,
    region?.counties ?? NO_COUNTIES,
    removed,
    filters.years,
    route.view !== 'gaps',
  );
  const analysis = useCarriedGaps(ownAnalysis, bundle, regionId ?? null);
  const [comparePicks, setComparePicks] = useState<readonly string[]>([]);
  const comparison = useComparison(analysis.compare, bundle !== undefined, regions, comparePicks);

  const titles = useNaicsTitles();
  const positions = usePositions(bundle);
  // A big dataset's map points are clustered in a worker: it starts as the dataset arrives, not once the map
  // view is on the page (only when the dataset changes: a map shown later makes its own).
  const drawsMap = route.view === 'map' || route.view === 'split';
  const drawsMapNow = useLatest(drawsMap);
  useEffect(() => {
    if (bundle !== undefined && drawsMapNow.current) startPointsWorkerEarly(bundle.organizations.length);
  }, [bundle, drawsMapNow]);
  // The views show the links of the route's fiscal years, as the analysis worker analyses them.
  const years = useMemo(() => (bundle === undefined ? [] : yearsOf(bundle)), [bundle]);
  const shown = useMemo(
    () => (bundle === undefined ? undefined : withinYears(bundle, filters.years)),
    [bundle, filters.years],
  );
  // Without a capability or certification filter the organizations' table answers (the first picture of a
  // big dataset does not wait for the rest of the index); with one, the whole index.
  const { table, index: filterIndex } = useFilterIndex(shown, needsPostings(filters));
  const maskIndex = needsPostings(filters) ? filterIndex : table;
  const visible = useMemo(
    () => (maskIndex === null ? null : visibleMask(maskIndex, filters, removed)),
    [maskIndex, filters, removed],
  );
  const outcome = analysis.state.status === 'done' ? analysis.state.outcome : null;
  const resilience = useResilience(analysis.resilience, outcome !== null);
  const selectedChokepoints = usePrimeChokepoints(
    analysis.primeChokepoints,
    route.selected,
    resilience.outcome !== null,
  );
  const selectedRisk = useSupplierChokepoints(
    analysis.supplierChokepoints,
    route.selected,
    resilience.outcome !== null,
  );
  const label = useMemo(() => capabilityLabeler(bundle?.capabilities ?? [], titles), [bundle, titles]);
  const noneInRegion = useMemo(() => new Uint8Array(bundle?.organizations.length ?? 0), [bundle]);
  const filePositions = loaded.status === 'ready' ? loaded.filePositions : undefined;
  const data = useMemo((): DatasetView | null => {
    if (positions === null || visible === null || table === null) return null;
    return {
      bundle: table.bundle,
      years,
      positions,
      visible,
      // The organizations' table already maps every id to its index (the last one wins, as before).
      orgIndex: table.orgIndex,
      filterIndex,
      inRegion: outcome?.inRegion ?? noneInRegion,
      analysis: outcome?.result ?? null,
      resilience: resilience.outcome,
      label,
      filePositions,
    };
  }, [
    years,
    positions,
    visible,
    table,
    filterIndex,
    outcome,
    resilience.outcome,
    noneInRegion,
    label,
    filePositions,
  ]);

  return {
    bundle,
    regions,
    regionId,
    region,
    analysis,
    outcome,
    filters,
    removed,
    data,
    comparePicks,
    setComparePicks,
    comparison,
    resilience,
    selectedRisk,
    selectedChokepoints,
  };
}

/**
 * The analysis worker's name for a bundle: one per bundle object, not per address, so that a `?data=`
 * start's bundle, shown while it was being kept, goes on under its `h:` link without being sent to the
 * worker and analysed again.
 */
const analysisKeys = new WeakMap<Bundle, string>();
let analysedBundles = 0;
function analysisKey(bundle: Bundle | undefined): string {
  if (bundle === undefined) return 'none';
  let key = analysisKeys.get(bundle);
  if (key === undefined) {
    key = `bundle:${++analysedBundles}`;
    analysisKeys.set(bundle, key);
  }
  return key;
}

/** The longest a big dataset's rest of the filter index waits for its first picture (big-dataset.ts). */
const LATE_INDEX_WAIT_MS = 1_500;

/**
 * The filter index of the bundle, built in time slices so a big dataset never blocks the page: first the
 * organizations' table (what a first picture needs), then the rest of the index (null until then) and the
 * link arrays. A big dataset's rest waits for its first picture, with which it would compete on the main
 * thread, unless `wanted` says a filter needs it now. While the index of a narrowing of the same dataset
 * (other fiscal years) is being built, the last one stays in use (its own bundle with it), so that a change
 * of years never blanks the views.
 */
function useFilterIndex(
  bundle: Bundle | undefined,
  wanted: boolean,
): {
  table: OrgTable | null;
  index: FilterIndex | null;
} {
  const [state, setState] = useState<{ table: OrgTable; index: FilterIndex | null } | null>(null);
  const wantedNow = useRef(wanted);
  const hurry = useRef<() => void>(() => {});
  useEffect(() => {
    wantedNow.current = wanted;
    if (wanted) hurry.current();
  }, [wanted]);
  useEffect(() => {
    if (bundle === undefined) return;
    const controller = new AbortController();
    const { signal } = controller;
    void (async () => {
      // A big dataset's in a task of its own, like its positions (big-dataset.ts).
      await turnFor(bundle);
      const table = await prepareOrgTable(bundle, { signal });
      // The last narrowing's whole index stays until this one's is built (the same organizations).
      setState((last) => ({
        table,
        index: last?.index?.bundle.organizations === bundle.organizations ? last.index : null,
      }));
      if (!wantedNow.current && isBigDataset(bundle))
        await Promise.race([
          firstPictureOr(LATE_INDEX_WAIT_MS),
          new Promise<void>((resolve) => (hurry.current = resolve)),
        ]);
      signal.throwIfAborted();
      const index = await prepareFilterIndex(bundle, { signal });
      setState({ table, index });
      // The link arrays, which only some views' details use, last.
      await prepareFilterIndex(bundle, { signal, links: true });
    })().catch(() => {
      // Aborted because another dataset or narrowing replaced this one; nothing to show.
    });
    return () => controller.abort();
  }, [bundle]);
  const same = state !== null && state.table.bundle.organizations === bundle?.organizations;
  return { table: same ? state.table : null, index: same ? state.index : null };
}

/** The dataset's own regions, then the reference regions it does not redefine. */
function regionOptions(bundle: Bundle | undefined): RegionOption[] {
  const own = (bundle?.regions ?? []).map((r) => ({ ...r, counties: r.counties as readonly string[] }));
  const ownIds = new Set(own.map((r) => r.id as string));
  return [
    ...own,
    ...REFERENCE_REGIONS.filter((r) => !ownIds.has(r.id)).map((r) => ({
      id: r.id as string,
      name: r.name,
      program: r.program,
      counties: r.counties as readonly string[],
      focus: r.focus,
      lead: r.lead,
    })),
  ];
}

/**
 * A public copy has no links to analyse: its gap list is the sender's, carried in the copy
 * (io/public/redact-public.ts), shown when the home region is the one it was made for.
 */
function useCarriedGaps(
  analysis: ReturnType<typeof useAnalysis>,
  bundle: Bundle | undefined,
  regionId: string | null,
): ReturnType<typeof useAnalysis> {
  return useMemo(() => {
    const { state } = analysis;
    if (bundle?.meta.sharing?.public === undefined || state.status !== 'done') return analysis;
    const result = carriedAnalysis(bundle, regionId, state.outcome.result)!;
    return { ...analysis, state: { ...state, outcome: { ...state.outcome, result } } };
  }, [analysis, bundle, regionId]);
}

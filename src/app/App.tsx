// The app shell: header (dataset, synthetic badge, views, region picker), notices, and the workspace with
// the filter panel, the map or gap view, and the inspector. The URL hash is the source of truth for what
// is shown; every change goes through a pure route action.
import { useEffect, useMemo, useState } from 'react';
import { capabilityLabeler } from '../analysis/labels.ts';
import type { Bundle } from '../domain/model.ts';
import type { Issue } from '../io/issues.ts';
import {
  chooseRegion,
  highlightGap,
  moveMap,
  moveNetwork,
  selectOrganization,
  setFocus,
  setLayout,
  showCritical,
  setFilters,
  setShading,
  setView,
} from '../state/actions.ts';
import { DEFAULT_ROUTE, DEFAULT_SAMPLE, SHADINGS } from '../state/route.ts';
import type { Shading, ViewName } from '../state/route.ts';
import { useRoute } from '../state/url.ts';
import type { DatasetView, RegionOption } from '../views/contracts.ts';
import { prepareFilterIndex, visibleMask } from '../views/derive/filter.ts';
import type { FilterIndex } from '../views/derive/filter.ts';
import { GapList } from '../views/gaps/GapList.tsx';
import { MapView } from '../views/map/MapView.tsx';
import { NetworkView } from '../views/network/NetworkView.tsx';
import { FilterPanel } from '../views/panels/FilterPanel.tsx';
import { Inspector } from '../views/panels/Inspector.tsx';
import { SearchBox } from '../views/panels/SearchBox.tsx';
import { DatasetSummary } from './DatasetSummary.tsx';
import { fetchBundle } from './load-dataset.ts';
import { NoticeList } from './NoticeList.tsx';
import { REFERENCE_REGIONS, referenceRegionIds } from './reference-regions.ts';
import { RegionPicker } from './RegionPicker.tsx';
import { findSample, SAMPLES } from './samples.ts';
import { useAnalysis } from './useAnalysis.ts';
import { useNaicsTitles, usePositions } from './useReferenceData.ts';

const NO_COUNTIES: readonly string[] = [];

/** Views this version offers; links naming another one open the map with a notice. */
const AVAILABLE_VIEWS: readonly { view: ViewName; label: string }[] = [
  { view: 'map', label: 'Map' },
  { view: 'network', label: 'Network' },
  { view: 'split', label: 'Split' },
  { view: 'gaps', label: 'Gaps' },
];

const STAGE_LABELS: Record<ViewName, string> = {
  map: 'Map',
  network: 'Supplier network',
  split: 'Map and supplier network',
  gaps: 'Gaps',
};

const SHADING_LABELS: Record<Shading, string> = {
  none: 'No shading',
  orgs: 'Organizations',
  supplied: 'Supplied value',
  imported: 'Imported value',
};

type Loaded =
  | { status: 'loading'; key: string }
  | { status: 'ready'; key: string; bundle: Bundle; issues: Issue[] }
  | { status: 'failed'; key: string; issues: Issue[] };

export function App() {
  const { route, notices: routeNotices, setRoute } = useRoute();
  const datasetKey = `${route.dataset.kind}:${route.dataset.id}`;
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading', key: datasetKey });

  useEffect(() => {
    if (route.dataset.kind !== 'sample') {
      setLoaded({
        status: 'failed',
        key: datasetKey,
        issues: [
          {
            severity: 'error',
            message: `This link points to an imported dataset (${route.dataset.id}) that is not on this device. Open one of the sample datasets from the Dataset menu.`,
          },
        ],
      });
      return;
    }
    const sample = findSample(route.dataset.id);
    if (sample === undefined) {
      setLoaded({
        status: 'failed',
        key: datasetKey,
        issues: [
          {
            severity: 'error',
            message: `There is no sample dataset called "${route.dataset.id}". The samples are: ${SAMPLES.map((s) => s.id).join(', ')}.`,
          },
        ],
      });
      return;
    }
    const controller = new AbortController();
    setLoaded({ status: 'loading', key: datasetKey });
    void fetchBundle(sample.url, sample.label, referenceRegionIds(), controller.signal).then((result) => {
      if (controller.signal.aborted) return;
      if (result.value === null) setLoaded({ status: 'failed', key: datasetKey, issues: result.issues });
      else setLoaded({ status: 'ready', key: datasetKey, bundle: result.value, issues: result.issues });
    });
    return () => controller.abort();
  }, [datasetKey, route.dataset.kind, route.dataset.id]);

  const bundle = loaded.status === 'ready' && loaded.key === datasetKey ? loaded.bundle : undefined;
  const regionId = route.region ?? bundle?.meta.homeRegion;
  const regions = useMemo(() => regionOptions(bundle), [bundle]);
  const region = regions.find((r) => r.id === regionId);
  const analysis = useAnalysis(
    datasetKey,
    bundle,
    regionId ?? null,
    region?.counties ?? NO_COUNTIES,
    route.removed,
  );

  const titles = useNaicsTitles();
  const positions = usePositions(bundle);
  const filterIndex = useFilterIndex(bundle);
  const visible = useMemo(
    () => (filterIndex === null ? null : visibleMask(filterIndex, route.filters, route.removed)),
    [filterIndex, route.filters, route.removed],
  );
  const outcome = analysis.state.status === 'done' ? analysis.state.outcome : null;
  const data = useMemo((): DatasetView | null => {
    if (bundle === undefined || positions === null || visible === null) return null;
    const orgIndex = new Map<string, number>();
    bundle.organizations.forEach((org, i) => orgIndex.set(org.id, i));
    return {
      bundle,
      positions,
      visible,
      orgIndex,
      inRegion: outcome?.inRegion ?? new Uint8Array(bundle.organizations.length),
      analysis: outcome?.result ?? null,
      label: capabilityLabeler(bundle.capabilities, titles),
    };
  }, [bundle, positions, visible, outcome, titles]);

  const notices = [...routeNotices];
  const shownView: ViewName = AVAILABLE_VIEWS.some((v) => v.view === route.view) ? route.view : 'map';
  if (shownView !== route.view) {
    notices.push(
      `The link asks for the ${route.view} view, which this version of Forgemap does not have yet; showing the map.`,
    );
  }
  if (
    bundle !== undefined &&
    route.selected !== undefined &&
    data !== null &&
    !data.orgIndex.has(route.selected)
  ) {
    notices.push(
      `The selected organization "${route.selected}" is not in this dataset; nothing is selected.`,
    );
  }
  const selected =
    route.selected !== undefined && data?.orgIndex.has(route.selected) === true ? route.selected : undefined;

  const select = (id: string | undefined) => setRoute((r) => selectOrganization(r, id), { push: true });
  const selectGap = (capability: string | undefined) =>
    setRoute((r) => highlightGap(r, capability), { push: true });

  const sampleId = route.dataset.kind === 'sample' ? route.dataset.id : '';
  return (
    <div className="shell">
      <header className="shell-header">
        <span className="brand">Forgemap</span>
        <div className="dataset">
          <h1 className="dataset-title" data-testid="dataset-title">
            {bundle?.meta.title ?? (loaded.status === 'failed' ? 'No dataset' : 'Loading…')}
          </h1>
          {bundle?.meta.synthetic === true && (
            <span
              className="badge badge-synthetic"
              data-testid="synthetic-badge"
              title="Fictional firms and relationships, generated for demonstration. Regions and places are real."
            >
              Synthetic sample data
            </span>
          )}
        </div>
        <nav className="view-tabs" aria-label="Views">
          {AVAILABLE_VIEWS.map(({ view, label }) => (
            <button
              key={view}
              type="button"
              aria-pressed={shownView === view}
              onClick={() => setRoute((r) => setView(r, view), { push: true })}
            >
              {label}
            </button>
          ))}
        </nav>
        <div className="shell-controls">
          <label className="control">
            <span>Dataset</span>
            <select
              value={sampleId}
              onChange={(event) =>
                setRoute(
                  {
                    ...DEFAULT_ROUTE,
                    dataset: { kind: 'sample', id: event.target.value || DEFAULT_SAMPLE },
                    view: route.view,
                  },
                  { push: true },
                )
              }
            >
              {sampleId === '' && <option value="">Imported dataset</option>}
              {SAMPLES.map((sample) => (
                <option key={sample.id} value={sample.id}>
                  {sample.label} (sample)
                </option>
              ))}
            </select>
          </label>
          <RegionPicker
            value={regionId}
            datasetRegions={bundle?.regions ?? []}
            referenceRegions={REFERENCE_REGIONS}
            onChange={(id) => setRoute((r) => chooseRegion(r, id, bundle?.meta.homeRegion), { push: true })}
          />
        </div>
      </header>
      <NoticeList notices={notices} issues={loaded.status === 'failed' ? loaded.issues : []} />
      <main className="main-area" data-testid="main-area" aria-busy={loaded.status === 'loading'}>
        {loaded.status === 'loading' && <p className="placeholder">Loading the dataset…</p>}
        {bundle !== undefined && data === null && <p className="placeholder">Placing the organizations…</p>}
        {data !== null && (
          <div className={`workspace workspace-${shownView}`}>
            <aside className="sidebar sidebar-left" aria-label="Search and filters">
              <SearchBox
                data={data}
                onSelect={(id) => setRoute((r) => selectOrganization(r, id), { push: true })}
              />
              <FilterPanel
                data={data}
                filters={route.filters}
                onChange={(f) => setRoute((r) => setFilters(r, f))}
              />
              <label className="control control-stacked">
                <span>Shade the region's counties by</span>
                <select
                  value={route.shading}
                  data-testid="shading-picker"
                  onChange={(event) => setRoute((r) => setShading(r, event.target.value as Shading))}
                >
                  {SHADINGS.map((s) => (
                    <option key={s} value={s}>
                      {SHADING_LABELS[s]}
                    </option>
                  ))}
                </select>
              </label>
            </aside>
            <section className={`stage stage-${shownView}`} aria-label={STAGE_LABELS[shownView]}>
              {(shownView === 'map' || shownView === 'split') && (
                <div className="stage-pane">
                  <MapView
                    data={data}
                    regions={regions}
                    homeRegion={region}
                    filters={route.filters}
                    shading={route.shading}
                    camera={route.map}
                    selected={selected}
                    gap={route.gap}
                    onSelect={select}
                    onSelectGap={selectGap}
                    onSelectRegion={(id) =>
                      setRoute((r) => chooseRegion(r, id, bundle?.meta.homeRegion), { push: true })
                    }
                    onCameraChange={(camera) => setRoute((r) => moveMap(r, camera))}
                  />
                </div>
              )}
              {(shownView === 'network' || shownView === 'split') && (
                <div className="stage-pane">
                  <NetworkView
                    data={data}
                    homeRegion={region}
                    filters={route.filters}
                    layout={route.layout}
                    focusHops={route.focus}
                    showCritical={route.critical}
                    camera={route.net}
                    selected={selected}
                    gap={route.gap}
                    onSelect={select}
                    onSelectGap={selectGap}
                    onLayoutChange={(layout) => setRoute((r) => setLayout(r, layout), { push: true })}
                    onFocusChange={(hops) => setRoute((r) => setFocus(r, hops), { push: true })}
                    onShowCriticalChange={(show) => setRoute((r) => showCritical(r, show))}
                    onCameraChange={(camera) => setRoute((r) => moveNetwork(r, camera))}
                  />
                </div>
              )}
              {shownView === 'gaps' && (
                <div className="gaps-stage">
                  <GapList
                    state={analysis.state}
                    regionName={region?.name}
                    onCancel={analysis.cancel}
                    onRerun={analysis.rerun}
                    selectedGap={route.gap}
                    onSelectGap={selectGap}
                    limit={200}
                  />
                  <DatasetSummary
                    bundle={data.bundle}
                    region={region}
                    issues={loaded.status === 'ready' ? loaded.issues : []}
                  />
                </div>
              )}
            </section>
            <aside className="sidebar sidebar-right" aria-label="Details">
              {selected !== undefined ? (
                <Inspector
                  data={data}
                  orgId={selected}
                  onSelect={(id) => setRoute((r) => selectOrganization(r, id), { push: true })}
                  onSelectGap={(capability) => setRoute((r) => highlightGap(r, capability), { push: true })}
                  onClose={() => setRoute((r) => selectOrganization(r, undefined), { push: true })}
                />
              ) : (
                <GapList
                  state={analysis.state}
                  regionName={region?.name}
                  onCancel={analysis.cancel}
                  onRerun={analysis.rerun}
                  selectedGap={route.gap}
                  onSelectGap={(capability) => setRoute((r) => highlightGap(r, capability), { push: true })}
                  compact
                />
              )}
            </aside>
          </div>
        )}
      </main>
    </div>
  );
}

/** The filter index of the bundle, built in time slices so a big dataset never blocks the page. */
function useFilterIndex(bundle: Bundle | undefined): FilterIndex | null {
  const [state, setState] = useState<{ bundle: Bundle; index: FilterIndex } | null>(null);
  useEffect(() => {
    if (bundle === undefined) return;
    const controller = new AbortController();
    prepareFilterIndex(bundle, { signal: controller.signal, links: true }).then(
      (index) => setState({ bundle, index }),
      () => {
        // Aborted because another dataset replaced this one; nothing to show.
      },
    );
    return () => controller.abort();
  }, [bundle]);
  return state !== null && state.bundle === bundle ? state.index : null;
}

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

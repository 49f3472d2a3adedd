// The app shell: header (dataset, synthetic badge, views, region picker), notices, and the workspace with
// the filter panel, the map or gap view, and the inspector. The URL hash is the source of truth for what
// is shown; every change goes through a pure route action.
import type { Map as MaplibreMap } from 'maplibre-gl';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type Sigma from 'sigma';
import { capabilityLabeler } from '../analysis/labels.ts';
import type { Bundle } from '../domain/model.ts';
import { countKinds } from '../domain/model.ts';
import { encodeEmbedded, MAX_EMBEDDED_BYTES } from '../io/embed.ts';
import { canonicalBundleText } from '../io/export/bundle-json.ts';
import { formatBytes } from '../io/import/limits.ts';
import {
  chooseRegion,
  highlightCell,
  highlightGap,
  moveMap,
  moveNetwork,
  selectOrganization,
  setFocus,
  setLayout,
  showCritical,
  setFilters,
  setRemoved,
  setShading,
  setView,
} from '../state/actions.ts';
import type { StoredDatasetInfo } from '../state/dataset-store.ts';
import { DEFAULT_ROUTE, DEFAULT_SAMPLE, encodeRoute, SHADINGS } from '../state/route.ts';
import type { Route, Shading, ViewName } from '../state/route.ts';
import { currentHref, useRoute } from '../state/url.ts';
import type { DatasetView, RegionOption } from '../views/contracts.ts';
import { prepareFilterIndex, visibleMask } from '../views/derive/filter.ts';
import type { FilterIndex } from '../views/derive/filter.ts';
import { sameFilters, sameStrings, useStable } from '../views/derive/stable.ts';
import { ImportedValueChart } from '../views/gaps/charts/ImportedValueChart.tsx';
import { GapList } from '../views/gaps/GapList.tsx';
import { GapsDashboard } from '../views/gaps/GapsDashboard.tsx';
import { MapView } from '../views/map/MapView.tsx';
import { ExportMenu } from '../views/export/ExportMenu.tsx';
import { ImportDialog } from '../views/import/ImportDialog.tsx';
import { kindLegend } from '../views/export/legend.ts';
import { mapPngFromCanvas, networkPngFromSigma } from '../views/export/png.ts';
import { atFullResolution } from '../views/map/controllers/useRenderScale.ts';
import { pngCaption } from '../views/export/png-layout.ts';
import { NetworkView } from '../views/network/NetworkView.tsx';
import { VisibleTable } from '../views/table/VisibleTable.tsx';
import { FilterPanel } from '../views/panels/FilterPanel.tsx';
import { Inspector } from '../views/panels/Inspector.tsx';
import { SearchBox } from '../views/panels/SearchBox.tsx';
import { DatasetSummary } from './DatasetSummary.tsx';
import { MissingDataset } from './MissingDataset.tsx';
import { OpenDataButton, useDataParam, useFileDrop, useImportClient } from './OpenData.tsx';
import { NoticeList } from './NoticeList.tsx';
import { REFERENCE_REGIONS } from './reference-regions.ts';
import { RegionPicker } from './RegionPicker.tsx';
import { SAMPLES } from './samples.ts';
import { ShareControl } from './ShareControl.tsx';
import type { ShareLink } from './ShareControl.tsx';
import type { CanonicalBundle } from '../workers/import-protocol.ts';
import { useAnalysis } from './useAnalysis.ts';
import { useComparison } from './useComparison.ts';
import { keepDataset, listKeptDatasets, useDataset } from './useDataset.ts';
import type { FilePosition } from './useDataset.ts';
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

export function App() {
  const { route, notices: routeNotices, setRoute } = useRoute();
  const loaded = useDataset(route.dataset);
  const datasetKey = loaded.key;
  const [appNotices, setAppNotices] = useState<string[]>([]);
  /** The title of an imported dataset being kept on this device (its canonical form may still be coming). */
  const [opening, setOpening] = useState<string | null>(null);
  const [kept, setKept] = useState<StoredDatasetInfo[]>([]);
  const refreshKept = useCallback(() => void listKeptDatasets().then(setKept), []);
  useEffect(refreshKept, [refreshKept]);

  const bundle = loaded.status === 'ready' ? loaded.bundle : undefined;
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

  const [comparePicks, setComparePicks] = useState<readonly string[]>([]);
  const comparison = useComparison(analysis.compare, bundle !== undefined, regions, comparePicks);

  const titles = useNaicsTitles();
  const positions = usePositions(bundle);
  const filterIndex = useFilterIndex(bundle);
  // The route is decoded anew on every change, a camera move too: keep the filters' identity while they say
  // the same, so that the mask, `data` and everything derived from them are not rebuilt on a pan.
  const filters = useStable(route.filters, sameFilters);
  const removed = useStable(route.removed, sameStrings);
  const visible = useMemo(
    () => (filterIndex === null ? null : visibleMask(filterIndex, filters, removed)),
    [filterIndex, filters, removed],
  );
  const outcome = analysis.state.status === 'done' ? analysis.state.outcome : null;
  const label = useMemo(() => capabilityLabeler(bundle?.capabilities ?? [], titles), [bundle, titles]);
  const noneInRegion = useMemo(() => new Uint8Array(bundle?.organizations.length ?? 0), [bundle]);
  const data = useMemo((): DatasetView | null => {
    if (bundle === undefined || positions === null || visible === null || filterIndex === null) return null;
    return {
      bundle,
      positions,
      visible,
      // The filter index already maps every id to its index (the last one wins, as before).
      orgIndex: filterIndex.orgIndex,
      inRegion: outcome?.inRegion ?? noneInRegion,
      analysis: outcome?.result ?? null,
      label,
      filePositions: loaded.status === 'ready' ? loaded.filePositions : undefined,
    };
  }, [bundle, positions, visible, filterIndex, outcome, noneInRegion, label, loaded]);

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

  /**
   * Keeps an opened bundle on this device and shows it under its `h:` link. When the link was waiting for
   * that very file (a permalink from another device), the view it names is restored as it was.
   */
  const openBundle = async (
    opened: Bundle,
    fileName: string,
    canonical: CanonicalBundle | null | Promise<CanonicalBundle | null>,
    positions: readonly FilePosition[] = [],
  ) => {
    setOpening(opened.meta.title);
    const result = await keepDataset(opened, canonical, positions).finally(() => setOpening(null));
    const messages: string[] = [];
    if (result.storeError !== null)
      messages.push(
        `${result.storeError} "${opened.meta.title}" stays open in this tab only; a reload loses it.`,
      );
    const waiting = loaded.status === 'missing' ? loaded.hash : null;
    if (waiting !== null && waiting !== result.hash)
      messages.push(
        `The file "${fileName}" is not the one the link names (its content hash is ${result.hash}, the link's ${waiting}); the view is restored on it anyway.`,
      );
    setAppNotices(messages);
    const file = { name: opened.meta.title, bytes: result.bytes };
    setRoute(
      (r): Route =>
        waiting !== null
          ? { ...r, dataset: { kind: 'hash', id: result.hash }, file }
          : { ...DEFAULT_ROUTE, view: r.view, dataset: { kind: 'hash', id: result.hash }, file },
      { push: waiting === null },
    );
    refreshKept();
  };

  const buildLink = useCallback(
    async (embed: boolean): Promise<ShareLink> => {
      const href = currentHref();
      if (!embed || bundle === undefined) return { href, problem: null };
      const { payload, bytes } = await encodeEmbedded(canonicalBundleText(bundle));
      if (bytes > MAX_EMBEDDED_BYTES)
        return {
          href,
          problem: `This dataset is ${formatBytes(bytes)} compressed, more than the ${formatBytes(MAX_EMBEDDED_BYTES)} a link can carry; the link names the file instead.`,
        };
      const base = href.slice(0, href.length - window.location.hash.length);
      const embedded = encodeRoute({ ...route, dataset: { kind: 'embedded', id: payload }, file: undefined });
      return { href: `${base}${embedded}`, problem: null };
    },
    [bundle, route],
  );

  /** The table view of the visible organizations, over the map or network (not part of the link). */
  const [tableOpen, setTableOpen] = useState(false);
  const [mapEngine, setMapEngine] = useState<MaplibreMap | null>(null);
  const [sigmaEngine, setSigmaEngine] = useState<Sigma | null>(null);
  const legend = useMemo(() => {
    if (bundle === undefined) return [];
    return kindLegend(countKinds(bundle.organizations));
  }, [bundle]);
  const caption = (view: string, attribution?: string) =>
    bundle === undefined ? '' : pngCaption({ meta: bundle.meta, view, region: region?.name, attribution });
  const showsMap = data !== null && (shownView === 'map' || shownView === 'split');
  const showsNetwork = data !== null && (shownView === 'network' || shownView === 'split');

  // Opened files go through the import dialog: nothing replaces the data on screen until Import.
  const [importFiles, setImportFiles] = useState<readonly File[] | null>(null);
  const importClient = useImportClient();
  const openFiles = (files: readonly File[]) => setImportFiles(files);
  useFileDrop(openFiles);
  // A `?data=` address opens its file when the hash names no dataset, or one this device lacks.
  const { hash: initialHash } = useInitialLocation();
  useDataParam(
    loaded.status === 'missing' || (initialHash === '' && loaded.status !== 'loading'),
    openFiles,
    (message) => setAppNotices((n) => [...n, message]),
  );

  const datasetValue = `${route.dataset.kind}:${route.dataset.kind === 'embedded' ? '' : route.dataset.id}`;
  const chooseDataset = (value: string) => {
    const at = value.indexOf(':');
    const kind = value.slice(0, at);
    const id = value.slice(at + 1);
    if (kind === 'sample')
      setRoute(
        { ...DEFAULT_ROUTE, dataset: { kind: 'sample', id: id || DEFAULT_SAMPLE }, view: route.view },
        { push: true },
      );
    else if (kind === 'hash') {
      const info = kept.find((k) => k.hash === id);
      setRoute(
        {
          ...DEFAULT_ROUTE,
          dataset: { kind: 'hash', id },
          file: info === undefined ? undefined : { name: info.title, bytes: info.bytes },
          view: route.view,
        },
        { push: true },
      );
    }
  };
  const isKept = route.dataset.kind === 'hash' && kept.some((k) => k.hash === route.dataset.id);

  return (
    <div className="shell">
      <header className="shell-header">
        <span className="brand">Forgemap</span>
        <div className="dataset">
          <h1 className="dataset-title" data-testid="dataset-title">
            {bundle?.meta.title ??
              { failed: 'No dataset', missing: 'Data file needed', loading: 'Loading…', ready: '' }[
                loaded.status
              ]}
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
              value={datasetValue}
              data-testid="dataset-picker"
              onChange={(event) => chooseDataset(event.target.value)}
            >
              {route.dataset.kind === 'embedded' && <option value="embedded:">Dataset in the link</option>}
              {route.dataset.kind === 'hash' && !isKept && (
                <option value={datasetValue}>
                  {route.file?.name ?? 'Imported dataset'} (not on this device)
                </option>
              )}
              <optgroup label="Samples (synthetic)">
                {SAMPLES.map((sample) => (
                  <option key={sample.id} value={`sample:${sample.id}`}>
                    {sample.label}
                  </option>
                ))}
              </optgroup>
              {kept.length > 0 && (
                <optgroup label="On this device">
                  {kept.map((k) => (
                    <option key={k.hash} value={`hash:${k.hash}`}>
                      {k.title} ({k.organizations.toLocaleString('en-US')} organizations)
                    </option>
                  ))}
                </optgroup>
              )}
            </select>
          </label>
          <RegionPicker
            value={regionId}
            datasetRegions={bundle?.regions ?? []}
            referenceRegions={REFERENCE_REGIONS}
            onChange={(id) => setRoute((r) => chooseRegion(r, id, bundle?.meta.homeRegion), { push: true })}
          />
          <OpenDataButton onFiles={openFiles} />
          {data !== null && (
            <ExportMenu
              bundle={data.bundle}
              analysis={data.analysis}
              analysisStatus={
                analysis.state.status === 'failed' ? 'failed' : region === undefined ? 'no-region' : 'running'
              }
              positions={data.positions.coords}
              inRegion={data.inRegion}
              getMapPng={
                showsMap && mapEngine !== null
                  ? () =>
                      atFullResolution(mapEngine, (canvas) =>
                        mapPngFromCanvas(
                          canvas,
                          legend,
                          caption('Map', 'Boundaries: US Census Bureau (us-atlas)'),
                        ),
                      )
                  : undefined
              }
              getNetworkPng={
                showsNetwork && sigmaEngine !== null
                  ? () => networkPngFromSigma(sigmaEngine, legend, caption('Network'))
                  : undefined
              }
            />
          )}
          <ShareControl
            buildLink={buildLink}
            canEmbed={route.dataset.kind !== 'sample' && bundle !== undefined}
          />
        </div>
      </header>
      <NoticeList
        notices={[...notices, ...appNotices]}
        issues={loaded.status === 'failed' ? loaded.issues : []}
      />
      {opening !== null && (
        <p className="opening" role="status" data-testid="opening-dataset">
          Opening “{opening}”…
        </p>
      )}
      {importFiles !== null && (
        <ImportDialog
          files={importFiles}
          client={importClient}
          base={bundle ?? null}
          onImport={(imported, _report, positions, canonical) => {
            const name = importFiles.map((f) => f.name).join(' + ');
            setImportFiles(null);
            void openBundle(imported, name, canonical, positions);
          }}
          onCancel={() => setImportFiles(null)}
        />
      )}
      <main className="main-area" data-testid="main-area" aria-busy={loaded.status === 'loading'}>
        {loaded.status === 'loading' && <p className="placeholder">Loading the dataset…</p>}
        {loaded.status === 'missing' && (
          <MissingDataset
            hash={loaded.hash}
            file={route.file}
            kept={kept}
            onOpenFile={openFiles}
            onChooseKept={(hash) => chooseDataset(`hash:${hash}`)}
          />
        )}
        {bundle !== undefined && data === null && <p className="placeholder">Placing the organizations…</p>}
        {data !== null && (
          <div className={`workspace workspace-${shownView}`}>
            {shownView !== 'gaps' && (
              <aside className="sidebar sidebar-left" aria-label="Search and filters">
                <SearchBox
                  data={data}
                  onSelect={(id) => setRoute((r) => selectOrganization(r, id), { push: true })}
                />
                <FilterPanel
                  data={data}
                  filters={filters}
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
                <button
                  type="button"
                  className="table-toggle"
                  aria-pressed={tableOpen}
                  data-testid="table-toggle"
                  onClick={() => setTableOpen((open) => !open)}
                >
                  {tableOpen ? 'Back to the picture' : 'Show the organizations as a table'}
                </button>
              </aside>
            )}
            <section className={`stage stage-${shownView}`} aria-label={STAGE_LABELS[shownView]}>
              {tableOpen && shownView !== 'gaps' && (
                <VisibleTable data={data} onSelect={select} onClose={() => setTableOpen(false)} />
              )}
              {(shownView === 'map' || shownView === 'split') && (
                <div className="stage-pane">
                  <MapView
                    data={data}
                    regions={regions}
                    homeRegion={region}
                    filters={filters}
                    shading={route.shading}
                    camera={route.map}
                    selected={selected}
                    gap={route.gap}
                    gapBuyer={route.gapBuyer}
                    onSelect={select}
                    onSelectGap={selectGap}
                    onSelectRegion={(id) =>
                      setRoute((r) => chooseRegion(r, id, bundle?.meta.homeRegion), { push: true })
                    }
                    onCameraChange={(camera) => setRoute((r) => moveMap(r, camera))}
                    onEngine={setMapEngine}
                  />
                </div>
              )}
              {(shownView === 'network' || shownView === 'split') && (
                <div className="stage-pane">
                  <NetworkView
                    data={data}
                    homeRegion={region}
                    filters={filters}
                    layout={route.layout}
                    focusHops={route.focus}
                    showCritical={route.critical}
                    camera={route.net}
                    selected={selected}
                    gap={route.gap}
                    gapBuyer={route.gapBuyer}
                    onSelect={select}
                    onSelectGap={selectGap}
                    onLayoutChange={(layout) => setRoute((r) => setLayout(r, layout), { push: true })}
                    onFocusChange={(hops) => setRoute((r) => setFocus(r, hops), { push: true })}
                    onShowCriticalChange={(show) => setRoute((r) => showCritical(r, show))}
                    onCameraChange={(camera) => setRoute((r) => moveNetwork(r, camera))}
                    onEngine={setSigmaEngine}
                  />
                </div>
              )}
              {shownView === 'gaps' && (
                <div className="gaps-stage">
                  <GapsDashboard
                    data={data}
                    homeRegion={region}
                    selectedGap={route.gap}
                    onSelectGap={selectGap}
                    onSelectOrg={select}
                    onSelectCell={(cell) =>
                      setRoute((r) => setView(highlightCell(r, cell.prime, cell.capability), 'split'), {
                        push: true,
                      })
                    }
                    removed={route.removed}
                    baseline={outcome?.result ?? null}
                    current={outcome?.whatIf?.scenario ?? outcome?.result ?? null}
                    whatIf={outcome?.whatIf ?? null}
                    onRemove={(ids) => setRoute((r) => setRemoved(r, [...r.removed, ...ids]), { push: true })}
                    onReset={() => setRoute((r) => setRemoved(r, []), { push: true })}
                    regions={regions}
                    compareRegions={comparePicks}
                    onCompareRegionsChange={setComparePicks}
                    comparedRegions={comparison.analysed}
                    comparing={comparison.pending}
                    compareError={comparison.error}
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
                  removed={route.removed.includes(selected)}
                  onToggleRemoved={() =>
                    setRoute(
                      (r) =>
                        setRemoved(
                          r,
                          r.removed.includes(selected)
                            ? r.removed.filter((id) => id !== selected)
                            : [...r.removed, selected],
                        ),
                      { push: true },
                    )
                  }
                />
              ) : (
                <>
                  <GapList
                    state={analysis.state}
                    regionName={region?.name}
                    onCancel={analysis.cancel}
                    onRerun={analysis.rerun}
                    selectedGap={route.gap}
                    onSelectGap={(capability) => setRoute((r) => highlightGap(r, capability), { push: true })}
                    compact
                  />
                  {data.analysis !== null && (
                    <ImportedValueChart
                      gaps={data.analysis.gaps}
                      limit={8}
                      selectedGap={route.gap}
                      onSelectGap={selectGap}
                      regionName={region?.name}
                      testId="side-imported-value"
                    />
                  )}
                </>
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

/** The address the page was opened with (before the app rewrites the hash). */
function useInitialLocation(): { hash: string } {
  const [initial] = useState(() => ({ hash: window.location.hash.replace(/^#\/?/, '') }));
  return initial;
}

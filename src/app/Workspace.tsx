// The workspace under the header once a dataset is placed: search and filters on the left, the map, the
// network, both, or the gap dashboard in the middle (or the table of what they show), and the inspector or
// the gap list on the right.
import { RegionSuggestions } from '../views/panels/RegionSuggestions.tsx';
import { FirstHint } from './FirstHint.tsx';
import type { Map as MaplibreMap } from 'maplibre-gl';
import { Suspense, use, useMemo, useState } from 'react';
import type { ComponentProps } from 'react';
import type Sigma from 'sigma';
import type { Issue } from '../domain/issues.ts';
import { Select } from '../ui/Select.tsx';
import type { Route, Shading, ViewName } from '../state/route.ts';
import type { DatasetView } from '../views/contracts.ts';
import { ImportedValueChart } from '../views/gaps/charts/ImportedValueChart.tsx';
import { GapList } from '../views/gaps/GapList.tsx';
import { GapsDashboard } from '../views/gaps/GapsDashboard.tsx';
import { FilterPanel } from '../views/panels/FilterPanel.tsx';
import { Inspector } from '../views/panels/Inspector.tsx';
import { SearchBox } from '../views/panels/SearchBox.tsx';
import { VisibleTable } from '../views/table/VisibleTable.tsx';
import { DatasetSummary } from './DatasetSummary.tsx';
import type { RouteActions } from './useRouteActions.ts';
import type { WorkspaceData } from './useWorkspaceData.ts';
import { mapViewCode, networkViewCode } from './view-code.ts';
import { afterFirstPicture, whenIdle } from './idle-work.ts';
import type { MapView as MapViewType } from '../views/map/MapView.tsx';
import type { NetworkView as NetworkViewType } from '../views/network/NetworkView.tsx';

// Each picture's view loads when first shown, its engine with it (MapLibre; sigma, graphology and
// ForceAtlas2): a start on one does not fetch, compile and run the other's script first (view-code.ts).
function MapView(props: ComponentProps<typeof MapViewType>) {
  const { MapView: View } = use(mapViewCode());
  return <View {...props} />;
}
function NetworkView(props: ComponentProps<typeof NetworkViewType>) {
  const { NetworkView: View } = use(networkViewCode());
  return <View {...props} />;
}

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

export interface WorkspaceProps {
  data: DatasetView;
  workspace: WorkspaceData;
  route: Route;
  actions: RouteActions;
  shownView: ViewName;
  /** The route's selection when it is in the dataset. */
  selected: string | undefined;
  datasetIssues: readonly Issue[];
  onMapEngine: (map: MaplibreMap | null) => void;
  onSigmaEngine: (sigma: Sigma | null) => void;
}

export function Workspace(props: WorkspaceProps) {
  const { data, workspace, route, actions, shownView, selected } = props;
  const { region, regions, filters } = workspace;
  /** The table view of the visible organizations, over the map or network (not part of the link). */
  const [tableOpen, setTableOpen] = useState(false);
  const showsMap = shownView === 'map' || shownView === 'split';
  const showsNetwork = shownView === 'network' || shownView === 'split';
  const hasPrimes = useMemo(() => data.bundle.organizations.some((o) => o.kind === 'prime'), [data.bundle]);
  /** What the map and the network are both told: the data, the home region, the filters and the selection. */
  const picture = {
    data,
    homeRegion: region,
    filters,
    selected,
    gap: route.gap,
    gapBuyer: route.gapBuyer,
    onSelect: actions.select,
    onSelectGap: actions.selectGap,
    risk: workspace.selectedRisk,
  };

  return (
    <div className={`workspace workspace-${shownView}`}>
      {shownView !== 'gaps' && (
        <aside className="sidebar sidebar-left" aria-label="Search and filters">
          <SearchBox data={data} onSelect={actions.select} />
          <FilterPanel data={data} filters={filters} onChange={actions.setFilters} />
          <Select
            label="Shade the region's counties by"
            value={route.shading}
            choices={SHADING_LABELS}
            onChange={actions.setShading}
            testId="shading-picker"
            className="control control-stacked"
          />
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
        <FirstHint view={shownView} hasPrimes={hasPrimes} />
        {tableOpen && shownView !== 'gaps' && (
          <VisibleTable data={data} onSelect={actions.select} onClose={() => setTableOpen(false)} />
        )}
        {showsMap && (
          <div className="stage-pane">
            <Suspense
              fallback={
                <p className="placeholder" role="status" data-testid="map-loading">
                  Loading the map…
                </p>
              }
            >
              <MapView
                {...picture}
                regions={regions}
                shading={route.shading}
                camera={route.map}
                onSelectRegion={actions.chooseRegion}
                onCameraChange={actions.moveMap}
                onShowNetwork={shownView === 'map' ? () => actions.setView('network') : undefined}
                onEngine={props.onMapEngine}
                onWarmShaders={warmMapShaders}
              />
            </Suspense>
          </div>
        )}
        {showsNetwork && (
          <div className="stage-pane">
            <Suspense
              fallback={
                <p className="placeholder" role="status" data-testid="network-loading">
                  Loading the network view…
                </p>
              }
            >
              <NetworkView
                {...picture}
                layout={route.layout}
                focusHops={route.focus}
                showCritical={route.critical}
                camera={route.net}
                removed={route.removed}
                chokepoints={workspace.selectedChokepoints}
                onLayoutChange={actions.setLayout}
                onFocusChange={actions.setFocus}
                onShowCriticalChange={actions.showCritical}
                onCameraChange={actions.moveNetwork}
                onEngine={props.onSigmaEngine}
              />
            </Suspense>
          </div>
        )}
        {shownView === 'gaps' && (
          <div className="gaps-stage">
            {region === undefined && (
              <RegionSuggestions
                organizations={data.bundle.organizations}
                regions={regions}
                onChoose={actions.chooseRegion}
              />
            )}
            <GapsDashboard
              data={data}
              homeRegion={region}
              selectedGap={route.gap}
              onSelectGap={actions.selectGap}
              onSelectOrg={actions.select}
              onSelectCell={(cell) => actions.selectCell(cell.prime, cell.capability)}
              removed={route.removed}
              baseline={workspace.outcome?.result ?? null}
              current={workspace.outcome?.whatIf?.scenario ?? workspace.outcome?.result ?? null}
              whatIf={workspace.outcome?.whatIf ?? null}
              onRemove={actions.remove}
              onReset={actions.resetRemoved}
              regions={regions}
              compareRegions={workspace.comparePicks}
              onCompareRegionsChange={workspace.setComparePicks}
              filters={filters}
              onFiltersChange={actions.setFilters}
              comparedRegions={workspace.comparison.analysed}
              comparing={workspace.comparison.pending}
              compareError={workspace.comparison.error}
              resilience={workspace.resilience}
              selected={selected}
              resilienceOrder={route.resilienceSort}
              onResilienceOrderChange={actions.sortResilience}
            />
            <DatasetSummary bundle={data.bundle} region={region} issues={[...props.datasetIssues]} />
          </div>
        )}
      </section>
      <aside className="sidebar sidebar-right" aria-label="Details">
        {selected !== undefined ? (
          <Inspector
            data={data}
            orgId={selected}
            onSelect={actions.select}
            onSelectGap={actions.selectGap}
            onClose={() => actions.select(undefined)}
            removed={route.removed.includes(selected)}
            onToggleRemoved={() => actions.toggleRemoved(selected)}
            risk={workspace.selectedRisk}
          />
        ) : (
          <>
            {region === undefined && (
              <RegionSuggestions
                organizations={data.bundle.organizations}
                regions={regions}
                onChoose={actions.chooseRegion}
              />
            )}
            <GapList
              state={workspace.analysis.state}
              regionName={region?.name}
              onCancel={workspace.analysis.cancel}
              onRerun={workspace.analysis.rerun}
              selectedGap={route.gap}
              onSelectGap={actions.selectGap}
              compact
              resilience={workspace.resilience.outcome}
              onShowResilience={() => actions.setView('gaps')}
              profile={data.bundle.meta.sharing?.profile}
            />
            {/* Without a home region the gap list above says what to do; an empty chart would add nothing. */}
            {data.analysis !== null && region !== undefined && (
              <ImportedValueChart
                gaps={data.analysis.gaps}
                limit={8}
                selectedGap={route.gap}
                onSelectGap={actions.selectGap}
                regionName={region?.name}
                compact
                testId="side-imported-value"
              />
            )}
          </>
        )}
      </aside>
    </div>
  );
}

/** The map's overlays' shaders, built when the page is idle after its first picture (idle-work.ts). */
function warmMapShaders(warm: (idle: () => Promise<void>) => Promise<number>): void {
  afterFirstPicture(async () => {
    const drawn = await warm(whenIdle);
    // How many the map drew ahead, for tests and the bench (a map warmed before draws none again).
    if (drawn > 0) document.documentElement.dataset['mapWarmed'] = String(drawn);
  });
}

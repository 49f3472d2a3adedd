// The gap dashboard (issue 8): charts of the home region's gaps with their table twins, the prime
// dependency matrix, "who could fill this gap", the what-if beside its baseline, a region comparison and a
// print briefing (one page per region).
//
// Test ids (stable; e2e tests may rely on them):
//   gaps-dashboard                  root section            print-briefing-button   calls window.print()
//   gaps-dashboard-synthetic        synthetic-data badge    gaps-dashboard-summary  one-line key figures
//   chart-imported-value | chart-leakage | chart-gap-flags | chart-tiers   each chart's <figure>, with
//     <id>-toggle (Show/Hide table button, aria-expanded), <id>-table (table wrapper),
//     <id>-data (the DataTable: <id>-data-sort-<column>, <id>-data-csv, <id>-data-row)
//   imported-bar (g, data-capability)  leakage-dot (circle, data-capability)  leakage-selected-label
//   leakage-tooltip  tier-bar (data-key: the tier)  flag-bar (data-flag)
//   chart-dod-years (a bundle built from public records: DoD dollars by fiscal year)  dod-bar (data-key: the
//     fiscal year)  dod-elsewhere (the records were counted for another region)
//   fill-panel  fill-summary  fill-local-table  fill-outside-table (DataTables: -csv, -sort-<column>, -row)
//   dependency-matrix  matrix-sort-rows  matrix-sort-columns (selects)  matrix-row (data-prime)
//   matrix-cell (button: data-prime, data-capability, data-state = single | multi | lost)
//   matrix-remove-prime (data-org)  matrix-cell-detail  matrix-supplier (data-org)  matrix-remove (data-org)
//   matrix-truncated
//   whatif-panel  whatif-empty  whatif-removed  whatif-reset  whatif-unknown  whatif-delta
//   whatif-figures (DataTable)  whatif-lost  whatif-lost-item  whatif-changes (DataTable)
//   compare-panel  compare-filter  compare-region-option (checkbox, data-region)  compare-hint
//   compare-table (DataTable)  compare-top-gaps (data-region)
//   resilience-panel  resilience-summary  resilience-pending  resilience-error  resilience-suppliers |
//     resilience-primes (DataTables: -csv, -sort-<column>, -row; org buttons carry data-org)
//   resilience-remove (button, data-org: take the supplier out for the what-if)
//   gaps-dashboard-lead (the single-points headline in the summary)
//   print-briefing  briefing-page (data-region)  briefing-imported-value | briefing-flags |
//     briefing-leakage | briefing-tiers
import { useMemo, useState } from 'react';
import { createPortal } from 'react-dom';
import type { AnalysisResult } from '../../analysis/types.ts';
import { formatYearRange } from '../../domain/fiscal-years.ts';
import type { WhatIfResult } from '../../analysis/what-if.ts';
import type { Filters } from '../../state/route.ts';
import type { RegionOutcome } from '../../workers/protocol.ts';
import type { DatasetView, RegionOption, ResilienceState } from '../contracts.ts';
import { FlagSummary } from './charts/FlagSummary.tsx';
import { formatCount, formatUsd } from '../derive/format.ts';
import { ImportedValueChart } from './charts/ImportedValueChart.tsx';
import { LeakageScatter } from './charts/LeakageScatter.tsx';
import { TierChart } from './charts/TierChart.tsx';
import { DodYearsChart } from './charts/DodYearsChart.tsx';
import { FiscalYearFilter } from '../panels/FiscalYearFilter.tsx';
import { DependencyMatrix } from './DependencyMatrix.tsx';
import type { MatrixSelection } from './DependencyMatrix.tsx';
import { PrintBriefing } from './GapsDashboardBriefing.tsx';
import { ComparePanel, useComparedRegions } from './GapsDashboardCompare.tsx';
import { FillPanel } from './GapsDashboardFill.tsx';
import { resolveWhatIf, WhatIfPanel } from './GapsDashboardWhatIf.tsx';
import { PublicGapTable } from './PublicGapTable.tsx';
import { ResiliencePanel } from './ResiliencePanel.tsx';
import type { ResilienceColumn, TableOrder } from '../../state/route.ts';
import './dashboard.css';

const NO_REGIONS: readonly RegionOutcome[] = [];
const NO_IDS: readonly string[] = [];

export interface GapsDashboardProps {
  data: DatasetView;
  homeRegion: RegionOption | undefined;
  /** Highlighted gap (capability id), from the route. */
  selectedGap: string | undefined;
  /** Called with the clicked gap, or undefined when the selected one is clicked again. */
  onSelectGap: (capability: string | undefined) => void;
  /** Organization names become buttons (e.g. open the inspector). */
  onSelectOrg?: ((orgId: string) => void) | undefined;
  /** Called when a matrix cell is chosen, with its suppliers. */
  onSelectCell?: ((cell: MatrixSelection) => void) | undefined;

  /** Organizations taken out by the what-if (route `removed`). */
  removed: readonly string[];
  /** The analysis without removals; null while it runs or without a region. */
  baseline: AnalysisResult | null;
  /** The analysis with the removals (the baseline when nothing is removed); null while it runs. */
  current: AnalysisResult | null;
  /** The analysis worker's what-if (AnalysisOutcome.whatIf); until it comes for `removed`, the panel waits. */
  whatIf?: WhatIfResult | null | undefined;
  /** Take these organizations out too (added to `removed`). */
  onRemove: (ids: string[]) => void;
  /** Put every removed organization back. */
  onReset: () => void;

  /** Regions that can be compared (the app's region options). */
  regions: readonly RegionOption[];
  /** Region ids picked for comparison (controlled); the dashboard keeps its own list when undefined. */
  compareRegions?: readonly string[] | undefined;
  onCompareRegionsChange?: ((ids: string[]) => void) | undefined;
  /** The analysis worker's analyses of the picked regions (by the home region's membership rule). */
  comparedRegions?: readonly RegionOutcome[] | undefined;
  /** True while the worker analyses picked regions. */
  comparing?: boolean | undefined;
  /** Why the picked regions could not be analysed, or null. */
  compareError?: string | null | undefined;

  /** The route's filters; with onFiltersChange, the dashboard offers the fiscal-year range of dated links. */
  filters?: Filters | undefined;
  onFiltersChange?: ((filters: Filters) => void) | undefined;

  /** The single points of failure from the worker (the dashboard's headline); absent: not shown. */
  resilience?: ResilienceState | undefined;
  /** The selected organization (its rows are marked). */
  selected?: string | undefined;
  resilienceOrder?: TableOrder<ResilienceColumn> | undefined;
  onResilienceOrderChange?: ((order: TableOrder<ResilienceColumn>) => void) | undefined;
}

export function GapsDashboard({
  data,
  homeRegion,
  selectedGap,
  onSelectGap,
  onSelectOrg,
  onSelectCell,
  removed,
  baseline,
  current,
  whatIf: givenWhatIf,
  onRemove,
  onReset,
  regions,
  compareRegions,
  onCompareRegionsChange,
  comparedRegions = NO_REGIONS,
  comparing = false,
  compareError = null,
  filters,
  onFiltersChange,
  resilience,
  selected,
  resilienceOrder,
  onResilienceOrderChange,
}: GapsDashboardProps) {
  const shown = current ?? baseline;
  const removedKey = removed.join('\u0000');
  const whatIf = useMemo(
    () => resolveWhatIf(removedKey === '' ? NO_IDS : removedKey.split('\u0000'), baseline, givenWhatIf),
    [removedKey, baseline, givenWhatIf],
  );
  // The scenario from the what-if when it is for these removals, so charts, matrix and panel agree.
  const scenario = whatIf?.scenario ?? shown;
  const selectGap = (capability: string) => onSelectGap(capability === selectedGap ? undefined : capability);
  const gap = scenario?.gaps.find((g) => g.capability === selectedGap);
  const regionName = homeRegion?.name;
  const [ownPicks, setOwnPicks] = useState<readonly string[]>(NO_IDS);
  const picked = compareRegions ?? ownPicks;
  const pick = (ids: string[]) => {
    if (compareRegions === undefined) setOwnPicks(ids);
    onCompareRegionsChange?.(ids);
  };
  const compared = useComparedRegions(data, homeRegion, baseline, regions, picked, comparedRegions);
  const synthetic = data.bundle.meta.synthetic;
  // A bundle built from public records carries its home region's DoD dollars by fiscal year.
  const { dod, homeRegion: dodRegion } = data.bundle.meta;
  const dodHere =
    dod !== undefined && homeRegion !== undefined && homeRegion.id === dodRegion ? dod : undefined;
  const dodElsewhere =
    dod !== undefined && dodHere === undefined
      ? (data.bundle.regions.find((r) => r.id === dodRegion)?.name ?? dodRegion ?? 'another region')
      : null;

  if (scenario === null || scenario.region === null) {
    return (
      <section className="gaps-dashboard" data-testid="gaps-dashboard" aria-labelledby="gaps-dashboard-title">
        <h2 id="gaps-dashboard-title">Gap dashboard</h2>
        <p className="placeholder">
          {scenario === null ? 'The analysis is running…' : 'Choose a home region to see its gaps.'}
        </p>
      </section>
    );
  }

  const imported = scenario.gaps.reduce((sum, g) => sum + g.importedValue, 0);
  // A public copy has no firm-level links: only its carried gap list and the charts of it are shown.
  const isPublic = data.bundle.meta.sharing?.profile === 'public';
  const flagged = scenario.gaps.filter((g) => g.flags.length > 0).length;

  return (
    <section className="gaps-dashboard" data-testid="gaps-dashboard" aria-labelledby="gaps-dashboard-title">
      <header className="gaps-dashboard-head">
        <h2 id="gaps-dashboard-title">Gap dashboard{regionName === undefined ? '' : ` — ${regionName}`}</h2>
        {synthetic && (
          <span className="badge badge-synthetic" data-testid="gaps-dashboard-synthetic">
            Synthetic sample data
          </span>
        )}
        {removed.length > 0 && (
          <span className="badge badge-whatif">What-if: {formatCount(removed.length)} removed</span>
        )}
        <button
          type="button"
          className="print-button"
          data-testid="print-briefing-button"
          onClick={() => window.print()}
        >
          Print briefing
        </button>
      </header>
      <p className="gap-summary" data-testid="gaps-dashboard-summary">
        {resilience?.outcome != null && !isPublic && (
          <>
            <strong data-testid="gaps-dashboard-lead">
              {formatCount(resilience.outcome.total)} single{' '}
              {resilience.outcome.total === 1 ? 'point' : 'points'} of failure ·{' '}
              {formatUsd(resilience.outcome.atRisk)} a year of the primes&rsquo; purchases at risk
            </strong>{' '}
            ·{' '}
          </>
        )}
        {formatCount(scenario.regionOrganizations)} organizations in the region ·{' '}
        {formatCount(scenario.gaps.length)} capabilities in demand · {formatCount(flagged)} flagged ·{' '}
        {isPublic ? `at least ${formatUsd(imported)}` : formatUsd(imported)} a year bought outside the region
        {filters !== undefined && filters.years !== null && ` (${formatYearRange(filters.years)})`}
      </p>
      {filters !== undefined && onFiltersChange !== undefined && (
        <FiscalYearFilter
          years={data.years ?? []}
          averaged={data.bundle.meta.linksByFiscalYear === true}
          filters={filters}
          onChange={onFiltersChange}
        />
      )}
      {dodElsewhere !== null && (
        <p className="placeholder" data-testid="dod-elsewhere">
          The DoD figures of these records were counted for {dodElsewhere}; choose it as the home region to
          see them.
        </p>
      )}
      {isPublic && (
        <p className="placeholder" data-testid="public-dashboard-note">
          A public view: this is the sender&rsquo;s gap list, with dollar values as the lower bounds of their
          bands and counts of 1 or 2 firms suppressed. Firm-level analyses (resilience, the dependency matrix,
          what-if, comparisons) are not part of it.
        </p>
      )}
      {isPublic && <PublicGapTable gaps={scenario.gaps} selectedGap={selectedGap} onSelectGap={selectGap} />}
      {resilience !== undefined && !isPublic && (
        <ResiliencePanel
          data={data}
          outcome={resilience.outcome}
          pending={resilience.pending}
          error={resilience.error}
          selected={selected}
          onSelectOrg={onSelectOrg}
          order={resilienceOrder}
          onOrderChange={onResilienceOrderChange}
          removed={removed}
          onRemove={(id) => onRemove([id])}
        />
      )}
      <div className="dashboard-charts">
        {dodHere !== undefined && <DodYearsChart dod={dodHere} years={filters?.years} />}
        <ImportedValueChart gaps={scenario.gaps} selectedGap={selectedGap} onSelectGap={selectGap} />
        {!isPublic && (
          <LeakageScatter gaps={scenario.gaps} selectedGap={selectedGap} onSelectGap={selectGap} />
        )}
        <FlagSummary gaps={scenario.gaps} />
        {!isPublic && <TierChart tierCounts={scenario.tierCounts} />}
      </div>
      {!isPublic && (
        <>
          <FillPanel
            data={data}
            capability={selectedGap}
            gap={gap}
            removed={removed}
            onSelectOrg={onSelectOrg}
          />
          <DependencyMatrix
            data={data}
            cells={scenario.matrix}
            baselineCells={removed.length > 0 ? baseline?.matrix : undefined}
            removed={removed}
            onSelectCell={onSelectCell}
            onRemove={(id) => onRemove([id])}
            onSelectOrg={onSelectOrg}
          />
          <WhatIfPanel
            data={data}
            removed={removed}
            baseline={baseline}
            result={whatIf}
            onReset={onReset}
            onSelectOrg={onSelectOrg}
          />
          <ComparePanel
            homeRegion={homeRegion}
            regions={regions}
            picked={picked}
            onPickedChange={pick}
            compared={compared}
            pending={comparing}
            error={compareError}
          />
        </>
      )}
      {/* Portalled to <body> so that print CSS can show it alone, outside the app's scrolling layout. */}
      {typeof document !== 'undefined' &&
        createPortal(
          <PrintBriefing
            bundle={data.bundle}
            regions={compared}
            homeScenario={removed.length > 0 ? scenario : null}
            removedCount={removed.length}
          />,
          document.body,
        )}
    </section>
  );
}

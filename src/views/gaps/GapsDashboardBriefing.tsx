// The print briefing: one page per region (the home region, then each compared region) with its key
// figures, the charts and the top gaps. Hidden on screen; dashboard.css shows only it when printing.
import { NumberHeader } from './GapList.tsx';
import { regionFigures } from '../../analysis/compare.ts';
import type { AnalysisResult } from '../../analysis/types.ts';
import type { Bundle } from '../../domain/model.ts';
import { FLAG_LABELS } from '../labels.ts';
import { FlagSummary } from './charts/FlagSummary.tsx';
import { formatCount, formatPercent, formatUsd } from '../derive/format.ts';
import { ImportedValueChart } from './charts/ImportedValueChart.tsx';
import { LeakageScatter } from './charts/LeakageScatter.tsx';
import { TierChart } from './charts/TierChart.tsx';
import type { ComparedRegion } from './GapsDashboardCompare.tsx';

export interface PrintBriefingProps {
  bundle: Bundle;
  /** The home region first; each gets a page. */
  regions: readonly ComparedRegion[];
  /** The home region's analysis with the what-if applied, when one is active (its page says so). */
  homeScenario?: AnalysisResult | null | undefined;
  removedCount: number;
  /** Top gaps per page (default 10). */
  top?: number | undefined;
}

export function PrintBriefing({ bundle, regions, homeScenario, removedCount, top = 10 }: PrintBriefingProps) {
  const meta = bundle.meta;
  return (
    <div className="gaps-briefing" data-testid="print-briefing">
      {regions.map(({ region, analysis, figures }, index) => {
        const result = index === 0 && homeScenario != null ? homeScenario : analysis.result;
        const whatIfActive = index === 0 && homeScenario != null && removedCount > 0;
        const shown = whatIfActive ? regionFigures(bundle, analysis.inRegion, result) : figures;
        const topGaps = result.gaps.filter((gap) => gap.flags.length > 0).slice(0, top);
        return (
          <article
            key={region.id}
            className="briefing-page"
            data-testid="briefing-page"
            data-region={region.id}
          >
            <header className="briefing-head">
              <h1>{region.name}: supply-chain gaps</h1>
              <p>
                {region.program} · {meta.title} · data as of {meta.asOf}
                {meta.synthetic && (
                  <strong className="briefing-synthetic"> · Synthetic sample data, not real firms</strong>
                )}
              </p>
              {whatIfActive && (
                <p className="briefing-whatif">
                  What-if: this page shows the region without the {formatCount(removedCount)} organization
                  {removedCount === 1 ? '' : 's'} taken out (they still count among its organizations).
                </p>
              )}
            </header>
            <dl className="briefing-figures">
              <div>
                <dt>Organizations</dt>
                <dd>{formatCount(shown.organizations)}</dd>
              </div>
              <div>
                <dt>Demand per year</dt>
                <dd>{formatUsd(shown.demand)}</dd>
              </div>
              <div>
                <dt>Imported</dt>
                <dd>{formatUsd(shown.importedValue)}</dd>
              </div>
              <div>
                <dt>Local share</dt>
                <dd>{shown.localShare === null ? '—' : formatPercent(shown.localShare)}</dd>
              </div>
              <div>
                <dt>Flagged capabilities</dt>
                <dd>{formatCount(shown.flagged)}</dd>
              </div>
            </dl>
            <div className="briefing-charts">
              <ImportedValueChart
                gaps={result.gaps}
                limit={10}
                regionName={region.name}
                testId="briefing-imported-value"
              />
              <FlagSummary gaps={result.gaps} regionName={region.name} testId="briefing-flags" />
              <LeakageScatter gaps={result.gaps} regionName={region.name} testId="briefing-leakage" />
              <TierChart tierCounts={result.tierCounts} regionName={region.name} testId="briefing-tiers" />
            </div>
            <table className="briefing-top-gaps">
              <caption>Top {formatCount(topGaps.length)} gaps by imported value</caption>
              <thead>
                <tr>
                  <th scope="col">Capability</th>
                  <th scope="col">Flags</th>
                  <NumberHeader>Imported</NumberHeader>
                  <NumberHeader>Demand</NumberHeader>
                  <NumberHeader>Local suppliers</NumberHeader>
                </tr>
              </thead>
              <tbody>
                {topGaps.map((gap) => (
                  <tr key={gap.capability}>
                    <th scope="row">{gap.label}</th>
                    <td>{gap.flags.map((flag) => FLAG_LABELS[flag]).join(', ')}</td>
                    <td className="num">{formatUsd(gap.importedValue)}</td>
                    <td className="num">{formatUsd(gap.demand)}</td>
                    <td className="num">{formatCount(gap.localSuppliers)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </article>
        );
      })}
    </div>
  );
}

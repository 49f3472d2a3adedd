// Region comparison: pick regions and see their key figures side by side (organizations by kind, local
// share of demand, gap flags, top gaps), each region analysed by the analysis worker.
import { useMemo, useState } from 'react';
import { regionFigures } from '../../analysis/compare.ts';
import type { RegionAnalysis, RegionFigures } from '../../analysis/compare.ts';
import type { AnalysisResult } from '../../analysis/types.ts';
import { GAP_FLAGS } from '../../analysis/types.ts';
import { ORG_KINDS } from '../../domain/model.ts';
import { DataTable } from '../../ui/DataTable.tsx';
import type { DataColumn } from '../../ui/DataTable.tsx';
import type { RegionOutcome } from '../../workers/protocol.ts';
import type { DatasetView, RegionOption } from '../contracts.ts';
import { FLAG_LABELS, KIND_PLURALS } from '../labels.ts';
import { formatCount, formatPercent, formatUsd } from '../derive/format.ts';

export interface ComparedRegion {
  region: RegionOption;
  analysis: RegionAnalysis;
  figures: RegionFigures;
}

/**
 * The home region (from the app's finished analysis, when it has one) and the picked regions whose analyses
 * the analysis worker has sent (`analysed`; a region still being analysed is left out until it comes).
 */
export function useComparedRegions(
  data: DatasetView,
  homeRegion: RegionOption | undefined,
  homeResult: AnalysisResult | null,
  regions: readonly RegionOption[],
  picked: readonly string[],
  analysed: readonly RegionOutcome[],
): ComparedRegion[] {
  const { bundle, inRegion } = data;
  const pickedKey = picked.join('\u0000');
  return useMemo(() => {
    const out: ComparedRegion[] = [];
    if (homeRegion !== undefined && homeResult !== null) {
      const analysis = { result: homeResult, inRegion };
      out.push({ region: homeRegion, analysis, figures: regionFigures(bundle, inRegion, homeResult) });
    }
    for (const id of pickedKey === '' ? [] : pickedKey.split('\u0000')) {
      if (id === homeRegion?.id) continue;
      const region = regions.find((r) => r.id === id);
      const outcome = analysed.find((a) => a.regionId === id);
      if (region === undefined || outcome === undefined) continue;
      const analysis = { result: outcome.result, inRegion: outcome.inRegion };
      out.push({ region, analysis, figures: regionFigures(bundle, analysis.inRegion, analysis.result) });
    }
    return out;
  }, [bundle, inRegion, homeRegion, homeResult, regions, pickedKey, analysed]);
}

interface Metric {
  id: string;
  label: string;
  value: (f: RegionFigures) => number | null;
  format: (value: number) => string;
}

export const COMPARE_METRICS: readonly Metric[] = [
  { id: 'organizations', label: 'Organizations', value: (f) => f.organizations, format: formatCount },
  ...ORG_KINDS.map((kind) => ({
    id: `kind-${kind}`,
    label: KIND_PLURALS[kind],
    value: (f: RegionFigures) => f.byKind[kind],
    format: formatCount,
  })),
  { id: 'demand', label: 'Demand (per year)', value: (f) => f.demand, format: formatUsd },
  { id: 'imported', label: 'Imported value', value: (f) => f.importedValue, format: formatUsd },
  { id: 'local-share', label: 'Local share of demand', value: (f) => f.localShare, format: formatPercent },
  {
    id: 'in-demand',
    label: 'Capabilities in demand',
    value: (f) => f.capabilitiesInDemand,
    format: formatCount,
  },
  { id: 'flagged', label: 'Capabilities with a gap flag', value: (f) => f.flagged, format: formatCount },
  ...GAP_FLAGS.map((flag) => ({
    id: `flag-${flag}`,
    label: `Flag: ${FLAG_LABELS[flag]}`,
    value: (f: RegionFigures) => f.flagCounts[flag],
    format: formatCount,
  })),
  {
    id: 'critical',
    label: 'Critical suppliers in the region',
    value: (f) => f.criticalSuppliers,
    format: formatCount,
  },
];

export interface ComparePanelProps {
  homeRegion: RegionOption | undefined;
  regions: readonly RegionOption[];
  /** Region ids picked for comparison. */
  picked: readonly string[];
  onPickedChange: (ids: string[]) => void;
  /** The home region and the picked ones, analysed (useComparedRegions). */
  compared: readonly ComparedRegion[];
  /** True while the analysis worker is analysing picked regions. */
  pending?: boolean | undefined;
  error?: string | null | undefined;
}

export function ComparePanel({
  homeRegion,
  regions,
  picked,
  onPickedChange,
  compared,
  pending = false,
  error = null,
}: ComparePanelProps) {
  const [filter, setFilter] = useState('');
  const shownRegions = regions.filter(
    (r) =>
      r.id !== homeRegion?.id &&
      (filter === '' ||
        `${r.name} ${r.program}`.toLowerCase().includes(filter.toLowerCase()) ||
        picked.includes(r.id)),
  );

  const columns: DataColumn<Metric>[] = [
    { id: 'metric', header: 'Figure', accessor: (m) => m.label, rowHeader: true, sortable: false },
    ...compared.map(({ region, figures }): DataColumn<Metric> => ({
      id: `region-${region.id}`,
      header: region.name,
      accessor: (m) => m.value(figures),
      numeric: true,
      sortable: false,
      format: (v, m) => (typeof v === 'number' ? m.format(v) : '—'),
    })),
  ];

  return (
    <section
      className="dashboard-panel compare-panel"
      data-testid="compare-panel"
      aria-labelledby="compare-title"
    >
      <h3 id="compare-title">Compare regions</h3>
      <fieldset className="compare-picker">
        <legend>Regions to compare with {homeRegion?.name ?? 'the home region'}</legend>
        <label className="compare-filter">
          Find{' '}
          <input
            type="search"
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
            data-testid="compare-filter"
          />
        </label>
        <ul className="compare-options">
          {shownRegions.map((region) => (
            <li key={region.id}>
              <label>
                <input
                  type="checkbox"
                  checked={picked.includes(region.id)}
                  data-testid="compare-region-option"
                  data-region={region.id}
                  onChange={(event) =>
                    onPickedChange(
                      event.target.checked ? [...picked, region.id] : picked.filter((id) => id !== region.id),
                    )
                  }
                />{' '}
                {region.name} <span className="sub-inline">{region.program}</span>
                {region.counties.length === 0 && <span className="sub-inline"> (counties unknown)</span>}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      {error !== null && (
        <p className="error" role="alert" data-testid="compare-error">
          {error}
        </p>
      )}
      {pending && (
        <p className="placeholder" role="status" data-testid="compare-pending">
          Analysing the picked regions…
        </p>
      )}
      {compared.length < 2 ? (
        <p className="placeholder" data-testid="compare-hint" hidden={pending}>
          Pick {homeRegion === undefined ? 'two regions' : 'at least one more region'} to compare.
        </p>
      ) : (
        <>
          <DataTable
            caption="Key figures by region"
            columns={columns}
            rows={COMPARE_METRICS}
            rowKey={(m) => m.id}
            testId="compare-table"
            csvFileName="region-comparison.csv"
          />
          <div className="compare-top-gaps">
            {compared.map(({ region, figures }) => (
              <div
                key={region.id}
                className="compare-region"
                data-testid="compare-top-gaps"
                data-region={region.id}
              >
                <h4>{region.name}: top gaps</h4>
                {figures.topGaps.length === 0 ? (
                  <p className="placeholder">No flagged gap.</p>
                ) : (
                  <ol>
                    {figures.topGaps.map((gap) => (
                      <li key={gap.capability}>
                        {gap.label} — {formatUsd(gap.importedValue)} imported
                      </li>
                    ))}
                  </ol>
                )}
                {region.counties.length === 0 && (
                  <p className="sub-inline">
                    The county list of this region is not known, so no organization is in it.
                  </p>
                )}
              </div>
            ))}
          </div>
        </>
      )}
    </section>
  );
}

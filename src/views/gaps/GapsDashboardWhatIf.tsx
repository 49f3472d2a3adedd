// The what-if panel: which organizations are taken out, and beside the baseline what that does: primes
// that lose every supplier of a capability, gap flags that appear or vanish, the change in imported value.
import { useMemo } from 'react';
import { isSingleSource } from '../../analysis/matrix.ts';
import type { AnalysisResult, GapFlag } from '../../analysis/types.ts';
import { GAP_FLAGS } from '../../analysis/types.ts';
import type { CapabilityChange, LostSupply, WhatIfResult } from '../../analysis/what-if.ts';
import { DataTable } from '../../ui/DataTable.tsx';
import type { DataColumn } from '../../ui/DataTable.tsx';
import type { DatasetView } from '../contracts.ts';
import { FLAG_LABELS } from '../labels.ts';
import { formatCount, formatUsd } from '../derive/format.ts';

/**
 * The what-if of `removed` against `baseline`: the worker's result when it is for these removals,
 * else computed here with what-if.ts on the compact graph of the bundle and the region mask (a few ms for
 * the Chicago sample; see the measurements in the dashboard's hand-over notes). Null without removals or
 * without a baseline.
 */
/** The worker's what-if when it is for these removals; null while none is (the panel says it waits). */
export function resolveWhatIf(
  removed: readonly string[],
  baseline: AnalysisResult | null,
  given: WhatIfResult | null | undefined,
): WhatIfResult | null {
  if (removed.length === 0 || baseline === null) return null;
  return given != null && sameSet(given.removed.concat(given.unknown), removed) ? given : null;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const set = new Set(a);
  return new Set(b).size === set.size && b.every((id) => set.has(id));
}

export interface WhatIfPanelProps {
  data: DatasetView;
  removed: readonly string[];
  baseline: AnalysisResult | null;
  result: WhatIfResult | null;
  onReset: () => void;
  onSelectOrg?: ((orgId: string) => void) | undefined;
}

interface Figure {
  id: string;
  label: string;
  before: number;
  after: number;
  money: boolean;
  /** What the Change column says instead of the bare difference (a loss must not read as a gain). */
  change?: string | undefined;
}

/**
 * Side-by-side numbers of the baseline and the scenario. `lost` (the what-if's lost supply) adds the
 * dependencies lost entirely, and keeps a single-source dependency that is lost from reading as one fewer.
 */
export function whatIfFigures(
  baseline: AnalysisResult,
  scenario: AnalysisResult,
  lost: readonly LostSupply[] = [],
): Figure[] {
  const imported = (r: AnalysisResult) => r.gaps.reduce((sum, gap) => sum + gap.importedValue, 0);
  const flagged = (r: AnalysisResult) => r.gaps.filter((gap) => gap.flags.length > 0).length;
  const withFlag = (r: AnalysisResult, flag: GapFlag) =>
    r.gaps.filter((gap) => gap.flags.includes(flag)).length;
  const single = (r: AnalysisResult) => r.matrix.filter(isSingleSource).length;
  // Single-source dependencies that are gone because their one supplier closed: losses, not improvements.
  const lostSingle = lost.filter((l) => l.inRegionBefore + l.outOfRegionBefore === 1).length;
  const singleBefore = single(baseline);
  const singleAfter = single(scenario);
  const rest = singleAfter - singleBefore + lostSingle;
  const dependencies = (n: number) => `${formatCount(n)} ${n === 1 ? 'dependency' : 'dependencies'}`;
  return [
    {
      id: 'imported',
      label: 'Imported value',
      before: imported(baseline),
      after: imported(scenario),
      money: true,
    },
    {
      id: 'flagged',
      label: 'Capabilities with a gap flag',
      before: flagged(baseline),
      after: flagged(scenario),
      money: false,
    },
    ...GAP_FLAGS.map((flag) => ({
      id: `flag-${flag}`,
      label: `Flag: ${FLAG_LABELS[flag]}`,
      before: withFlag(baseline, flag),
      after: withFlag(scenario, flag),
      money: false,
    })),
    {
      id: 'lost-cells',
      label: 'Prime dependencies lost entirely (no supplier left)',
      before: 0,
      after: lost.length,
      money: false,
      change: lost.length === 0 ? '0' : `${dependencies(lost.length)} lost`,
    },
    {
      id: 'single-source-cells',
      label: 'Single-source prime dependencies',
      before: singleBefore,
      after: singleAfter,
      money: false,
      change:
        lostSingle === 0
          ? undefined
          : `${dependencies(lostSingle)} lost entirely${rest === 0 ? '' : `; ${signed(rest, false)} otherwise`}`,
    },
    {
      id: 'critical',
      label: 'Critical suppliers',
      before: baseline.criticalSuppliers.length,
      after: scenario.criticalSuppliers.length,
      money: false,
    },
  ];
}

function signed(value: number, money: boolean): string {
  if (value === 0) return money ? '$0' : '0';
  const text = money ? formatUsd(Math.abs(value)) : formatCount(Math.abs(value));
  return `${value > 0 ? '+' : '−'}${text}`;
}

const flagList = (flags: readonly GapFlag[]) => flags.map((flag) => FLAG_LABELS[flag]).join(', ') || null;

export function WhatIfPanel({ data, removed, baseline, result, onReset, onSelectOrg }: WhatIfPanelProps) {
  const name = (id: string) => {
    const index = data.orgIndex.get(id);
    return index === undefined ? id : (data.bundle.organizations[index]?.name ?? id);
  };
  const figures = useMemo(
    () => (result === null ? [] : whatIfFigures(result.baseline, result.scenario, result.lostSupply)),
    [result],
  );

  const figureColumns: DataColumn<Figure>[] = [
    { id: 'label', header: 'Figure', accessor: (f) => f.label, rowHeader: true, sortable: false },
    figureColumn('before', 'Baseline'),
    figureColumn('after', 'What-if'),
    {
      id: 'change',
      header: 'Change',
      accessor: (f) => f.after - f.before,
      numeric: true,
      sortable: false,
      format: (v, f) => f.change ?? (typeof v === 'number' ? signed(v, f.money) : '—'),
    },
  ];
  const changeColumns: DataColumn<CapabilityChange>[] = [
    { id: 'label', header: 'Capability', accessor: (c) => c.label, rowHeader: true },
    { id: 'appeared', header: 'Flags appearing', accessor: (c) => flagList(c.appeared) },
    { id: 'vanished', header: 'Flags vanishing', accessor: (c) => flagList(c.vanished) },
    {
      id: 'suppliers',
      header: 'Local suppliers',
      accessor: (c) => c.localSuppliersAfter - c.localSuppliersBefore,
      numeric: true,
      format: (_, c) => `${formatCount(c.localSuppliersBefore)} → ${formatCount(c.localSuppliersAfter)}`,
    },
    {
      id: 'imported',
      header: 'Imported value change',
      accessor: (c) => c.importedValueAfter - c.importedValueBefore,
      numeric: true,
      format: (v) => (typeof v === 'number' ? signed(v, true) : '—'),
    },
  ];

  return (
    <section
      className="dashboard-panel whatif-panel"
      data-testid="whatif-panel"
      aria-labelledby="whatif-title"
    >
      <h3 id="whatif-title">What if they close?</h3>
      {removed.length === 0 ? (
        <p className="placeholder" data-testid="whatif-empty">
          Nothing is removed. Use <em>Remove</em> in the dependency matrix to take a supplier or prime out and
          see which primes lose a capability and which gaps open or close.
        </p>
      ) : (
        <>
          <div className="whatif-removed">
            <span>Removed:</span>
            <ul data-testid="whatif-removed">
              {removed.map((id) => (
                <li key={id} data-org={id}>
                  {onSelectOrg === undefined || !data.orgIndex.has(id) ? (
                    name(id)
                  ) : (
                    <button type="button" className="link-button" onClick={() => onSelectOrg(id)}>
                      {name(id)}
                    </button>
                  )}
                </li>
              ))}
            </ul>
            <button type="button" onClick={onReset} data-testid="whatif-reset">
              Reset what-if
            </button>
          </div>
          {baseline === null || result === null ? (
            <p className="placeholder">Waiting for the analysis…</p>
          ) : (
            <>
              {result.unknown.length > 0 && (
                <p className="whatif-unknown" role="status" data-testid="whatif-unknown">
                  Not in this dataset, so not removed: {result.unknown.join(', ')}.
                </p>
              )}
              <p className="whatif-delta" data-testid="whatif-delta">
                {result.importedValueDelta === 0 ? (
                  'Imported value does not change.'
                ) : (
                  <>
                    Imported value changes by <strong>{signed(result.importedValueDelta, true)}</strong> a
                    year.
                  </>
                )}
              </p>
              <DataTable
                caption="Baseline and what-if side by side"
                columns={figureColumns}
                rows={figures}
                rowKey={(f) => f.id}
                testId="whatif-figures"
                csvFileName="what-if-figures.csv"
              />
              <h4>Primes that lose a capability</h4>
              {result.lostSupply.length === 0 ? (
                <p className="placeholder" data-testid="whatif-lost">
                  No prime loses every supplier of a capability.
                </p>
              ) : (
                <ul className="whatif-lost" data-testid="whatif-lost">
                  {result.lostSupply.map((lost) => (
                    <li key={`${lost.prime}\u0000${lost.capability}`} data-testid="whatif-lost-item">
                      <span aria-hidden="true">✖ </span>
                      <strong>{name(lost.prime)}</strong> loses <strong>{lost.label}</strong> (had{' '}
                      {formatCount(lost.inRegionBefore)} supplier{lost.inRegionBefore === 1 ? '' : 's'} in the
                      region and {formatCount(lost.outOfRegionBefore)} outside)
                    </li>
                  ))}
                </ul>
              )}
              <DataTable
                caption="Capabilities whose gap flags, local suppliers or imported value change"
                columns={changeColumns}
                rows={result.changes}
                rowKey={(c) => c.capability}
                initialSort={{ column: 'imported', direction: 'descending' }}
                testId="whatif-changes"
                csvFileName="what-if-changes.csv"
                emptyText="nothing changes."
              />
            </>
          )}
        </>
      )}
    </section>
  );
}

/** A column of the figures table: the baseline's or the what-if's value, in dollars or as a count. */
function figureColumn(id: 'before' | 'after', header: string): DataColumn<Figure> {
  return {
    id,
    header,
    accessor: (f) => f[id],
    numeric: true,
    sortable: false,
    format: (v, f) => (typeof v === 'number' ? (f.money ? formatUsd(v) : formatCount(v)) : '—'),
  };
}

// The ranked gap list of the home region, with the analysis' progress and a Cancel button while it runs.
import { useState } from 'react';
import { GAP_FLAGS } from '../../analysis/types.ts';
import type { GapFlag } from '../../analysis/types.ts';
import type { AnalysisState } from '../contracts.ts';
import type { ResilienceOutcome } from '../../workers/protocol.ts';
import { FLAG_HELP, FLAG_LABELS } from '../labels.ts';
import type { RedactionProfile } from '../../domain/model.ts';
import { formatCount, formatDollars, formatPercent, formatUsd } from '../derive/format.ts';

const PHASE_LABELS: Record<string, string> = {
  reference: 'Loading reference data',
  membership: 'Placing organizations in the region',
  graph: 'Building the supply graph',
  gaps: 'Finding gaps',
  tiers: 'Computing tiers',
  critical: 'Finding critical suppliers',
  matrix: 'Building the dependency matrix',
};

interface Props {
  state: AnalysisState;
  regionName: string | undefined;
  onCancel: () => void;
  onRerun: () => void;
  /** Rows shown before "Show all". */
  limit?: number;
  /** The highlighted gap (capability id); clicking a gap highlights it on the map, clicking again clears it. */
  selectedGap?: string | undefined;
  onSelectGap?: ((capability: string | undefined) => void) | undefined;
  /** A narrow side-panel version: fewer columns. */
  compact?: boolean;
  /** The single points of failure (the headline once found); absent or null: not said. */
  resilience?: ResilienceOutcome | null | undefined;
  /** Opens the gap dashboard, where they are listed. */
  onShowResilience?: (() => void) | undefined;
  /** The shown copy's redaction profile: a partner or public copy's dollars are bands. */
  profile?: RedactionProfile | undefined;
}

export function GapList({
  state,
  regionName,
  onCancel,
  onRerun,
  limit,
  selectedGap,
  onSelectGap,
  compact = false,
  resilience,
  onShowResilience,
  profile,
}: Props) {
  const rows = limit ?? (compact ? 15 : 40);
  return (
    <section className="gap-panel" aria-labelledby="gap-panel-title" data-testid="gap-panel">
      <h2 id="gap-panel-title">Gaps{regionName === undefined ? '' : ` in ${regionName}`}</h2>
      {state.status === 'idle' && <p className="placeholder">Waiting for a dataset…</p>}
      {state.status === 'running' && (
        <div className="progress" data-testid="analysis-progress">
          <label>
            {PHASE_LABELS[state.phase] ?? 'Analysing'}…
            <progress max={1} value={state.fraction} />
          </label>
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      )}
      {state.status === 'cancelled' && (
        <p className="placeholder">
          The analysis was cancelled.{' '}
          <button type="button" onClick={onRerun}>
            Run it again
          </button>
        </p>
      )}
      {state.status === 'failed' && (
        <p className="issue-error" role="alert">
          The analysis failed: {state.message}{' '}
          <button type="button" onClick={onRerun}>
            Try again
          </button>
        </p>
      )}
      {state.status === 'done' && (
        <GapTable
          outcome={state.outcome}
          limit={rows}
          compact={compact}
          selectedGap={selectedGap}
          onSelectGap={onSelectGap}
          resilience={resilience ?? null}
          onShowResilience={onShowResilience}
          profile={profile}
        />
      )}
    </section>
  );
}

interface TableProps {
  outcome: Extract<AnalysisState, { status: 'done' }>['outcome'];
  limit: number;
  compact: boolean;
  selectedGap: string | undefined;
  onSelectGap: ((capability: string | undefined) => void) | undefined;
  resilience: ResilienceOutcome | null;
  onShowResilience: (() => void) | undefined;
  profile: RedactionProfile | undefined;
}

function GapTable(props: TableProps) {
  const { outcome, limit, compact, selectedGap, onSelectGap, resilience, onShowResilience, profile } = props;
  const isPublic = profile === 'public';
  const { result } = outcome;
  const [showAll, setShowAll] = useState(false);
  const flagCounts = GAP_FLAGS.map((flag) => ({
    flag,
    n: result.gaps.filter((gap) => gap.flags.includes(flag)).length,
  }));
  // Every capability in demand, by imported value: the dashboard's chart ranks them the same way, and one
  // with millions imported but no flag must not be left out.
  const ranked = result.gaps;
  const shown = showAll ? ranked : ranked.slice(0, limit);
  if (result.region === null) {
    return <p className="placeholder">Choose a home region to see its gaps.</p>;
  }
  return (
    <>
      {resilience !== null && !isPublic && (
        <p
          className="gap-lead"
          data-testid="gap-lead"
          data-ms={Math.round(resilience.ms)}
          data-threads={resilience.threads}
        >
          <strong>
            {formatCount(resilience.total)} single {resilience.total === 1 ? 'point' : 'points'} of failure
          </strong>
          : suppliers some prime depends on alone, with {formatUsd(resilience.atRisk)} a year of the
          primes&rsquo; purchases.{' '}
          {onShowResilience !== undefined && resilience.total > 0 && (
            <button type="button" className="link-button" onClick={onShowResilience}>
              See who they are
            </button>
          )}
        </p>
      )}
      <p className="gap-summary" data-testid="gap-summary">
        {formatCount(result.regionOrganizations)} organizations in the region ·{' '}
        {formatCount(result.gaps.length)} capabilities in demand
        {isPublic ? (
          '. The sender’s gap list: dollars as bands, counts of 1 or 2 firms suppressed.'
        ) : (
          <>
            {' · '}
            <span title="Articulation points and bridges of the undirected supply graph: structural facts, not directional dependence">
              {formatCount(result.criticalSuppliers.length)} critical suppliers ·{' '}
              {formatCount(result.criticalLinks.length)} critical links
            </span>
          </>
        )}
      </p>
      <ul className="flag-counts" aria-label="Capabilities per flag">
        {flagCounts.map(({ flag, n }) => (
          <li key={flag} title={FLAG_HELP[flag]}>
            <span className={`flag flag-${flag}`}>{FLAG_LABELS[flag]}</span> {n}
          </li>
        ))}
      </ul>
      {ranked.length === 0 ? (
        <p className="placeholder">
          {isPublic
            ? 'This public view carries the gap list of the region it was shared for only.'
            : 'The region buys no capability from suppliers on record.'}
        </p>
      ) : (
        <div className="table-scroll">
          <table className="gap-table" data-testid="gap-table">
            <caption className="gap-table-caption" data-testid="gap-table-caption">
              By imported value (bought outside the region), as the dashboard ranks them
            </caption>
            <thead>
              <tr>
                <th scope="col">Capability</th>
                <th scope="col">Flags</th>
                {!compact && <NumberHeader>Demand</NumberHeader>}
                <NumberHeader>Imported</NumberHeader>
                {!compact && <NumberHeader>Local suppliers</NumberHeader>}
                {!compact && <NumberHeader>Trainers</NumberHeader>}
              </tr>
            </thead>
            <tbody>
              {shown.map((gap) => (
                <tr
                  key={gap.capability}
                  data-capability={gap.capability}
                  className={gap.capability === selectedGap ? 'selected' : undefined}
                >
                  <th scope="row">
                    {onSelectGap === undefined ? (
                      <span className="cap-label">{gap.label}</span>
                    ) : (
                      <button
                        type="button"
                        className="cap-label link-button"
                        aria-pressed={gap.capability === selectedGap}
                        title="Show the buyers of this capability and their suppliers on the map"
                        onClick={() =>
                          onSelectGap(gap.capability === selectedGap ? undefined : gap.capability)
                        }
                      >
                        {gap.label}
                      </button>
                    )}
                    <span className="cap-id">{gap.capability}</span>
                  </th>
                  <GapFlagsCell flags={gap.flags} />
                  {!compact && <td className="num">{formatDollars(gap.demand, profile)}</td>}
                  <td className="num">
                    {formatDollars(gap.importedValue, profile)}
                    <span className="sub">
                      {Number.isNaN(gap.leakage) ? 'suppressed' : formatPercent(gap.leakage)}
                    </span>
                  </td>
                  {!compact && <td className="num">{formatCount(gap.localSuppliers)}</td>}
                  {!compact && <td className="num">{formatCount(gap.trainers)}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {ranked.length > shown.length && (
        <p className="placeholder">
          Showing the {shown.length} with the most imported value of {ranked.length} capabilities in demand.{' '}
          <button type="button" onClick={() => setShowAll(true)}>
            Show all {ranked.length}
          </button>
        </p>
      )}
      <p className="analysis-time">Analysed in {Math.round(outcome.ms)} ms.</p>
    </>
  );
}

/** A table's column header for numbers, right-aligned like its cells. */
export function NumberHeader({ children }: { children: string }) {
  return (
    <th scope="col" className="num">
      {children}
    </th>
  );
}

/** A gap's flags as a table cell, each with its explanation; "no flag" when it has none. */
export function GapFlagsCell({ flags }: { flags: readonly GapFlag[] }) {
  return (
    <td>
      {flags.length === 0 && <span className="muted">no flag</span>}
      {flags.map((flag) => (
        <span key={flag} className={`flag flag-${flag}`} title={FLAG_HELP[flag]}>
          {FLAG_LABELS[flag]}
        </span>
      ))}
    </td>
  );
}

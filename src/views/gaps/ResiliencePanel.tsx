// The resilience headline of the gap dashboard (DESIGN.md §3, chokepoints): the suppliers some prime depends
// on alone, ranked by the dollars of the primes' purchases that ride on them, and each prime's summary
// (its purchases on single points of failure, the capabilities it buys by one route only, its deepest
// single dependency). Both tables sort, move by keyboard and download as CSV; the primes' order is kept in
// the link (`rsort`). Names are buttons that select the organization: the map and the network then show
// what it cuts off, and the inspector says what each prime would lose.
import type { PrimeResilience, SupplierRisk } from '../../analysis/chokepoints.ts';
import type { ResilienceColumn, TableOrder } from '../../state/route.ts';
import { DataTable } from '../../ui/DataTable.tsx';
import type { DataColumn, SortState } from '../../ui/DataTable.tsx';
import type { ResilienceOutcome } from '../../workers/protocol.ts';
import type { DatasetView } from '../contracts.ts';
import { formatCount, formatPercent, formatUsd } from '../derive/format.ts';

export interface ResiliencePanelProps {
  data: DatasetView;
  /** The worker's answer; null while it is found (or when it could not be). */
  outcome: ResilienceOutcome | null;
  pending: boolean;
  error: string | null;
  selected: string | undefined;
  onSelectOrg?: ((orgId: string) => void) | undefined;
  /** The primes table's order, from the link; undefined: by dollars on single points of failure. */
  order?: TableOrder<ResilienceColumn> | undefined;
  onOrderChange?: ((order: TableOrder<ResilienceColumn>) => void) | undefined;
  /** Takes a supplier out for the what-if (a button per row); absent: no button. */
  onRemove?: ((orgId: string) => void) | undefined;
  /** Those taken out by the what-if (their button says so; the figures are the baseline's, and the panel says so). */
  removed?: readonly string[] | undefined;
}

/** Names of a list of organizations, the first few and how many more. */
function someNames(names: readonly string[], shown = 3): string {
  const more = names.length - shown;
  return more > 0 ? `${names.slice(0, shown).join(', ')} and ${formatCount(more)} more` : names.join(', ');
}

export function ResiliencePanel(props: ResiliencePanelProps) {
  const { data, outcome, pending, error, selected, onSelectOrg, order, onOrderChange, onRemove } = props;
  const removedCount = props.removed?.length ?? 0;
  const { bundle, orgIndex, inRegion, label } = data;
  const tiers = data.analysis?.tiers;
  const nameOf = (id: string) => bundle.organizations[orgIndex.get(id) ?? -1]?.name ?? id;
  const orgButton = (id: string) =>
    onSelectOrg === undefined ? (
      nameOf(id)
    ) : (
      <button
        type="button"
        className="link-button"
        aria-pressed={id === selected}
        data-org={id}
        onClick={() => onSelectOrg(id)}
      >
        {nameOf(id)}
      </button>
    );

  const supplierColumns: DataColumn<SupplierRisk>[] = [
    {
      id: 'supplier',
      header: 'Supplier',
      accessor: (r) => nameOf(r.supplier),
      rowHeader: true,
      render: (r) => orgButton(r.supplier),
    },
    {
      id: 'exposure',
      header: 'At risk ($/yr)',
      accessor: (r) => r.exposure,
      numeric: true,
      format: (v) => formatUsd(v as number),
    },
    {
      id: 'primes',
      header: 'Primes exposed',
      accessor: (r) => r.primes.length,
      numeric: true,
      render: (r) => (
        <span title={r.primes.map(nameOf).join(', ')}>
          {formatCount(r.primes.length)}
          <span className="resilience-names">{someNames(r.primes.map(nameOf), 2)}</span>
        </span>
      ),
      csv: (r) => r.primes.map(nameOf).join('; '),
    },
    {
      id: 'lost',
      header: 'Capabilities they would lose',
      accessor: (r) => r.capabilitiesLost.map(label).join(', ') || null,
      format: (v) => (v === null ? 'none (cuts off suppliers)' : String(v)),
      csv: (r) => r.capabilitiesLost.map(label).join('; '),
    },
    {
      id: 'tier',
      header: 'Tier',
      accessor: (r) => tiers?.[r.supplier] ?? null,
      numeric: true,
    },
    {
      id: 'cutOff',
      header: 'Cut off with it',
      accessor: (r) => r.largestCutOff,
      numeric: true,
      format: (v) => formatCount(v as number),
    },
    {
      id: 'inRegion',
      header: 'In the region',
      accessor: (r) => (inRegion[orgIndex.get(r.supplier) ?? -1] === 1 ? 'yes' : 'no'),
    },
  ];
  if (onRemove !== undefined)
    supplierColumns.push({
      id: 'whatIf',
      header: 'What if it closes?',
      accessor: () => null,
      sortable: false,
      csv: () => null,
      render: (r) =>
        props.removed?.includes(r.supplier) === true ? (
          'taken out'
        ) : (
          <button
            type="button"
            className="link-button"
            data-testid="resilience-remove"
            data-org={r.supplier}
            aria-label={`Take out ${nameOf(r.supplier)} (what if it closes?)`}
            onClick={() => onRemove(r.supplier)}
          >
            Take out
          </button>
        ),
    });

  const share = (p: PrimeResilience) => (p.purchases > 0 ? p.onChokepoints / p.purchases : null);
  const primeColumns: DataColumn<PrimeResilience>[] = [
    {
      id: 'prime',
      header: 'Prime',
      accessor: (p) => nameOf(p.prime),
      rowHeader: true,
      render: (p) => orgButton(p.prime),
    },
    {
      id: 'purchases',
      header: 'Purchases ($/yr)',
      accessor: (p) => p.purchases,
      numeric: true,
      format: (v) => formatUsd(v as number),
    },
    {
      id: 'share',
      header: 'On single points',
      accessor: share,
      numeric: true,
      format: (v, p) => (v === null ? '—' : `${formatPercent(v as number)} (${formatUsd(p.onChokepoints)})`),
    },
    {
      id: 'chokepoints',
      header: 'Single points of failure',
      accessor: (p) => p.chokepoints,
      numeric: true,
      format: (v) => formatCount(v as number),
    },
    {
      id: 'single',
      header: 'Capabilities with one route',
      accessor: (p) => p.singleRoute.length,
      numeric: true,
      render: (p) => (
        <span title={p.singleRoute.map(label).join(', ')}>
          {formatCount(p.singleRoute.length)}
          {p.singleRoute.length > 0 && (
            <span className="resilience-names">{someNames(p.singleRoute.map(label), 2)}</span>
          )}
        </span>
      ),
      csv: (p) => p.singleRoute.map(label).join('; '),
    },
    {
      id: 'depth',
      header: 'Deepest single dependency',
      accessor: (p) => p.deepest?.depth ?? null,
      numeric: true,
      render: (p) =>
        p.deepest === null ? (
          '—'
        ) : (
          <span>
            {deepestText(p.deepest.depth)} {orgButton(p.deepest.supplier)}
            {p.deepest.cutOff > 0 && (
              <span className="resilience-names">cuts off {formatCount(p.deepest.cutOff)}</span>
            )}
          </span>
        ),
      csv: (p) =>
        p.deepest === null
          ? null
          : `${p.deepest.depth}: ${nameOf(p.deepest.supplier)} (cuts off ${p.deepest.cutOff})`,
    },
  ];
  const sort: SortState =
    order === undefined
      ? { column: 'share', direction: 'descending' }
      : { column: order.column, direction: order.ascending ? 'ascending' : 'descending' };

  return (
    <section
      className="dashboard-panel resilience-panel"
      data-testid="resilience-panel"
      aria-labelledby="resilience-title"
    >
      <h3 id="resilience-title">Single points of failure</h3>
      {outcome === null ? (
        error !== null ? (
          <p className="placeholder" role="alert" data-testid="resilience-error">
            {error}
          </p>
        ) : (
          <p className="placeholder" role="status" data-testid="resilience-pending">
            {pending ? 'Finding the suppliers each prime depends on alone…' : 'Waiting for the analysis…'}
          </p>
        )
      ) : (
        <>
          <p
            className="resilience-summary"
            data-testid="resilience-summary"
            data-threads={outcome.threads}
            title={`Found in ${(outcome.ms / 1000).toFixed(1)} s${outcome.threads === 2 ? ', on two threads' : ''}`}
          >
            {outcome.total === 0 ? (
              'No prime depends on a single supplier: every supplier has another route to each prime.'
            ) : (
              <>
                <strong>
                  {formatCount(outcome.total)} {outcome.total === 1 ? 'supplier' : 'suppliers'}
                </strong>{' '}
                some prime depends on alone: if one closes, the prime loses a capability or the suppliers
                behind it. <strong>{formatUsd(outcome.atRisk)} a year</strong> of the primes&rsquo; purchases
                ride on them.
                {outcome.total > outcome.suppliers.length &&
                  ` The ${formatCount(outcome.suppliers.length)} with the most dollars at risk are listed.`}
                {removedCount > 0 &&
                  ` These are the figures before the what-if (${formatCount(removedCount)} taken out).`}
              </>
            )}
          </p>
          {outcome.total > 0 && (
            <DataTable
              caption="Suppliers by the primes' dollars at risk (their direct purchases from it a year)"
              columns={supplierColumns}
              rows={outcome.suppliers}
              rowKey={(r) => r.supplier}
              initialSort={{ column: 'exposure', direction: 'descending' }}
              csvFileName="single-points-of-failure.csv"
              testId="resilience-suppliers"
              rowClassName={(r) => (r.supplier === selected ? 'is-selected' : undefined)}
            />
          )}
          <h4>Each prime</h4>
          <DataTable
            caption="Each prime's purchases on single points of failure, capabilities bought by one route, and its deepest single dependency"
            columns={primeColumns}
            rows={outcome.primes}
            rowKey={(p) => p.prime}
            sort={sort}
            onSortChange={(next) =>
              onOrderChange?.({
                column: next.column as ResilienceColumn,
                ascending: next.direction === 'ascending',
              })
            }
            csvFileName="primes-resilience.csv"
            testId="resilience-primes"
            rowClassName={(p) => (p.prime === selected ? 'is-selected' : undefined)}
            emptyText="the dataset has no prime."
          />
        </>
      )}
    </section>
  );
}

/** How far down the prime's tree of single dependencies: 1 is a direct supplier, 2 the one behind it, … */
function deepestText(depth: number): string {
  return depth === 1 ? 'direct:' : `${depth} levels down:`;
}

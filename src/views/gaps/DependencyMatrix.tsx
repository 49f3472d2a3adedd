// The prime × capability dependency matrix (DESIGN.md §3): one row per prime, one column per capability
// it buys, each cell the number of suppliers inside / outside the region. Single-source cells carry a
// warning sign and text, cells a what-if emptied say "lost"; choosing a cell lists its suppliers.
import { useMemo, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { isSingleSource } from '../../analysis/matrix.ts';
import { cellKey, matrixSuppliers } from '../../analysis/matrix-cell.ts';
import type { MatrixCell } from '../../analysis/types.ts';
import type { DatasetView } from '../contracts.ts';
import { formatCount } from '../derive/format.ts';
import { Select } from '../../ui/Select.tsx';

export interface MatrixSelection {
  prime: string;
  capability: string;
  /** Supplier organization ids of the cell, sorted (empty for a cell a what-if emptied). */
  suppliers: string[];
}

export type MatrixRowSort = 'name' | 'single-source';
export type MatrixColumnSort = 'label' | 'primes';

const ROW_SORTS: Record<MatrixRowSort, string> = {
  'single-source': 'Single-source cells (most first)',
  name: 'Name (A–Z)',
};
const COLUMN_SORTS: Record<MatrixColumnSort, string> = {
  primes: 'Primes buying it (most first)',
  label: 'Name (A–Z)',
};

export interface DependencyMatrixProps {
  data: DatasetView;
  /** The cells to show: `matrix` of the current analysis (the what-if scenario when there is one). */
  cells: readonly MatrixCell[];
  /** The baseline's cells when a what-if is active: cells it has that `cells` lacks are shown as lost. */
  baselineCells?: readonly MatrixCell[] | undefined;
  /** Organizations the what-if removed; they are left out of the supplier lists. */
  removed?: readonly string[] | undefined;
  /** Called when a cell is clicked or activated with Enter / Space. */
  onSelectCell?: ((cell: MatrixSelection) => void) | undefined;
  /** "Remove" buttons next to the suppliers of the chosen cell and on each prime row (what-if). */
  onRemove?: ((orgId: string) => void) | undefined;
  /** Organization names become buttons that select the organization. */
  onSelectOrg?: ((orgId: string) => void) | undefined;
  /** Largest matrix drawn; the primes and capabilities with the most cells are kept (defaults 60 × 40). */
  maxRows?: number | undefined;
  maxColumns?: number | undefined;
}

interface ShownCell {
  prime: string;
  capability: string;
  inRegion: number;
  outOfRegion: number;
  lost: boolean;
}

interface Row {
  prime: string;
  name: string;
  singleSource: number;
  cells: number;
}

interface Column {
  capability: string;
  label: string;
  primes: number;
}

const ARROW_STEPS: Readonly<Record<string, readonly [number, number]>> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Rows, columns and cells of the matrix in display order; pure, for the component and its tests. */
export function matrixLayout(
  cells: readonly MatrixCell[],
  baselineCells: readonly MatrixCell[] | undefined,
  name: (orgId: string) => string,
  label: (capability: string) => string,
  sort: { rows: MatrixRowSort; columns: MatrixColumnSort },
  limits: { rows: number; columns: number } = { rows: 60, columns: 40 },
): {
  rows: Row[];
  columns: Column[];
  cells: Map<string, ShownCell>;
  hiddenRows: number;
  hiddenColumns: number;
} {
  const shown = new Map<string, ShownCell>();
  for (const cell of cells) shown.set(cellKey(cell.prime, cell.capability), { ...cell, lost: false });
  for (const cell of baselineCells ?? []) {
    const key = cellKey(cell.prime, cell.capability);
    if (!shown.has(key)) shown.set(key, { ...cell, inRegion: 0, outOfRegion: 0, lost: true });
  }
  const rowMap = new Map<string, Row>();
  const columnMap = new Map<string, Column>();
  for (const cell of shown.values()) {
    let row = rowMap.get(cell.prime);
    if (row === undefined) {
      row = { prime: cell.prime, name: name(cell.prime), singleSource: 0, cells: 0 };
      rowMap.set(cell.prime, row);
    }
    row.cells++;
    if (!cell.lost && isSingleSource(cell)) row.singleSource++;
    let column = columnMap.get(cell.capability);
    if (column === undefined) {
      column = { capability: cell.capability, label: label(cell.capability), primes: 0 };
      columnMap.set(cell.capability, column);
    }
    column.primes++;
  }
  const byName = (a: Row, b: Row) => collator.compare(a.name, b.name) || (a.prime < b.prime ? -1 : 1);
  const byLabel = (a: Column, b: Column) =>
    collator.compare(a.label, b.label) || (a.capability < b.capability ? -1 : 1);
  // Over the limits, keep the biggest rows and columns; then order what is kept as asked.
  const rows = [...rowMap.values()].sort((a, b) => b.cells - a.cells || byName(a, b)).slice(0, limits.rows);
  const columns = [...columnMap.values()]
    .sort((a, b) => b.primes - a.primes || byLabel(a, b))
    .slice(0, limits.columns);
  rows.sort(sort.rows === 'name' ? byName : (a, b) => b.singleSource - a.singleSource || byName(a, b));
  columns.sort(sort.columns === 'label' ? byLabel : (a, b) => b.primes - a.primes || byLabel(a, b));
  return {
    rows,
    columns,
    cells: shown,
    hiddenRows: rowMap.size - rows.length,
    hiddenColumns: columnMap.size - columns.length,
  };
}

export function DependencyMatrix({
  data,
  cells,
  baselineCells,
  removed = [],
  onSelectCell,
  onRemove,
  onSelectOrg,
  maxRows = 60,
  maxColumns = 40,
}: DependencyMatrixProps) {
  const [rowSort, setRowSort] = useState<MatrixRowSort>('single-source');
  const [columnSort, setColumnSort] = useState<MatrixColumnSort>('primes');
  const [chosen, setChosen] = useState<{ prime: string; capability: string } | null>(null);
  const { bundle, orgIndex, inRegion, label } = data;
  const name = (id: string) => {
    const index = orgIndex.get(id);
    return index === undefined ? id : (bundle.organizations[index]?.name ?? id);
  };
  const layout = matrixLayout(
    cells,
    baselineCells,
    name,
    label,
    { rows: rowSort, columns: columnSort },
    { rows: maxRows, columns: maxColumns },
  );
  const removedKey = removed.join('\u0000');
  const suppliers = useMemo(
    () => matrixSuppliers(bundle, inRegion, removedKey === '' ? [] : removedKey.split('\u0000')),
    [bundle, inRegion, removedKey],
  );

  const choose = (prime: string, capability: string) => {
    setChosen({ prime, capability });
    onSelectCell?.({
      prime,
      capability,
      suppliers: suppliers.get(cellKey(prime, capability))?.suppliers ?? [],
    });
  };

  // Roving tabindex: one cell button is in the tab order (the last focused, else the first cell), and the
  // arrow keys move between cells, skipping primes that do not buy a capability.
  const [focused, setFocused] = useState<{ row: number; column: number } | null>(null);
  const hasCell = (r: number, c: number) => {
    const row = layout.rows[r];
    const column = layout.columns[c];
    return (
      row !== undefined && column !== undefined && layout.cells.has(cellKey(row.prime, column.capability))
    );
  };
  let tabStop = focused !== null && hasCell(focused.row, focused.column) ? focused : null;
  for (let r = 0; tabStop === null && r < layout.rows.length; r++) {
    for (let c = 0; tabStop === null && c < layout.columns.length; c++)
      if (hasCell(r, c)) tabStop = { row: r, column: c };
  }

  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    const target = event.target as HTMLElement;
    const table = target.closest('table');
    if (target.dataset.row === undefined || target.dataset.col === undefined || table === null) return;
    const r = Number(target.dataset.row);
    const c = Number(target.dataset.col);
    const at = (i: number, j: number) =>
      table.querySelector<HTMLElement>(`[data-row="${i}"][data-col="${j}"]`);
    let next: HTMLElement | null = null;
    if (event.key === 'Home' || event.key === 'End') {
      const inRow = [...table.querySelectorAll<HTMLElement>(`[data-row="${r}"][data-col]`)];
      next = (event.key === 'Home' ? inRow[0] : inRow[inRow.length - 1]) ?? null;
    } else {
      const step = ARROW_STEPS[event.key];
      if (step === undefined) return;
      const [dr, dc] = step;
      for (
        let i = r + dr, j = c + dc;
        i >= 0 && j >= 0 && i < layout.rows.length && j < layout.columns.length;
        i += dr, j += dc
      ) {
        next = at(i, j);
        if (next !== null) break;
      }
    }
    event.preventDefault();
    next?.focus();
  };

  if (layout.rows.length === 0) {
    return (
      <section className="dependency-matrix" data-testid="dependency-matrix" aria-labelledby="matrix-title">
        <h3 id="matrix-title">Prime dependency matrix</h3>
        <p className="placeholder">No prime buys anything on a supply link in this dataset.</p>
      </section>
    );
  }

  const chosenCell = chosen === null ? undefined : layout.cells.get(cellKey(chosen.prime, chosen.capability));
  const chosenSuppliers =
    chosen === null ? undefined : suppliers.get(cellKey(chosen.prime, chosen.capability));

  return (
    <section className="dependency-matrix" data-testid="dependency-matrix" aria-labelledby="matrix-title">
      <h3 id="matrix-title">Prime dependency matrix</h3>
      <p className="matrix-help">
        Suppliers of each capability to each prime: <strong>in</strong> the region · <strong>out</strong>side
        it. <span className="matrix-single-key">⚠ single source</span> marks a prime that has one supplier in
        all.
      </p>
      <div className="matrix-controls">
        <Select
          label="Primes by"
          value={rowSort}
          choices={ROW_SORTS}
          onChange={setRowSort}
          testId="matrix-sort-rows"
        />
        <Select
          label="Capabilities by"
          value={columnSort}
          choices={COLUMN_SORTS}
          onChange={setColumnSort}
          testId="matrix-sort-columns"
        />
      </div>
      {(layout.hiddenRows > 0 || layout.hiddenColumns > 0) && (
        <p className="placeholder" data-testid="matrix-truncated">
          Showing {formatCount(layout.rows.length)} of {formatCount(layout.rows.length + layout.hiddenRows)}{' '}
          primes and {formatCount(layout.columns.length)} of{' '}
          {formatCount(layout.columns.length + layout.hiddenColumns)} capabilities, those with the most cells.
        </p>
      )}
      <div className="matrix-scroll">
        <table className="matrix-table">
          <caption className="visually-hidden">
            Suppliers of each capability to each prime, inside and outside the region
          </caption>
          <thead>
            <tr>
              <th scope="col" className="matrix-corner">
                Prime
              </th>
              <th scope="col" className="matrix-count-head" title="Single-source cells">
                ⚠<span className="visually-hidden"> single-source cells</span>
              </th>
              {layout.columns.map((column) => (
                <th
                  key={column.capability}
                  scope="col"
                  className="matrix-column-head"
                  title={`${column.label} (${column.capability}), bought by ${column.primes} primes`}
                  data-capability={column.capability}
                >
                  <span className="matrix-column-label">{column.label}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody onKeyDown={onKeyDown}>
            {layout.rows.map((row, r) => (
              <tr key={row.prime} data-testid="matrix-row" data-prime={row.prime}>
                <th scope="row" className="matrix-row-head">
                  {onSelectOrg === undefined ? (
                    row.name
                  ) : (
                    <button type="button" className="link-button" onClick={() => onSelectOrg(row.prime)}>
                      {row.name}
                    </button>
                  )}
                  {onRemove !== undefined && (
                    <RemoveButton
                      id={row.prime}
                      name={row.name}
                      onRemove={onRemove}
                      testId="matrix-remove-prime"
                    />
                  )}
                </th>
                <td className="matrix-count">{row.singleSource}</td>
                {layout.columns.map((column, c) => {
                  const cell = layout.cells.get(cellKey(row.prime, column.capability));
                  if (cell === undefined)
                    return (
                      <td key={column.capability} className="matrix-empty">
                        <span className="visually-hidden">does not buy</span>
                      </td>
                    );
                  const single = !cell.lost && isSingleSource(cell);
                  const isChosen = chosen?.prime === row.prime && chosen.capability === column.capability;
                  const state = cell.lost ? 'lost' : single ? 'single' : 'multi';
                  const description = cell.lost
                    ? `${row.name} has lost every supplier of ${column.label}`
                    : `${row.name} buys ${column.label} from ${suppliersText(cell.inRegion)} in the region and ${cell.outOfRegion} outside${single ? ': single source' : ''}`;
                  return (
                    <td key={column.capability} className={`matrix-cell matrix-${state}`}>
                      <button
                        type="button"
                        data-testid="matrix-cell"
                        data-prime={row.prime}
                        data-capability={column.capability}
                        data-state={state}
                        data-row={r}
                        data-col={c}
                        aria-pressed={isChosen}
                        tabIndex={tabStop?.row === r && tabStop.column === c ? 0 : -1}
                        onFocus={() => setFocused({ row: r, column: c })}
                        aria-label={description}
                        title={description}
                        onClick={() => choose(row.prime, column.capability)}
                      >
                        {cell.lost ? (
                          <span className="matrix-flag">✖ lost</span>
                        ) : (
                          <>
                            <span className="matrix-numbers">
                              {cell.inRegion} · {cell.outOfRegion}
                            </span>
                            {single && <span className="matrix-flag">⚠ single</span>}
                          </>
                        )}
                      </button>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {chosen !== null && chosenCell !== undefined && (
        <div className="matrix-detail" data-testid="matrix-cell-detail" aria-live="polite">
          <h4>
            {name(chosen.prime)} · {label(chosen.capability)}
          </h4>
          {chosenSuppliers === undefined || chosenSuppliers.suppliers.length === 0 ? (
            <p className="placeholder">No supplier left: the what-if took them all out.</p>
          ) : (
            <ul className="matrix-suppliers">
              {chosenSuppliers.suppliers.map((id) => (
                <li key={id} data-testid="matrix-supplier" data-org={id}>
                  {onSelectOrg === undefined ? (
                    name(id)
                  ) : (
                    <button type="button" className="link-button" onClick={() => onSelectOrg(id)}>
                      {name(id)}
                    </button>
                  )}{' '}
                  <span className="sub-inline">
                    {chosenSuppliers.inRegion.includes(id) ? 'in the region' : 'outside the region'}
                  </span>
                  {onRemove !== undefined && (
                    <RemoveButton id={id} name={name(id)} onRemove={onRemove} testId="matrix-remove" />
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}

/** The what-if button beside an organization: remove it, as if it closed. */
function RemoveButton(props: { id: string; name: string; onRemove: (id: string) => void; testId: string }) {
  return (
    <button
      type="button"
      className="matrix-remove"
      data-testid={props.testId}
      data-org={props.id}
      aria-label={`What if ${props.name} closes? Remove it`}
      title={`What if ${props.name} closes?`}
      onClick={() => props.onRemove(props.id)}
    >
      Remove
    </button>
  );
}

function suppliersText(n: number): string {
  return `${formatCount(n)} supplier${n === 1 ? '' : 's'}`;
}

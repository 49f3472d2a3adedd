// The list twin of a focused supply tree: every supplier in it by tier (hops from the root), what it sells
// toward the root and for how much, whether it is in the home region, and whether it is a critical supplier
// or one of the root prime's chokepoints. Sortable, keyboard-navigable (DataTable), and a supplier's name
// selects it, as a click on its node does.
import { useMemo } from 'react';
import { SUPPLY_LINK_KINDS } from '../../analysis/supply-graph.ts';
import { DataTable } from '../../ui/DataTable.tsx';
import type { DataColumn } from '../../ui/DataTable.tsx';
import type { DatasetView } from '../contracts.ts';
import { formatUsd } from '../derive/format.ts';
import type { SupplyTree } from './focus.ts';
import { orgIdOf } from './node-key.ts';

export interface TreeRow {
  id: string;
  name: string;
  tier: number;
  /** Labels of what it sells one step toward the root (the link's capability, else its primary NAICS). */
  capabilities: string;
  value: number;
  inRegion: boolean;
  critical: boolean;
  /** null while the root's chokepoints are asked for (or when the root is no prime). */
  chokepoint: boolean | null;
}

/** The tree's suppliers as rows (the root left out), from the dataset's own links. */
export function treeRows(
  data: Pick<DatasetView, 'bundle' | 'orgIndex' | 'inRegion' | 'label'>,
  tree: SupplyTree,
  critical: ReadonlySet<string>,
  chokepoints: ReadonlySet<string> | null,
): TreeRow[] {
  const hops = new Map<string, number>();
  for (const [key, h] of tree.nodes) hops.set(orgIdOf(key), h);
  const value = new Map<string, number>();
  const capabilities = new Map<string, Set<string>>();
  const orgs = data.bundle.organizations;
  for (const link of data.bundle.links) {
    if (!SUPPLY_LINK_KINDS.has(link.kind) || link.source === link.target) continue;
    const hs = hops.get(link.source);
    const ht = hops.get(link.target);
    if (hs === undefined || ht === undefined || ht !== hs - 1) continue;
    value.set(link.source, (value.get(link.source) ?? 0) + (link.value ?? 0));
    const capability = link.capability ?? orgs[data.orgIndex.get(link.source) ?? -1]?.naics[0];
    if (capability === undefined) continue;
    const set = capabilities.get(link.source) ?? new Set<string>();
    set.add(data.label(capability));
    capabilities.set(link.source, set);
  }
  const rows: TreeRow[] = [];
  for (const [id, tier] of hops) {
    if (tier === 0) continue;
    const i = data.orgIndex.get(id);
    if (i === undefined) continue;
    rows.push({
      id,
      name: orgs[i]!.name,
      tier,
      capabilities: [...(capabilities.get(id) ?? [])].sort().join('; '),
      value: value.get(id) ?? 0,
      inRegion: data.inRegion[i] === 1,
      critical: critical.has(id),
      chokepoint: chokepoints === null ? null : chokepoints.has(id),
    });
  }
  // By tier, the most valuable first within one.
  return rows.sort((a, b) => a.tier - b.tier || b.value - a.value);
}

export interface TreeListProps {
  data: DatasetView;
  tree: SupplyTree;
  rootName: string;
  /** The root prime's chokepoints; null while asked. */
  chokepoints: readonly string[] | null;
  onSelect: (orgId: string) => void;
}

export function TreeList({ data, tree, rootName, chokepoints, onSelect }: TreeListProps) {
  const rows = useMemo(
    () =>
      treeRows(
        data,
        tree,
        new Set(data.analysis?.criticalSuppliers ?? []),
        chokepoints === null ? null : new Set(chokepoints),
      ),
    [data, tree, chokepoints],
  );
  const columns = useMemo((): DataColumn<TreeRow>[] => {
    const flags = (r: TreeRow) =>
      [r.chokepoint === true ? 'Chokepoint' : null, r.critical ? 'Critical' : null]
        .filter(Boolean)
        .join(', ');
    return [
      { id: 'tier', header: 'Tier', accessor: (r) => r.tier, numeric: true },
      {
        id: 'supplier',
        header: 'Supplier',
        accessor: (r) => r.name,
        rowHeader: true,
        render: (r) => (
          <button type="button" className="link-button" onClick={() => onSelect(r.id)}>
            {r.name}
          </button>
        ),
      },
      { id: 'capability', header: 'Sells toward the root', accessor: (r) => r.capabilities || null },
      {
        id: 'value',
        header: 'USD/yr',
        accessor: (r) => r.value,
        numeric: true,
        format: (v) => formatUsd(typeof v === 'number' ? v : null),
      },
      { id: 'region', header: 'Region', accessor: (r) => (r.inRegion ? 'In' : 'Outside') },
      {
        id: 'flags',
        header: 'Single point',
        accessor: (r) => (r.chokepoint === null && !r.critical ? null : flags(r) || 'No'),
        format: (v, r) => (r.chokepoint === null && !r.critical ? '…' : String(v)),
      },
    ];
  }, [onSelect]);
  return (
    <details className="network-tree-list" data-testid="network-tree-list">
      <summary>
        List of {rootName}'s supply tree ({rows.length.toLocaleString('en-US')} suppliers)
      </summary>
      <DataTable
        caption={`Suppliers of ${rootName} by tier: what each sells toward it, and whether it is a single point of failure (a chokepoint of ${rootName}) or a critical supplier`}
        captionHidden
        columns={columns}
        rows={rows}
        rowKey={(r) => r.id}
        initialSort={{ column: 'tier', direction: 'ascending' }}
        csvFileName="supply-tree.csv"
        testId="network-tree-table"
      />
    </details>
  );
}

// "Who could fill this gap?": for the selected capability, the local firms that already supply it (they could
// scale up), the local firms close to it (same industry group, or the certifications its suppliers share)
// and the nearest suppliers outside the region. Choosing another gap brings the answer into view.
import { useEffect, useMemo, useRef } from 'react';
import { whoCouldFill } from '../../analysis/fill.ts';
import type { FillReason, LocalCandidate, OutsideSupplier, ScaleUpCandidate } from '../../analysis/fill.ts';
import type { Gap } from '../../analysis/types.ts';
import { DataTable } from '../../ui/DataTable.tsx';
import type { DataColumn } from '../../ui/DataTable.tsx';
import type { DatasetView } from '../contracts.ts';
import { formatCount, formatPercent, formatUsd } from '../derive/format.ts';

export interface FillPanelProps {
  data: DatasetView;
  /** The selected gap (capability id); the panel asks for one when undefined. */
  capability: string | undefined;
  /** The gap's numbers in the current analysis, when it is in demand. */
  gap: Gap | undefined;
  /** What-if removals: they neither supply nor count as candidates. */
  removed: readonly string[];
  onSelectOrg?: ((orgId: string) => void) | undefined;
  /** Outside suppliers listed (default 10). */
  limit?: number | undefined;
}

const REASON_TEXT: Record<FillReason, string> = {
  'industry-group': 'Same industry group',
  certifications: 'Holds the certifications',
};

const distance = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function FillPanel({ data, capability, gap, removed, onSelectOrg, limit = 10 }: FillPanelProps) {
  const removedKey = removed.join('\u0000');
  const { bundle, inRegion, positions } = data;
  const fill = useMemo(
    () =>
      capability === undefined
        ? null
        : whoCouldFill(bundle, inRegion, positions.coords, capability, {
            exclude: removedKey === '' ? [] : removedKey.split('\u0000'),
            limit,
          }),
    [bundle, inRegion, positions, capability, removedKey, limit],
  );

  // A gap chosen after the panel is on screen (a click in a chart, the gap list): bring the answer into view.
  const panelRef = useRef<HTMLElement>(null);
  const shown = useRef(capability);
  useEffect(() => {
    if (capability === shown.current) return;
    shown.current = capability;
    if (capability !== undefined) panelRef.current?.scrollIntoView?.({ behavior: 'smooth', block: 'start' });
  }, [capability]);

  const orgName = (org: string, name: string) =>
    onSelectOrg === undefined ? (
      name
    ) : (
      <button type="button" className="link-button" onClick={() => onSelectOrg(org)}>
        {name}
      </button>
    );

  /** The row-header column of an organization's name, a button that selects it when the view can. */
  const nameColumn = <Row extends { org: string; name: string }>(header: string): DataColumn<Row> => ({
    id: 'name',
    header,
    accessor: (row) => row.name,
    rowHeader: true,
    render: (row) => orgName(row.org, row.name),
  });
  const localColumns: DataColumn<LocalCandidate>[] = [
    nameColumn<LocalCandidate>('Firm'),
    {
      id: 'reasons',
      header: 'Why',
      accessor: (c) => c.reasons.map((r) => REASON_TEXT[r]).join('; '),
    },
    { id: 'naics', header: 'NAICS in the group', accessor: (c) => c.naics.join(', ') || null },
    {
      id: 'certifications',
      header: 'Certifications held',
      accessor: (c) => c.certifications.join(', ') || null,
    },
  ];
  const scaleUpColumns: DataColumn<ScaleUpCandidate>[] = [
    nameColumn<ScaleUpCandidate>('Firm'),
    {
      id: 'supplied',
      header: 'Sells of it today (USD/yr)',
      accessor: (c) => c.supplied,
      numeric: true,
      format: (v) => (v === 0 ? 'declared, no sales on record' : formatUsd(typeof v === 'number' ? v : null)),
    },
  ];
  const outsideColumns: DataColumn<OutsideSupplier>[] = [
    nameColumn<OutsideSupplier>('Supplier'),
    {
      id: 'km',
      header: 'Distance (km)',
      accessor: (s) => s.km,
      numeric: true,
      format: (v) => (typeof v === 'number' ? distance.format(v) : 'unknown'),
    },
    {
      id: 'miles',
      header: 'Distance (miles)',
      accessor: (s) => s.miles,
      numeric: true,
      format: (v) => (typeof v === 'number' ? distance.format(v) : 'unknown'),
    },
  ];

  return (
    <section
      ref={panelRef}
      className="dashboard-panel fill-panel"
      data-testid="fill-panel"
      aria-labelledby="fill-title"
    >
      <h3 id="fill-title">Who could fill this gap?</h3>
      {fill === null || capability === undefined ? (
        <p className="placeholder">Choose a gap in a chart or its table to see who could fill it.</p>
      ) : (
        <>
          <p className="fill-summary" data-testid="fill-summary">
            <strong>{data.label(capability)}</strong> <span className="cap-id-inline">{capability}</span>
            {gap !== undefined && (
              <>
                {' '}
                — {formatUsd(gap.importedValue)} of {formatUsd(gap.demand)} a year bought outside the region (
                {formatPercent(gap.leakage)}).
              </>
            )}{' '}
            {formatCount(fill.localSuppliers)} local and {formatCount(fill.outsideSuppliers)} outside
            suppliers today.
          </p>
          <p className="fill-criteria">
            {fill.industryGroup === null
              ? 'This capability has no NAICS code, so no industry-group match.'
              : `Industry group: NAICS ${fill.industryGroup} (from ${fill.naics ?? ''}).`}{' '}
            {fill.requiredCertifications.length === 0
              ? 'Its suppliers share no certification.'
              : `Certifications all its suppliers hold: ${fill.requiredCertifications.join(', ')}.`}
          </p>
          <DataTable
            caption={`Could scale up: local firms that already supply ${data.label(capability)}`}
            columns={scaleUpColumns}
            rows={fill.scaleUp}
            rowKey={(c) => c.org}
            initialSort={{ column: 'supplied', direction: 'descending' }}
            csvFileName={`could-scale-up-${safeName(capability)}.csv`}
            testId="fill-scale-up-table"
            emptyText="no local firm supplies it today."
          />
          <DataTable
            caption={`Could start: local firms that could supply ${data.label(capability)}`}
            columns={localColumns}
            rows={fill.local}
            rowKey={(c) => c.org}
            csvFileName={`could-fill-${safeName(capability)}.csv`}
            testId="fill-local-table"
            emptyText="no local firm in the same industry group or with the certifications."
          />
          <DataTable
            caption={
              fill.centroid === null
                ? 'Suppliers outside the region (no position in the region to measure from)'
                : `Nearest ${formatCount(fill.outside.length)} suppliers outside the region, by great-circle distance to the region's centre`
            }
            columns={outsideColumns}
            rows={fill.outside}
            rowKey={(s) => s.org}
            initialSort={{ column: 'km', direction: 'ascending' }}
            csvFileName={`outside-suppliers-${safeName(capability)}.csv`}
            testId="fill-outside-table"
            emptyText="no supplier outside the region."
          />
        </>
      )}
    </section>
  );
}

/** A capability id as part of a file name: ids are user data and may hold slashes or worse. */
function safeName(id: string): string {
  return id.replace(/[^\w.-]+/g, '_').slice(0, 60);
}

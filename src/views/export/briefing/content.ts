// The briefing's tables from the analysis: the gap list and the prime × capability dependency matrix. Dollar
// totals of a partner copy are given as bands only (io/redact.ts): the analysis adds exact values.
import type { AnalysisResult } from '../../../analysis/types.ts';
import type { Sharing } from '../../../domain/model.ts';
import { formatCount, formatDollars, formatPercent } from '../../derive/format.ts';
import { FLAG_LABELS } from '../../labels.ts';
import type { Figure } from './figures.ts';
import { tableFigure } from './figures.ts';

export const GAP_COLUMNS = [
  { header: 'Capability', width: 0.46 },
  { header: 'Flags', width: 0.22 },
  { header: 'Imported $/yr', width: 0.12, align: 'end' as const },
  { header: 'Leakage', width: 0.09, align: 'end' as const },
  { header: 'Local suppliers', width: 0.11, align: 'end' as const },
];

/** The gap list's rows, as text, most severe first. */
export function gapRows(analysis: AnalysisResult, sharing: Sharing | undefined): string[][] {
  return analysis.gaps.map((gap) => [
    `${gap.label} (${gap.capability})`,
    gap.flags.map((flag) => FLAG_LABELS[flag]).join(', '),
    formatDollars(gap.importedValue, sharing?.profile),
    formatPercent(gap.leakage),
    formatCount(gap.localSuppliers),
  ]);
}

/** The gap list, most severe first, as many rows as `maxRows`. */
export function gapsFigure(
  analysis: AnalysisResult,
  sharing: Sharing | undefined,
  width: number,
  maxRows: number,
): Figure {
  return tableFigure(
    'Gaps: capabilities in demand, most severe first',
    width,
    GAP_COLUMNS,
    gapRows(analysis, sharing),
    maxRows,
  );
}

/**
 * The dependency matrix: primes down, the capabilities most primes buy across (at most `maxColumns`), each
 * cell "in-region / outside" supplier counts, "1 / 0 !" where one supplier is all there is.
 */
export function matrixFigure(
  analysis: AnalysisResult,
  nameOf: (orgId: string) => string,
  label: (capabilityId: string) => string,
  width: number,
  maxRows: number,
  maxColumns = 5,
): Figure | null {
  const table = matrixTable(analysis, nameOf, label, maxColumns);
  if (table === null) return null;
  const share = 0.6 / Math.max(1, table.headers.length - 1);
  return tableFigure(
    'Dependency matrix: suppliers in the region / outside ("!" a single source)',
    width,
    table.headers.map((header, i) =>
      i === 0 ? { header, width: 0.4 } : { header, width: share, align: 'end' as const },
    ),
    table.rows,
    maxRows,
  );
}

/** The dependency matrix as text: its headers (Prime, then capabilities) and a row per prime; null when empty. */
export function matrixTable(
  analysis: AnalysisResult,
  nameOf: (orgId: string) => string,
  label: (capabilityId: string) => string,
  maxColumns: number,
): { headers: string[]; rows: string[][] } | null {
  if (analysis.matrix.length === 0) return null;
  const byCapability = new Map<string, number>();
  for (const cell of analysis.matrix)
    byCapability.set(cell.capability, (byCapability.get(cell.capability) ?? 0) + 1);
  const capabilities = [...byCapability]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, maxColumns)
    .map(([id]) => id);
  const primes = [...new Set(analysis.matrix.map((cell) => cell.prime))].sort((a, b) =>
    nameOf(a).localeCompare(nameOf(b)),
  );
  const cells = new Map(analysis.matrix.map((cell) => [`${cell.prime}\u0000${cell.capability}`, cell]));
  const rows = primes.map((prime) => [
    nameOf(prime),
    ...capabilities.map((capability) => {
      const cell = cells.get(`${prime}\u0000${capability}`);
      if (cell === undefined) return '';
      const single = cell.inRegion + cell.outOfRegion === 1 ? ' !' : '';
      return `${cell.inRegion} / ${cell.outOfRegion}${single}`;
    }),
  ]);
  return { headers: ['Prime', ...capabilities.map(label)], rows };
}

// The gap list as CSV, one row per capability in demand, most severe first (the order of the analysis).
import type { AnalysisResult } from '../../analysis/types.ts';
import type { CsvOptions, CsvValue } from './csv-text.ts';
import { csvText } from './csv-text.ts';

export const GAP_COLUMNS = [
  'rank',
  'capability',
  'label',
  'flags',
  'demand',
  'demand_links',
  'local_value',
  'imported_value',
  'leakage',
  'local_suppliers',
  'hhi',
  'trainers',
] as const;

/** Money in USD per year as computed; `hhi` is empty when there is no local value to share. */
export function exportGapsCsv(result: AnalysisResult, options: CsvOptions = {}): string {
  const rows = result.gaps.map((gap, i): CsvValue[] => [
    i + 1,
    gap.capability,
    gap.label,
    gap.flags.join(';'),
    gap.demand,
    gap.demandLinks,
    gap.localValue,
    gap.importedValue,
    gap.leakage,
    gap.localSuppliers,
    gap.hhi,
    gap.trainers,
  ]);
  return csvText(GAP_COLUMNS, rows, options);
}

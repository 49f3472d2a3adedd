// Legend entries for the PNG exports: the organization kinds with the colors and names both views use.
import type { OrgKind } from '../../domain/model.ts';
import { ORG_KINDS } from '../../domain/model.ts';
import { KIND_COLORS } from '../map/style.ts';
import { KIND_LABELS } from '../labels.ts';
import type { LegendEntry } from './png-layout.ts';

/** One dot per kind, in the model's order; with counts, "Manufacturer (1,234)" and kinds with none left out. */
export function kindLegend(counts?: Readonly<Record<OrgKind, number>>): LegendEntry[] {
  return ORG_KINDS.filter((kind) => counts === undefined || counts[kind] > 0).map((kind) => ({
    color: KIND_COLORS[kind],
    label:
      counts === undefined
        ? KIND_LABELS[kind]
        : `${KIND_LABELS[kind]} (${counts[kind].toLocaleString('en-US')})`,
  }));
}

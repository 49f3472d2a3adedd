// The gap list of DESIGN.md §3: every capability in demand in the home region, with its stats, label and
// flags, most severe first. Composes capability-stats, flags and rank.
import { capabilityStats } from './capability-stats.ts';
import { gapFlags } from './flags.ts';
import { rankGaps } from './rank.ts';
import type { SupplyGraph } from './supply-graph.ts';
import type { Gap } from './types.ts';

/**
 * Capabilities in demand (demand > 0 or at least one demand link or need), flagged and ranked; one with no
 * flag is still listed, with `flags: []`. See `capabilityStats` for the rules behind each number.
 */
export function findGaps(graph: SupplyGraph, label: (capabilityId: string) => string): Gap[] {
  return rankGaps(
    capabilityStats(graph).map((stats) => ({
      ...stats,
      label: label(stats.capability),
      flags: gapFlags(stats),
    })),
  );
}

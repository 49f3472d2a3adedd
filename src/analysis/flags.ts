// The gap flags of DESIGN.md §3, each an independent rule over one capability's stats.
import type { CapabilityStats, GapFlag } from './types.ts';

/** `leakage` fires from this share of demand bought outside the region (inclusive). */
export const LEAKAGE_THRESHOLD = 0.5;
/** `concentrated` fires from this HHI of local suppliers' shares (inclusive: four equal suppliers). */
export const CONCENTRATION_THRESHOLD = 0.25;

/**
 * The flags of one capability, in GAP_FLAGS order:
 * - `missing`: no local supplier;
 * - `single-source`: exactly one local supplier;
 * - `leakage`: at least one local supplier and leakage ≥ 0.5 (capacity exists, buyers go elsewhere);
 * - `concentrated`: at least two local suppliers and hhi ≥ 0.25 (a null hhi, no local sales, never is);
 * - `workforce`: no training organization in the region trains for it.
 * A capability in demand with no flag gets `[]`; whether it is in demand is decided by the caller.
 */
export function gapFlags(stats: CapabilityStats): GapFlag[] {
  const flags: GapFlag[] = [];
  const suppliers = stats.localSuppliers;
  if (suppliers === 0) flags.push('missing');
  if (suppliers === 1) flags.push('single-source');
  if (suppliers >= 1 && stats.leakage >= LEAKAGE_THRESHOLD) flags.push('leakage');
  if (suppliers >= 2 && stats.hhi !== null && stats.hhi >= CONCENTRATION_THRESHOLD)
    flags.push('concentrated');
  if (stats.trainers === 0) flags.push('workforce');
  return flags;
}

// Supply tiers (DESIGN.md §3): the fewest supply links from an org to any prime, following supply direction.
// One multi-source BFS from every prime over the links reversed (buyer → supplier).
import { incomingLinks } from './adjacency.ts';
import { KIND_CODE } from './supply-graph.ts';
import type { SupplyGraph } from './supply-graph.ts';

/** Tier per org: 0 for a prime, 1 for its direct suppliers, …; -1 when no prime is reachable. */
export function computeTiers(graph: SupplyGraph): Int32Array {
  const n = graph.orgCount;
  const tiers = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  let tail = 0;
  // A removed org has REMOVED_KIND, so it never seeds the search.
  for (let i = 0; i < n; i++) {
    if (graph.kind[i] === KIND_CODE.prime) {
      tiers[i] = 0;
      queue[tail++] = i;
    }
  }
  if (tail === 0) return tiers;
  const { start, neighbors } = incomingLinks(graph);
  for (let head = 0; head < tail; head++) {
    const buyer = queue[head]!;
    const next = tiers[buyer]! + 1;
    const end = start[buyer + 1]!;
    for (let k = start[buyer]!; k < end; k++) {
      const supplier = neighbors[k]!;
      if (tiers[supplier] === -1) {
        tiers[supplier] = next;
        queue[tail++] = supplier;
      }
    }
  }
  return tiers;
}

/** counts[k] = number of orgs at tier k; unreachable orgs are not counted. */
export function tierCounts(tiers: Int32Array): number[] {
  const counts: number[] = [];
  for (let i = 0; i < tiers.length; i++) {
    const tier = tiers[i]!;
    if (tier < 0) continue;
    while (counts.length <= tier) counts.push(0);
    counts[tier]!++;
  }
  return counts;
}

/**
 * Org id → tier for the orgs that reach a prime. The object has no prototype, so an id such as "__proto__"
 * or "constructor" is stored as an ordinary own key instead of touching Object.prototype.
 */
export function tiersRecord(graph: SupplyGraph, tiers: Int32Array): Record<string, number> {
  const record = Object.create(null) as Record<string, number>;
  for (let i = 0; i < graph.orgCount; i++) {
    const tier = tiers[i]!;
    if (tier >= 0) record[graph.orgIds[i]!] = tier;
  }
  return record;
}

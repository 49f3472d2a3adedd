// The prime dependency matrix of DESIGN.md §3: for each prime and each capability it buys, how many distinct
// suppliers it has inside and outside the home region. One with a single supplier is a single-source dependency.
import { compareText } from './compare-text.ts';
import { KIND_CODE, REMOVED_KIND } from './supply-graph.ts';
import type { SupplyGraph } from './supply-graph.ts';
import type { MatrixCell } from './types.ts';

/** A (prime, capability) pair that hangs on one supplier, wherever that supplier is. */
export function isSingleSource(cell: MatrixCell): boolean {
  return cell.inRegion + cell.outOfRegion === 1;
}

/**
 * One cell per prime (kind prime, so not removed) and capability it buys: a supply link into the prime with
 * capability ≥ 0 (the link's own, else the supplier's primary NAICS). Self-links are ignored; several links
 * from one supplier count once; a supplier is "in region" by `inRegion`. Sorted by prime id, then
 * capability id, both in code-unit order.
 */
export function dependencyMatrix(graph: SupplyGraph): MatrixCell[] {
  const { orgCount, orgIds, kind, inRegion, capabilityIds, linkSource, linkTarget, linkCapability } = graph;
  const buys = (l: number): boolean => {
    const t = linkTarget[l]!;
    // A supplier a what-if removed supplies nothing (its link stays only as demand, see what-if.ts).
    return (
      kind[t] === KIND_CODE.prime &&
      linkSource[l] !== t &&
      linkCapability[l]! >= 0 &&
      kind[linkSource[l]!] !== REMOVED_KIND
    );
  };

  // Capabilities by id, so that a prime's links sorted by (capability rank, supplier) come out in output order.
  const byId = capabilityIds
    .map((_, c) => c)
    .sort((a, b) => compareText(capabilityIds[a]!, capabilityIds[b]!));
  const rank = new Int32Array(capabilityIds.length);
  byId.forEach((c, r) => (rank[c] = r));

  // Counting sort of the primes' incoming links by prime; each link becomes the key rank·orgCount + supplier
  // (below 2^53 for any realistic size), so sorting a prime's keys groups equal (capability, supplier) pairs.
  const start = new Int32Array(orgCount + 1);
  for (let l = 0; l < graph.linkCount; l++) if (buys(l)) start[linkTarget[l]! + 1]!++;
  for (let i = 0; i < orgCount; i++) start[i + 1]! += start[i]!;
  const cursor = start.slice(0, orgCount);
  const keys = new Float64Array(start[orgCount]!);
  for (let l = 0; l < graph.linkCount; l++) {
    if (buys(l)) keys[cursor[linkTarget[l]!]!++] = rank[linkCapability[l]!]! * orgCount + linkSource[l]!;
  }

  const primes: number[] = [];
  for (let p = 0; p < orgCount; p++) if (start[p + 1]! > start[p]!) primes.push(p);
  primes.sort((a, b) => compareText(orgIds[a]!, orgIds[b]!));

  const cells: MatrixCell[] = [];
  for (const p of primes) {
    const own = keys.subarray(start[p]!, start[p + 1]!).sort();
    let cell: MatrixCell | null = null;
    let cellRank = -1;
    for (let k = 0; k < own.length; k++) {
      const key = own[k]!;
      if (k > 0 && key === own[k - 1]) continue;
      const r = Math.floor(key / orgCount);
      if (cell === null || r !== cellRank) {
        cellRank = r;
        cell = { prime: orgIds[p]!, capability: capabilityIds[byId[r]!]!, inRegion: 0, outOfRegion: 0 };
        cells.push(cell);
      }
      if (inRegion[key - r * orgCount] === 1) cell.inRegion++;
      else cell.outOfRegion++;
    }
  }
  return cells;
}
